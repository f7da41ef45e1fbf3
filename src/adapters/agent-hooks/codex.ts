import { objectField, stringField } from "./input.js";
import { answerEditJson, answerNoteJson, answerStopJson } from "./decision-json.js";
import type { AgentProtocol, HookEvent } from "./types.js";

/**
 * Codex hooks (https://developers.openai.com/codex/hooks and the JSON schemas in
 * openai/codex codex-rs/hooks/schema/generated/): stdin has session_id, turn_id, cwd,
 * hook_event_name, model, transcript_path; PostToolUse adds tool_name, tool_input,
 * tool_response; Stop adds stop_hook_active and last_assistant_message. Codex edits files with
 * `apply_patch`, whose patch body is `tool_input.command`; the output contract is Claude Code's.
 */
export const codex: AgentProtocol = {
  name: "codex",
  settingsFile: ".codex/hooks.json",
  event(input, fallbackCwd): HookEvent {
    const cwd = stringField(input, "cwd") ?? fallbackCwd;
    const name = stringField(input, "hook_event_name");
    if (name === "PostToolUse") {
      const files = editedFiles(input);
      return files.length ? { kind: "edit", cwd, files } : { kind: "skip" };
    }
    if (name === "Stop") {
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
        PostToolUse: [{ matcher: "apply_patch|Edit|Write", hooks: hook }],
        Stop: [{ hooks: hook }],
      },
    };
  },
};

/** The files a tool call wrote: `tool_input.file_path`, or every file an apply_patch body names. */
function editedFiles(input: Record<string, unknown>): string[] {
  const toolInput = input.tool_input;
  if (typeof toolInput === "string") return patchFiles(toolInput);
  const fields = objectField(input, "tool_input") ?? {};
  const file = stringField(fields, "file_path");
  if (file) return [file];
  const body = fields.command ?? fields.input ?? fields.patch;
  if (typeof body === "string") return patchFiles(body);
  if (Array.isArray(body)) return body.filter((part): part is string => typeof part === "string").flatMap(patchFiles);
  return [];
}

/** `*** Add File: a`, `*** Update File: b`, `*** Delete File: c`, `*** Move to: d` (the apply_patch envelope). */
export function patchFiles(patch: string): string[] {
  const files: string[] = [];
  for (const match of patch.matchAll(/^\*\*\* (?:Add File|Update File|Delete File|Move to): (.+?)\s*$/gm)) files.push(match[1]!);
  return files;
}
