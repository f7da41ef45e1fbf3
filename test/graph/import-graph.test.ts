import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo, runGuard, writeFiles } from "../helpers/repo.js";

const LAYERS = 'layers:\n  - { name: types, paths: ["src/types/**"] }\n  - { name: service, paths: ["src/service/**"] }\n';

/** A repo with a node_modules folder (git-ignored), so the graph cache is used. */
function cachedRepo(files: Record<string, string>): string {
  return makeRepo({ ".gitignore": "node_modules/\n", "node_modules/.keep": "", "guard.yaml": LAYERS, ...files });
}

function cacheFiles(dir: string): string[] {
  return readdirSync(join(dir, "node_modules/.cache/guard")).filter((name) => /^(imports|resolutions)-/.test(name)).sort();
}

const archJson = (dir: string) => runGuard(dir, ["check", "--format", "json", "--only", "arch"]).stdout;

describe("import graph cache", () => {
  it("stores imports and resolutions under node_modules/.cache/guard, and a second run gives the same JSON", () => {
    const dir = cachedRepo({
      "src/types/order.ts": 'import { save } from "../service/save";\nexport type Order = { id: string };\n',
      "src/service/save.ts": 'import type { Order } from "../types/order";\nimport "./missing";\nexport const save = (order: Order) => order;\n',
    });
    const cold = archJson(dir);
    expect(findingsOf(JSON.parse(cold), "arch/layer").map((f) => f.file)).toEqual(["src/types/order.ts"]);
    expect(findingsOf(JSON.parse(cold), "arch/unresolved").map((f) => f.file)).toEqual(["src/service/save.ts"]);
    expect(cacheFiles(dir)).toEqual([expect.stringMatching(/^imports-/), expect.stringMatching(/^resolutions-/)]);
    expect(archJson(dir)).toBe(cold);
    expect(runGuard(dir, ["check", "--format", "json", "--only", "arch", "--no-cache"]).stdout).toBe(cold);
  });

  it("reads an edited file's imports again", () => {
    const dir = cachedRepo({
      "src/types/order.ts": "export type Order = { id: string };\n",
      "src/service/save.ts": 'import type { Order } from "../types/order";\n',
    });
    expect(findingsOf(checkJson(dir, ["--only", "arch/layer"]), "arch/layer")).toEqual([]);
    writeFiles(dir, { "src/types/order.ts": '\nimport { save } from "../service/save";\nexport type Order = { id: string };\n' });
    expect(findingsOf(checkJson(dir, ["--only", "arch/layer"]), "arch/layer")).toEqual([
      {
        file: "src/types/order.ts",
        line: 2,
        column: 22,
        message: "types must not import from service (src/service/save.ts); types may import only from types",
      },
    ]);
    writeFiles(dir, { "src/types/order.ts": "export type Order = { id: string };\n" });
    expect(findingsOf(checkJson(dir, ["--only", "arch/layer"]), "arch/layer")).toEqual([]);
  });

  it("reads an untracked file again after a same-size edit in the same second", () => {
    const dir = cachedRepo({ "src/service/save.ts": "export const save = 1;\n" });
    // Not committed: no blob vouches for it, only its stat, which a quick same-size edit may keep.
    writeFiles(dir, { "src/types/order.ts": 'import { save } from "../servic/saves";\n' });
    expect(findingsOf(checkJson(dir, ["--only", "arch/layer"]), "arch/layer")).toEqual([]);
    writeFiles(dir, { "src/types/order.ts": 'import { save } from "../service/save";\n' });
    expect(findingsOf(checkJson(dir, ["--only", "arch/layer"]), "arch/layer").map((f) => f.file)).toEqual(["src/types/order.ts"]);
  });

  it("resolves again when a new file appears: an unresolved import becomes an edge", () => {
    const dir = cachedRepo({ "src/types/order.ts": 'import { save } from "../service/save";\n' });
    const before = checkJson(dir, ["--only", "arch"]);
    expect(findingsOf(before, "arch/unresolved").map((f) => f.message)).toEqual([
      'src/types/order.ts imports "../service/save", which names no file',
    ]);
    expect(findingsOf(before, "arch/layer")).toEqual([]);
    writeFiles(dir, { "src/service/save.ts": "export const save = 1;\n" });
    const after = checkJson(dir, ["--only", "arch"]);
    expect(findingsOf(after, "arch/unresolved")).toEqual([]);
    expect(findingsOf(after, "arch/layer").map((f) => f.file)).toEqual(["src/types/order.ts"]);
  });

  it("resolves again when a tsconfig changes", () => {
    const dir = cachedRepo({
      "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["lib/*"] } } }),
      "src/types/order.ts": 'import { save } from "@/service/save";\n',
      "src/service/save.ts": "export const save = 1;\n",
    });
    expect(findingsOf(checkJson(dir, ["--only", "arch"]), "arch/unresolved")).toHaveLength(1);
    writeFiles(dir, { "tsconfig.json": JSON.stringify({ compilerOptions: { baseUrl: ".", paths: { "@/*": ["src/*"] } } }) });
    const after = checkJson(dir, ["--only", "arch"]);
    expect(findingsOf(after, "arch/unresolved")).toEqual([]);
    expect(findingsOf(after, "arch/layer").map((f) => f.file)).toEqual(["src/types/order.ts"]);
  });

  it("ignores a damaged cache file", () => {
    const dir = cachedRepo({ "src/types/order.ts": 'import { save } from "../service/save";\n', "src/service/save.ts": "" });
    const cold = archJson(dir);
    for (const name of cacheFiles(dir)) writeFileSync(join(dir, "node_modules/.cache/guard", name), '{"environment": 1, "entries": [[1, 2, 3]]');
    // Without the file memo's findings the graph is needed, and its damaged cache is written anew.
    for (const name of readdirSync(join(dir, "node_modules/.cache/guard"))) if (name.startsWith("memo-")) rmSync(join(dir, "node_modules/.cache/guard", name));
    expect(archJson(dir)).toBe(cold);
    expect(readFileSync(join(dir, "node_modules/.cache/guard", cacheFiles(dir)[0]!), "utf8")).toMatch(/^\{"imports":\[\[/);
  });

  it("writes no cache when the repo has no node_modules folder", () => {
    const dir = makeRepo({ "guard.yaml": LAYERS, "src/types/order.ts": 'import "../service/save";\n', "src/service/save.ts": "" });
    expect(findingsOf(checkJson(dir, ["--only", "arch"]), "arch/layer")).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual([".git", "guard.yaml", "src"]);
  });
});
