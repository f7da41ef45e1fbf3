import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execGit, makeRepo, runGuard, type FileTree } from "../helpers/repo.js";
import { exists, findings, folder, init, layersOf, prose, readText, writtenConfig } from "./init-support.js";
import { STACK_TRACE } from "./support.js";

const SMALL: FileTree = {
  ...folder("src/core", "c", 3),
  ...folder("src/app", "a", 3, ["core/c"]),
  "README.md": "# small\n",
};

describe("guard init: never overwrites, writes nothing on --dry-run", () => {
  it("refuses with exit 2 when guard.yaml exists, writing nothing", () => {
    const dir = makeRepo({ ...SMALL, "guard.yaml": "extends: [strict]\n" });
    const run = runGuard(dir, ["init"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("guard.yaml already exists; guard init never overwrites a config, so it wrote nothing");
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readText(dir, "guard.yaml")).toBe("extends: [strict]\n");
    expect(exists(dir, "AGENTS.md")).toBe(false);
    expect(execGit(dir, ["status", "--porcelain"])).toBe("");
  });

  it("refuses when .guard/config.yaml exists, and when run again after writing", () => {
    const dir = makeRepo({ ...SMALL, ".guard/config.yaml": "extends: [recommended]\n" });
    expect(runGuard(dir, ["init"]).code).toBe(2);
    expect(exists(dir, "guard.yaml")).toBe(false);
    const fresh = makeRepo(SMALL);
    init(fresh);
    const written = readText(fresh, "guard.yaml");
    const again = runGuard(fresh, ["init"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("already exists");
    expect(readText(fresh, "guard.yaml")).toBe(written);
  });

  it("refuses a dangling guard.yaml symlink too: something is there", () => {
    const dir = makeRepo({ ...SMALL, "guard.yaml": { symlink: join(tmpdir(), "nowhere-guard.yaml") } });
    expect(runGuard(dir, ["init"]).code).toBe(2);
    expect(exists(dir, "AGENTS.md")).toBe(false);
  });

  it("leaves an existing AGENTS.md (or CLAUDE.md) as it is and writes only guard.yaml", () => {
    for (const map of ["AGENTS.md", "CLAUDE.md"]) {
      const dir = makeRepo({ ...SMALL, [map]: "# Our map\n\nThe code is in `src/`.\n" });
      const run = init(dir);
      expect(run.stdout).toContain("guard init: wrote guard.yaml in");
      expect(readText(dir, map)).toBe("# Our map\n\nThe code is in `src/`.\n");
      expect(exists(dir, map === "AGENTS.md" ? "CLAUDE.md" : "AGENTS.md")).toBe(false);
      expect(prose(readText(dir, "guard.yaml"))).toContain(`Agent maps found: ${map}.`);
    }
  });

  it("--dry-run prints guard.yaml and AGENTS.md and writes nothing", () => {
    const dir = makeRepo(SMALL);
    const run = init(dir, ["--dry-run"]);
    expect(run.stdout).toContain("--- guard.yaml (guard init would write it) ---\n# guard.yaml, written by `guard init`");
    expect(run.stdout).toMatch(/--- AGENTS\.md \(guard init would write it\) ---\n# guard-test-\w+: map for agents/);
    expect(run.stdout).toContain("guard init --dry-run: wrote nothing.");
    expect(readdirSync(dir).sort()).toEqual([".git", "README.md", "src"]);
    expect(execGit(dir, ["status", "--porcelain", "--ignored"])).toBe("");
  });

  it("writes at the repository root when run in a subfolder", () => {
    const dir = makeRepo(SMALL);
    init(join(dir, "src/app"));
    expect(exists(dir, "guard.yaml")).toBe(true);
    expect(exists(dir, "src/app/guard.yaml")).toBe(false);
  });
});

describe("guard init: repositories of every shape", () => {
  it("works without git, reading the files .gitignore leaves", () => {
    const dir = makeRepo({ ...SMALL, ".gitignore": "build/\n", "build/out.ts": 'import "../src/app/a0.js";\n' }, { git: false });
    init(dir);
    expect(layersOf(writtenConfig(dir).value)).toEqual([
      { name: "core", paths: ["src/core/**"] },
      { name: "app", paths: ["src/app/**"] },
    ]);
    expect(findings(dir)).toEqual([]);
  });

  it("works on a repository without code: no layers, and why", () => {
    const dir = makeRepo({ "docs/index.md": "# Docs\n\n- [Setup](setup.md)\n", "docs/setup.md": "# Setup\n\nRun it.\n" });
    const run = init(dir);
    const { text, value } = writtenConfig(dir);
    expect(value.layers).toBeUndefined();
    expect(prose(text)).toContain("No layers: The repository has no code files (.ts, .js, …).");
    expect(run.stdout).toContain("0 errors, 0 warnings");
    expect(findings(dir)).toEqual([]);
  });

  it("lists gitignored files that the code imports as generated", () => {
    const dir = makeRepo({
      ...SMALL,
      ".gitignore": "src/app/routes.gen.ts\n",
      "src/app/main.ts": 'import { routes } from "./routes.gen";\nexport const main = routes;\n',
    });
    init(dir);
    expect(writtenConfig(dir).text).toContain("#   src/app/routes.gen.ts (imported by src/app/main.ts)\n");
  });

  it("leaves codemod fixtures out: their imports name files that need not exist", () => {
    const dir = makeRepo({
      ...SMALL,
      "src/app/transforms/rename.ts": "export const rename = 1;\n",
      "src/app/transforms/basic.input.ts": 'import { old } from "./missing.js";\nexport default old;\n',
      "src/app/transforms/basic.output.ts": 'import { renamed } from "./missing.js";\nexport default renamed;\n',
      "src/app/transforms/untouched.input.ts": 'import "../../core/c0.js";\n',
    });
    init(dir);
    expect(writtenConfig(dir).value.exclude).toEqual(["**/*.input.*", "**/*.output.*"]);
    expect(findings(dir)).toEqual([]);
  });

  it("proposes no fixture exclude when a *.input.* file is not a fixture", () => {
    const dir = makeRepo({ ...SMALL, "src/app/form.input.ts": 'export const field = "name";\n' });
    const run = init(dir, ["--dry-run"]);
    expect(run.stdout).not.toContain("exclude:");
  });
});

describe("guard init --preset harness", () => {
  it("keeps the preset's layers when today's imports follow them", () => {
    const dir = makeRepo({
      ...folder("src/types", "t", 2),
      ...folder("src/service", "s", 2, ["types/t"]),
      ...folder("src/ui", "u", 2, ["service/s", "types/t"]),
      "AGENTS.md": "# Map\n\nThe code is in `src/`.\n",
    });
    init(dir, ["--preset", "harness"]);
    const { text, value } = writtenConfig(dir);
    expect(value.extends).toEqual(["harness"]);
    expect(value.layers).toBeUndefined();
    expect(prose(text)).toContain("Layers: the harness preset's, kept as they are: 6 imports between its layers go its way");
    expect(findings(dir).filter((finding) => finding.startsWith("arch/"))).toEqual([]);
  });

  it("replaces them with the inferred layers when this repository's folders are others", () => {
    const dir = makeRepo({ ...SMALL, "AGENTS.md": "# Map\n\nThe code is in `src/`.\n" });
    init(dir, ["--preset", "harness"]);
    const { text, value } = writtenConfig(dir);
    expect(layersOf(value).map((layer) => layer.name)).toEqual(["core", "app"]);
    expect(value.crossCutting).toEqual([]);
    expect(prose(text)).toContain("The harness preset's layers do not fit this repository: its layers (types → config → repo → service → runtime → ui) name folders this repository does not have (none holds code).");
    expect(findings(dir).filter((finding) => finding.startsWith("arch/"))).toEqual([]);
  });

  it("rejects an unknown preset with exit 2", () => {
    const run = runGuard(makeRepo(SMALL), ["init", "--preset", "nope"]);
    expect(run.code).toBe(2);
  });
});

describe("guard init: when the check cannot run", () => {
  it("keeps what it wrote and exits 2 with the reason when a repo rule file is broken", () => {
    const dir = makeRepo({ ...SMALL, ".guard/rules/bad.yaml": "kind: import\nmessage: x\n" });
    const run = runGuard(dir, ["init"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("guard init: wrote guard.yaml and AGENTS.md");
    expect(run.stderr).toMatch(/^guard: the files are written, but guard check cannot run with them: .*bad\.yaml/);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(exists(dir, "guard.yaml")).toBe(true);
  });

  it("works in a repository with no commit yet", () => {
    const dir = makeRepo(SMALL, { commit: false });
    init(dir);
    expect(layersOf(writtenConfig(dir).value).map((layer) => layer.name)).toEqual(["core", "app"]);
  });
});
