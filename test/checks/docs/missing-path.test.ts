import { describe, expect, it } from "vitest";
import { checkJson, checkRule, execGit } from "../../helpers/repo.js";

const RULE = "docs/missing-path";

describe("docs/missing-path", () => {
  it("fires in a CRLF doc with front-matter, at the code span's line and column", () => {
    const { findings } = checkRule(
      {
        "src/orders/service.ts": "export {};\n",
        "docs/orders.md": "---\r\nowner: team\r\n---\r\n# Orders\r\n\r\nThe service lives in `src/orders/servise.ts`.\r\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "docs/orders.md",
        line: 6,
        column: 22,
        message: "path src/orders/servise.ts: no such file or folder; did you mean src/orders/service.ts?",
      },
    ]);
  });

  it("resolves ../ from the doc's folder and / from the repo root, and checks globs against folders too", () => {
    const { findings } = checkRule(
      {
        "src/app.ts": "export {};\n",
        "packages/web/index.ts": "export {};\n",
        "docs/guide/paths.md": "`../../src/app.ts` `../../src/zed.ts` `/src/cli.ts` `packages/*/` `packages/*/src/**` `docs/*.md`\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/guide/paths.md", line: 1, column: 20, message: "path ../../src/zed.ts: no such file or folder (src/zed.ts)" },
      { file: "docs/guide/paths.md", line: 1, column: 39, message: "path /src/cli.ts: no such file or folder" },
      { file: "docs/guide/paths.md", line: 1, column: 67, message: "glob packages/*/src/** matches no file or folder" },
      { file: "docs/guide/paths.md", line: 1, column: 87, message: "glob docs/*.md matches no file or folder" },
    ]);
  });

  it("stays quiet on build outputs git ignores, on paths of another project, and on folders named like prose", () => {
    const { findings } = checkRule(
      {
        ".gitignore": "dist/\nbench/.out/\n",
        "bench/run.mjs": "\n",
        "src/index.ts": "export {};\n",
        "docs/build.md":
          "Outputs: `dist/cli.js`, `bench/.out/report.json`, `dist/**/*.js`. Users write `app/routes/index.tsx` and `and/or` `client/server` `24/7`.\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("with --staged, reports a doc whose path the staged deletion removes", () => {
    const { dir } = checkRule({ "src/a.ts": "export {};\n", "src/b.ts": "export {};\n", "docs/a.md": "See `src/a.ts`.\n" }, RULE);
    execGit(dir, ["rm", "-q", "src/a.ts"]);
    const report = checkJson(dir, ["--only", RULE, "--staged"]);
    expect(report.diagnostics.map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: "docs/a.md", line: 1, message: "path src/a.ts: no such file or folder; did you mean src/b.ts?" },
    ]);
  });
});
