import { posix } from "node:path";
import picomatch from "picomatch";
import { ancestry } from "../checks/maps/chains.js";
import { locateCursorFrontMatter } from "../checks/front-matter/cursor.js";
import type { Workspace } from "../checks/workspace.js";
import { agentContext, contextFile, folderName } from "./files.js";
import type { AgentContext, ContextFile } from "./types.js";

/** What the context is asked for: the folder, and the files a glob is matched against (the file, or every file in the folder). */
export interface ContextTarget {
  folder: string;
  files: string[];
}

/**
 * Cursor: `.cursor/rules/**\/*.mdc` of the root and of every folder above the path (a nested
 * `.cursor/rules` applies to its folder), each with `alwaysApply: true` or `globs` matching the
 * path; the legacy root `.cursorrules`; and AGENTS.md in the root and in the folders above the path.
 */
export function cursorContext(workspace: Workspace, target: ContextTarget): AgentContext {
  const files: ContextFile[] = [];
  const add = (path: string, reason: string) => {
    const file = contextFile(workspace, path, reason);
    if (file) files.push(file);
  };
  if (workspace.repo.hasFile(".cursorrules")) add(".cursorrules", "legacy .cursorrules of the repo root (always applied)");
  const owners = new Set(ancestry(target.folder));
  const rules = workspace.repo.files.filter((file) => /(?:^|\/)\.cursor\/rules\/.+\.mdc$/.test(file)).sort();
  for (const rule of rules) {
    const owner = rule.slice(0, rule.indexOf(".cursor/rules/")).replace(/\/$/, "");
    if (!owners.has(owner)) continue;
    const data = frontMatterOf(workspace, rule);
    if (data.alwaysApply === true) {
      add(rule, "alwaysApply: true");
      continue;
    }
    const globs = globList(data.globs);
    const relative = (file: string) => (owner === "" ? file : file.slice(owner.length + 1));
    const hit = target.files.find((file) => (owner === "" || file.startsWith(`${owner}/`)) && matchesCursorGlob(globs, relative(file)));
    if (hit !== undefined) add(rule, `globs ${JSON.stringify(globs.join(", "))} match ${hit}`);
  }
  for (const ancestor of ancestry(target.folder)) {
    const path = posix.join(ancestor, "AGENTS.md");
    if (workspace.repo.hasFile(path)) add(path, `AGENTS.md of ${folderName(ancestor)}`);
  }
  return agentContext(workspace, "cursor", files);
}

/** Copilot: `.github/copilot-instructions.md`, and each `.github/instructions/**\/*.instructions.md` whose `applyTo` matches. */
export function copilotContext(workspace: Workspace, target: ContextTarget): AgentContext {
  const files: ContextFile[] = [];
  const repoWide = contextFile(workspace, ".github/copilot-instructions.md", "repository-wide instructions");
  if (repoWide) files.push(repoWide);
  const instructions = workspace.repo.files.filter((file) => /^\.github\/instructions\/.+\.instructions\.md$/.test(file)).sort();
  for (const path of instructions) {
    const globs = globList(frontMatterOf(workspace, path).applyTo);
    const matcher = globs.length ? picomatch(globs, { dot: true }) : () => false;
    const hit = target.files.find((file) => matcher(file));
    if (hit === undefined) continue;
    const file = contextFile(workspace, path, `applyTo ${JSON.stringify(globs.join(", "))} matches ${hit}`);
    if (file) files.push(file);
  }
  return agentContext(workspace, "copilot", files);
}

/** The front-matter keys, read as leniently as Cursor reads them (agents/cursor-rule's reader); {} when unreadable. */
function frontMatterOf(workspace: Workspace, path: string): Record<string, unknown> {
  const frontMatter = workspace.markdown(path)?.frontMatter;
  if (!frontMatter) return {};
  const located = locateCursorFrontMatter(frontMatter);
  return located.ok ? Object.fromEntries(located.entries.map((entry) => [entry.key, entry.value])) : {};
}

/** `"a, b"` or `[a, b]` as a list of globs. */
function globList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : [];
  return items.filter((item): item is string => typeof item === "string").map((item) => item.trim()).filter(Boolean);
}

/** Cursor matches a glob without a slash (`*.tsx`) against the file name at any depth, like .gitignore. */
function matchesCursorGlob(globs: string[], path: string): boolean {
  if (globs.length === 0) return false;
  return picomatch(globs.map((glob) => (glob.includes("/") ? glob : `**/${glob}`)), { dot: true })(path);
}
