import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runGuard, type FileTree } from "../helpers/repo.js";

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

  it("writes no cache when the repo has no node_modules folder, and none with --no-cache", () => {
    const files = bigTree();
    delete files["node_modules/.keep"];
    const dir = makeRepo(files);
    json(dir);
    expect(existsSync(join(dir, "node_modules"))).toBe(false);
    const withModules = makeRepo(bigTree());
    json(withModules, ["--no-cache"]);
    expect(existsSync(join(withModules, "node_modules", ".cache"))).toBe(false);
  });
});
