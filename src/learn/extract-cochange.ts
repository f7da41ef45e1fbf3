import { posix } from "node:path";
import { isCodeFile } from "../graph/types.js";
import { filesOfCommit, parentOf, shortSha } from "../repo/revision.js";
import { globMatcher } from "../repo/glob.js";
import { example, type ExtractContext } from "./extract-context.js";
import { kebab } from "./naming.js";
import type { Candidate } from "./types.js";

/**
 * A companion file the agent forgot: `co-change` candidates. The heuristic, kept narrow on
 * purpose (a co-change rule cannot be disproved on HEAD, which has no change to judge):
 * - the bad side is a commit with a parent, so its own change (`bad^..bad`) is known;
 * - that change touched code files C;
 * - the fix changed no code file at all, and changed (or added) non-code files Y that the bad
 *   change did not touch: the fix only supplied what was missing.
 * Each Y gives `when` rungs over C, most general first: the layer(s) of C (guard.yaml `layers`)
 * → C's folders → C's files; `then` = [Y]. No rung covers every file: "any change needs Y"
 * is never what one forgotten doc teaches.
 */
export function coChangeCandidates(context: ExtractContext, notes: string[]): Candidate[] {
  const { evidence, config } = context;
  const fixed = evidence.files.flatMap((file) => [file.oldPath, file.newPath].filter((path): path is string => path !== undefined));
  if (fixed.length === 0 || fixed.some(isCodeFile)) return [];
  const root = config.root;
  const parent = parentOf(root, evidence.bad); // undefined for a tree (a --diff) or a root commit
  if (!parent) return [];
  const agentFiles = [...filesOfCommit(root, evidence.bad, parent)].sort();
  const agentCode = agentFiles.filter(isCodeFile);
  if (agentCode.length === 0) {
    notes.push(`the fix changed only non-code files, and the commit before it (${evidence.bad.slice(0, 7)}) changed no code`);
    return [];
  }
  const companions = evidence.files.filter((file) => file.status !== "deleted" && file.newPath && !agentFiles.includes(file.newPath)).map((file) => file.newPath!);
  const badShort = shortSha(root, evidence.bad);
  const candidates: Candidate[] = [];
  for (const then of companions) {
    for (const rung of whenLadder(agentCode, context)) {
      candidates.push({
        kind: "co-change",
        generality: candidates.length,
        label: `co-change when ${rung.when.join(", ")} then ${then}`,
        expect: [],
        rule: {
          id: `learned/update-${kebab(then.replace(/\.[^./]+$/, "")) || "companion"}-with-${kebab(rung.area) || "code"}`,
          kind: "co-change",
          severity: "error",
          files: [],
          ignore: [],
          message: `Changes to ${rung.where} must also update \`${then}\`; ${badShort} changed ${agentCode.map((file) => `\`${file}\``).slice(0, 3).join(", ")} without it, and ${context.reference} added the update`,
          fix: `Update \`${then}\` in the same change, as ${evidence.label} did.`,
          why: context.why,
          examples: {
            bad: [example({ changed: agentCode })],
            good: [example({ changed: [...agentCode, then] })],
          },
          when: rung.when,
          then: [then],
        },
      });
    }
  }
  return candidates;
}

interface WhenRung {
  when: string[];
  area: string;
  where: string;
}

function whenLadder(files: string[], context: ExtractContext): WhenRung[] {
  const rungs: WhenRung[] = [];
  const layers = files.map((file) => context.config.layers.find((layer) => globMatcher(layer.paths)(file)));
  if (layers.every((layer) => layer !== undefined)) {
    const names = [...new Set(layers.map((layer) => layer!.name))];
    const globs = [...new Set(layers.flatMap((layer) => layer!.paths))];
    rungs.push({ when: globs, area: names.join("-"), where: `the ${names.join(", ")} layer${names.length > 1 ? "s" : ""}` });
  }
  const folders = [...new Set(files.map((file) => posix.dirname(file)))];
  if (!folders.includes(".")) {
    const globs = folders.map((folder) => `${folder}/**`);
    if (!rungs.some((rung) => rung.when.join() === globs.join())) {
      rungs.push({ when: globs, area: folders.map((folder) => posix.basename(folder)).join("-"), where: folders.map((folder) => `${folder}/`).join(", ") });
    }
  }
  rungs.push({ when: files, area: files.map((file) => posix.basename(file).replace(/\..*$/, "")).join("-"), where: files.map((file) => `\`${file}\``).join(", ") });
  return rungs;
}
