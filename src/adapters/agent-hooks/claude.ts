import { objectField, stringField } from "./input.js";
import { answerEditJson, answerNoteJson, answerStopJson } from "./decision-json.js";
import type { AgentProtocol, HookEvent } from "./types.js";

/** The tools whose PostToolUse input names one written file in `tool_input.file_path`. */
const EDIT_TOOLS = new Set(["Edit", "Write", "MultiEdit"]);

/**
 * Claude Code hooks (https://code.claude.com/docs/en/hooks): stdin has session_id,
 * transcript_path, cwd, hook_event_name; PostToolUse adds tool_name and tool_input
 * (file_path for Edit, Write, MultiEdit); Stop adds stop_hook_active.
 */
export const claude: AgentProtocol = {
  name: "claude",
  settingsFile: ".claude/settings.json",
  event(input, fallbackCwd): HookEvent {
    const cwd = stringField(input, "cwd") ?? fallbackCwd;
    const name = stringField(input, "hook_event_name");
    if (name === "PostToolUse") {
      if (!EDIT_TOOLS.has(stringField(input, "tool_name") ?? "")) return { kind: "skip" };
      const file = stringField(objectField(input, "tool_input") ?? {}, "file_path");
      if (!file) return { kind: "bad", message: "PostToolUse input has no tool_input.file_path" };
      return { kind: "edit", cwd, files: [file] };
    }
    if (name === "Stop" || name === "SubagentStop") {
      return { kind: "stop", cwd, session: stringField(input, "session_id") ?? "default", continued: input.stop_hook_active === true };
    }
    if (name === undefined) return { kind: "bad", message: "the hook input has no hook_event_name" };
    return { kind: "skip" };
  },
  answerEdit: answerEditJson,
  answerStop: answerStopJson,
  answerNote: answerNoteJson,
  settings(command) {
    const hook = [{ type: "command", command }];
    return {
      hooks: {
        PostToolUse: [{ matcher: "Edit|Write|MultiEdit", hooks: hook }],
        Stop: [{ hooks: hook }],
      },
    };
  },
};
