import { describe, expect, it } from "vitest";
import { commitAll, execGit, findingsOf, makeRepo, runGuard, writeFiles, type FileTree, type JsonReport } from "../../helpers/repo.js";

const RULE = "docs/stale";

/** `guard check --only docs/stale` with "today" fixed through the GUARD_NOW testing hook. */
function checkAt(dir: string, now: string, args: string[] = []) {
  const run = runGuard(dir, ["check", "--format", "json", "--only", RULE, ...args], { GUARD_NOW: now });
  if (run.code !== 0 && run.code !== 1) throw new Error(`guard exited ${run.code}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as JsonReport;
  return { report, findings: findingsOf(report, RULE) };
}

/** A repo whose first commit (with `files`) is dated `date`. */
function repoAt(files: FileTree, date: string): string {
  const dir = makeRepo(files, { commit: false });
  commitAll(dir, "initial", date);
  return dir;
}

const fresh30 = "docs:\n  frontMatter:\n    freshDays: 30\n";

describe("docs/stale: reviewed", () => {
  it("fires at the reviewed: line when the date is older than freshDays", () => {
    const dir = repoAt(
      {
        "guard.yaml": fresh30,
        "docs/old.md": "---\nowner: team\nreviewed: 2024-01-01\n---\n# Old\n",
        "docs/recent.md": "---\nreviewed: '2024-02-15'\n---\n# Recent\n",
        "docs/none.md": "# No front-matter\n",
      },
      "2024-01-01T00:00:00Z",
    );
    const { report, findings } = checkAt(dir, "2024-03-01T00:00:00Z");
    expect(findings).toEqual([
      { file: "docs/old.md", line: 3, column: 1, message: "docs/old.md was last reviewed on 2024-01-01, 60 days ago; docs.frontMatter.freshDays allows 30" },
    ]);
    expect(report.diagnostics[0]!.evidence).toEqual({ reviewed: "2024-01-01" });
    expect(report.diagnostics[0]!.fix).toContain("set `reviewed: 2024-03-01` in its front-matter");
  });

  it("stays quiet when freshDays is 0 (the default), however old the date", () => {
    const dir = repoAt({ "docs/old.md": "---\nreviewed: 2001-01-01\n---\n# Old\n" }, "2024-01-01T00:00:00Z");
    expect(checkAt(dir, "2024-03-01T00:00:00Z").findings).toEqual([]);
  });
});

describe("docs/stale: coupled code", () => {
  const covered = {
    "docs/orders.md": "---\ncovers: [\"src/orders/**\"]\n---\n# Orders\n\nSee [the service](../src/orders/service.ts).\n",
    "src/orders/service.ts": "export const a = 1;\n",
    "src/billing.ts": "export const b = 1;\n",
  };

  it("fires at covers: when covered code changed in a later commit (freshDays 0)", () => {
    const dir = repoAt(covered, "2024-01-01T00:00:00Z");
    writeFiles(dir, { "src/orders/service.ts": "export const a = 2;\n" });
    commitAll(dir, "change orders", "2024-01-20T00:00:00Z");
    const { report, findings } = checkAt(dir, "2024-03-01T00:00:00Z");
    expect(findings).toEqual([
      {
        file: "docs/orders.md",
        line: 2,
        column: 1,
        message: "docs/orders.md covers src/orders/service.ts, which changed on 2024-01-20, 19 days after the doc last changed (2024-01-01)",
      },
    ]);
    expect(report.diagnostics[0]!.evidence).toEqual({ docChanged: "2024-01-01" });
    expect(report.diagnostics[0]!.related).toEqual([{ file: "src/orders/service.ts", message: "changed after the doc" }]);
  });

  it("stays quiet when the doc changed after the code, or only unrelated code changed", () => {
    const dir = repoAt(covered, "2024-01-01T00:00:00Z");
    writeFiles(dir, { "src/orders/service.ts": "export const a = 2;\n" });
    commitAll(dir, "change orders", "2024-01-20T00:00:00Z");
    writeFiles(dir, { "docs/orders.md": `${covered["docs/orders.md"]}\nUpdated.\n` });
    commitAll(dir, "update doc", "2024-01-21T00:00:00Z");
    writeFiles(dir, { "src/billing.ts": "export const b = 2;\n" });
    commitAll(dir, "billing", "2024-02-21T00:00:00Z");
    expect(checkAt(dir, "2024-03-01T00:00:00Z").findings).toEqual([]);
  });

  it("reads a covers: entry naming a folder as everything inside it", () => {
    const dir = repoAt({ ...covered, "docs/orders.md": "---\ncovers: [src/orders/]\n---\n# Orders\n" }, "2024-01-01T00:00:00Z");
    writeFiles(dir, { "src/orders/service.ts": "export const a = 2;\n" });
    commitAll(dir, "change orders", "2024-01-05T00:00:00Z");
    expect(checkAt(dir, "2024-03-01T00:00:00Z").findings.map((f) => [f.file, f.line])).toEqual([["docs/orders.md", 2]]);
  });

  it("counts a plain link to code only with freshDays > 0, and only beyond freshDays", () => {
    const files = { "docs/api.md": "# Api\n\nBuilt in [the handler](../src/api.ts).\n", "src/api.ts": "export const a = 1;\n" };
    const off = repoAt(files, "2024-01-01T00:00:00Z");
    writeFiles(off, { "src/api.ts": "export const a = 2;\n" });
    commitAll(off, "later", "2024-06-01T00:00:00Z");
    expect(checkAt(off, "2024-07-01T00:00:00Z").findings).toEqual([]);

    const within = repoAt({ ...files, "guard.yaml": fresh30 }, "2024-01-01T00:00:00Z");
    writeFiles(within, { "src/api.ts": "export const a = 2;\n" });
    commitAll(within, "soon after", "2024-01-20T00:00:00Z");
    expect(checkAt(within, "2024-01-25T00:00:00Z").findings).toEqual([]);

    const beyond = repoAt({ ...files, "guard.yaml": fresh30 }, "2024-01-01T00:00:00Z");
    writeFiles(beyond, { "src/api.ts": "export const a = 2;\n" });
    commitAll(beyond, "much later", "2024-03-01T00:00:00Z");
    expect(checkAt(beyond, "2024-03-02T00:00:00Z").findings).toEqual([
      { file: "docs/api.md", line: 3, column: 10, message: "docs/api.md links to src/api.ts, which changed on 2024-03-01, 60 days after the doc last changed (2024-01-01)" },
    ]);
  });

  it("with --staged, fires when the staged change touches covered code but not the doc", () => {
    const dir = repoAt(covered, "2024-01-01T00:00:00Z");
    writeFiles(dir, { "src/orders/service.ts": "export const a = 3;\n" });
    execGit(dir, ["add", "src/orders/service.ts"]);
    const staged = checkAt(dir, "2024-01-02T00:00:00Z", ["--staged"]);
    expect(staged.findings).toEqual([
      {
        file: "docs/orders.md",
        line: 2,
        column: 1,
        message: "docs/orders.md covers src/orders/service.ts, which this change modifies while the doc stays as it was (last changed on 2024-01-01)",
      },
    ]);
    writeFiles(dir, { "docs/orders.md": `${covered["docs/orders.md"]}\nUpdated for the change.\n` });
    execGit(dir, ["add", "docs/orders.md"]);
    expect(checkAt(dir, "2024-01-02T00:00:00Z", ["--staged"]).findings).toEqual([]);
  });

  it("treats a doc with uncommitted edits as fresh, so fixing it silences the rule", () => {
    const dir = repoAt(covered, "2024-01-01T00:00:00Z");
    writeFiles(dir, { "src/orders/service.ts": "export const a = 2;\n" });
    commitAll(dir, "change orders", "2024-01-20T00:00:00Z");
    writeFiles(dir, { "docs/orders.md": `${covered["docs/orders.md"]}\nReviewed against the new service.\n` });
    expect(checkAt(dir, "2024-03-01T00:00:00Z").findings).toEqual([]);
  });

  it("stays quiet outside git and in a repo without commits", () => {
    const noGit = makeRepo({ ...covered, "guard.yaml": fresh30 }, { git: false });
    expect(checkAt(noGit, "2024-03-01T00:00:00Z").findings).toEqual([]);
    const noCommits = makeRepo(covered, { commit: false });
    expect(checkAt(noCommits, "2024-03-01T00:00:00Z").findings).toEqual([]);
  });
});
