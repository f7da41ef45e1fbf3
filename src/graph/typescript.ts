import { readFileSync } from "node:fs";
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import type * as TS from "typescript";
import { writeAtomically } from "../repo/cache-files.js";
import { codeCacheFolder, onCodeCacheSave } from "./typescript-cache.js";

export type { TS };

/**
 * TypeScript (the lexer of the import graph), loaded as CommonJS. An ES `import` of this
 * 9 MB file makes Node scan all of it for export names first: ~0.45 s against ~0.17 s with
 * `require`. With a code cache folder, V8's compiled code is reused between runs (as Node 22's
 * module.enableCompileCache does): ~0.06 s, which is most of what a warm run after a one-file
 * edit spends. V8 checks the cached data against the source and its own version and flags
 * and ignores it when they differ; then a fresh cache is written.
 */
export const ts: typeof TS = load();

function load(): typeof TS {
  const require = createRequire(import.meta.url);
  const folder = codeCacheFolder();
  if (!folder) return require("typescript") as typeof TS;
  try {
    const file = require.resolve("typescript");
    const version = (require("typescript/package.json") as { version: string }).version;
    const cacheFile = join(folder, `typescript-${version}-${process.version}-${process.arch}.code`);
    let cached: Buffer | undefined;
    try {
      cached = readFileSync(cacheFile);
    } catch {
      // First run, or the cache was cleared.
    }
    const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData: cached });
    const module = new Module(file);
    module.filename = file;
    const exports = module.exports as object;
    (script.runInThisContext() as (...args: unknown[]) => void).call(exports, exports, createRequire(file), module, file, dirname(file));
    // Caches of other TypeScript or Node versions (`typescript-*.code`) are removed on write.
    if (!cached || script.cachedDataRejected) onCodeCacheSave(() => writeAtomically(cacheFile, script.createCachedData()));
    return module.exports as typeof TS;
  } catch {
    // Anything unusual (a bundled install, a read-only or odd cache): the plain way.
    return require("typescript") as typeof TS;
  }
}
