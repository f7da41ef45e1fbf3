import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { findConfig } from "../../config/load.js";
import { resolveConfigAndRuleFiles, type ResolvedConfigAndRules } from "../../engine/resolve-config.js";
import { gitTopLevel } from "../../repo/git.js";

/**
 * The resolved config and rule files of the server's root, kept between tool calls. Each call
 * compares a fingerprint first: the content of the guard.yaml that applies (found the way
 * `guard check` finds it) and the name, size and mtime of every file under `ruleDirs`; when either
 * changed, the config is resolved again. Resolving (YAML parsing, zod validation, rule files) is
 * what a warm check would otherwise redo on every call.
 */
export class ConfigMemo {
  private kept: { configKey: string; rulesKey: string; value: ResolvedConfigAndRules } | undefined;
  private gitRoot: string | null | undefined;
  /** How many times the config was resolved (reported on stderr; the tests read it there). */
  resolutions = 0;

  constructor(
    private readonly cwd: string,
    private readonly configFile: string | undefined,
    private readonly log: (line: string) => void,
  ) {}

  get(): ResolvedConfigAndRules {
    const configKey = this.configKey();
    if (this.kept && this.kept.configKey === configKey && this.kept.rulesKey === rulesKey(this.kept.value)) return this.kept.value;
    const value = resolveConfigAndRuleFiles(this.cwd, this.configFile);
    this.resolutions++;
    this.kept = { configKey, rulesKey: rulesKey(value), value };
    this.log(`guard mcp: resolved the config (${value.config.file ?? "defaults"}, ${value.ruleFiles.length} rule files; resolution ${this.resolutions})`);
    return value;
  }

  private configKey(): string {
    if (this.gitRoot === undefined) this.gitRoot = gitTopLevel(this.cwd) ?? null;
    const file = this.configFile ? resolve(this.cwd, this.configFile) : findConfig(this.cwd, this.gitRoot ?? undefined)?.file;
    if (file === undefined) return "none";
    try {
      return `${file}:${createHash("sha256").update(readFileSync(file)).digest("hex")}`;
    } catch {
      return `${file}:unreadable`;
    }
  }
}

/** Name, size and mtime of every file under the config's ruleDirs. */
function rulesKey({ config }: ResolvedConfigAndRules): string {
  const parts: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        try {
          const stat = statSync(full);
          parts.push(`${full}:${stat.size}:${stat.mtimeMs}`);
        } catch {
          parts.push(`${full}:gone`);
        }
      }
    }
  };
  for (const dir of config.ruleDirs) walk(resolve(config.root, dir));
  return parts.sort().join("\n");
}
