import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { STACK_TRACE } from "./support.js";

const read = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, any>;

describe("guard hook <agent> --print-config", () => {
  it("prints each agent's hooks snippet as JSON, naming the settings file on stderr", () => {
    const dir = makeRepo({ "README.md": "# r\n" });
    const claude = runGuard(dir, ["hook", "claude", "--print-config"]);
    expect(claude.code).toBe(0);
    expect(claude.stderr).toContain(".claude/settings.json");
    expect(JSON.parse(claude.stdout)).toEqual({
      hooks: {
        PostToolUse: [{ matcher: "Edit|Write|MultiEdit", hooks: [{ type: "command", command: "npx --no guard hook claude" }] }],
        Stop: [{ hooks: [{ type: "command", command: "npx --no guard hook claude" }] }],
      },
    });
    const codex = JSON.parse(runGuard(dir, ["hook", "codex", "--print-config", "--max-blocks", "5"]).stdout);
    expect(codex.hooks.PostToolUse[0].matcher).toBe("apply_patch|Edit|Write");
    expect(codex.hooks.Stop[0].hooks[0].command).toBe("npx --no guard hook codex --max-blocks 5");
    expect(JSON.parse(runGuard(dir, ["hook", "cursor", "--print-config"]).stdout)).toEqual({
      version: 1,
      hooks: { afterFileEdit: [{ command: "npx --no guard hook cursor" }], stop: [{ command: "npx --no guard hook cursor" }] },
    });
  });
});

describe("guard hook <agent> --install", () => {
  it("merges into .claude/settings.json keeping the user's keys and hooks; a second run changes nothing", () => {
    const user = {
      permissions: { allow: ["Bash(npm test)"] },
      hooks: {
        PostToolUse: [{ matcher: "Write", hooks: [{ type: "command", command: "prettier --write" }] }],
        Notification: [{ hooks: [{ type: "command", command: "notify-send hi" }] }],
      },
    };
    const dir = makeRepo({ ".claude/settings.json": `${JSON.stringify(user, null, 2)}\n` });
    mkdirSync(join(dir, "sub"));
    const first = runGuard(join(dir, "sub"), ["hook", "claude", "--install"]); // from a subfolder: the repo's settings
    expect(first).toMatchObject({ code: 0, stdout: "guard: added guard's hooks to .claude/settings.json\n" });
    const merged = read(dir, ".claude/settings.json");
    expect(merged.permissions).toEqual(user.permissions);
    expect(merged.hooks.Notification).toEqual(user.hooks.Notification);
    expect(merged.hooks.PostToolUse).toEqual([user.hooks.PostToolUse[0], { matcher: "Edit|Write|MultiEdit", hooks: [{ type: "command", command: "npx --no guard hook claude" }] }]);
    expect(merged.hooks.Stop).toHaveLength(1);
    const bytes = readFileSync(join(dir, ".claude/settings.json"), "utf8");
    const second = runGuard(dir, ["hook", "claude", "--install"]);
    expect(second).toMatchObject({ code: 0, stdout: expect.stringContaining("nothing changed") });
    expect(readFileSync(join(dir, ".claude/settings.json"), "utf8")).toBe(bytes);
  });

  it("creates .codex/hooks.json and .cursor/hooks.json (with version 1) when there are none", () => {
    const dir = makeRepo({ "README.md": "# r\n" });
    expect(runGuard(dir, ["hook", "codex", "--install"]).code).toBe(0);
    expect(Object.keys(read(dir, ".codex/hooks.json").hooks)).toEqual(["PostToolUse", "Stop"]);
    mkdirSync(join(dir, ".cursor"));
    writeFileSync(join(dir, ".cursor/hooks.json"), JSON.stringify({ hooks: { beforeShellExecution: [{ command: "./audit.sh" }] } }));
    expect(runGuard(dir, ["hook", "cursor", "--install"]).code).toBe(0);
    const cursor = read(dir, ".cursor/hooks.json");
    expect(cursor.version).toBe(1);
    expect(cursor.hooks.beforeShellExecution).toEqual([{ command: "./audit.sh" }]);
    expect(cursor.hooks.stop).toEqual([{ command: "npx --no guard hook cursor" }]);
  });

  it("malformed settings: exit 2 naming file:line:col, the file untouched", () => {
    const text = '{\n  "hooks": {\n    "Stop": [,]\n  }\n}\n';
    const dir = makeRepo({ ".claude/settings.json": text, ".codex/hooks.json": '{ "hooks": { "Stop": {} } }' });
    const run = runGuard(dir, ["hook", "claude", "--install"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(".claude/settings.json:3:14: not valid JSON; left as it is");
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(readFileSync(join(dir, ".claude/settings.json"), "utf8")).toBe(text);
    const shape = runGuard(dir, ["hook", "codex", "--install"]);
    expect(shape.code).toBe(2);
    expect(shape.stderr).toContain("hooks.Stop is not a list");
  });
});
