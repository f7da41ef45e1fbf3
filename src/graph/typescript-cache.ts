/**
 * Where typescript.ts keeps V8's compiled code of TypeScript between runs. Set by the import
 * graph (the repo's cache folder, see cacheHome) before it first loads the lexer; unset, the
 * compiler loads without a code cache.
 */
let folder: string | undefined;
let save: (() => void) | undefined;

export function useCodeCacheFolder(path: string | undefined): void {
  folder = path;
}

export function codeCacheFolder(): string | undefined {
  return folder;
}

/** Registered by typescript.ts when the cache was missing or stale. */
export function onCodeCacheSave(write: () => void): void {
  save = write;
}

/** Writes the code cache, once, after the lexer ran: V8 compiles functions lazily, so only now does it hold the scanner's. */
export function saveCodeCache(): void {
  const write = save;
  save = undefined;
  write?.();
}
