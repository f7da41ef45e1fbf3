import { existsSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { isUsageError } from "../../core/errors.js";
import { packageVersion } from "../../core/package-root.js";
import type { CheckResult } from "../../core/types.js";
import { check } from "../../engine/check.js";
import { formatAgent } from "../../report/agent.js";
import { gitDirOf } from "../../repo/git-dir.js";
import { hasHead } from "../../repo/revision.js";
import { StopCounter } from "./stop-counter.js";
import type { EditOutcome, StopOutcome } from "./types.js";

/** The findings in the files an agent just edited: the engine's check, scoped to those paths. */
export async function onEdit(cwd: string, files: readonly string[]): Promise<EditOutcome> {
  const git = gitDirOf(cwd);
  if (!git) return { kind: "note", message: `${cwd} is not in a git repository: nothing checked` };
  const notes: string[] = [];
  const paths: string[] = [];
  for (const file of new Set(files)) {
    const path = resolve(cwd, file);
    const rel = relative(git.workTree, path);
    if (rel === ".." || rel.startsWith("../") || rel.startsWith("..\\") || isAbsolute(rel)) {
      notes.push(`${file} is outside the repository (${git.workTree}): not checked`);
    } else if (!existsSync(path)) {
      notes.push(`${rel} no longer exists: not checked (what pointed at it is checked when you stop)`);
    } else if (!statSync(path).isFile()) {
      notes.push(`${rel} is not a file: not checked`);
    } else {
      paths.push(path);
    }
  }
  if (paths.length === 0) return notes.length ? { kind: "note", message: notes.join("; ") } : { kind: "clean" };
  const command = `guard check --format agent ${paths.map((path) => quote(relative(cwd, path) || ".")).join(" ")}`;
  const outcome = await guarded(() => check({ cwd, paths }));
  if ("message" in outcome) return { kind: "note", message: outcome.message };
  if (outcome.diagnostics.length === 0) return { kind: "clean" };
  return { kind: "findings", text: formatAgent(outcome, { toolVersion: packageVersion(), color: false, command }), errors: outcome.summary.errors };
}

export interface StopOptions {
  cwd: string;
  agent: string;
  session: string;
  /** The agent is going on because a stop hook blocked it before (Claude Code, Codex `stop_hook_active`). */
  continued: boolean;
  /** Blocks in a row after which the stop is allowed. */
  maxBlocks: number;
}

/**
 * Blocks the stop while what changed since HEAD (tracked edits and untracked files, not ignored
 * ones) has error findings, at most `maxBlocks` times in a row: then the stop is allowed with a
 * note, so an agent that cannot fix something is never trapped. A stop that is not a
 * continuation starts the count again; a clean tree resets it.
 */
export async function onStop(options: StopOptions): Promise<StopOutcome> {
  const git = gitDirOf(options.cwd);
  if (!git) return { kind: "note", message: `${options.cwd} is not in a git repository: nothing checked` };
  const counter = new StopCounter(git.gitDir, options.agent, options.session);
  // Before the first commit everything is new: the whole tree is what changed.
  const since = hasHead(git.workTree) ? "HEAD" : undefined;
  const outcome = await guarded(() => check({ cwd: options.cwd, ...(since ? { since } : {}) }));
  if ("message" in outcome) return { kind: "note", message: outcome.message };
  if (outcome.summary.errors === 0) {
    counter.reset();
    return { kind: "allow" };
  }
  const before = options.continued ? counter.read() : 0;
  if (before >= options.maxBlocks) {
    return {
      kind: "note",
      message: `blocked this stop ${before} time${before === 1 ? "" : "s"} in a row (the cap, --max-blocks); allowing it with ${outcome.summary.errors} error${outcome.summary.errors === 1 ? "" : "s"} left: run \`guard check --since HEAD\` to see them`,
    };
  }
  counter.write(before + 1);
  const command = since ? "guard check --since HEAD --format agent" : "guard check --format agent";
  return { kind: "block", text: formatAgent(outcome, { toolVersion: packageVersion(), color: false, command }) };
}

/** The check, or what went wrong as one message: a hook reports a problem, it never crashes. */
async function guarded(run: () => Promise<CheckResult>): Promise<CheckResult | { message: string }> {
  try {
    return await run();
  } catch (error) {
    if (isUsageError(error)) return { message: error.format().split("\n").join("; ") };
    return { message: `internal error: ${(error as Error).message}` };
  }
}

function quote(word: string): string {
  return /^[\w./,:@%+=-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}
