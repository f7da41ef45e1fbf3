import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execGit, makeRepo, runGuard } from "../helpers/repo.js";
import { commit, expectRefusedThenAccepted, repoWithGuard } from "./hook-support.js";

// Every test installs guard the way a devDependency does (see repoWithGuard), runs the built
// `guard hook install`, then commits with real git so that git itself runs the hook.

const START = "# >>> harness-guard: guard check --staged >>>";

function hookText(dir: string, path = ".git/hooks/pre-commit"): string {
  return readFileSync(join(dir, path), "utf8");
}

describe("guard hook install: a fresh hook", () => {
  it("writes an executable sh hook; a commit with an error finding is refused, and accepted once fixed", () => {
    const dir = repoWithGuard();
    const run = runGuard(dir, ["hook", "install"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("wrote .git/hooks/pre-commit");
    const text = hookText(dir);
    expect(text.startsWith(`#!/bin/sh\n${START}\n`)).toBe(true);
    expect(text).toContain('exec "$guard" check --staged');
    expectRefusedThenAccepted(dir);
  });

  it("honours core.hooksPath: the hook goes into that folder, without this machine's node path (the folder is versioned)", () => {
    const dir = repoWithGuard();
    execGit(dir, ["config", "core.hooksPath", ".githooks"]);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("wrote .githooks/pre-commit");
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(false);
    expect(hookText(dir, ".githooks/pre-commit")).not.toContain("PATH=");
    expectRefusedThenAccepted(dir);
  });

  it("a second install changes nothing and says so", () => {
    const dir = repoWithGuard();
    expect(runGuard(dir, ["hook", "install"]).code).toBe(0);
    const before = hookText(dir);
    const again = runGuard(dir, ["hook", "install"]);
    expect(again).toMatchObject({ code: 0, stderr: "" });
    expect(again.stdout).toContain("already runs guard check --staged (guard's block); nothing changed");
    expect(hookText(dir)).toBe(before);
  });

  it("from a subfolder: the hook runs guard there (its guard.yaml), finding guard's bin hoisted at the top", () => {
    const dir = repoWithGuard({ "web/guard.yaml": "extends: [recommended]\n", "web/docs/guide.md": "# Guide\n\nWeb.\n", "web/AGENTS.md": "# Web\n" });
    const run = runGuard(join(dir, "web"), ["hook", "install"]);
    expect(run.code).toBe(0);
    expect(hookText(dir)).toContain("  cd web || exit 2\n");
    writeFileSync(join(dir, "web/AGENTS.md"), "# Web\n\n[gone](docs/gone.md)\n");
    // git hands a hook's stdout to its own stderr.
    const refused = commit(dir, "bad web map");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("AGENTS.md:3:1  error  link to docs/gone.md");
    writeFileSync(join(dir, "web/AGENTS.md"), "# Web\n\n[guide](docs/guide.md)\n");
    expect(commit(dir, "good web map").code).toBe(0);
  });

  it("a GUI client's short PATH without node: the hook falls back to the node that installed it", () => {
    const dir = repoWithGuard();
    expect(runGuard(dir, ["hook", "install"]).code).toBe(0);
    // A PATH holding git alone, as a GUI app started outside a login shell may have it.
    const bin = join(dir, ".git", "gui-bin");
    mkdirSync(bin);
    symlinkSync(execGit(dir, ["--exec-path"]).trim() + "/git", join(bin, "git"));
    expectRefusedThenAccepted(dir, { PATH: bin });
  });

  it("--print shows the hook it would write and writes nothing", () => {
    const dir = repoWithGuard();
    const run = runGuard(dir, ["hook", "install", "--print"]);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith(`#!/bin/sh\n${START}`)).toBe(true);
    expect(run.stderr).toContain(".git/hooks/pre-commit does not exist yet");
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(false);
  });

  it("outside a git work tree: exit 2 with a message, no stack trace", () => {
    const dir = makeRepo({ "a.md": "# A\n" }, { git: false });
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("not inside a git work tree");
    expect(run.stderr).not.toContain("    at ");
  });

  it("core.hooksPath outside the repository (shared by every repo): the snippet, exit 1, nothing written there", () => {
    const dir = repoWithGuard();
    const shared = join(tmpdir(), `guard-shared-hooks-${process.pid}-${Date.now()}`);
    execGit(dir, ["config", "core.hooksPath", shared]);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is outside this repository");
    expect(run.stdout).toContain(START);
    expect(existsSync(shared)).toBe(false);
  });
});

describe("guard hook install: an existing hook", () => {
  const MARKER_HOOK = '#!/bin/sh\n# The team\'s own check.\nexec 1>&2\nif [ -n "$SKIP_TEAM" ]; then\n  exit 0\nfi\necho team >> team-hook-ran.marker\n';

  it("is kept: guard's block is appended, the hook's own effect still happens, and commits are checked", () => {
    const dir = repoWithGuard();
    writeFileSync(join(dir, ".git/hooks/pre-commit"), MARKER_HOOK);
    chmodSync(join(dir, ".git/hooks/pre-commit"), 0o755);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("added guard's block at the end of .git/hooks/pre-commit");
    const text = hookText(dir);
    expect(text.startsWith(MARKER_HOOK)).toBe(true);
    expect(text).toContain(START);
    expectRefusedThenAccepted(dir);
    expect(readFileSync(join(dir, "team-hook-ran.marker"), "utf8")).toBe("team\nteam\n");
    const again = runGuard(dir, ["hook", "install"]);
    expect(again.stdout).toContain("nothing changed");
    expect(hookText(dir)).toBe(text);
  });

  it("already running guard check by hand: nothing changed", () => {
    const dir = repoWithGuard();
    const own = "#!/bin/sh\nnpx --no-install guard check --staged\n";
    writeFileSync(join(dir, ".git/hooks/pre-commit"), own, { mode: 0o755 });
    const run = runGuard(dir, ["hook", "install"]);
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain("(a guard check line); nothing changed");
    expect(hookText(dir)).toBe(own);
  });

  const unsafe: [string, string, number, string][] = [
    ["exec as its last command", "#!/bin/sh\nexec 1>&2\nexec git diff-index --check --cached HEAD --\n", 0o755, "ends with `exec git diff-index"],
    ["a top-level exit", "#!/bin/bash\nnpm test\nexit 0\n", 0o755, "ends with `exit 0`"],
    ["not a shell script", "#!/usr/bin/env python3\nprint('hi')\n", 0o755, "is a python3 script"],
    ["no shebang", "npm test\n", 0o755, "has no #!/bin/sh"],
    ["not executable (disabled)", "#!/bin/sh\nnpm test\n", 0o644, "is not executable"],
    ["written by the pre-commit framework", "#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\necho hi\n", 0o755, "managed by the pre-commit framework"],
  ];
  it.each(unsafe)("not safe to edit (%s): the snippet on stdout, the reason on stderr, exit 1, file unchanged", (_name, text, mode, reason) => {
    const dir = repoWithGuard();
    const file = join(dir, ".git/hooks/pre-commit");
    writeFileSync(file, text);
    chmodSync(file, mode);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(reason);
    expect(run.stderr).toContain("guard changed nothing");
    expect(run.stdout.startsWith(START)).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(text);
  });

  it("a symlinked hook is not followed: the snippet, exit 1, the target unchanged", () => {
    const dir = repoWithGuard({ "tools/hook.sh": "#!/bin/sh\necho shared\n" });
    chmodSync(join(dir, "tools/hook.sh"), 0o755);
    symlinkSync(join(dir, "tools/hook.sh"), join(dir, ".git/hooks/pre-commit"));
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("is a symbolic link");
    expect(readFileSync(join(dir, "tools/hook.sh"), "utf8")).toBe("#!/bin/sh\necho shared\n");
  });
});

describe("guard hook install: odd places", () => {
  it("a folder where the hook file would be: the snippet, exit 1", () => {
    const dir = repoWithGuard();
    mkdirSync(join(dir, ".git/hooks/pre-commit"));
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(".git/hooks/pre-commit is a folder, not a hook script");
  });

  it("core.hooksPath naming a file: exit 2 naming it, no stack trace, the file unchanged", () => {
    const dir = repoWithGuard({ "notes.txt": "keep me\n" });
    execGit(dir, ["config", "core.hooksPath", "notes.txt"]);
    const run = runGuard(dir, ["hook", "install"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/could not write .*notes\.txt \((EEXIST|ENOTDIR)\); guard changed nothing/);
    expect(run.stderr).not.toContain("    at ");
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("keep me\n");
  });

  it("unknown arguments are a usage error (exit 2)", () => {
    const dir = repoWithGuard();
    expect(runGuard(dir, ["hook", "install", "extra"]).code).toBe(2);
    expect(existsSync(join(dir, ".git/hooks/pre-commit"))).toBe(false);
  });
});
