import { dirname } from "node:path";
import { installHook } from "../../adapters/git-hook/install.js";
import type { Io } from "../io.js";

export interface HookInstallFlags {
  print?: boolean;
}

/**
 * `guard hook install`: 0 installed or already there, 1 a snippet printed that the user must
 * add by hand, 2 usage error (not in a git work tree). `--print` only shows what would be added,
 * where, and exits 0.
 */
export function runHookInstall(flags: HookInstallFlags, io: Io): number {
  const outcome = installHook({ cwd: io.cwd, printOnly: Boolean(flags.print), nodeFolder: dirname(process.execPath) });
  const manager = outcome.setup === "git" ? "" : ` (${outcome.setup})`;
  switch (outcome.status) {
    case "installed":
      io.stdout(
        outcome.created
          ? `guard: wrote ${outcome.file}${manager}: each git commit now runs guard check --staged (skip once with git commit --no-verify)\n`
          : `guard: added guard's block at the end of ${outcome.file}${manager}, after what it already runs: each git commit now runs guard check --staged\n`,
      );
      return 0;
    case "present":
      io.stdout(`guard: ${outcome.file}${manager} already runs guard check --staged (${outcome.how}); nothing changed\n`);
      return 0;
    case "manual":
      if (flags.print) {
        io.stderr(`guard: ${outcome.file}${manager} ${outcome.reason}:\n`);
        io.stdout(outcome.snippet);
        return 0;
      }
      io.stderr(`guard: ${outcome.file}${manager} ${outcome.reason}; guard changed nothing. Add this by hand:\n`);
      io.stdout(outcome.snippet);
      return 1;
  }
}
