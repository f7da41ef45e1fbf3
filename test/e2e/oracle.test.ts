import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { GUARD_BIN, makeRepo, writeFiles, type FileTree } from "../helpers/repo.js";
import { generatedRepo, ORACLE_FIXTURES, WORKSPACES } from "./oracle-fixtures.js";

/**
 * dependency-cruiser is the oracle for the import graph (SPEC §3): on the same tree, the local
 * edges guard resolves (from → to, deduplicated) must equal the ones depcruise resolves with
 * tsPreCompilationDeps, the repo's tsconfig and package.json `exports`.
 */
const DEPCRUISE = resolve(dirname(fileURLToPath(import.meta.url)), "../../node_modules/.bin/depcruise");
/** The library modules of the build under test, beside its bin/guard.js. */
const BUILD = resolve(dirname(GUARD_BIN), "..");

interface Library {
  Repo: new (options: { root: string; exclude: string[] }) => unknown;
  buildImportGraph: (repo: unknown, options: { cache: boolean }) => Promise<{ localEdges(): readonly { from: string; resolution: { kind: string; path?: string } }[] }>;
}

async function library(): Promise<Library> {
  const load = (path: string) => import(pathToFileURL(join(BUILD, path)).href);
  const [{ Repo }, { buildImportGraph }] = await Promise.all([load("src/repo/repo.js"), load("src/graph/import-graph.js")]);
  return { Repo, buildImportGraph };
}

/** guard's local edges whose importing file lies under one of `roots`. */
async function guardEdges(dir: string, roots: readonly string[]): Promise<Set<string>> {
  const { Repo, buildImportGraph } = await library();
  const graph = await buildImportGraph(new Repo({ root: dir, exclude: [] }), { cache: false });
  const edges = new Set<string>();
  for (const edge of graph.localEdges()) {
    if (roots.some((root) => edge.from.startsWith(`${root}/`))) edges.add(`${edge.from} → ${edge.resolution.path}`);
  }
  return edges;
}

interface CruiseDependency {
  module: string;
  resolved: string;
  coreModule: boolean;
  couldNotResolve: boolean;
}

/**
 * What `depcruise --init` writes for a TypeScript repo: type-only imports count
 * (tsPreCompilationDeps), the repo's tsconfig, and package.json `exports` honoured. It lives
 * outside the fixture, so guard never sees it.
 */
const CRUISER_CONFIG = {
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};

let cruiserConfigFile: string | undefined;
function cruiserConfig(): string {
  if (!cruiserConfigFile) {
    const dir = mkdtempSync(join(tmpdir(), "guard-oracle-"));
    cruiserConfigFile = join(dir, "dependency-cruiser.cjs");
    writeFileSync(cruiserConfigFile, `module.exports = ${JSON.stringify(CRUISER_CONFIG)};\n`);
  }
  return cruiserConfigFile;
}
afterAll(() => {
  if (cruiserConfigFile) rmSync(dirname(cruiserConfigFile), { recursive: true, force: true });
});

/** depcruise's edges to local files, and the specifiers it could not resolve (`from: specifier`). */
function cruiserEdges(dir: string, roots: readonly string[]): { edges: Set<string>; unresolved: Set<string> } {
  const args = ["--config", cruiserConfig(), "--output-type", "json", ...roots];
  const run = spawnSync(DEPCRUISE, args, { cwd: dir, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`depcruise exited ${run.status}\n${run.stderr}`);
  const result = JSON.parse(run.stdout) as { modules: { source: string; dependencies: CruiseDependency[] }[] };
  const edges = new Set<string>();
  const unresolved = new Set<string>();
  for (const { source, dependencies } of result.modules) {
    for (const dependency of dependencies) {
      if (dependency.couldNotResolve) unresolved.add(`${source}: ${dependency.module}`);
      else if (!dependency.coreModule && !dependency.resolved.split("/").includes("node_modules")) edges.add(`${source} → ${dependency.resolved}`);
    }
  }
  return { edges, unresolved };
}

/** What only one side has; both lists empty when guard and the oracle agree. */
function difference(guard: Set<string>, cruiser: Set<string>) {
  return {
    onlyGuard: [...guard].filter((edge) => !cruiser.has(edge)).sort(),
    onlyDependencyCruiser: [...cruiser].filter((edge) => !guard.has(edge)).sort(),
  };
}

async function compare(files: FileTree, roots: readonly string[]) {
  const dir = makeRepo(files);
  const guard = await guardEdges(dir, roots);
  const cruiser = cruiserEdges(dir, roots);
  return { dir, guard, cruiser, diff: difference(guard, cruiser.edges) };
}

const agree = { onlyGuard: [], onlyDependencyCruiser: [] };

describe("the import graph agrees with dependency-cruiser", () => {
  for (const fixture of ORACLE_FIXTURES) {
    it(fixture.name, async () => {
      const { guard, diff } = await compare(fixture.files, fixture.roots);
      expect(diff).toEqual(agree);
      // Guard against a vacuous pass: the fixture's edges were found at all.
      expect(guard.size).toBe(fixture.edges);
    }, 60_000);
  }

  it("on a generated repo of 400 files with every kind of import", async () => {
    const { files, edges } = generatedRepo(400);
    const { guard, diff } = await compare(files, ["src"]);
    expect(diff).toEqual(agree);
    expect(guard.size).toBe(edges);
  }, 120_000);

  it("on this repository's own src, bin and test folders", async () => {
    const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
    const roots = ["src", "bin", "test"];
    const guard = await guardEdges(root, roots);
    expect(difference(guard, cruiserEdges(root, roots).edges)).toEqual(agree);
    expect(guard.size).toBeGreaterThan(100);
  }, 120_000);

  // A documented difference: without node_modules, dependency-cruiser cannot resolve a
  // workspace package by name (it resolves through node_modules, as Node does before
  // `npm install` links the package); guard reads the workspaces of package.json, as
  // TypeScript's project setup and the package manager would, and resolves it to the file.
  it("on npm workspaces: guard resolves a workspace package without node_modules, depcruise only once it is linked", async () => {
    const { dir, guard, cruiser, diff } = await compare(WORKSPACES, ["apps", "packages"]);
    const byName = ["apps/web/src/main.ts → packages/util/src/format.ts", "apps/web/src/main.ts → packages/util/src/index.ts"];
    expect(diff).toEqual({ onlyGuard: byName, onlyDependencyCruiser: [] });
    expect([...cruiser.unresolved].sort()).toEqual(["apps/web/src/main.ts: @acme/util", "apps/web/src/main.ts: @acme/util/format"]);
    expect(guard.size).toBe(5);

    // Linked as `npm install` would (a symlink in node_modules), both resolve it to the same files.
    writeFiles(dir, { "node_modules/@acme/util": { symlink: "../../packages/util" } });
    const linked = difference(await guardEdges(dir, ["apps", "packages"]), cruiserEdges(dir, ["apps", "packages"]).edges);
    expect(linked).toEqual(agree);
  }, 60_000);
});
