import { CONFIG_NAMES } from "../../config/load.js";
import { presetRuleText } from "../../config/rule-files.js";
import type { ChangeContext } from "../../core/change.js";
import { readSide, type Side } from "../../repo/snapshot.js";
import { defineRule } from "../rule.js";
import { compareBaseline } from "./weakened-baseline.js";
import { compareConfig } from "./weakened-config.js";
import { compareRuleFiles } from "./weakened-rule-files.js";
import { parseLenient, stringList, type LenientYaml, type Weakening } from "./weakened-yaml.js";

const DEFAULT_RULE_DIRS = [".guard/rules"];
/** A `Guard-Approved: <who>` line (a git trailer) in a commit message; the key is case-insensitive. */
const APPROVED = /^[ \t]*guard-approved:[ \t]*\S/im;
const YAML_FILE = /\.ya?ml$/i;

/**
 * guard/weakened: with `--staged`, `--since` or `--commit`, compares guard's own config and rule
 * files before the change (read from git objects at `change.base`) with the changed side (the
 * index, the work tree, or the commit) and reports each change that makes guard quieter.
 * A `Guard-Approved:` trailer in one of the change's commit messages, or `--allow-weaken`,
 * lets it pass; `--staged` has no message yet, so a hook that a person approved passes
 * `--allow-weaken`, and CI running `--since`/`--commit` sees the trailer.
 */
export default defineRule({
  meta: {
    id: "guard/weakened",
    description: "A change makes guard quieter (rule file removed, severity lowered, exclude added) without approval.",
    severity: "error",
    messages: {
      deleted: "{what} {file} deleted, so its checks no longer run",
      lowered: "`{key}` lowered from {from} to {to}",
      turnedOff: "`{key}` turned off",
      settingRemoved: "`{key}: {from}` removed, so it falls back to {to}",
      added: "`{key}` adds `{entry}`, so less is checked",
      removed: "`{key}` no longer includes `{entry}`, so less is checked",
      raised: "`{key}` raised from {from} to {to}",
      limitOff: "`{key}` set to 0 (was {from}), which turns the limit off",
      baselined: "the baseline adds a finding of {rule} in {file}, so it no longer fails",
    },
    fix:
      "Undo this change and fix what guard reports instead: a check must not be made quieter to pass. " +
      "If a person decided on it, they approve it with a `Guard-Approved: <name>` trailer in the commit message, or run the check with --allow-weaken.",
  },
  check({ config, workspace, report }) {
    const change = workspace.change;
    if (!change || change.base === undefined) return; // whole-tree run, or nothing before the first commit
    if (change.allowWeaken || change.messages.some((message) => APPROVED.test(message))) return;
    const configNames = [...new Set([workspace.config.file, ...CONFIG_NAMES].filter((name): name is string => !!name))];
    const baseline = workspace.config.baseline.replace(/^(\.\/)+/, "");
    // Rule files are YAML: a change touching neither the config, the baseline nor any YAML file cannot weaken guard.
    if (![...change.files].some((file) => configNames.includes(file) || file === baseline || YAML_FILE.test(file))) return;
    // The engine runs this rule even where the changed config turns it off; it was off before too: stay quiet.
    if (config.rules["guard/weakened"]?.severity === "off" && offBefore(config.root, change, configNames)) return;
    const found = findWeakenings(workspace.config.root, change, configNames);
    if (change.files.has(baseline)) found.push(...baselineGrowth(workspace.config.root, change, baseline));
    for (const weakening of found) {
      const { messageId, data, evidence, file, line, column } = weakening;
      report({ file, line, column, messageId, data, evidence });
    }
  },
});

function findWeakenings(root: string, change: ChangeContext, configNames: string[]): Weakening[] {
  const baseSide: Side = { kind: "rev", rev: change.base! };
  const base = readConfig(root, baseSide, configNames);
  const head = readConfig(root, change.head, configNames);
  const found: Weakening[] = [];
  if (base.name && base.config) {
    if (!head.name) found.push(deleted("config file", base.name));
    else if (head.config) found.push(...compareConfig(base.config, head.config));
  }
  const headDirs = [...new Set([...base.ruleDirs, ...head.ruleDirs])];
  const sides = { base: readSide(root, baseSide, [], base.ruleDirs), head: readSide(root, change.head, [], headDirs) };
  found.push(...compareRuleFiles(withReplacedPresetRules(sides, headDirs)));
  return found;
}

/**
 * A rule file added with a built-in preset rule's id (`.guard/rules/long-running/feature-list.yaml`)
 * replaces that rule, so it is compared with the preset's file as if that had been there before:
 * an agent must not loosen its own feature list rule by copying it.
 */
function withReplacedPresetRules(sides: { base: Map<string, string | undefined>; head: Map<string, string | undefined> }, ruleDirs: string[]) {
  const base = new Map(sides.base);
  for (const path of sides.head.keys()) {
    if (base.has(path) || !YAML_FILE.test(path)) continue;
    for (const dir of ruleDirs) {
      const prefix = `${dir.replace(/^(\.\/)+/, "").replace(/\/+$/, "")}/`;
      if (!path.startsWith(prefix)) continue;
      const original = presetRuleText(path.slice(prefix.length).replace(YAML_FILE, ""));
      if (original !== undefined) base.set(path, original);
    }
  }
  return { base, head: sides.head };
}

interface SideConfig {
  /** The config file present on this side (the first of the config names). */
  name: string | undefined;
  /** Its YAML; undefined when absent or malformed (then it is not compared). */
  config: LenientYaml | undefined;
  ruleDirs: string[];
}

function readConfig(root: string, side: Side, configNames: string[]): SideConfig {
  const files = readSide(root, side, configNames, []);
  const name = configNames.find((candidate) => files.has(candidate));
  const config = name === undefined ? undefined : parseLenient(files.get(name), name);
  return { name, config, ruleDirs: (config && stringList(config.value.ruleDirs)) ?? DEFAULT_RULE_DIRS };
}

function offBefore(root: string, change: ChangeContext, configNames: string[]): boolean {
  const base = readConfig(root, { kind: "rev", rev: change.base! }, configNames).config?.value as { rules?: Record<string, unknown> } | undefined;
  const setting = base?.rules?.["guard/weakened"];
  const severity = typeof setting === "object" && setting !== null ? (setting as { severity?: unknown }).severity : setting;
  return severity === "off";
}

function baselineGrowth(root: string, change: ChangeContext, path: string): Weakening[] {
  const before = readSide(root, { kind: "rev", rev: change.base! }, [path], []).get(path);
  const after = readSide(root, change.head, [path], []).get(path);
  return compareBaseline(path, before, after);
}

function deleted(what: string, file: string): Weakening {
  return { file, line: 1, column: 1, messageId: "deleted", data: { what, file }, evidence: { change: "deleted", file } };
}
