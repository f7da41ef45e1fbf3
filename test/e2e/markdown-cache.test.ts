import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execGit, makeRepo, runGuard, type FileTree } from "../helpers/repo.js";

/** Enough docs that the parser spreads them over worker threads (more than 150). */
function bigTree(): FileTree {
  const files: FileTree = { ".gitignore": "node_modules/\n", "node_modules/.keep": "", "guard.yaml": "agents:\n  maxLines: 300\n" };
  const links: string[] = [];
  for (let i = 0; i < 240; i++) {
    const name = `docs/page-${String(i).padStart(3, "0")}.md`;
    links.push(`- [Page ${i}](${name})`);
    const next = `page-${String((i + 1) % 240).padStart(3, "0")}.md`;
    files[name] = `# Page ${i}\n\nSee [the next page](${next}#page-${(i + 1) % 240}) and \`docs/\`.\n`;
  }
  files["docs/page-007.md"] = "# Page 7\n\nA [broken link](missing.md).\n";
  files["AGENTS.md"] = `# Map\n\n${links.join("\n")}\n`;
  return files;
}

const json = (dir: string, args: string[] = [], env: Record<string, string> = {}) =>
  runGuard(dir, ["check", "--format", "json", ...args], env);

describe("parsing many Markdown files: worker threads and the content-hash cache", () => {
  it("gives the same JSON with workers, on the main thread, and from the cache", () => {
    const dir = makeRepo(bigTree());
    const mainThread = json(dir, ["--no-cache"], { GUARD_PARSE_WORKERS: "0" });
    expect(mainThread.code).toBe(1);
    expect(JSON.parse(mainThread.stdout).diagnostics.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`)).toEqual([
      "docs/dead-link docs/page-007.md",
    ]);
    const workers = json(dir, ["--no-cache"], { GUARD_PARSE_WORKERS: "2" });
    expect(workers.stdout).toBe(mainThread.stdout);

    const first = json(dir); // fills node_modules/.cache/guard
    const cacheDir = join(dir, "node_modules", ".cache", "guard");
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
    const second = json(dir); // reads it
    expect(first.stdout).toBe(mainThread.stdout);
    expect(second.stdout).toBe(mainThread.stdout);
  });

  it("keys the cache by content: an edited doc is parsed again", () => {
    const dir = makeRepo(bigTree());
    expect(json(dir).code).toBe(1);
    writeFileSync(join(dir, "docs/page-007.md"), "# Page 7\n\nFixed: [page 8](page-008.md).\n");
    writeFileSync(join(dir, "docs/page-100.md"), "# Page 100\n\nNow [broken](gone.md).\n");
    const after = JSON.parse(json(dir).stdout);
    expect(after.diagnostics.map((d: { file: string }) => d.file)).toEqual(["docs/page-100.md"]);
  });

  it("writes none with --no-cache", () => {
    const withModules = makeRepo(bigTree());
    json(withModules, ["--no-cache"]);
    expect(existsSync(join(withModules, "node_modules", ".cache"))).toBe(false);
    const files = bigTree();
    delete files["node_modules/.keep"];
    const withoutModules = makeRepo(files);
    json(withoutModules, ["--no-cache"]);
    expect(existsSync(join(withoutModules, ".git", "guard-cache"))).toBe(false);
  });
});

/** The repo of bigTree without node_modules, as a fresh clone is. */
function cloneLike(): string {
  const files = bigTree();
  delete files["node_modules/.keep"];
  return makeRepo(files);
}

/** Drops the broken link from the cached model of docs/page-007.md: a run that reads the cache no longer sees it. */
function forgetBrokenLink(cacheDir: string): void {
  const [file] = readdirSync(cacheDir).filter((name) => name.startsWith("markdown-") && name.endsWith(".json"));
  const path = join(cacheDir, file!);
  const entries = JSON.parse(readFileSync(path, "utf8")) as [string, { links: { url: string }[] }][];
  const model = entries.find(([, doc]) => doc.links.some((link) => link.url === "missing.md"));
  model![1].links = model![1].links.filter((link) => link.url !== "missing.md");
  writeFileSync(path, JSON.stringify(entries));
}

const diagnostics = (run: { stdout: string }) => JSON.parse(run.stdout).diagnostics.map((d: { rule: string; file: string }) => `${d.rule} ${d.file}`);

describe("the cache without node_modules: in the git dir", () => {
  it("is written under .git/guard-cache, read by the next run, and leaves the work tree clean", () => {
    const dir = cloneLike();
    expect(diagnostics(json(dir))).toEqual(["docs/dead-link docs/page-007.md"]);
    const cacheDir = join(dir, ".git", "guard-cache");
    expect(readdirSync(cacheDir).filter((name) => name.startsWith("markdown-"))).toHaveLength(1);
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
    expect(execGit(dir, ["status", "--porcelain", "--ignored"])).toBe("");
    forgetBrokenLink(cacheDir);
    expect(diagnostics(json(dir))).toEqual([]); // the models came from the cache
    expect(diagnostics(json(dir, ["--no-cache"]))).toEqual(["docs/dead-link docs/page-007.md"]);
  });

  it("is the linked worktree's own git dir in a worktree (where .git is a file)", () => {
    const main = cloneLike();
    const worktree = `${main}-linked`;
    execGit(main, ["worktree", "add", "-q", worktree]);
    try {
      expect(diagnostics(json(worktree))).toEqual(["docs/dead-link docs/page-007.md"]);
      const gitDir = execGit(worktree, ["rev-parse", "--absolute-git-dir"]).trim();
      expect(gitDir).toContain(join(".git", "worktrees"));
      forgetBrokenLink(join(gitDir, "guard-cache"));
      expect(diagnostics(json(worktree))).toEqual([]);
      expect(execGit(worktree, ["status", "--porcelain", "--ignored"])).toBe("");
      expect(existsSync(join(main, ".git", "guard-cache"))).toBe(false); // the main work tree keeps its own
    } finally {
      rmSync(worktree, { recursive: true, force: true });
    }
  });

  it("gives a config root below the top of the work tree a folder of its own, and writes nothing outside git", () => {
    const files = Object.fromEntries(Object.entries(bigTree()).filter(([path]) => path !== "node_modules/.keep").map(([path, text]) => [`site/${path}`, text]));
    const dir = makeRepo(files);
    expect(diagnostics(json(join(dir, "site")))).toEqual(["docs/dead-link docs/page-007.md"]);
    const [folder, ...others] = readdirSync(join(dir, ".git", "guard-cache"));
    expect(others).toEqual([]);
    expect(folder).toMatch(/^root-[0-9a-f]{12}$/);
    forgetBrokenLink(join(dir, ".git", "guard-cache", folder!));
    expect(diagnostics(json(join(dir, "site")))).toEqual([]);

    const outside = makeRepo(bigTree(), { git: false });
    rmSync(join(outside, "node_modules"), { recursive: true });
    const before = readdirSync(outside).sort();
    expect(diagnostics(json(outside))).toEqual(["docs/dead-link docs/page-007.md"]);
    expect(readdirSync(outside).sort()).toEqual(before);
  });
});
