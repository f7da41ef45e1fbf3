import { posix } from "node:path";

/** Source extensions that compile to each build-output extension, most likely first. */
const OUTPUTS: readonly (readonly [string, readonly string[]])[] = [
  [".d.ts", [".ts", ".tsx"]],
  [".d.mts", [".mts"]],
  [".d.cts", [".cts"]],
  [".js", [".ts", ".tsx", ".js", ".jsx"]],
  [".jsx", [".tsx", ".jsx"]],
  [".mjs", [".mts", ".mjs"]],
  [".cjs", [".cts", ".cjs"]],
];

/** How far into a package the output folder may sit (`dist/x.js`, `dist/esm/x.js`). */
const OUTPUT_DEPTH = 2;

export interface OutputLayout {
  /** Repo-relative `outDir` and `rootDir` of the package's tsconfig, when set. */
  outDir: string | undefined;
  rootDir: string | undefined;
}

/**
 * The source file a build output (`packages/a/dist/index.js`, `.d.ts`) was compiled from, as
 * TypeScript's project references do: first through the package tsconfig's outDir → rootDir,
 * then (with `guessLayout`) by the usual layouts (`dist/x.js` ← `src/x.ts` or `x.ts`). Only
 * files that exist count.
 */
export function sourceOfOutput(
  path: string,
  packageDir: string,
  layout: OutputLayout,
  exists: (path: string) => boolean,
  guessLayout: boolean,
): string | undefined {
  const output = OUTPUTS.find(([extension]) => path.endsWith(extension));
  if (!output) return undefined;
  const [extension, sources] = output;
  const stem = path.slice(0, -extension.length);
  for (const candidate of candidateStems(stem, packageDir, layout, guessLayout)) {
    for (const source of sources) {
      if (exists(candidate + source)) return candidate + source;
    }
  }
  return undefined;
}

function candidateStems(stem: string, packageDir: string, layout: OutputLayout, guessLayout: boolean): string[] {
  const stems: string[] = [];
  const join = (...parts: string[]) => posix.join(...parts.filter((p) => p !== ""));
  if (layout.outDir !== undefined && isInside(stem, layout.outDir)) {
    const rest = stem.slice(layout.outDir === "" ? 0 : layout.outDir.length + 1);
    if (layout.rootDir !== undefined) stems.push(join(layout.rootDir, rest));
    stems.push(join(packageDir, "src", rest), join(packageDir, rest));
  }
  if (!guessLayout || !isInside(stem, packageDir)) return stems;
  const segments = (packageDir === "" ? stem : stem.slice(packageDir.length + 1)).split("/");
  for (let drop = 1; drop <= OUTPUT_DEPTH && drop < segments.length; drop++) {
    const tail = segments.slice(drop).join("/");
    stems.push(join(packageDir, "src", tail), join(packageDir, tail));
  }
  return stems;
}

function isInside(path: string, dir: string): boolean {
  return dir === "" || path.startsWith(`${dir}/`);
}

/**
 * Where a file under tsconfig's `rootDir` lands in its `outDir` (`src/x/catalog.json` →
 * `lib/x/catalog.json`), or undefined when the tsconfig sets no such pair or the file is not
 * under `rootDir`.
 */
export function outputOf(path: string, layout: OutputLayout): string | undefined {
  const { rootDir, outDir } = layout;
  if (rootDir === undefined || outDir === undefined || rootDir === outDir) return undefined;
  if (rootDir !== "" && !path.startsWith(`${rootDir}/`)) return undefined;
  const inside = rootDir === "" ? path : path.slice(rootDir.length + 1);
  return outDir === "" ? inside : `${outDir}/${inside}`;
}
