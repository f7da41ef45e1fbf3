import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * How many times in a row guard has blocked one agent session's stop, kept in the git dir
 * (`.git/guard-cache/agent-hooks/`, which git never lists or commits) so that every hook process
 * of that session sees it. One small file per session, named by a hash of the session id.
 */
export class StopCounter {
  private readonly file: string;

  constructor(gitDir: string, agent: string, session: string) {
    const key = createHash("sha1").update(`${agent}\0${session}`).digest("hex").slice(0, 16);
    this.file = join(gitDir, "guard-cache", "agent-hooks", `stop-${key}.json`);
  }

  read(): number {
    try {
      const blocks = (JSON.parse(readFileSync(this.file, "utf8")) as { blocks?: unknown }).blocks;
      return typeof blocks === "number" && Number.isSafeInteger(blocks) && blocks > 0 ? blocks : 0;
    } catch {
      return 0; // none yet, or a torn file: start again from zero
    }
  }

  /** Written beside, then renamed: two hooks of one session never see half a file. */
  write(blocks: number): void {
    try {
      mkdirSync(join(this.file, ".."), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify({ blocks })}\n`);
      renameSync(temp, this.file);
    } catch {
      // A read-only git dir: the cap then counts from zero each time, and stop_hook_active still ends the loop.
    }
  }

  reset(): void {
    rmSync(this.file, { force: true });
  }
}
