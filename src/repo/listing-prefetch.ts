import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gitEnv } from "./git.js";
import { WORKTREE_LISTING_ARGS } from "./list-files.js";

/**
 * git's listing of the work tree, started before it is needed: `git ls-files` over 10,000
 * files takes ~35 ms, and run while guard reads its config it costs a warm check nothing. Its
 * output goes to a file in the cache folder, not a pipe: a pipe fills at 64 KB and would stall
 * git while this thread is busy. A Repo of the same root takes it over (`takeWorktreeListing`);
 * one that does not, or a run that ends first, leaves nothing behind.
 */
let pending: { root: string; file: string; result: Promise<boolean> } | undefined;

/** Starts listing `root` (the working directory) into `cacheFolder`; nothing happens when it cannot start. */
export function prefetchWorktreeListing(root: string, cacheFolder: string): void {
  if (pending) return;
  const file = join(cacheFolder, `listing-${process.pid}.tmp`);
  try {
    mkdirSync(cacheFolder, { recursive: true });
    const fd = openSync(file, "w");
    try {
      const child = spawn("git", [...WORKTREE_LISTING_ARGS], {
        cwd: root,
        stdio: ["ignore", fd, "ignore"],
        env: gitEnv(),
      });
      const result = new Promise<boolean>((resolve) => {
        child.on("error", () => resolve(false));
        child.on("close", (code) => resolve(code === 0));
      });
      pending = { root, file, result };
      process.once("exit", discard);
    } finally {
      closeSync(fd);
    }
  } catch {
    rmSync(file, { force: true });
  }
}

/** The prefetched listing's output when it was of `root` and git succeeded; the file is removed either way. */
export async function takeWorktreeListing(root: string): Promise<Buffer | undefined> {
  const taken = pending;
  if (!taken) return undefined;
  pending = undefined;
  try {
    if (taken.root !== root || !(await taken.result)) return undefined;
    return readFileSync(taken.file);
  } catch {
    return undefined;
  } finally {
    rmSync(taken.file, { force: true });
  }
}

function discard(): void {
  if (pending) rmSync(pending.file, { force: true });
  pending = undefined;
}
