import { parseJsCommand } from "./js-tools.js";
import { joinDir, type CommandUse, type Tool, type ToolCall } from "./args.js";
import { isAssignment, simpleCommands, type ShellWord } from "./shell.js";
import { parseMake, parseJust } from "./task-tools.js";

/** Where a command runs, as far as `cd` lines tell; undefined once it cannot be known. */
export interface ShellState {
  dir: string | undefined;
  explicit: boolean;
}

// Wrappers that run the command that follows them.
const WRAPPERS = new Set(["sudo", "time", "nohup", "exec", "command", "env", "corepack"]);
const PLACEHOLDER = /<[A-Za-z][\w .:-]*>/;
const TOOLS = new Set<string>(["npm", "pnpm", "yarn", "npx", "make", "just"]);

/**
 * The commands in one line of shell. `cd dir && …` applies to the rest of its line; a line that
 * only changes folder (`cd web`) updates `state`, so the next lines of the block run there.
 */
export function commandUses(text: string, shared: ShellState): CommandUse[] {
  // `pnpm run build:<package>` is a template for the reader, not a redirection from a file.
  if (PLACEHOLDER.test(text)) return [];
  const uses: CommandUse[] = [];
  const state = { ...shared };
  let onlyCd = true;
  for (const command of simpleCommands(text)) {
    let index = 0;
    while (index < command.length && (isAssignment(command[index]!) || WRAPPERS.has(command[index]!.value))) index++;
    const head = command[index];
    if (!head || head.dynamic) continue;
    if (head.value === "cd" || head.value === "pushd") {
      changeDirectory(state, command[index + 1]);
      continue;
    }
    onlyCd = false;
    if (!TOOLS.has(head.value) || state.dir === undefined) continue;
    const call: ToolCall = {
      tool: head.value as Tool,
      words: command.slice(index + 1),
      all: command.slice(index),
      state: { dir: state.dir, explicit: state.explicit },
    };
    const found = call.tool === "make" ? parseMake(call) : call.tool === "just" ? parseJust(call) : parseJsCommand(call);
    uses.push(...found);
  }
  if (onlyCd) Object.assign(shared, state);
  return uses;
}

function changeDirectory(state: ShellState, target: ShellWord | undefined): void {
  state.explicit = true;
  if (!target || target.dynamic || /^[~-]/.test(target.value)) {
    state.dir = undefined;
    return;
  }
  state.dir = state.dir === undefined ? undefined : joinDir(state.dir, target.value);
}

