import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commitAll, makeRepo } from "../helpers/repo.js";
import { STACK_TRACE } from "./support.js";
import { answerOf, claudeEdit, claudeStop, CLEAN_DOC, DEAD_LINK, hookRepo, runHook } from "./agent-hooks-support.js";

describe("guard hook claude: PostToolUse", () => {
  it("feeds the findings of the edited file back as a block decision, exit 0", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const run = runHook(dir, "claude", claudeEdit(dir, join(dir, "docs/a.md")));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const answer = answerOf(run)!;
    expect(answer.decision).toBe("block");
    expect(answer.reason).toContain("docs/a.md:3 docs/dead-link");
    expect(answer.reason).toContain("guard check --format agent docs/a.md");
  });

  it("reports only the edited file: a bad file elsewhere stays out of an edit's answer", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const run = runHook(dir, "claude", claudeEdit(dir, "docs/b.md", "Write"));
    expect(run).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("says nothing for a clean file, and for a tool that edits nothing", () => {
    const dir = hookRepo();
    expect(runHook(dir, "claude", claudeEdit(dir, join(dir, "docs/b.md"), "MultiEdit"))).toEqual({ code: 0, stdout: "", stderr: "" });
    const bash = { ...claudeEdit(dir, ""), tool_name: "Bash", tool_input: { command: "ls" } };
    expect(runHook(dir, "claude", bash)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("warnings alone go in as additional context, without blocking", () => {
    const dir = hookRepo({ "guard.yaml": "docs:\n  maxLines: 3\n" });
    writeFileSync(join(dir, "docs/b.md"), "# B\n\none\ntwo\nthree\n");
    const answer = answerOf(runHook(dir, "claude", claudeEdit(dir, "docs/b.md")))!;
    expect(answer.decision).toBeUndefined();
    expect(answer.hookSpecificOutput).toMatchObject({ hookEventName: "PostToolUse" });
    expect((answer.hookSpecificOutput as { additionalContext: string }).additionalContext).toContain("docs/max-lines (warning)");
  });

  it("a file outside the repo, a deleted file, not a repository: a note for the user, exit 0, never a block", () => {
    const dir = hookRepo();
    const outside = makeRepo({ "x.md": DEAD_LINK }, { git: false });
    for (const [cwd, file, said] of [
      [dir, join(outside, "x.md"), "is outside the repository"],
      [dir, join(dir, "docs/gone.md"), "docs/gone.md no longer exists"],
      [outside, join(outside, "x.md"), "is not in a git repository"],
    ] as const) {
      const run = runHook(cwd, "claude", claudeEdit(cwd, file));
      expect(run.code).toBe(0);
      expect(answerOf(run)).toEqual({ systemMessage: expect.stringContaining(said) });
      expect(run.stderr).toContain(said);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it("malformed, empty or shapeless stdin: a clear message, exit 0", () => {
    const dir = hookRepo();
    for (const [input, said] of [
      ["{not json", "is not JSON"],
      ["", "no hook input on stdin"],
      ["[1, 2]", "not a JSON object"],
      [JSON.stringify({ cwd: dir }), "no hook_event_name"],
      [JSON.stringify({ ...claudeEdit(dir, ""), tool_input: {} }), "no tool_input.file_path"],
    ]) {
      const run = runHook(dir, "claude", input);
      expect(run.code).toBe(0);
      expect(answerOf(run)!.systemMessage).toContain(said);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });
});

describe("guard hook claude: Stop", () => {
  const counters = (dir: string) => (existsSync(join(dir, ".git/guard-cache/agent-hooks")) ? readdirSync(join(dir, ".git/guard-cache/agent-hooks")) : []);

  it("blocks while what changed since HEAD has errors, untracked files included; allows once clean", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/new.md"), DEAD_LINK); // untracked
    const blocked = answerOf(runHook(dir, "claude", claudeStop(dir, false)))!;
    expect(blocked.decision).toBe("block");
    expect(blocked.reason).toContain("docs/new.md:3 docs/dead-link");
    expect(blocked.reason).toContain("guard check --since HEAD --format agent");
    expect(counters(dir)).toHaveLength(1);
    rmSync(join(dir, "docs/new.md"));
    expect(runHook(dir, "claude", claudeStop(dir, true))).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(counters(dir)).toEqual([]); // a clean tree resets the count
  });

  it("ignores what is committed or gitignored: a stop on an unchanged tree is allowed", () => {
    const dir = hookRepo({ ".gitignore": "scratch/\n", "docs/old.md": DEAD_LINK });
    writeFileSync(join(dir, "docs/b.md"), CLEAN_DOC.replace("Fine", "Still fine"));
    expect(runHook(dir, "claude", claudeStop(dir, false))).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("allows the stop with a note after 3 blocks in a row; stop_hook_active false starts a new count", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    const decisions = [false, true, true, true].map((active) => answerOf(runHook(dir, "claude", claudeStop(dir, active))));
    expect(decisions.slice(0, 3).map((answer) => answer!.decision)).toEqual(["block", "block", "block"]);
    expect(decisions[3]).toEqual({ systemMessage: expect.stringContaining("blocked this stop 3 times in a row") });
    // The user's next prompt ends in a fresh stop (stop_hook_active false): guard checks again.
    expect(answerOf(runHook(dir, "claude", claudeStop(dir, false)))!.decision).toBe("block");
    // Another session has a count of its own.
    expect(answerOf(runHook(dir, "claude", claudeStop(dir, true, "session-2")))!.decision).toBe("block");
  });

  it("--max-blocks sets the cap; an invalid one is a note, never a block", () => {
    const dir = hookRepo();
    writeFileSync(join(dir, "docs/a.md"), DEAD_LINK);
    expect(answerOf(runHook(dir, "claude", claudeStop(dir, false), ["--max-blocks", "1"]))!.decision).toBe("block");
    expect(answerOf(runHook(dir, "claude", claudeStop(dir, true), ["--max-blocks", "1"]))!.systemMessage).toContain("1 time in a row");
    const bad = runHook(dir, "claude", claudeStop(dir, false), ["--max-blocks", "zero"]);
    expect(bad.code).toBe(0);
    expect(answerOf(bad)!.systemMessage).toContain('--max-blocks: "zero"');
  });

  it("before the first commit, checks the whole tree", () => {
    const dir = makeRepo({ "AGENTS.md": "# Map\n\n[a](docs/a.md)\n", "docs/a.md": DEAD_LINK }, { commit: false });
    expect(answerOf(runHook(dir, "claude", claudeStop(dir, false)))!.decision).toBe("block");
    writeFileSync(join(dir, "docs/a.md"), CLEAN_DOC);
    commitAll(dir, "fixed");
    expect(runHook(dir, "claude", claudeStop(dir, false)).stdout).toBe("");
  });
});
