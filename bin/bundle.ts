import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import { Worker } from "node:worker_threads";
import type { Io } from "../src/cli/io.js";
import { cacheHome } from "../src/repo/git-dir.js";

/** What the bundle (dist/bundle/guard.cjs, built by scripts/bundle.mjs) exports. */
export interface BundledCli {
  run(argv: string[], io: Io): Promise<number>;
  processIo(): Io;
  writeAtomically(file: string | undefined, content: string | Uint8Array): void;
  adoptLexerWorker(worker: Worker): void;
  useBundleHash(hash: string): void;
  prefetchWorktreeListing(root: string, cacheFolder: string): void;
  prefetchGitTopLevel(cwd: string): void;
}

const CHECKSUM_BYTES = 20;

/**
 * Runs the bundle, one CommonJS file, through `vm.Script` with V8's compiled code of an earlier
 * run (Node 20 has no code cache for ES modules): parsing and compiling its ~1.5 MB is most of
 * what loading guard costs. The cache lives in the nearest node_modules above the working
 * directory (`.cache/guard/cli-<bundle hash>-<node>-<arch>.code`), else in the git dir's
 * `guard-cache/` (none outside both, none with `--no-cache`) and is written after the command ran, so the functions V8 compiled
 * lazily are in it, and only when it was missing or rejected. V8 does not check the cached
 * bytes themselves, so the file starts with their SHA-1; every cache failure is silent.
 */
export function loadBundle(file: string, useCache: boolean): { cli: BundledCli; saveCache(): void } {
  const source = readFileSync(file);
  const hash = createHash("sha1").update(source).digest("hex");
  const cacheFile = useCache ? cacheFileFor(hash) : undefined;
  const cached = readCache(cacheFile);
  // The bundle has no `import()` (scripts/bundle.mjs turns them into `require`): a script run
  // from a code cache loses its dynamic import callback.
  const script = new Script(Module.wrap(source.toString("utf8")), { filename: file, cachedData: cached });
  const module = new Module(file);
  module.filename = file;
  const exports = module.exports as object;
  (script.runInThisContext() as (...args: unknown[]) => void).call(exports, exports, createRequire(file), module, file, dirname(file));
  const cli = module.exports as BundledCli;
  cli.useBundleHash(hash); // the caches' code stamps: no second read and hash of the bundle
  const saveCache = () => {
    if (!cacheFile || (cached && !script.cachedDataRejected)) return;
    try {
      const data = script.createCachedData();
      cli.writeAtomically(cacheFile, Buffer.concat([checksum(data), data]));
    } catch {
      // The cache is only an optimisation.
    }
  };
  return { cli, saveCache };
}

function cacheFileFor(bundleHash: string): string | undefined {
  const folder = nearestCacheFolder();
  if (!folder) return undefined;
  return join(folder, `cli-${bundleHash.slice(0, 16)}-${process.version}-${process.arch}.code`);
}

/**
 * `.cache/guard` in the nearest node_modules above the working directory, else the git dir's
 * `guard-cache/` (src/repo/git-dir.ts); undefined outside both.
 */
export function nearestCacheFolder(): string | undefined {
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    const modules = join(dir, "node_modules");
    if (existsSync(modules)) return join(modules, ".cache", "guard");
    if (dirname(dir) === dir) return cacheHome(process.cwd());
  }
}

/** The cached code, or undefined when missing, unreadable or damaged (its checksum differs). */
function readCache(file: string | undefined): Buffer | undefined {
  if (!file) return undefined;
  try {
    const stored = readFileSync(file);
    const data = stored.subarray(CHECKSUM_BYTES);
    return data.length > 0 && checksum(data).equals(stored.subarray(0, CHECKSUM_BYTES)) ? data : undefined;
  } catch {
    return undefined;
  }
}

function checksum(data: Uint8Array): Buffer {
  return createHash("sha1").update(data).digest();
}

/**
 * A `check`, or an agent hook answering an edit or a stop (`guard hook claude|codex|cursor`,
 * which runs the same check on the agent's working directory, the process's own).
 */
function runsCheck(argv: readonly string[]): boolean {
  if (argv[0] === "check") return true;
  return argv[0] === "hook" && ["claude", "codex", "cursor"].includes(argv[1] ?? "") && !argv.includes("--print-config") && !argv.includes("--install");
}

/**
 * Starts the lexer thread (the bundle's lexer-thread.js) for a `check` that may read the import
 * graph (no `--only`, or one naming arch rules), before guard's own code loads: a warm run needs
 * TypeScript (~70 ms to load) for the few files that changed, and loading it then overlaps
 * loading guard, its config and the repo's file list. The check takes it over (adoptLexerWorker);
 * unused, it never keeps the process alive.
 */
export function startLexerEarly(argv: readonly string[], bundleDir: string): { worker: Worker; cacheFolder: string } | undefined {
  if (!runsCheck(argv) || argv.includes("--no-cache") || argv.includes("--help") || argv.includes("-h")) return undefined;
  const only = argv.flatMap((arg, i) => (arg === "--only" ? [argv[i + 1] ?? ""] : arg.startsWith("--only=") ? [arg.slice("--only=".length)] : []));
  if (only.length > 0 && !only.some((value) => value.split(",").some((rule) => rule.trim().startsWith("arch")))) return undefined;
  const cacheFolder = nearestCacheFolder();
  const thread = join(bundleDir, "lexer-thread.js");
  if (!cacheFolder || !existsSync(thread)) return undefined;
  try {
    const worker = new Worker(thread, { workerData: { cacheFolder } });
    worker.unref();
    return { worker, cacheFolder };
  } catch {
    return undefined;
  }
}
