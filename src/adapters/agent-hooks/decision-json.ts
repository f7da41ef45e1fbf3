import type { EditOutcome, HookAnswer, StopOutcome } from "./types.js";

// Claude Code and Codex share one output contract for PostToolUse and Stop (Codex's hook
// schemas follow Claude Code's): exit 0 with a JSON object on stdout.
// - `{"decision": "block", "reason": …}`: the reason is fed to the model (after an edit, the tool
//   already ran, so it is feedback; at a stop, the model goes on with the reason as its prompt).
// - `hookSpecificOutput.additionalContext` (PostToolUse): text added to the model's context
//   without blocking: used for warnings alone.
// - `systemMessage`: shown to the user, not the model: used for notes.
// Exit 2 would also reach the model (stderr), but Claude Code then ignores stdout, and a crash
// (exit 1) must never look like a block: so guard always exits 0 and says everything in JSON.

export function answerEditJson(outcome: EditOutcome): HookAnswer {
  switch (outcome.kind) {
    case "clean":
      return { code: 0, stdout: "", stderr: "" };
    case "note":
      return answerNoteJson(outcome.message);
    case "findings":
      if (outcome.errors > 0) return json({ decision: "block", reason: outcome.text });
      return json({ hookSpecificOutput: { hookEventName: "PostToolUse", additionalContext: outcome.text } });
  }
}

export function answerStopJson(outcome: StopOutcome): HookAnswer {
  switch (outcome.kind) {
    case "allow":
      return { code: 0, stdout: "", stderr: "" };
    case "note":
      return answerNoteJson(outcome.message);
    case "block":
      return json({ decision: "block", reason: outcome.text });
  }
}

export function answerNoteJson(message: string): HookAnswer {
  return { ...json({ systemMessage: `guard: ${message}` }), stderr: `guard: ${message}\n` };
}

function json(value: Record<string, unknown>): HookAnswer {
  return { code: 0, stdout: `${JSON.stringify(value)}\n`, stderr: "" };
}
