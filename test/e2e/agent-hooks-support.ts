import { spawnSync } from "node:child_process";
import { GUARD_BIN, makeRepo, type FileTree, type GuardRun } from "../helpers/repo.js";

/** Runs `guard hook <agent> [args]` in `cwd` with `input` on stdin, as the agent runs it. */
export function runHook(cwd: string, agent: string, input: unknown, args: string[] = []): GuardRun {
  const result = spawnSync(process.execPath, [GUARD_BIN, "hook", agent, ...args], {
    cwd,
    input: typeof input === "string" ? input : JSON.stringify(input),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** The JSON object a hook printed, or undefined for no output. */
export function answerOf(run: GuardRun): Record<string, unknown> | undefined {
  return run.stdout.trim() === "" ? undefined : (JSON.parse(run.stdout) as Record<string, unknown>);
}

export const DEAD_LINK = "# A\n\nSee [missing](missing.md).\n";
export const CLEAN_DOC = "# B\n\nFine.\n";

/** A committed repo whose map links two docs; both clean. `docs/long.md` is over docs.maxLines (a warning). */
export function hookRepo(extra: FileTree = {}): string {
  return makeRepo({
    "guard.yaml": "docs:\n  maxLines: 20\n",
    "AGENTS.md": "# Map\n\nSee [a](docs/a.md) and [b](docs/b.md).\n",
    "docs/a.md": "# A\n\nFine.\n",
    "docs/b.md": CLEAN_DOC,
    ...extra,
  });
}

/** Claude Code's documented PostToolUse input for an Edit of `file`. */
export function claudeEdit(dir: string, file: string, tool = "Edit") {
  return {
    session_id: "session-1",
    transcript_path: `${dir}/.transcript.jsonl`,
    cwd: dir,
    permission_mode: "default",
    hook_event_name: "PostToolUse",
    tool_name: tool,
    tool_input: { file_path: file, old_string: "Fine.", new_string: "See [missing](missing.md)." },
    tool_response: { filePath: file, success: true },
  };
}

/** Claude Code's documented Stop input. */
export function claudeStop(dir: string, active: boolean, session = "session-1") {
  return { session_id: session, transcript_path: `${dir}/.transcript.jsonl`, cwd: dir, permission_mode: "default", hook_event_name: "Stop", stop_hook_active: active };
}
