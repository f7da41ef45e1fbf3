import { claude } from "./claude.js";
import { codex } from "./codex.js";
import { cursor } from "./cursor.js";
import { parseHookInput } from "./input.js";
import { onEdit, onStop } from "./run-check.js";
import type { AgentProtocol, HookAnswer } from "./types.js";

export { installSettings } from "./settings-file.js";
export type { AgentProtocol, HookAnswer } from "./types.js";

export const protocols: Record<AgentProtocol["name"], AgentProtocol> = { claude, codex, cursor };

export const DEFAULT_MAX_BLOCKS = 3;

/** One hook call: the agent's stdin JSON in, the answer in its protocol out. Never throws. */
export async function answerHook(protocol: AgentProtocol, stdin: string, options: { cwd: string; maxBlocks: number }): Promise<HookAnswer> {
  try {
    const input = parseHookInput(stdin);
    const event = input.ok ? protocol.event(input.value, options.cwd) : { kind: "bad" as const, message: input.message };
    switch (event.kind) {
      case "bad":
        return protocol.answerNote(`${event.message}; nothing checked`);
      case "skip":
        return protocol.answerEdit({ kind: "clean" });
      case "edit":
        return protocol.answerEdit(await onEdit(event.cwd, event.files));
      case "stop":
        return protocol.answerStop(await onStop({ cwd: event.cwd, agent: protocol.name, session: event.session, continued: event.continued, maxBlocks: options.maxBlocks }));
    }
  } catch (error) {
    return protocol.answerNote(`internal error: ${(error as Error).message}`);
  }
  return protocol.answerNote("unexpected hook event");
}
