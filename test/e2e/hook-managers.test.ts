import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { execGit, runGuard } from "../helpers/repo.js";
import { expectRefusedThenAccepted, repoWithGuard } from "./hook-support.js";

// husky, lefthook and the pre-commit framework: guard writes husky's hook file and prints the
// YAML entry for the other two, whose configuration it never rewrites.

const START = "# >>> harness-guard: guard check --staged >>>";
const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

describe("husky", () => {
  it("creates .husky/pre-commit; with core.hooksPath=.husky (husky 4-8) git runs it: refused, then accepted", () => {
    const dir = repoWithGuard({ ".husky/.gitkeep": "" });
    execGit(dir, ["config", "core.hooksPath", ".husky"]);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("wrote .husky/pre-commit (husky)");
    const text = readFileSync(join(dir, ".husky/pre-commit"), "utf8");
    expect(text).toContain(START);
    expect(text).not.toContain("PATH="); // committed: no path of this machine
    expect(statSync(join(dir, ".husky/pre-commit")).mode & 0o111).not.toBe(0);
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(false);
    expectRefusedThenAccepted(dir);
  });

  it("appends to an existing husky 9 hook (no shebang: husky runs it with sh), keeping its lines", () => {
    const dir = repoWithGuard({ ".husky/pre-commit": "npm test\n", "package.json": '{ "scripts": { "prepare": "husky" } }\n' });
    execGit(dir, ["config", "core.hooksPath", ".husky/_"]);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("added guard's block at the end of .husky/pre-commit (husky)");
    const text = readFileSync(join(dir, ".husky/pre-commit"), "utf8");
    expect(text.startsWith("npm test\n\n" + START)).toBe(true);
    expect(runGuard(dir, ["hook", "install"]).stdout).toContain("nothing changed");
    expect(readFileSync(join(dir, ".husky/pre-commit"), "utf8")).toBe(text);
  });

  it("is found from a `husky` prepare script alone (before npm install made .husky/)", () => {
    const dir = repoWithGuard({ "package.json": '{ "scripts": { "prepare": "husky" } }\n' });
    expect(runGuard(dir, ["hook", "install"]).code).toBe(0);
    expect(readFileSync(join(dir, ".husky/pre-commit"), "utf8")).toContain(START);
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(false);
  });

  it("an unsafe husky hook (exit at its top level): the snippet, exit 1, file unchanged", () => {
    const dir = repoWithGuard({ ".husky/pre-commit": "npm test\nexit 0\n" });
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(".husky/pre-commit (husky) ends with `exit 0`");
    expect(run.stdout.startsWith(START)).toBe(true);
    expect(readFileSync(join(dir, ".husky/pre-commit"), "utf8")).toBe("npm test\nexit 0\n");
  });
});

describe("lefthook and the pre-commit framework: the YAML entry is printed, their file left alone", () => {
  const RUN = "npx --no-install guard check --staged";
  const LOCAL_HOOK = { id: "guard", name: "guard check --staged", entry: RUN, language: "system", pass_filenames: false, always_run: true };
  const cases: [string, string, (string | number)[], unknown][] = [
    ["lefthook.yml", "# ours\npre-commit:\n  commands:\n    lint:\n      run: npm run lint\n", ["pre-commit", "commands", "guard", "run"], RUN],
    [".lefthook.yml", "pre-push:\n  commands: {}\n", ["pre-commit", "commands", "guard", "run"], RUN],
    [".pre-commit-config.yaml", "repos: []\n", ["repos", 0, "hooks", 0], LOCAL_HOOK],
  ];
  it.each(cases)("%s: exit 1, a snippet that parses to guard's entry, the config unchanged", (file, text, path, expected) => {
    const dir = repoWithGuard({ [file]: text });
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${file} (${file.includes("lefthook") ? "lefthook" : "pre-commit"}) is`);
    expect(dig(parse(run.stdout), path)).toEqual(expected);
    expect(readFileSync(join(dir, file), "utf8")).toBe(text);
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(false);
  });

  it.each([
    ["lefthook.yml", "pre-commit:\n  commands:\n    guard:\n      run: npx guard check --staged\n"],
    [".pre-commit-config.yaml", "repos:\n  - repo: local\n    hooks:\n      - id: guard\n        name: guard\n        entry: npx guard check --staged\n        language: system\n"],
  ])("%s already running guard check: exit 0, nothing printed to add", (file, text) => {
    const dir = repoWithGuard({ [file]: text });
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("already runs guard check --staged (a guard check entry); nothing changed");
  });
});

describe("the package's .pre-commit-hooks.yaml", () => {
  it("declares the guard hook as the pre-commit framework reads it, and is shipped in the npm package", () => {
    const hooks = parse(readFileSync(join(PACKAGE, ".pre-commit-hooks.yaml"), "utf8")) as Record<string, unknown>[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: "guard", entry: "guard check --staged", language: "node", pass_filenames: false, always_run: true });
    const pkg = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as { files: string[]; bin: Record<string, string> };
    expect(pkg.files).toContain(".pre-commit-hooks.yaml");
    expect(Object.keys(pkg.bin)).toContain("guard"); // what `entry` runs once pre-commit installed the package
  });
});


function dig(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}
