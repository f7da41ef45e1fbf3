import { posix } from "node:path";
import { kindOf } from "../checks/custom/kinds.js";
import type { RuleExample } from "../config/rule-file-types.js";
import { UsageError } from "../core/errors.js";
import { ruleId } from "./naming.js";
import { areaFolder } from "./note.js";
import { toRuleFile } from "./rule-source.js";
import type { Candidate, DraftRule } from "./types.js";

/** The direct forms (SPEC §6): the rule is given, not extracted; only HEAD proves it. */
export type DirectInput =
  | { form: "pattern"; pattern: string; in?: string }
  | { form: "forbid-import"; forbid: string; in: string }
  | { form: "place"; place: string; in: string };

export interface DirectTexts {
  message: string;
  fix: string;
  /** yyyy-mm-dd, for `why`. */
  date: string;
}

/** The candidate a direct form describes, with examples built from it (kept only when they behave). */
export async function directCandidate(input: DirectInput, texts: DirectTexts): Promise<Candidate> {
  const base = { severity: "error" as const, ignore: [], message: texts.message, fix: texts.fix, why: `Written ${texts.date} with guard learn --${input.form}` };
  let rule: DraftRule;
  let bad: RuleExample[];
  let good: RuleExample[] = [];
  if (input.form === "pattern") {
    const files = input.in === undefined ? [] : [input.in];
    rule = { ...base, kind: "pattern", id: ruleId(input.pattern, areaName(input.in)), files, pattern: input.pattern, examples: { bad: [], good: [] } };
    bad = [example({ code: instantiateCode(input.pattern) }), example({ code: input.pattern })];
  } else if (input.form === "forbid-import") {
    rule = { ...base, kind: "import", id: ruleId(posix.basename(input.forbid.replace(/\/\*\*$/, "")), areaName(input.in)), files: [], from: [input.in], forbid: [input.forbid], allow: [], examples: { bad: [], good: [] } };
    const target = /[*?[\]{}]/.test(input.forbid) || input.forbid.includes("/") && !input.forbid.startsWith("@") ? codeFile(instantiateGlob(input.forbid)) : input.forbid;
    bad = [example({ file: codeFile(instantiateGlob(input.in)), import: target })];
  } else {
    rule = { ...base, kind: "placement", id: ruleId(input.place, areaName(input.in), "place"), files: [], match: [input.place], in: [input.in], examples: { bad: [], good: [] } };
    const name = instantiateGlob(input.place);
    const folder = areaFolder(rule);
    bad = [example({ file: name }), example({ file: `misplaced/${posix.basename(name)}` })];
    good = [example({ file: folder ? `${folder}/${posix.basename(name)}` : posix.basename(name) })];
  }
  rule.examples = { bad: await firstThat(rule, bad, true), good: await firstThat(rule, good, false) };
  if (rule.examples.bad.length === 0) {
    throw new UsageError(`the ${input.form === "place" ? "--place" : `--${input.form}`} rule would never fire on its own example`, {
      expected: input.form === "place" ? "a --place glob that can match files outside the --in glob" : "a rule that can match something",
      suggestion: "check the globs and the pattern",
    });
  }
  return { kind: rule.kind, rule, generality: 0, label: directLabel(input), expect: [] };
}

/** "direct: pattern `moment($$$)` in src/domain/**" and the like. */
function directLabel(input: DirectInput): string {
  if (input.form === "pattern") return `direct: pattern \`${input.pattern}\` in ${input.in ?? "every file"}`;
  if (input.form === "forbid-import") return `direct: ${input.in} must not import ${input.forbid}`;
  return `direct: ${input.place} must live under ${input.in}`;
}

/** The first example that behaves as it should (fires when bad, quiet when good). */
async function firstThat(rule: DraftRule, examples: RuleExample[], fires: boolean): Promise<RuleExample[]> {
  const spec = toRuleFile(rule, "direct.yaml");
  for (const candidate of examples) {
    try {
      if ((await kindOf(spec).runExample(spec, candidate)).fired === fires) return [candidate];
    } catch {
      // An example the kind cannot run is simply not kept.
    }
  }
  return [];
}

function example(fields: Omit<RuleExample, "line" | "column">): RuleExample {
  return { ...fields, line: 1, column: 1 };
}

/** `src/domain/**` → `domain`; undefined without a folder. */
function areaName(glob: string | undefined): string | undefined {
  if (glob === undefined) return undefined;
  const folder = areaFolder({ kind: "pattern", files: [glob] } as unknown as DraftRule);
  return folder ? posix.basename(folder) : undefined;
}

/** A path a glob matches: `src/domain/**` → `src/domain/example.ts`, `**\/*.test.ts` → `example.test.ts`. */
export function instantiateGlob(glob: string): string {
  return glob
    .replace(/^\.\//, "")
    .replace(/\/\*\*$/, "/example.ts")
    .replace(/(^|\/)\*\*\//g, "$1")
    .replace(/\{([^,}]*)[^}]*\}/g, "$1")
    .replace(/\[([^\]])[^\]]*\]/g, "$1")
    .replace(/\*/g, "example")
    .replace(/\?/g, "x");
}

/** An importing file must be code: `src/domain/example` → `src/domain/example.ts`. */
function codeFile(path: string): string {
  return /\.[cm]?[jt]sx?$/.test(path) ? path : `${path.replace(/\/$/, "")}${path.endsWith("/") ? "/example" : ""}.ts`;
}

/** Code the pattern matches: metavariables replaced by a name (`moment($$$)` → `moment()`). */
function instantiateCode(pattern: string): string {
  return pattern.replace(/\$\$\$[A-Z_0-9]*/g, "").replace(/\$[A-Z_][A-Z_0-9]*/g, "value").replace(/\$_/g, "value");
}
