import { describe, expect, it } from "vitest";
import { checkJson, findingsOf, makeRepo, runGuard, type FileTree } from "../helpers/repo.js";

const CHANGELOG_SKIP = "a CHANGELOG-like file: its Markdown is not parsed unless docs.roots or agents.maps names it";
const TOO_LARGE = "Markdown over 1 MiB, too large to parse";

/** The `skipped <file>: <reason>` lines of the text report. */
function skippedLines(dir: string, args: string[]): string[] {
  return runGuard(dir, ["check", ...args]).stdout.split("\n").filter((line) => line.startsWith("skipped "));
}

/** A changelog of `releases` entries in the shape release tools write (changesets). */
function changelog(releases: number, extra = ""): string {
  const entries = Array.from({ length: releases }, (_, i) =>
    [`## 1.${i}.0`, "", "### Patch Changes", "", `- ${(i * 7919).toString(16)}: fix the stream in \`streamText\``, "- Updated dependencies", `  - @scope/core@1.${i}.0`, ""].join("\n"),
  );
  return `# pkg\n\n${entries.join("\n")}${extra}`;
}

const rootChangelog = changelog(20, "\n[broken](missing.md)\n");
const huge = `# Huge\n\n${"- an item of a very long list\n".repeat(40_000)}`; // over 1 MiB

describe("CHANGELOG-like files are never parsed unless configured", () => {
  const files: FileTree = {
    "AGENTS.md": "# Map\n\nDocs: [index](docs/index.md). History: [changes](CHANGELOG.md), [old](docs/HISTORY.md).\n",
    "docs/index.md": "# Docs\n\n- [Guide](guide.md)\n- [History](HISTORY.md)\n",
    "docs/guide.md": "# Guide\n\nSee [the history](HISTORY.md).\n",
    // A broken link and a page only the changelog leads to: found only if the file were parsed.
    "docs/HISTORY.md": "# History\n\n## 0.2.0\n\n- fixed [a link](nowhere.md)\n- see [notes](old/notes.md)\n\n## 0.1.0\n\n- first release\n",
    "docs/old/notes.md": "# Notes\n\nOnly the history links here.\n",
    "CHANGELOG.md": rootChangelog,
    "packages/core/CHANGELOG.md": huge,
  };

  it("reads a changelog in the docs roots as skipped, follows no links out of one, and reports the rest", () => {
    const dir = makeRepo(files);
    const report = checkJson(dir);
    expect(report.diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual(["docs/orphan docs/old/notes.md"]);
    // docs/* rules read docs/HISTORY.md (in docs/): skipped, with why. The root and package
    // changelogs are only reached by links: no rule reads them, so no skip is listed.
    expect(skippedLines(dir, [])).toEqual([`skipped docs/HISTORY.md: ${CHANGELOG_SKIP}`]);
  });

  it("parses a changelog that docs.roots or agents.maps names, and follows its links", () => {
    const dir = makeRepo({ ...files, "guard.yaml": 'docs:\n  roots: ["docs", "CHANGELOG.md", "docs/HISTORY.md"]\n' });
    const report = checkJson(dir);
    expect(report.diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`)).toEqual([
      `docs/dead-link CHANGELOG.md:${rootChangelog.split("\n").indexOf("[broken](missing.md)") + 1}`,
      "docs/dead-link docs/HISTORY.md:5",
    ]);
    expect(skippedLines(dir, [])).toEqual([]);
    const asMap = makeRepo({ ...files, "guard.yaml": 'agents:\n  maps: ["AGENTS.md", "docs/HISTORY.md"]\n' });
    expect(findingsOf(checkJson(asMap, ["--only", "agents/dead-link"]), "agents/dead-link").map((f) => `${f.file}:${f.line}`)).toEqual(["docs/HISTORY.md:5"]);
  });

  it("reads a page about releases, or a changelog that lists no releases, like any doc", () => {
    const dir = makeRepo({
      "AGENTS.md": "# Map\n\n[Releasing](docs/RELEASE.md), [process](docs/releases.md), [changes](docs/breaking-changes.md), [log](CHANGELOG.md)\n",
      "docs/RELEASE.md": "# Releasing\n\n[broken](gone.md)\n",
      // gemini-cli's docs/releases.md: how releases are made, with no release in it.
      "docs/releases.md": "# Releases\n\n## `dev` vs `prod`\n\n## Release cadence\n\n[broken](gone.md)\n",
      "docs/breaking-changes.md": "# Breaking changes\n\n[broken](gone.md)\n",
      // vercel/ai's root CHANGELOG.md: an index of the packages' changelogs, followed for links.
      "CHANGELOG.md": "# Changelogs\n\n- [The guide](docs/guide.md)\n",
      "docs/guide.md": "# Guide\n",
    });
    const report = checkJson(dir, ["--only", "docs/dead-link,docs/orphan"]);
    expect(report.diagnostics.map((d) => `${d.rule} ${d.file}`)).toEqual([
      "docs/dead-link docs/RELEASE.md",
      "docs/dead-link docs/breaking-changes.md",
      "docs/dead-link docs/releases.md",
    ]);
  });
});

describe("only the Markdown a selected rule reads is parsed", () => {
  const files: FileTree = {
    "AGENTS.md": "# Map\n\n[Docs](docs/index.md)\n",
    "docs/index.md": "# Docs\n\n[Big](big.md)\n",
    "docs/big.md": huge,
    "notes/big.md": huge,
  };

  it("does not read docs for a rule about maps", () => {
    const dir = makeRepo(files);
    expect(skippedLines(dir, ["--only", "agents/max-lines"])).toEqual([]);
    expect(skippedLines(dir, ["--only", "agents"])).toEqual([]);
  });

  it("reads the docs under docs.roots for a docs rule, and a file outside them only when links reach it", () => {
    const dir = makeRepo(files);
    expect(skippedLines(dir, ["--only", "docs/max-lines"])).toEqual([`skipped docs/big.md: ${TOO_LARGE}`]);
    expect(skippedLines(dir, ["--only", "docs/orphan"])).toEqual([`skipped docs/big.md: ${TOO_LARGE}`]);
    const linked = makeRepo({ ...files, "AGENTS.md": "# Map\n\n[Docs](docs/index.md), [notes](notes/big.md)\n" });
    expect(skippedLines(linked, ["--only", "docs/orphan"])).toEqual([`skipped docs/big.md: ${TOO_LARGE}`, `skipped notes/big.md: ${TOO_LARGE}`]);
  });
});

describe("a long list-heavy file, parsed in parts", () => {
  it("reports what it holds at the right lines, as when parsed whole", () => {
    // ~120 KB of short lists (a changelog as vercel/ai has them): parsed in parts of 16 KB.
    const text = changelog(1000, "\n## Links\n\nSee [the guide](guide.md#setup), [gone](gone.md#x) and [the top](#pkg).\n");
    const dir = makeRepo({
      "AGENTS.md": "# Map\n\n[Docs](docs/CHANGELOG.md), [guide](docs/guide.md)\n",
      "docs/guide.md": "# Guide\n\n## Setup\n",
      "docs/CHANGELOG.md": text,
      "guard.yaml": 'docs:\n  roots: ["docs", "docs/CHANGELOG.md"]\n',
    });
    const lines = text.split("\n");
    const report = checkJson(dir, ["--only", "docs/dead-link"]);
    expect(text.length).toBeGreaterThan(100_000);
    expect(findingsOf(report, "docs/dead-link").map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual([
      `docs/CHANGELOG.md:${lines.findIndex((line) => line.includes("gone.md")) + 1}:${lines.find((line) => line.includes("gone.md"))!.indexOf("[gone]") + 1}`,
    ]);
  });
});
