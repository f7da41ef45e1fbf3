import { commandText, flagValue, joinDir, plainName, scanArgs, type CommandUse, type ToolCall } from "./args.js";
import type { ShellWord } from "./shell.js";

/**
 * Commands each package manager has itself: never a script name, always known. (npm needs no
 * list: only `npm run`/`run-script` and `npm exec` name something of the repo's.)
 */
const PNPM_COMMANDS = words(
  "add install i update up upgrade remove rm uninstall un link ln unlink import rebuild rb prune fetch install-test it patch " +
    "patch-commit patch-remove audit list ls ll la outdated why licenses test t tst start stop restart exec dlx create init " +
    "publish pack store root bin env setup server config c get set deploy doctor recursive m multi self-update approve-builds " +
    "ignored-builds help catalog cat-file cat-index find-hash version view info show login logout whoami owner dist-tag " +
    "deprecate search docs repo ping token team access adduser bugs edit explore fund shrinkwrap dedupe sbom completion",
);
const YARN_COMMANDS = words(
  "add audit autoclean bin cache check config create dedupe dlx exec explain generate-lock-entry global help import info " +
    "init install licenses link list login logout node npm outdated owner pack patch patch-commit plugin policies publish " +
    "rebuild remove search set stage start stop restart tag team test unlink unplug up upgrade upgrade-interactive version " +
    "versions why workspace workspaces constraints sdks",
);
const NPM_RUN = words("run run-script rum urn");
const NPM_VALUED = words("--prefix -w --workspace --loglevel --registry --cache --userconfig --globalconfig --tag --otp");
const NPX_VALUED = words("-p --package -c --call --node-options --shell");
const PNPM_VALUED = words(
  "-C --dir --filter -F --filter-prod --reporter --loglevel --resume-from --test-pattern --changed-files-ignore-pattern --workspace-concurrency",
);
const YARN_VALUED = words("--cwd --modules-folder --cache-folder --mutex --network-timeout");
// `pkg@1.2.3`, even `pkg@latest`: a version written out says the download is meant.
const PINNED = /^(@[^/@\s]+\/)?[^@\s]+@\S/;

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/));
}

/** npm, pnpm, yarn and npx commands: the script, binary or package each names. */
export function parseJsCommand(call: ToolCall): CommandUse[] {
  switch (call.tool) {
    case "npm":
      return parseNpm(call);
    case "pnpm":
      return parsePnpm(call);
    case "yarn":
      return parseYarn(call, call.words);
    default:
      return parseNpx(call, call.words);
  }
}

function use(call: ToolCall, kind: CommandUse["kind"], word: ShellWord, extra: Partial<CommandUse> = {}): CommandUse[] {
  const name = plainName(word);
  if (name === undefined) return [];
  const start = call.all[0]!.start;
  const base = { dir: call.state.dir, explicit: call.state.explicit, anyPackage: false };
  return [{ tool: call.tool, kind, name, command: commandText(call, word), start, ...base, ...extra }];
}

/** `--prefix dir` / `-C dir` / `--cwd dir`: the folder it runs in, relative to where the shell is. */
function moved(call: ToolCall, dir: string | undefined): Partial<CommandUse> | undefined {
  if (dir === undefined) return {};
  const joined = joinDir(call.state.dir, dir);
  return joined === undefined ? undefined : { dir: joined, explicit: true };
}

function parseNpm(call: ToolCall): CommandUse[] {
  const { flags, positional, rest } = scanArgs(call.words, NPM_VALUED);
  const sub = positional[0]?.value;
  if (sub === undefined || flags.has("--if-present")) return [];
  const place = moved(call, flagValue(flags, "--prefix"));
  if (!place) return [];
  const workspace = flagValue(flags, "-w", "--workspace");
  const anyPackage = flags.has("--workspaces") || flags.has("-ws");
  if (NPM_RUN.has(sub) && positional[1]) {
    return use(call, "script", positional[1], { ...place, anyPackage, ...(workspace ? { workspace } : {}) });
  }
  if (sub === "exec" || sub === "x") return parseNpx(call, [...positional.slice(1), ...rest], flags);
  return [];
}

function parseNpx(call: ToolCall, args: ShellWord[], outer?: Map<string, string | true>): CommandUse[] {
  const { flags, positional, rest } = scanArgs(args, NPX_VALUED, true);
  if (flags.has("-c") || flags.has("--call") || outer?.has("-c") || outer?.has("--call")) return [];
  const packageName = flagValue(flags, "-p", "--package") ?? (outer ? flagValue(outer, "-p", "--package") : undefined);
  const target = positional[0] ?? rest[0];
  if (packageName !== undefined) {
    if (PINNED.test(packageName) || !target) return [];
    return use(call, "package", { ...target, value: packageName });
  }
  if (!target || PINNED.test(target.value) || /^\.{0,2}\//.test(target.value)) return [];
  return use(call, "package", target);
}

function parsePnpm(call: ToolCall): CommandUse[] {
  const { flags, positional } = scanArgs(call.words, PNPM_VALUED);
  const sub = positional[0];
  if (!sub || flags.has("--if-present")) return [];
  const rootward = flags.has("-w") || flags.has("--workspace-root") ? { dir: "", explicit: true } : {};
  const place = moved(call, flagValue(flags, "-C", "--dir"));
  if (!place) return [];
  const anyPackage = ["-r", "--recursive", "--filter", "-F", "--filter-prod"].some((flag) => flags.has(flag));
  const extra = { ...place, ...rootward, anyPackage };
  if (sub.value === "run" || sub.value === "run-script") return positional[1] ? use(call, "script", positional[1], extra) : [];
  if (sub.value === "exec") return positional[1] ? use(call, "bin", positional[1], extra) : [];
  if (PNPM_COMMANDS.has(sub.value)) return [];
  return use(call, "script-or-bin", sub, extra);
}

function parseYarn(call: ToolCall, args: ShellWord[], workspace?: string): CommandUse[] {
  const { flags, positional } = scanArgs(args, YARN_VALUED);
  const sub = positional[0];
  if (!sub) return [];
  const place = moved(call, flagValue(flags, "--cwd"));
  if (!place) return [];
  const extra = { ...place, ...(workspace ? { workspace } : {}) };
  if (sub.value === "workspace" && positional[1] && !workspace) {
    const after = args.slice(args.indexOf(positional[1]) + 1);
    return parseYarn(call, after, positional[1].value);
  }
  if (sub.value === "run") return positional[1] ? use(call, "script-or-bin", positional[1], extra) : [];
  if (YARN_COMMANDS.has(sub.value)) return [];
  return use(call, "script-or-bin", sub, extra);
}
