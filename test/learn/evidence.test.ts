import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, execGit, makeRepo, writeFiles } from "../helpers/repo.js";

const DIST = process.env.GUARD_DIST ?? new URL("../../dist", import.meta.url).pathname;
const { readEvidence } = (await import(`${DIST}/src/learn/evidence.js`)) as typeof import("../../src/learn/evidence.js");

const ORDER_BAD = 'export function total(order) {\n  debugger;\n  return order.lines.length;\n}\n';
const ORDER_GOOD = 'export function total(order) {\n  return order.lines.length;\n}\n';

/** clean → bad agent commit → fix commit; returns the repo and the three shas. */
function history() {
  const dir = makeRepo({ "src/domain/order.ts": ORDER_GOOD, "docs/api.md": "# API\n" });
  writeFiles(dir, { "src/domain/order.ts": ORDER_BAD, "src/utils/calc.ts": "export const a = 1;\n" });
  commitAll(dir, "agent: add total", "2024-05-01T10:00:00Z");
  writeFiles(dir, { "src/domain/order.ts": ORDER_GOOD });
  execGit(dir, ["mv", "src/utils/calc.ts", "src/domain/calc.ts"]);
  commitAll(dir, "Remove debugger and move calc", "2024-05-02T10:00:00Z");
  const [fix, bad, clean] = execGit(dir, ["rev-list", "HEAD"]).trim().split("\n");
  return { dir, fix: fix!, bad: bad!, clean: clean! };
}

describe("readEvidence", () => {
  it("--commit: parent is bad, the commit is good, with subject, date and changed lines", () => {
    const { dir, fix, bad } = history();
    const evidence = readEvidence(dir, { commit: "HEAD" });
    expect(evidence.bad).toBe(bad);
    expect(evidence.good).toBe(fix);
    expect(evidence.label).toBe(fix.slice(0, evidence.label.length));
    expect(evidence.subject).toBe("Remove debugger and move calc");
    expect(evidence.date).toBe("2024-05-02");
    const order = evidence.files.find((file) => file.oldPath === "src/domain/order.ts")!;
    expect(order).toMatchObject({ status: "modified", newPath: "src/domain/order.ts", removed: [{ start: 2, end: 2 }], added: [], before: ORDER_BAD, after: ORDER_GOOD });
    const moved = evidence.files.find((file) => file.status === "renamed")!;
    expect(moved).toMatchObject({ oldPath: "src/utils/calc.ts", newPath: "src/domain/calc.ts", removed: [], added: [] });
  });

  it("--from/--to: the range as given; a subject only when the range is one commit", () => {
    const { dir, fix, bad, clean } = history();
    const one = readEvidence(dir, { from: bad.slice(0, 10), to: "HEAD" });
    expect(one).toMatchObject({ bad, good: fix, subject: "Remove debugger and move calc" });
    const two = readEvidence(dir, { from: clean, to: fix });
    expect(two.subject).toBeUndefined();
    expect(two.label).toMatch(/^[0-9a-f]{7,}\.\.[0-9a-f]{7,}$/);
    expect(two.files.map((file) => file.newPath ?? file.oldPath).sort()).toEqual(["src/domain/calc.ts"]);
  });

  it("--commit of a root commit or a merge is a usage error that says why", () => {
    const { dir, clean } = history();
    expect(() => readEvidence(dir, { commit: clean })).toThrow(/root commit/);
    execGit(dir, ["checkout", "-q", "-b", "side", clean]);
    writeFiles(dir, { "side.txt": "x\n" });
    commitAll(dir, "side");
    execGit(dir, ["checkout", "-q", "main"]);
    execGit(dir, ["merge", "-q", "--no-edit", "side"]);
    expect(() => readEvidence(dir, { commit: "HEAD" })).toThrow(/merge commit/);
    expect(() => readEvidence(dir, { commit: "no-such-rev" })).toThrow(/cannot resolve revision/);
  });

  it("--diff: bad is HEAD with the patch reversed; work tree and index stay byte for byte", () => {
    const { dir, fix, bad } = history();
    const diff = execGit(dir, ["diff", bad, fix, "--", "src/domain/order.ts"]);
    writeFiles(dir, { "src/domain/order.ts": ORDER_GOOD + "// local edit\n", "untracked.txt": "u\n" });
    execGit(dir, ["add", "untracked.txt"]);
    const status = execGit(dir, ["status", "--porcelain"]);
    const index = readFileSync(join(dir, ".git/index"));
    const gitFiles = readdirSync(join(dir, ".git")).sort();
    process.env.GUARD_NOW = "2025-01-31T12:00:00Z";
    const evidence = readEvidence(dir, { diff, label: "review.diff" });
    delete process.env.GUARD_NOW;
    expect(execGit(dir, ["status", "--porcelain"])).toBe(status);
    expect(readFileSync(join(dir, ".git/index")).equals(index)).toBe(true);
    expect(readdirSync(join(dir, ".git")).sort()).toEqual(gitFiles);
    expect(evidence).toMatchObject({ good: execGit(dir, ["rev-parse", "HEAD^{tree}"]).trim(), label: "review.diff", date: "2025-01-31" });
    expect(evidence.subject).toBeUndefined();
    expect(execGit(dir, ["show", `${evidence.bad}:src/domain/order.ts`])).toBe(ORDER_BAD);
    expect(execGit(dir, ["show", `${evidence.bad}:src/domain/calc.ts`])).toBe("export const a = 1;\n");
    expect(evidence.files).toHaveLength(1);
    expect(evidence.files[0]).toMatchObject({ status: "modified", oldPath: "src/domain/order.ts", removed: [{ start: 2, end: 2 }], before: ORDER_BAD, after: ORDER_GOOD });
  });

  it("--diff that does not apply in reverse names the file; an empty diff says it holds no patch", () => {
    const { dir } = history();
    const wrong = "--- a/src/domain/order.ts\n+++ b/src/domain/order.ts\n@@ -1 +1 @@\n-nothing like this\n+export function other() {\n";
    expect(() => readEvidence(dir, { diff: wrong, label: "wrong.diff" })).toThrow(/does not apply in reverse to HEAD \(first at src\/domain\/order\.ts\)/);
    expect(() => readEvidence(dir, { diff: "just words\n", label: "empty.diff" })).toThrow(/holds no patch/);
    const gitDir = execGit(dir, ["rev-parse", "--absolute-git-dir"]).trim();
    expect(execGit(dir, ["status", "--porcelain"])).toBe("");
    expect(readFileSync(join(gitDir, "index")).length).toBeGreaterThan(0);
    expect(readdirSync(gitDir).filter((name) => name.startsWith("guard-learn-"))).toEqual([]);
  });

  it("binary files have no contents; an empty commit has no files", () => {
    const dir = makeRepo({ "img.bin": Buffer.from([0, 1, 2, 3, 0, 5]) });
    writeFiles(dir, { "img.bin": Buffer.from([0, 9, 9, 9, 0, 5]) });
    commitAll(dir, "change image");
    const evidence = readEvidence(dir, { commit: "HEAD" });
    expect(evidence.files).toEqual([{ status: "modified", oldPath: "img.bin", newPath: "img.bin", removed: [], added: [] }]);
    commitAll(dir, "empty");
    expect(readEvidence(dir, { commit: "HEAD" }).files).toEqual([]);
  });
});
