import { stringField } from "./input.js";
import type { AgentProtocol, EditOutcome, HookAnswer, HookEvent, StopOutcome } from "./types.js";

/**
 * Cursor hooks (https://cursor.com/docs/agent/hooks): `.cursor/hooks.json` with `version: 1`;
 * stdin has conversation_id, generation_id, hook_event_name, workspace_roots; afterFileEdit
 * adds file_path and edits; stop adds status ("completed", "aborted", "error") and loop_count.
 * A stop hook continues the agent by answering `{"followup_message": …}`, which Cursor sends as
 * the next user message; `{}` lets it stop. afterFileEdit is documented as observing only:
 * guard answers `{"additional_context": …}`, which newer Cursor builds add to the agent's
 * context (not confirmed on Cursor's own page), and writes the findings to stderr (the Hooks
 * output channel); the stop hook is what makes sure the agent sees them.
 */
export const cursor: AgentProtocol = {
  name: "cursor",
  settingsFile: ".cursor/hooks.json",
  event(input, fallbackCwd): HookEvent {
    const roots = Array.isArray(input.workspace_roots) ? input.workspace_roots.filter((root): root is string => typeof root === "string") : [];
    const cwd = roots[0] ?? stringField(input, "cwd") ?? fallbackCwd;
    const name = stringField(input, "hook_event_name");
    if (name === "afterFileEdit") {
      const file = stringField(input, "file_path");
      if (!file) return { kind: "bad", message: "afterFileEdit input has no file_path" };
      return { kind: "edit", cwd, files: [file] };
    }
    if (name === "stop") {
      // A stop the user aborted, or that ended on an error, is not the agent claiming it is done.
      const status = stringField(input, "status");
      if (status === "aborted" || status === "error") return { kind: "skip" };
      const loops = typeof input.loop_count === "number" ? input.loop_count : 0;
      return { kind: "stop", cwd, session: stringField(input, "conversation_id") ?? "default", continued: loops > 0 };
    }
    if (name === undefined) return { kind: "bad", message: "the hook input has no hook_event_name" };
    return { kind: "skip" };
  },
  answerEdit(outcome: EditOutcome): HookAnswer {
    if (outcome.kind === "clean") return quiet();
    if (outcome.kind === "note") return cursor.answerNote(outcome.message);
    return { code: 0, stdout: `${JSON.stringify({ additional_context: outcome.text })}\n`, stderr: outcome.text };
  },
  answerStop(outcome: StopOutcome): HookAnswer {
    if (outcome.kind === "allow") return quiet();
    if (outcome.kind === "note") return cursor.answerNote(outcome.message);
    return { code: 0, stdout: `${JSON.stringify({ followup_message: outcome.text })}\n`, stderr: "" };
  },
  answerNote(message) {
    return { code: 0, stdout: "{}\n", stderr: `guard: ${message}\n` };
  },
  settings(command) {
    return { version: 1, hooks: { afterFileEdit: [{ command }], stop: [{ command }] } };
  },
};

/** Cursor reads JSON from every hook: an empty object is "nothing to say". */
function quiet(): HookAnswer {
  return { code: 0, stdout: "{}\n", stderr: "" };
}
