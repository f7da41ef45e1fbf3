import { setFlagsFromString } from "node:v8";
import { Script, createContext } from "node:vm";

/**
 * A text rule's regex, run so that no pattern can hang the run (a regex such as `(a+)+$` takes
 * exponential time on `aaaa…b` in a backtracking engine).
 *
 * - When V8 can run the pattern in linear time (its experimental engine, the `l` flag: no
 *   backreferences, no lookarounds, and in Node 20 none of the flags `i`, `u`, `v`), it is
 *   compiled with `l`: no backtracking at all, same matches (leftmost, same captures).
 * - Otherwise it runs in the backtracking engine inside a `vm` context with a time budget
 *   (1 s per MiB of text, at least 1 s). When the budget runs out, V8 interrupts the match;
 *   the file it was on is given up with a reason, the rest are scanned on.
 * Files are scanned in batches of about 1 MiB, so the vm's watchdog costs one call per batch,
 * not per file.
 */
/** The matches in one text, or why it was given up, in words ("took over 1 s on this file"). */
export type FileMatches = RegExpExecArray[] | { gaveUp: string };

export interface ScanOutcome {
  /** Per text, in order; undefined for texts not scanned because the rule stopped early. */
  results: (FileMatches | undefined)[];
  /** How many texts were given up on; the caller stops a rule that gives up too often. */
  gaveUp: number;
}

/** Beyond this many matches in one file the rest is noise (and memory). */
const MAX_MATCHES_PER_TEXT = 1000;
const BATCH_CHARS = 1024 * 1024;
const BUDGET_MS_PER_BATCH = 1000;
/** After this many files given up, a rule stops: its regex is the problem, not the files. */
const MAX_GIVE_UPS = 3;

// The loop runs in the vm's realm so that one definition serves both engines; a linear regex
// calls it directly (no watchdog needed), a backtracking one through `run` with a timeout.
const COLLECT = `(function (re, texts, state, limit, unicode) {
  for (let i = 0; i < texts.length; i++) {
    state.current = i;
    const text = texts[i];
    const found = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      found.push(m);
      if (found.length >= limit) break;
      // An empty match does not move lastIndex: step over one character (a whole surrogate pair with u/v).
      if (m[0] === "") {
        const at = re.lastIndex, code = text.charCodeAt(at);
        re.lastIndex = at + (unicode && code >= 0xd800 && code <= 0xdbff && at + 1 < text.length ? 2 : 1);
      }
    }
    state.results[i] = found;
  }
})`;

interface BatchState {
  current: number;
  results: RegExpExecArray[][];
}
type Collect = (re: RegExp, texts: readonly string[], state: BatchState, limit: number, unicode: boolean) => void;

let sandbox: { context: object; collect: Collect; run: Script } | undefined;
function vmSandbox(): NonNullable<typeof sandbox> {
  if (!sandbox) {
    const context = createContext({});
    const collect = new Script(COLLECT).runInContext(context) as Collect;
    (context as { collect?: Collect }).collect = collect;
    const run = new Script("collect(input.re, input.texts, input.state, input.limit, input.unicode)");
    sandbox = { context, collect, run };
  }
  return sandbox;
}

let linearEngine: boolean | undefined;
/** Turns on V8's linear-time engine (a runtime flag; it only makes the `l` flag available). */
function linearEngineAvailable(): boolean {
  if (linearEngine === undefined) {
    try {
      setFlagsFromString("--enable-experimental-regexp-engine");
      new RegExp("a", "l");
      linearEngine = true;
    } catch {
      linearEngine = false;
    }
  }
  return linearEngine;
}

export class TextRegex {
  readonly regex: RegExp;
  /** True when compiled for the linear-time engine. */
  readonly linear: boolean;
  private readonly unicode: boolean;

  /** `flags` as validated by the rule-file parser (i, m, s, u, v); `g` is added here. */
  constructor(source: string, flags: string) {
    this.unicode = /[uv]/.test(flags);
    let linear: RegExp | undefined;
    if (linearEngineAvailable()) {
      try {
        linear = new RegExp(source, `g${flags}l`);
      } catch {
        // "Cannot be executed in linear time": backreferences, lookarounds, or a flag it lacks.
      }
    }
    this.linear = linear !== undefined;
    this.regex = linear ?? new RegExp(source, `g${flags}`);
  }

  scan(texts: readonly string[]): ScanOutcome {
    const results: (FileMatches | undefined)[] = new Array(texts.length).fill(undefined);
    const { context, collect, run } = vmSandbox();
    if (this.linear) {
      const state: BatchState = { current: 0, results: [] };
      collect(this.regex, texts, state, MAX_MATCHES_PER_TEXT, this.unicode);
      return { results: state.results, gaveUp: 0 };
    }
    let gaveUp = 0;
    let from = 0;
    while (from < texts.length && gaveUp < MAX_GIVE_UPS) {
      const { end, chars } = batchEnd(texts, from);
      const batch = texts.slice(from, end);
      const state: BatchState = { current: 0, results: [] };
      const budget = BUDGET_MS_PER_BATCH * Math.max(1, Math.ceil(chars / BATCH_CHARS));
      const input = { re: this.regex, texts: batch, state, limit: MAX_MATCHES_PER_TEXT, unicode: this.unicode };
      (context as { input?: unknown }).input = input;
      let failed: string | undefined;
      try {
        run.runInContext(context, { timeout: budget });
      } catch (error) {
        const timedOut = (error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT";
        failed = timedOut ? `took over ${budget / 1000} s on this file` : `failed on this file (${(error as Error).message})`;
      } finally {
        (context as { input?: unknown }).input = undefined;
      }
      state.results.forEach((found, i) => (results[from + i] = found));
      if (failed === undefined) {
        from = end;
        continue;
      }
      results[from + state.current] = { gaveUp: failed };
      gaveUp++;
      from += state.current + 1;
    }
    return { results, gaveUp };
  }
}

/** The end of a batch starting at `from`: about BATCH_CHARS of text, at least one text. */
function batchEnd(texts: readonly string[], from: number): { end: number; chars: number } {
  let end = from;
  let chars = 0;
  while (end < texts.length && (end === from || chars + texts[end]!.length <= BATCH_CHARS)) chars += texts[end++]!.length;
  return { end, chars };
}
