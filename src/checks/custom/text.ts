import type { RuleExample, TextRuleFile } from "../../config/rule-file-types.js";
import { lineLocator, type TextPlace } from "../../graph/extract-lines.js";
import { globMatcher } from "../../repo/glob.js";
import type { Workspace } from "../workspace.js";
import type { Kind, KindFinding } from "./kind.js";
import { TextRegex } from "./text-regex.js";
import { clip, evidenceText, oneLine } from "./match-text.js";

/** Message data stays one readable line; the evidence keeps more, then a digest. */
const MAX_DATA_CHARS = 80;

/** Compiled once per rule: which files it reads and its regex (see text-regex.ts for why it cannot hang). */
interface CompiledText {
  regex: TextRegex;
  /** Why the rule does not read this file, or undefined when it does. */
  whyNot(file: string): string | undefined;
}

const compiled = new WeakMap<TextRuleFile, CompiledText>();
function compile(spec: TextRuleFile): CompiledText {
  let rule = compiled.get(spec);
  if (!rule) {
    const files = spec.files.length ? globMatcher(spec.files) : () => true;
    const ignore = globMatcher(spec.ignore);
    const whyNot = (file: string) => (!files(file) ? "is outside `files`" : ignore(file) ? "is in `ignore`" : undefined);
    rule = { regex: new TextRegex(spec.regex, spec.flags), whyNot };
    compiled.set(spec, rule);
  }
  return rule;
}

/**
 * The text kind (SPEC §4): a regex over the files matching `files` (minus `ignore`), meant for
 * YAML, JSON, Markdown and other files the pattern kind cannot parse. One finding per match, from
 * its start to its end; `{match}` and each named group (`(?<key>…)` → `{key}`) may appear in the
 * message. Binary and unreadable files are skipped by the repo; a file on which the regex runs
 * out of time is skipped with the reason, never waited on.
 */
const kind: Kind<TextRuleFile> = {
  check({ spec, workspace, report }) {
    const rule = compile(spec);
    const files = candidates(workspace).filter((file) => rule.whyNot(file) === undefined);
    workspace.repo.preload(files); // from the git index: one git process, not one a file
    const read = files.flatMap((file) => {
      const text = workspace.repo.readText(file);
      return text === undefined ? [] : [{ file, text }];
    });
    const { results, gaveUp } = rule.regex.scan(read.map((entry) => entry.text));
    results.forEach((found, i) => {
      const { file, text } = read[i]!;
      if (found === undefined) return;
      if ("gaveUp" in found) {
        workspace.repo.note(file, `the regex of ${spec.source} ${found.gaveUp}; rewrite it without nested quantifiers such as (a+)+ or backreferences`);
        return;
      }
      const locate = lineLocator(text);
      for (const match of found) report(findingAt(file, locate, match));
    });
    const unscanned = results.filter((found) => found === undefined).length;
    if (gaveUp > 0 && unscanned > 0) {
      workspace.repo.note(spec.source, `its regex ran out of time on ${gaveUp} files, so it did not scan ${unscanned} more file${unscanned === 1 ? "" : "s"}`);
    }
  },

  runExample(spec: TextRuleFile, example: RuleExample) {
    const rule = compile(spec);
    const whyNot = example.file === undefined ? undefined : rule.whyNot(example.file);
    if (whyNot) return { fired: false, detail: `${example.file} ${whyNot}` };
    const text = example.code ?? "";
    const found = rule.regex.scan([text]).results[0];
    if (found === undefined || "gaveUp" in found) return { fired: false, detail: `the regex ${found?.gaveUp ?? "did not run"}` };
    const first = found[0];
    if (!first) return { fired: false, detail: "no match" };
    const at = lineLocator(text)(first.index);
    return { fired: true, detail: `matched \`${clip(oneLine(first[0]), MAX_DATA_CHARS)}\` at ${at.line}:${at.column}` };
  },
};
export default kind;

/**
 * The files a run looks at: all of them, or what the change (`--staged`, `--since`, `--commit`)
 * touched. Never the rule files themselves: each one's `examples.bad` holds the very text its
 * regex looks for, so a rule over every YAML file would otherwise fire on its own examples.
 */
function candidates(workspace: Workspace): string[] {
  const { repo, change } = workspace;
  const ruleFiles = new Set(workspace.ruleFiles.map((rule) => rule.source));
  const files = change ? [...change.files].filter((file) => repo.hasFile(file)).sort() : repo.files;
  return files.filter((file) => !ruleFiles.has(file));
}

/** A finding from the match's start to its end (1-based, UTF-16 columns as editors count; lines as git counts them). */
function findingAt(file: string, locate: (offset: number) => TextPlace, match: RegExpExecArray): KindFinding {
  const text = match[0];
  const start = locate(match.index);
  const end = locate(match.index + text.length);
  const data: Record<string, string> = { match: clip(oneLine(text), MAX_DATA_CHARS) };
  for (const [name, value] of Object.entries(match.groups ?? {})) data[name] = clip(oneLine(value ?? ""), MAX_DATA_CHARS);
  return {
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    data,
    evidence: { match: evidenceText(text) },
  };
}
