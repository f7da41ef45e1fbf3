import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "agents/missing-path";
const REPO = {
  "src/core/engine.ts": "export {};\n",
  "src/core/rules.ts": "export {};\n",
  "scripts/build.sh": "#!/bin/sh\n",
  "package.json": "{}\n",
};

describe("agents/missing-path", () => {
  it("fires on an inline-code path whose first folder exists but which names nothing, with a did-you-mean", () => {
    const { findings, report } = checkRule(
      { ...REPO, "AGENTS.md": "# Map\n\nThe engine is `src/core/engin.ts`; build with `scripts/release.sh`.\n" },
      RULE,
    );
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 3, column: 15, message: "path src/core/engin.ts: no such file or folder; did you mean src/core/engine.ts?" },
      { file: "AGENTS.md", line: 3, column: 47, message: "path scripts/release.sh: no such file or folder" },
    ]);
    expect(report.diagnostics[0]!.evidence).toEqual({ path: "src/core/engin.ts" });
    expect(report.diagnostics[0]!.related).toEqual([{ file: "src/core/engin.ts", message: "the missing path" }]);
    expect(report.diagnostics[0]!.fix).toBe(
      "Change `src/core/engin.ts` in AGENTS.md to the current path of what it names (e.g. `src/core/engine.ts`), or remove the mention if that no longer exists.",
    );
  });

  it("fires on a glob that matches nothing and on a missing path with a :line suffix", () => {
    const { findings } = checkRule({ ...REPO, "AGENTS.md": "Rules live in `src/**/*.rs`; see `src/core/gone.ts:12`.\n" }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 1, column: 15, message: "glob src/**/*.rs matches no file or folder" },
      { file: "AGENTS.md", line: 1, column: 34, message: "path src/core/gone.ts:12: no such file or folder" },
    ]);
  });

  it("stays quiet on prose with slashes, non-paths, and paths that exist", () => {
    const spans = [
      "and/or", "client/server", "24/7", "input/output", "src/core/engine.ts", "src/core/", "src/core",
      "src/**/*.ts", "src/*/", "src/core/{engine,rules}.ts", "src/core/engine.ts:12", "src/core/engine.ts#L3",
      "./scripts/build.sh", "@scope/pkg", "node:fs", "https://example.com/a/b", "npm run build", "src/{name}.ts",
      "src/<name>.ts", "$HOME/bin/x", "~/.config/x", "lodash/fp", "owner/repo", "package.json/scripts",
      "src/path/to/file.ts", "src/foo/bar.ts", "src/.../x.ts", "text/plain", "origin/main", "--out=dist/x.js",
      "**/*.go", "src/core/engine.ts,src/core/x.ts", "ghcr.io/org/image:1.0",
    ];
    const map = ["# Map", "", ...spans.map((span) => `- \`${span}\``), "", "```sh", "cat src/core/missing.ts `src/core/missing.ts`", "```", ""].join("\n");
    const { findings } = checkRule({ ...REPO, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([]);
  });

  // Folders named like the first segment of things that are not paths.
  const LOOKALIKES = {
    "tools/lint.ts": "export {};\n",
    "application/app.ts": "export {};\n",
    "owner/list.ts": "export {};\n",
    "feat/flags.ts": "export {};\n",
    "release/notes.ts": "export {};\n",
    "resources/data.json": "{}\n",
    "notifications/send.ts": "export {};\n",
    "api/users/index.ts": "export {};\n",
    "lodash/shim.ts": "export {};\n",
    "image/logo.png": "png\n",
    "packages/cli/src/index.ts": "export {};\n",
    "src/services/order.ts": "export {};\n",
    "docs/guide.md": "# Guide\n",
  };

  it("fires on text shaped like a path (extension, trailing /) and on a path whose every folder but the last exists", () => {
    const map = "# Map\n\n- `src/servcies/order.ts`\n- `docs/old-guide/`\n- `packages/cli/src/missing`\n- `tools/call.ts`\n";
    const { findings } = checkRule({ ...LOOKALIKES, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 3, column: 3, message: "path src/servcies/order.ts: no such file or folder; did you mean src/services/order.ts?" },
      { file: "AGENTS.md", line: 4, column: 3, message: "path docs/old-guide/: no such file or folder" },
      { file: "AGENTS.md", line: 5, column: 3, message: "path packages/cli/src/missing: no such file or folder" },
      { file: "AGENTS.md", line: 6, column: 3, message: "path tools/call.ts: no such file or folder" },
    ]);
  });

  it("stays quiet on methods, MIME types, branches, repos, routes and imports whose first segment is a folder", () => {
    const spans = [
      "tools/call", "tools/list", "tools/*", "application/json", "application/vnd.oasis.opendocument.text", "image/svg+xml",
      "image/vnd.microsoft.icon", "owner/repo", "feat/x", "feat/add-login", "release/1.2", "release/v2.0.1", "resources/list",
      "resources/templates/list", "notifications/initialized", "notifications/tools/list_changed", "/api/users", "/api/users/me",
      "api/users/:id", "lodash/fp", "lodash/fp/map", "@scope/pkg/sub", "packages/cli", "packages/cli/src",
    ];
    const map = ["# Map", "", ...spans.map((span) => `- \`${span}\``), ""].join("\n");
    const { findings } = checkRule({ ...LOOKALIKES, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([]);
  });

  it("reads a path written as an import would (no extension, or .js for .ts) and skips stand-in names", () => {
    const map = [
      "# Map",
      "",
      "- `src/services/order` `src/services/order.js` `src/services/order.mjs`",
      "- `src/services/orders`",
      "- `src/components/ComponentName/` `src/features/feature-name/index.ts`",
      "",
    ].join("\n");
    const { findings } = checkRule({ ...LOOKALIKES, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 3, column: 48, message: "path src/services/order.mjs: no such file or folder; did you mean src/services/order.ts?" },
      { file: "AGENTS.md", line: 4, column: 3, message: "path src/services/orders: no such file or folder; did you mean src/services/order.ts?" },
    ]);
  });

  it("leaves paths inside links to agents/dead-link, so the same place is never reported twice", () => {
    const { findings } = checkRule({ ...REPO, "AGENTS.md": "See [`src/core/gone.ts`](src/core/gone.ts).\n" }, RULE);
    expect(findings).toEqual([]);
  });

  it("reads paths in a nested map relative to its package, and ./ paths relative to the map's folder", () => {
    const { findings } = checkRule(
      {
        ...REPO,
        "packages/api/package.json": "{}\n",
        "packages/api/src/server.ts": "export {};\n",
        "packages/api/AGENTS.md": "Entry: `src/server.ts`. Also `src/core/engine.ts`, `./src/missing.ts` and `../../scripts/build.sh`.\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "packages/api/AGENTS.md", line: 1, column: 52, message: "path ./src/missing.ts: no such file or folder (packages/api/src/missing.ts)" },
    ]);
  });
});
