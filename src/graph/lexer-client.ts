import { Worker } from "node:worker_threads";
import { cacheFolder } from "../repo/cache-files.js";
import type { LexerThreadData, LexReply, LexRequest } from "./lexer-messages.js";
import type { ImportRef } from "./types.js";

/** At most this many files go to the thread; a run with more lexes on the main thread, as a cold run does. */
export const THREAD_LEX_LIMIT = 64;

/**
 * The lexer, loading in a worker thread from the start of a cached check: a warm run after a
 * one-file edit needs it for that one file, and by the time the main thread knows which file
 * that is (after listing the repo and reading the caches) the thread has loaded TypeScript.
 * The thread never keeps the process alive: a run that needs no lexing exits without waiting.
 */
export class LexerThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (refs: ImportRef[]) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failed: Error | undefined;

  private constructor(worker: Worker) {
    this.worker = worker;
    this.worker.unref();
    this.worker.on("message", (reply: LexReply | { ready: true }) => {
      if (!("id" in reply)) return;
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if ("refs" in reply) waiting?.resolve(reply.refs);
      else waiting?.reject(new Error(reply.error));
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", () => this.fail(new Error("the lexer thread stopped")));
  }

  /** Starts the thread; undefined when it cannot start (then the main thread lexes). */
  static start(url: URL, cacheFolder: string | undefined): LexerThread | undefined {
    try {
      return new LexerThread(new Worker(url, { workerData: { cacheFolder } satisfies LexerThreadData }));
    } catch {
      return undefined;
    }
  }

  /** Takes over a thread the launcher started (see adoptLexerWorker). */
  static adopt(worker: Worker): LexerThread {
    return new LexerThread(worker);
  }

  /** Whether the thread can still be asked (it has not failed or been stopped). */
  get usable(): boolean {
    return this.failed === undefined;
  }

  lex(text: string, path: string): Promise<ImportRef[]> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    this.worker.ref(); // the run now waits for an answer
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, text, path } satisfies LexRequest);
    });
  }

  /** Stops the thread (at the end of a run; it may still be loading). */
  stop(): void {
    this.fail(new Error("the lexer thread was stopped"));
    void this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failed ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

let adopted: Worker | undefined;

/**
 * The launcher (bin/guard.ts) starts the lexer thread before it even loads guard's code, for a
 * `check` that may need it: handed over here, the next startLexerThread takes it.
 */
export function adoptLexerWorker(worker: Worker): void {
  adopted = worker;
}

/**
 * The lexer thread for a cached check of the repo at `root` (the launcher's, or a new one);
 * undefined when the repo has no cache folder (every run then lexes every file, on the main thread).
 */
export function startLexerThread(root: string): LexerThread | undefined {
  const early = adopted;
  adopted = undefined;
  const folder = cacheFolder(root, true);
  if (folder === undefined) {
    void early?.terminate();
    return undefined;
  }
  return early ? LexerThread.adopt(early) : LexerThread.start(new URL("./lexer-thread.js", import.meta.url), folder);
}
