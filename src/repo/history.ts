import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
import { isUsageError } from "../core/errors.js";
import { gitEnv } from "./git.js";
import type { Repo } from "./repo.js";

/**
 * When files last changed in git, read with one `git log` process per batch of paths (callers
 * ask once per run). Paths are relative to `root`, which may be a subfolder of the work tree.
 */
export class RepoHistory {
  private readonly times = new Map<string, number | undefined>();
  private readonly root: string;

  constructor(private readonly repo: Repo) {
    this.root = repo.root;
  }

  /**
   * Seconds since the epoch of the last commit reachable from HEAD that touched each path;
   * paths no commit touched are absent. Stops reading history once every path was seen.
   */
  async lastCommitTimes(paths: Iterable<string>): Promise<Map<string, number>> {
    const wanted = new Set<string>();
    for (const path of paths) if (!this.times.has(path) && !path.includes("\n")) wanted.add(path);
    if (wanted.size > 0) {
      const found = await readLastCommitTimes(this.root, wanted);
      for (const path of wanted) this.times.set(path, found.get(path));
    }
    const result = new Map<string, number>();
    for (const path of paths) {
      const time = this.times.get(path);
      if (time !== undefined) result.set(path, time);
    }
    return result;
  }

  /** Files whose content differs from HEAD in what this run reads (see Repo.changedFromHead). */
  changedNow(): Set<string> {
    try {
      return this.repo.changedFromHead();
    } catch (error) {
      // Outside git, or git failed: nothing counts as changed; the history signal just stays quiet.
      if (isUsageError(error)) return new Set();
      throw error;
    }
  }
}

/**
 * `git log --name-only -z` (limited to `wanted` by pathspecs fed on stdin when they are few),
 * newest first: the first commit naming a path is its last change. The process is stopped as
 * soon as every wanted path was seen; a repo without commits gives an empty map.
 */
const MAX_PATHSPECS = 64;

function readLastCommitTimes(root: string, wanted: Set<string>): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  return new Promise((resolve) => {
    const args = ["-c", "log.showSignature=false", "--literal-pathspecs", "log", "--stdin", "--format=%x1e%ct", "--name-only", "--no-renames", "--relative", "-z"];
    // git matches every changed path against every pathspec (7,000 paths over an initial commit
    // of 7,000 files takes seconds), so many paths read the whole log and filter here instead.
    const pathspec = wanted.size <= MAX_PATHSPECS ? `--\n${[...wanted].join("\n")}\n` : "";
    const child = spawn("git", args, { cwd: root, env: gitEnv(), stdio: ["pipe", "pipe", "ignore"] });
    const decoder = new StringDecoder("utf8");
    let rest = "";
    let time = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(found);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      if (done) return;
      const tokens = (rest + decoder.write(chunk)).split("\0");
      rest = tokens.pop() ?? "";
      for (const token of tokens) {
        if (token.startsWith("\x1e")) time = Number(token.slice(1));
        else {
          const path = token.startsWith("\n") ? token.slice(1) : token;
          if (path !== "" && wanted.has(path) && !found.has(path)) found.set(path, time);
        }
      }
      if (found.size === wanted.size) {
        child.kill();
        finish();
      }
    });
    child.on("error", finish);
    child.on("close", finish);
    child.stdin.on("error", () => {}); // git may exit (no HEAD) before reading every pathspec
    child.stdin.end(`HEAD\n${pathspec}`);
  });
}
