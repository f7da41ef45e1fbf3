/** The import graph's vocabulary: what a file imports, and where each import leads. */

export type ImportKind =
  /** `import x from "m"`, `import { x } from "m"`, `import * as x from "m"` */
  | "import"
  /** `export { x } from "m"`, `export * from "m"` */
  | "export"
  /** `import "m"` */
  | "side-effect"
  /** `import("m")` with a string literal */
  | "dynamic"
  /** `require("m")` with a string literal */
  | "require"
  /** `import x = require("m")` */
  | "import-equals";

/** One import as written: the specifier and the exact place of its string literal (quotes included). */
export interface ImportRef {
  specifier: string;
  kind: ImportKind;
  /** `import type …`, `export type … from`, or every named binding marked `type`. */
  typeOnly: boolean;
  /** 1-based line and column of the specifier's string literal. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Resolution =
  /** A file of this repository (repo-relative path with `/`). */
  | { kind: "local"; path: string }
  /** A package from node_modules that is no workspace package of this repo. */
  | { kind: "external"; packageName: string }
  /** A Node.js built-in (`fs`, `node:fs`). */
  | { kind: "builtin"; name: string }
  /**
   * A relative, absolute or aliased specifier, or a workspace package's subpath, that names no
   * file. `targets`: the repo paths it would name before extensions and index files are tried
   * (the folder + a relative specifier, each target of a tsconfig `paths` alias), when known:
   * where a generated file that git ignores would be.
   */
  | { kind: "unresolved"; targets?: readonly string[] };

export interface ImportEdge extends ImportRef {
  /** The importing file (repo-relative). */
  from: string;
  resolution: Resolution;
}

export interface ImportGraph {
  /** Every code file in the graph, sorted. */
  files: readonly string[];
  /** The imports of each file, in source order. */
  importsOf(file: string): readonly ImportEdge[];
  /** Every edge that resolved to a local file. */
  localEdges(): readonly ImportEdge[];
}

/** Extensions the graph reads (SPEC §3 arch/*). */
export const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];

const CODE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;

export function isCodeFile(path: string): boolean {
  return CODE_FILE.test(path);
}
