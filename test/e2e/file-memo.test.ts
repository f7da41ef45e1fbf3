import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, findingsOf, makeRepo, runGuard, writeFiles } from "../helpers/repo.js";

// The file memo keeps each file's arch/* findings (and its import targets, for arch/cycle)
// between runs. Whatever was edited, a cached run must print exactly what a run without any
// cache prints: these tests walk one repo through edits and compare the two after each step.

const LAYERS = 'layers:\n  - { name: types, paths: ["src/types/**"] }\n  - { name: service, paths: ["src/service/**"] }\n  - { name: ui, paths: ["src/ui/**"] }\n';

const CACHE = "node_modules/.cache/guard";

function archRun(dir: string, extra: string[] = []): string {
  const run = runGuard(dir, ["check", "--format", "json", "--only", "arch", ...extra]);
  expect(run.stderr).toBe("");
  return run.stdout;
}

/** A cached run prints what an uncached one does; returns the parsed report. */
function expectCachedEqualsCold(dir: string) {
  const cached = archRun(dir);
  expect(cached).toBe(archRun(dir, ["--no-cache"]));
  return JSON.parse(cached) as Parameters<typeof findingsOf>[0];
}

/** A repo with a node_modules folder (git-ignored: the caches live there) and three layers. */
function memoRepo(files: Record<string, string>): string {
  return makeRepo({ ".gitignore": "node_modules/\n", "node_modules/.keep": "", "guard.yaml": LAYERS, ...files });
}

function memoFiles(dir: string): string[] {
  return existsSync(join(dir, CACHE)) ? readdirSync(join(dir, CACHE)).filter((name) => name.startsWith("memo-")).sort() : [];
}

describe("file memo", () => {
  it("replays unchanged files' findings and recomputes edited ones, as a run without cache would report", () => {
    const dir = memoRepo({
      "src/types/order.ts": 'import { save } from "../service/save";\nexport type Order = { id: string };\n',
      "src/service/save.ts": 'import "./missing";\nexport const save = (order: unknown) => order;\n',
      "src/service/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
      "src/service/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
      "src/ui/page.ts": 'import { save } from "../service/save";\nexport const page = save;\n',
    });
    const first = expectCachedEqualsCold(dir);
    expect(findingsOf(first, "arch/layer").map((f) => `${f.file}:${f.line}`)).toEqual(["src/types/order.ts:1"]);
    expect(findingsOf(first, "arch/cycle").map((f) => f.file)).toEqual(["src/service/a.ts"]);
    expect(findingsOf(first, "arch/unresolved").map((f) => f.file)).toEqual(["src/service/save.ts"]);
    expect(memoFiles(dir)).toEqual([expect.stringMatching(/^memo-.*\.json$/)]);

    // Unchanged: replayed.
    expectCachedEqualsCold(dir);

    // An edit that moves a finding down a line, committed (a blob id: the memo keeps it).
    writeFiles(dir, { "src/types/order.ts": '// orders\nimport { save } from "../service/save";\nexport type Order = { id: string };\n' });
    commitAll(dir, "comment");
    expect(findingsOf(expectCachedEqualsCold(dir), "arch/layer").map((f) => `${f.file}:${f.line}`)).toEqual(["src/types/order.ts:2"]);
    expect(memoFiles(dir)).toContain(memoFiles(dir).find((name) => name.endsWith(".jsonl")));

    // A cycle member moves its import: the same cycle, reported at the new place.
    writeFiles(dir, { "src/service/b.ts": '\n\nimport { a } from "./a";\nexport const b = () => a;\n' });
    expect(findingsOf(expectCachedEqualsCold(dir), "arch/cycle")).toHaveLength(1);
    commitAll(dir, "move");
    expectCachedEqualsCold(dir);

    // The cycle is broken, then another one is made through a third file.
    writeFiles(dir, { "src/service/b.ts": "export const b = () => 1;\n" });
    commitAll(dir, "break the cycle");
    expect(findingsOf(expectCachedEqualsCold(dir), "arch/cycle")).toEqual([]);
    writeFiles(dir, { "src/service/c.ts": 'import { a } from "./a";\nexport const c = a;\n', "src/service/b.ts": 'import { c } from "./c";\nexport const b = () => c;\n' });
    expect(findingsOf(expectCachedEqualsCold(dir), "arch/cycle").map((f) => f.message)).toEqual([
      expect.stringContaining("src/service/a.ts → src/service/b.ts → src/service/c.ts → src/service/a.ts"),
    ]);
    commitAll(dir, "new cycle");
    expectCachedEqualsCold(dir);

    // Another config: every value is recomputed.
    writeFiles(dir, { "guard.yaml": 'layers:\n  - { name: service, paths: ["src/service/**"] }\n  - { name: types, paths: ["src/types/**"] }\n' });
    const swapped = expectCachedEqualsCold(dir);
    expect(findingsOf(swapped, "arch/layer")).toEqual([]);
    expect(findingsOf(swapped, "arch/unlayered").map((f) => f.file)).toEqual(["src/ui/page.ts"]);

    // A deleted file: its importers' imports now lead nowhere.
    rmSync(join(dir, "src/service/save.ts"));
    const deleted = expectCachedEqualsCold(dir);
    expect(findingsOf(deleted, "arch/unresolved").map((f) => f.file)).toEqual(["src/types/order.ts", "src/ui/page.ts"]);
    commitAll(dir, "delete");
    expectCachedEqualsCold(dir);
  });

  it("runs one rule alone and then all of them from the same memo", () => {
    const dir = memoRepo({
      "src/types/order.ts": 'import { page } from "../ui/page";\nexport type Order = { id: string };\n',
      "src/ui/page.ts": 'import type { Order } from "../types/order";\nexport const page = 1;\n',
    });
    const layerOnly = runGuard(dir, ["check", "--format", "json", "--only", "arch/layer"]).stdout;
    expect(layerOnly).toBe(runGuard(dir, ["check", "--format", "json", "--only", "arch/layer", "--no-cache"]).stdout);
    writeFiles(dir, { "src/ui/page.ts": 'import type { Order } from "../types/order";\n\nexport const page = 2;\n' });
    commitAll(dir, "edit");
    const all = expectCachedEqualsCold(dir);
    expect(findingsOf(all, "arch/cycle").map((f) => f.message)).toEqual([expect.stringContaining("type-only: src/ui/page.ts → src/types/order.ts")]);
  });

  it("does not replay a committed file that can no longer be read", () => {
    const dir = memoRepo({
      "src/types/order.ts": 'import { save } from "../service/save";\n',
      "src/service/save.ts": "export const save = 1;\n",
    });
    expectCachedEqualsCold(dir);
    // Now binary: the run that sees it first reports it skipped and computes nothing for it;
    // the runs after must not take its old findings for current.
    // (save.ts changes too: the run then has something to store, and stores it.)
    writeFiles(dir, { "src/types/order.ts": Buffer.from([0x69, 0x6d, 0x70, 0x00, 0x01, 0x02, 0x0a]), "src/service/save.ts": "export const save = 2;\n" });
    commitAll(dir, "binary");
    // The text report lists skipped files and how many were checked (the JSON report counts
    // them). arch/layer alone: no other rule looks at the file again and records it anew.
    const text = (extra: string[]) => runGuard(dir, ["check", "--only", "arch/layer", ...extra]).stdout.replace(/ in \d+ ms/, "");
    for (let run = 0; run < 3; run++) {
      const cached = text([]);
      expect(cached).toBe(text(["--no-cache"]));
      expect(cached).toContain("skipped src/types/order.ts: binary content\n0 errors, 0 warnings in 1 file checked");
    }
  });

  it("lists the work tree ahead of time only for the repo it checks, and leaves no listing behind", () => {
    const dir = memoRepo({
      "src/types/order.ts": 'import { save } from "../service/save";\n',
      "src/service/save.ts": "export const save = 1;\n",
    });
    const fromRoot = archRun(dir);
    // From a subfolder the listing started there is not the repo's: it is dropped, and the result is the same.
    const fromSubfolder = runGuard(join(dir, "src/service"), ["check", "--format", "json", "--only", "arch"]);
    expect(fromSubfolder.stdout).toBe(fromRoot);
    // An untracked file written after the last run is in the listing.
    writeFiles(dir, { "src/types/new.ts": 'import { save } from "../service/save";\n' });
    expect(findingsOf(expectCachedEqualsCold(dir), "arch/layer").map((f) => f.file)).toEqual(["src/types/new.ts", "src/types/order.ts"]);
    const usage = runGuard(dir, ["check", "--only", "arch", "--format", "nope"]);
    expect(usage.code).toBe(2);
    expect(readdirSync(join(dir, CACHE)).filter((name) => name.startsWith("listing-"))).toEqual([]);
  });

  it("reads nothing ahead for a rule that has nothing to check", () => {
    // No publicEntry: arch/deep-import checks nothing, cached or not, and counts no file checked.
    const dir = memoRepo({
      "src/types/order.ts": "export type Order = { id: string };\n",
    });
    const text = (extra: string[]) => runGuard(dir, ["check", "--only", "arch/deep-import", ...extra]).stdout.replace(/ in \d+ ms/, "");
    archRun(dir);
    writeFiles(dir, { "src/types/order.ts": "export type Order = { id: number };\n" });
    expect(text([])).toBe("0 errors, 0 warnings in 0 files checked\n");
    expect(text(["--no-cache"])).toBe("0 errors, 0 warnings in 0 files checked\n");
  });

  it("ignores a damaged memo file and writes a good one", () => {
    const dir = memoRepo({
      "src/types/order.ts": 'import { save } from "../service/save";\n',
      "src/service/save.ts": "export const save = 1;\n",
    });
    const cold = archRun(dir, ["--no-cache"]);
    expect(archRun(dir)).toBe(cold);
    for (const name of memoFiles(dir)) writeFileSync(join(dir, CACHE, name), '{"format":1,"context":');
    expect(archRun(dir)).toBe(cold);
    writeFileSync(join(dir, CACHE, memoFiles(dir)[0]!), JSON.stringify({ format: 1, context: "x", paths: [1], identities: [], spaces: "no" }));
    expect(archRun(dir)).toBe(cold);
    writeFileSync(join(dir, CACHE, `${memoFiles(dir)[0]!}l`), '{"context":\n[1,2]\n');
    expect(archRun(dir)).toBe(cold);
    expect(archRun(dir)).toBe(cold);
  });
});
