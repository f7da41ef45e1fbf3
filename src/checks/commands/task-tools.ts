import { commandText, flagValue, joinDir, plainName, scanArgs, type CommandUse, type ToolCall } from "./args.js";
import { isAssignment } from "./shell.js";

const MAKE_VALUED = new Set([
  "-C", "-f", "-o", "-W", "-I", "--directory", "--file", "--makefile", "--old-file", "--assume-old",
  "--what-if", "--new-file", "--assume-new", "--include-dir",
]);
const JUST_VALUED = new Set([
  "-f", "--justfile", "-d", "--working-directory", "--shell", "--shell-arg", "--dotenv-filename", "--dotenv-path",
  "--color", "--command-color", "--list-heading", "--list-prefix", "--chooser", "--timestamp-format",
]);
// Flags after which just does something other than run a recipe.
const JUST_NOT_RUNNING = new Set([
  "-l", "--list", "--summary", "--show", "-s", "--evaluate", "--dump", "--choose", "--fmt", "--init", "--edit", "-e",
  "--variables", "--completions", "--help", "-h", "--version", "-V", "--changelog", "--groups", "--man", "--command",
  "-c", "--usage", "--set",
]);
// "make sure …" in prose is not a make target.
const ENGLISH_AFTER_MAKE = new Set([
  "sure", "certain", "it", "a", "an", "the", "this", "that", "these", "those", "them", "your", "you", "changes", "use",
  "one", "sense", "progress", "things", "everything", "any", "all", "no", "room", "space", "way", "time",
]);

/** `make [-C dir] [-f file] [VAR=x] target…`: one use per target. */
export function parseMake(call: ToolCall): CommandUse[] {
  // `-j` and `-l` take an optional number: glue it on so it is not read as a target.
  const words = call.words.filter((word, i) => !(/^\d+$/.test(word.value) && /^-[jl]$/.test(call.words[i - 1]?.value ?? "")));
  const { flags, positional } = scanArgs(words, MAKE_VALUED);
  const dirFlag = flagValue(flags, "-C", "--directory");
  const dir = dirFlag === undefined ? call.state.dir : joinDir(call.state.dir, dirFlag);
  if (dir === undefined) return [];
  const fileFlag = flagValue(flags, "-f", "--file", "--makefile");
  const file = fileFlag === undefined ? undefined : joinDir(dir, fileFlag);
  if (fileFlag !== undefined && file === undefined) return [];
  const explicit = call.state.explicit || dirFlag !== undefined;
  const uses: CommandUse[] = [];
  for (const word of positional) {
    if (isAssignment(word)) continue;
    const name = plainName(word);
    if (name === undefined || ENGLISH_AFTER_MAKE.has(name.toLowerCase())) return uses;
    uses.push({
      tool: "make", kind: "target", name, dir, explicit, anyPackage: false,
      ...(file === undefined ? {} : { file }),
      command: commandText(call, word), start: call.all[0]!.start,
    });
  }
  return uses;
}

/** `just [-f file] [-d dir] [VAR=x] recipe args…`: the recipe only (the rest are its arguments). */
export function parseJust(call: ToolCall): CommandUse[] {
  const { flags, positional } = scanArgs(call.words, JUST_VALUED);
  if ([...flags.keys()].some((flag) => JUST_NOT_RUNNING.has(flag))) return [];
  const recipe = positional.find((word) => !isAssignment(word));
  const name = plainName(recipe);
  // `just module::recipe` / `just folder/recipe` reach into modules and other folders.
  if (!recipe || name === undefined || /::|\//.test(name)) return [];
  const dirFlag = flagValue(flags, "-d", "--working-directory");
  const dir = dirFlag === undefined ? call.state.dir : joinDir(call.state.dir, dirFlag);
  const fileFlag = flagValue(flags, "-f", "--justfile");
  const file = fileFlag === undefined ? undefined : joinDir(call.state.dir, fileFlag);
  if (dir === undefined || (fileFlag !== undefined && file === undefined)) return [];
  return [{
    tool: "just", kind: "recipe", name, dir, explicit: call.state.explicit || dirFlag !== undefined, anyPackage: false,
    ...(file === undefined ? {} : { file }),
    command: commandText(call, recipe), start: call.all[0]!.start,
  }];
}
