import { posix } from "node:path";
import type { ShellWord } from "./shell.js";

export type Tool = "npm" | "pnpm" | "yarn" | "npx" | "make" | "just";

/** What a command names, and where the tool will look it up. */
export interface CommandUse {
  tool: Tool;
  /** `script-or-bin`: pnpm and yarn run a script of that name, else a dependency's binary. */
  kind: "script" | "script-or-bin" | "package" | "bin" | "target" | "recipe";
  name: string;
  /** The folder the tool runs in, repo-relative ("" is the root). */
  dir: string;
  /** The folder was given (`cd`, `--prefix`, `-C`): look there and above, not in the folders below. */
  explicit: boolean;
  /** Any package of the repo may define it (`pnpm -r`, `--filter`, `--workspaces`). */
  anyPackage: boolean;
  /** `npm -w <name>`, `yarn workspace <name>`: the workspace package (name or folder). */
  workspace?: string;
  /** `make -f file`, `just -f file`: the file to read, repo-relative. */
  file?: string;
  /** The command as written, from the tool to the name: the finding's evidence. */
  command: string;
  /** Offset of the tool word in the snippet text. */
  start: number;
}

/** What the tool-specific parsers get: the words after the tool, and the folder they run in. */
export interface ToolCall {
  tool: Tool;
  words: ShellWord[];
  all: ShellWord[];
  state: { dir: string; explicit: boolean };
}

/** `base` + `relative` as a repo folder, or undefined when it leaves the repo or is absolute. */
export function joinDir(base: string, relative: string): string | undefined {
  if (relative.startsWith("/")) return undefined;
  const joined = posix.normalize(posix.join(base || ".", relative)).replace(/\/+$/, "");
  if (joined === ".." || joined.startsWith("../")) return undefined;
  return joined === "." ? "" : joined;
}

/** A usable name: no placeholders (`<script>`, `{name}`, `$X`, `…`), no globs, not absurdly long. */
export function plainName(word: ShellWord | undefined): string | undefined {
  if (!word || word.dynamic) return undefined;
  const plain = word.value.length <= 100 && /^[@\w][\w.:@/+-]*$/.test(word.value) && !word.value.includes("...");
  return plain ? word.value : undefined;
}

/** The evidence text: the words from the tool up to `last`, as written. */
export function commandText(call: ToolCall, last: ShellWord): string {
  return call.all
    .filter((word) => word.start <= last.start)
    .map((word) => word.value)
    .join(" ");
}

/**
 * Flags and positional words of a tool's arguments. `valued` flags take the next word as their
 * value (unless written `--flag=value`); words after `--` go to `rest`, and with
 * `stopAtPositional` so do the words after the first positional (npx passes them to the binary).
 */
export function scanArgs(words: ShellWord[], valued: ReadonlySet<string>, stopAtPositional = false) {
  const flags = new Map<string, string | true>();
  const positional: ShellWord[] = [];
  let rest: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word.value === "--") {
      rest = words.slice(i + 1);
      break;
    }
    if (!word.value.startsWith("-") || word.value === "-") {
      positional.push(word);
      if (stopAtPositional) {
        rest = words.slice(i + 1);
        break;
      }
      continue;
    }
    const eq = word.value.indexOf("=");
    if (eq > 0) flags.set(word.value.slice(0, eq), word.value.slice(eq + 1));
    else if (valued.has(word.value)) flags.set(word.value, words[++i]?.value ?? "");
    else flags.set(word.value, true);
  }
  return { flags, positional, rest };
}

export function flagValue(flags: Map<string, string | true>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = flags.get(name);
    if (typeof value === "string") return value;
  }
  return undefined;
}
