import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `true` inside the bundle: scripts/bundle.mjs sets it through esbuild's `define`. */
declare const GUARD_BUNDLED: boolean | undefined;

/**
 * Whether this code runs from the bundle (dist/bundle/guard.cjs, built by scripts/bundle.mjs)
 * rather than from tsc's one-module-per-file output. In the bundle, `import.meta.url` is the
 * bundle's own URL in every module, so relative files beside a module do not exist there.
 */
export const bundled: boolean = typeof GUARD_BUNDLED === "boolean" && GUARD_BUNDLED;

let hash: string | undefined;

/** The bundle file this code runs from; undefined when running tsc's output. */
export function bundleFile(): string | undefined {
  return bundled ? fileURLToPath(import.meta.url) : undefined;
}

/** The launcher, which read the bundle to run it, hands over the SHA-1 of its bytes. */
export function useBundleHash(sha1: string): void {
  if (bundled) hash = sha1;
}

/** A hash of the bundle's bytes (all of guard's code), computed once; undefined unbundled or unreadable. */
export function bundleHash(): string | undefined {
  const file = bundleFile();
  if (!file) return undefined;
  try {
    hash ??= createHash("sha1").update(readFileSync(file)).digest("hex");
  } catch {
    // An unusual layout: the caller falls back to what it has.
  }
  return hash;
}
