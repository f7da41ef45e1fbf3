import { z } from "zod";

/**
 * The shape of guard.yaml (SPEC §2). Strict objects: an unknown key is an error with a
 * "did you mean". Every field is optional here; defaults live in `defaults.ts` and presets.
 */
const globList = z.array(z.string().min(1, "a non-empty glob"));
const severitySetting = z.enum(["off", "warn", "error"]);
const ruleSetting = z.union([
  severitySetting,
  z.looseObject({ severity: severitySetting.optional() }),
]);

export const agentsSchema = z.strictObject({
  maps: globList.optional(),
  maxLines: z.number().int().nonnegative().optional(),
  maxBytesChain: z.number().int().nonnegative().optional(),
  requiredSections: z.array(z.string()).optional(),
  requiredMentions: z.array(z.string()).optional(),
});

export const docsSchema = z.strictObject({
  roots: globList.optional(),
  nav: globList.optional(),
  maxLines: z.number().int().nonnegative().optional(),
  frontMatter: z
    .strictObject({
      required: z.array(z.string()).optional(),
      freshDays: z.number().int().nonnegative().optional(),
    })
    .optional(),
});

export const layerSchema = z.strictObject({
  name: z.string().min(1),
  paths: globList.min(1),
});

export const configSchema = z.strictObject({
  extends: z.union([z.string(), z.array(z.string())]).optional(),
  exclude: globList.optional(),
  agents: agentsSchema.optional(),
  docs: docsSchema.optional(),
  layers: z.array(layerSchema).optional(),
  crossCutting: globList.optional(),
  publicEntry: z.record(z.string(), z.string()).optional(),
  maxFileLines: z.number().int().nonnegative().optional(),
  rules: z.record(z.string(), ruleSetting).optional(),
  ruleDirs: z.array(z.string()).optional(),
  baseline: z.string().optional(),
});

export type RawConfig = z.infer<typeof configSchema>;
export type RuleSettingInput = z.infer<typeof ruleSetting>;
