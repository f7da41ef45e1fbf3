import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { STACK_TRACE } from "./support.js";
import { answerOf, DEAD_LINK, hookRepo, runHook } from "./agent-hooks-support.js";

/** Codex's PostToolUse input for an apply_patch call (the schema in codex-rs/hooks/schema/generated). */
function codexPatch(dir: string, patch: string) {
  return {
    session_id: "thread-1",
    turn_id: "turn-1",
    transcript_path: null,
    cwd: dir,
    model: "gpt-5-codex",
    permission_mode: "default",
    hook_event_name: "PostToolUse",
    tool_name: "apply_patch",
    tool_use_id: "call-1",
    tool_input: { command: patch },
    tool_response: "Success. Updated the following files:\nM docs/a.md\n",
  };
}

function codexStop(dir: string, active: boolean) {
  return { session_id: "thread-1", turn_id: "turn-1", transcript_path: null, cwd: dir, model: "gpt-5-codex", permission_mode: "default", hook_event_name: "Stop", stop_hook_active: active, last_assistant_message: "Done." };
}

/** Cursor's common input fields plus an event's own. */
function cursorInput(dir: string, event: string, fields: Record<string, unknown>) {
  return { conversation_id: "conv-1", generation_id: "gen-1", hook_event_name: event, workspace_roots: [dir], cursor_version: "1.7.0", ...fields };
}

const patchOf = (file: string) => `*** Begin Patch\n*** Update File: ${file}\n@@\n-Fine.\n+See [missing](missing.md).\n*** End Patch\n`;

describe("guard hook codex", () => {
  it("checks every file an apply_patch body names, and answers with a block decision", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const run = runHook(dir, "codex", codexPatch(dir, patchOf("docs/a.md")));
    expect(run.code).toBe(0);
    const answer = answerOf(run)!;
    expect(answer.decision).toBe("block");
    expect(answer.reason).toContain("docs/a.md:3 docs/dead-link");
  });

  it("is quiet for a patch of clean files and for a shell command", () => {
    const dir = hookRepo();
    expect(runHook(dir, "codex", codexPatch(dir, patchOf("docs/b.md")))).toEqual({ code: 0, stdout: "", stderr: "" });
    const shell = { ...codexPatch(dir, ""), tool_name: "Bash", tool_input: { command: "ls -la" } };
    expect(runHook(dir, "codex", shell)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("a patch that deleted a file: a note, not a crash", () => {
    const dir = hookRepo();
    const run = runHook(dir, "codex", codexPatch(dir, "*** Begin Patch\n*** Delete File: docs/gone.md\n*** End Patch\n"));
    expect(run.code).toBe(0);
    expect(answerOf(run)!.systemMessage).toContain("docs/gone.md no longer exists");
  });

  it("Stop blocks with the findings, honours stop_hook_active and the cap", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const answers = [false, true, true, true].map((active) => answerOf(runHook(dir, "codex", codexStop(dir, active))));
    expect(answers.slice(0, 3).map((answer) => answer!.decision)).toEqual(["block", "block", "block"]);
    expect(answers[0]!.reason).toContain("docs/a.md:3 docs/dead-link");
    expect(answers[3]).toEqual({ systemMessage: expect.stringContaining("3 times in a row") });
  });

  it("malformed input: a note, exit 0", () => {
    const run = runHook(hookRepo(), "codex", "{\"hook_event_name\": ");
    expect(run.code).toBe(0);
    expect(answerOf(run)!.systemMessage).toContain("is not JSON");
    expect(run.stderr).not.toMatch(STACK_TRACE);
  });
});

describe("guard hook cursor", () => {
  it("afterFileEdit: findings as additional_context and on stderr; a clean file answers {}", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const edits = [{ old_string: "Fine.", new_string: "See [missing](missing.md)." }];
    const bad = runHook(dir, "cursor", cursorInput(dir, "afterFileEdit", { file_path: join(dir, "docs/a.md"), edits }));
    expect(bad.code).toBe(0);
    expect(answerOf(bad)!.additional_context).toContain("docs/a.md:3 docs/dead-link");
    expect(bad.stderr).toContain("docs/dead-link");
    const clean = runHook(dir, "cursor", cursorInput(dir, "afterFileEdit", { file_path: join(dir, "docs/b.md"), edits }));
    expect(clean).toEqual({ code: 0, stdout: "{}\n", stderr: "" });
  });

  it("stop: a followup_message while errors remain, until the cap; loop_count 0 starts a new count", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const answers = [0, 1, 2, 3].map((loops) => runHook(dir, "cursor", cursorInput(dir, "stop", { status: "completed", loop_count: loops })));
    for (const run of answers.slice(0, 3)) expect(answerOf(run)!.followup_message).toContain("docs/a.md:3 docs/dead-link");
    expect(answers[3]!.stdout).toBe("{}\n");
    expect(answers[3]!.stderr).toContain("3 times in a row");
    expect(answerOf(runHook(dir, "cursor", cursorInput(dir, "stop", { status: "completed", loop_count: 0 })))!.followup_message).toBeDefined();
  });

  it("stop: an aborted run or a clean tree is let go with {}", () => {
    const dir = hookRepo();
    expect(runHook(dir, "cursor", cursorInput(dir, "stop", { status: "completed", loop_count: 0 }))).toEqual({ code: 0, stdout: "{}\n", stderr: "" });
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    expect(runHook(dir, "cursor", cursorInput(dir, "stop", { status: "aborted", loop_count: 0 }))).toEqual({ code: 0, stdout: "{}\n", stderr: "" });
  });

  it("malformed input and a file outside the workspace: {} and a message on stderr", () => {
    const dir = hookRepo();
    const bad = runHook(dir, "cursor", "not json");
    expect(bad).toMatchObject({ code: 0, stdout: "{}\n" });
    expect(bad.stderr).toContain("is not JSON");
    const outside = runHook(dir, "cursor", cursorInput(dir, "afterFileEdit", { file_path: "/etc/hostname", edits: [] }));
    expect(outside).toMatchObject({ code: 0, stdout: "{}\n" });
    expect(outside.stderr).toContain("outside the repository");
  });
});
