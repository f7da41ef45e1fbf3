import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GUARD_BIN, makeRepo, readTree, type FileTree, type GuardRun } from "../helpers/repo.js";

/**
 * `npm run build` bundles the CLI (scripts/bundle.mjs) into dist/bundle/guard.cjs, which
 * dist/bin/guard.js runs with a V8 code cache. Here a bundle is built from the tsc output of
 * GUARD_BIN's build into an installed-package layout in a temp folder, next to an unbundled
 * copy of the same output, and both CLIs run on the same real repositories.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const built = resolve(dirname(GUARD_BIN), "..");
const CODE_CACHE = /^cli-[0-9a-f]{16}-v\d+\.\d+\.\d+-[a-z0-9]+\.code$/;

let installs: string;
let bundledBin: string;
let plainBin: string;

/** A harness-guard install without a bundle: package.json, rules, presets, node_modules, bin and src. */
function install(name: string): string {
  const dir = join(installs, name);
  for (const part of ["bin", "src"]) cpSync(join(built, part), join(dir, part), { recursive: true });
  cpSync(join(repoRoot, "package.json"), join(dir, "package.json"));
  for (const part of ["rules", "presets", "node_modules"]) symlinkSync(join(repoRoot, part), join(dir, part));
  return dir;
}

beforeAll(() => {
  installs = mkdtempSync(join(tmpdir(), "guard-bundle-"));
  const bundled = install("bundled");
  execFileSync(process.execPath, [join(repoRoot, "scripts/bundle.mjs"), bundled], { stdio: "pipe" });
  bundledBin = join(bundled, "bin/guard.js");
  plainBin = join(install("plain"), "bin/guard.js");
}, 120_000);

afterAll(() => {
  rmSync(installs, { recursive: true, force: true });
});

function guard(bin: string, cwd: string, args: string[], env: Record<string, string> = {}): GuardRun {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The example repo (layers, a pattern rule file through ast-grep, Markdown rules) plus what
 * loads lazily: a `guard-ignore` comment (TypeScript's scanner) and enough docs for the parse
 * workers (more than 150).
 */
function sampleRepo(withModules: boolean): string {
  const files: FileTree = { ...readTree(join(repoRoot, "examples/agent-repo")), ".gitignore": "node_modules/\n" };
  if (withModules) files["node_modules/.keep"] = "";
  files["guard.yaml"] = `${String(files["guard.yaml"])}layers:\n  - { name: core, paths: ["src/core/**"] }\n  - { name: ui, paths: ["src/ui/**"] }\n`;
  files["src/ui/view.ts"] = "export const view = 1;\n";
  files["src/core/a.ts"] = 'import { view } from "../ui/view.js";\nexport const a = view;\n';
  files["src/core/b.ts"] = '// guard-ignore arch/layer -- kept to test the bundle\nimport { view } from "../ui/view.js";\nexport const b = "// not a comment" + view;\n';
  for (let i = 0; i < 160; i++) files[`docs/more/page-${i}.md`] = `# Page ${i}\n\nSee [the next](page-${(i + 1) % 160}.md) and [a gap](gone-${i}.md).\n`;
  return makeRepo(files);
}

const cacheDir = (repo: string) => join(repo, "node_modules/.cache/guard");
const codeCaches = (repo: string) => (existsSync(cacheDir(repo)) ? readdirSync(cacheDir(repo)).filter((name) => name.startsWith("cli-")) : []);
const check = (bin: string, repo: string, args: string[] = [], env: Record<string, string> = {}) =>
  guard(bin, repo, ["check", "--format", "json", ...args], env);

describe("the bundled CLI", () => {
  it("is what the bin runs when the bundle is beside it, and a tsc-only build runs its modules", () => {
    const repo = sampleRepo(true);
    const bundle = join(dirname(bundledBin), "../bundle/guard.cjs");
    const hash = createHash("sha1").update(readFileSync(bundle)).digest("hex").slice(0, 16);
    expect(check(bundledBin, repo).code).toBe(1);
    expect(codeCaches(repo)).toEqual([`cli-${hash}-${process.version}-${process.arch}.code`]);

    const plainRepo = sampleRepo(true);
    expect(check(plainBin, plainRepo).code).toBe(1);
    expect(codeCaches(plainRepo)).toEqual([]);
  });

  it("is not run once tsc wrote newer modules over the build (then the modules run)", () => {
    const stale = install("stale");
    execFileSync(process.execPath, [join(repoRoot, "scripts/bundle.mjs"), stale], { stdio: "pipe" });
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(stale, "src/cli/main.js"), later, later);
    const repo = sampleRepo(true);
    expect(check(join(stale, "bin/guard.js"), repo).stdout).toBe(check(plainBin, repo).stdout);
    expect(codeCaches(repo)).toEqual([]);
  });

  it("has the Markdown parse worker beside it (parse-many.ts starts ./parse-worker.js), as a working bundle", () => {
    const worker = join(dirname(bundledBin), "../bundle/parse-worker.js");
    const script = [
      'const { Worker } = require("node:worker_threads");',
      `const worker = new Worker(${JSON.stringify(worker)});`,
      'worker.on("error", (error) => { console.error(error); process.exit(3); });',
      'worker.on("message", (models) => { console.log(JSON.stringify(models[0].headings.length)); worker.terminate(); });',
      'worker.postMessage([{ path: "a.md", text: "---\\ntitle: x\\n---\\n# One\\n\\n## Two\\n" }]);',
    ].join("\n");
    expect(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }).trim()).toBe("2");

    // Every thread the code starts from beside itself is there (the lexer thread too).
    const src = join(dirname(bundledBin), "../src");
    const started = readdirSync(src, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".js"))
      .flatMap((file) => [...readFileSync(join(src, file), "utf8").matchAll(/new URL\("\.\/([\w.-]+\.js)", import\.meta\.url\)/g)].map((m) => join(src, dirname(file), m[1]!)))
      .filter((file) => existsSync(file) && readFileSync(file, "utf8").includes('"node:worker_threads"'));
    expect(started.length).toBeGreaterThanOrEqual(1);
    for (const file of started) expect(existsSync(join(dirname(bundledBin), "../bundle", file.split("/").pop()!))).toBe(true);
  });

  it("is what the tested build's bin runs when that build was bundled (npm run build)", () => {
    const repo = sampleRepo(true);
    expect(check(GUARD_BIN, repo).code).toBe(1);
    const beside = existsSync(join(built, "bundle/guard.cjs"));
    expect(codeCaches(repo)).toHaveLength(beside ? 1 : 0);
  });

  it("prints what the unbundled CLI prints, with and without caches, workers or not", () => {
    const repo = sampleRepo(true);
    const expected = check(plainBin, repo, ["--no-cache"], { GUARD_PARSE_WORKERS: "0" });
    expect(expected.code).toBe(1);
    const rules = new Set((JSON.parse(expected.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule));
    expect([...rules]).toEqual(expect.arrayContaining(["docs/dead-link", "arch/layer", "no-console-in-services"]));
    expect(rules.size).toBeGreaterThan(3);

    for (const workers of ["0", "2"]) {
      const cold = check(bundledBin, repo, ["--no-cache"], { GUARD_PARSE_WORKERS: workers });
      expect(cold.stderr).toBe("");
      expect(cold.stdout).toBe(expected.stdout);
    }
    expect(check(bundledBin, repo).stdout).toBe(expected.stdout); // fills every cache
    expect(check(bundledBin, repo).stdout).toBe(expected.stdout); // reads them
    const untimed = (run: GuardRun) => run.stdout.replace(/ in \d+ ms/, "");
    for (const format of ["text", "sarif", "agent"]) {
      expect(untimed(guard(bundledBin, repo, ["check", "--format", format]))).toBe(untimed(guard(plainBin, repo, ["check", "--format", format])));
    }
    for (const args of [["--version"], ["--help"], ["explain", "docs/dead-link"], ["rules", "list"], ["graph"], ["nonsense"]]) {
      const plain = guard(plainBin, repo, args);
      expect(guard(bundledBin, repo, args)).toEqual(plain);
    }
  }, 180_000); // some twenty CLI runs: on a loaded 2-core machine this passes the default 60 s

  it("keeps its code cache in node_modules/.cache/guard, reuses it, and survives a damaged one", () => {
    const repo = sampleRepo(true);
    const expected = check(plainBin, repo, ["--no-cache"]).stdout;
    expect(guard(bundledBin, repo, ["--version"]).code).toBe(0);
    expect(codeCaches(repo)).toEqual([]); // a run that compiled little writes none

    expect(check(bundledBin, repo).stdout).toBe(expected);
    const [name] = codeCaches(repo);
    expect(name).toMatch(CODE_CACHE);
    const file = join(cacheDir(repo), name!);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(100_000);

    expect(check(bundledBin, repo).stdout).toBe(expected);
    expect(readFileSync(file).equals(written)).toBe(true); // accepted: not rewritten

    // Flipped bytes in the middle (V8 does not notice those itself), then a file cut short.
    const damaged = Buffer.from(written);
    for (let i = 0; i < 64; i++) damaged[Math.floor(damaged.length / 2) + i] ^= 0xff;
    writeFileSync(file, damaged);
    const afterFlip = check(bundledBin, repo);
    expect(afterFlip.stderr).toBe("");
    expect(afterFlip.stdout).toBe(expected);
    expect(readFileSync(file).equals(damaged)).toBe(false); // rewritten
    writeFileSync(file, written.subarray(0, 1000));
    expect(check(bundledBin, repo).stdout).toBe(expected);
    expect(codeCaches(repo)).toEqual([name]);

    // A cache of another build is replaced, not kept beside.
    const other = join(cacheDir(repo), name!.replace(/^cli-[0-9a-f]{16}/, "cli-0000000000000000"));
    writeFileSync(other, written);
    rmSync(file);
    expect(check(bundledBin, repo).stdout).toBe(expected);
    expect(codeCaches(repo)).toEqual([name]);
  });

  it("keeps its code cache in the git dir when there is no node_modules folder, and writes none with --no-cache", () => {
    const repo = sampleRepo(false);
    const expected = check(plainBin, repo, ["--no-cache"]).stdout;
    expect(check(bundledBin, repo, ["--no-cache"]).stdout).toBe(expected);
    expect(existsSync(join(repo, ".git/guard-cache"))).toBe(false);
    expect(check(bundledBin, repo).stdout).toBe(expected);
    expect(check(bundledBin, repo).stdout).toBe(expected);
    expect(existsSync(join(repo, "node_modules"))).toBe(false); // never created
    expect(readdirSync(join(repo, ".git/guard-cache")).filter((name) => name.startsWith("cli-"))).toEqual([expect.stringMatching(CODE_CACHE)]);

    const withModules = sampleRepo(true);
    expect(check(bundledBin, withModules, ["--no-cache"]).code).toBe(1);
    expect(existsSync(join(withModules, "node_modules/.cache"))).toBe(false);
    expect(existsSync(join(withModules, ".git/guard-cache"))).toBe(false);
  });
});
