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

  it("reads only path-shaped text: an MCP method, a MIME type or a branch is quiet even where its first folder exists", () => {
    const { findings } = checkRule(
      {
        "tools/gen.ts": "export {};\n",
        "text/notes.ts": "export {};\n",
        "release/notes.ts": "export {};\n",
        "packages/web/src/index.ts": "export {};\n",
        "docs/spec.md":
          "Send `tools/call`, as `text/plain`, from `release/1.2`. The old guide was `docs/old-guide/`; the app is `packages/web/src/app`.\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/spec.md", line: 1, column: 75, message: "path docs/old-guide/: no such file or folder" },
      { file: "docs/spec.md", line: 1, column: 105, message: "path packages/web/src/app: no such file or folder" },
    ]);
  });

  it("stays quiet on a path the sentence tells the reader to create or that stands in quoted speech, and fires again in the next sentence", () => {
    const doc = [
      "# Skills",
      "",
      "Create a file at `.agent/skills/auditor/SKILL.md`. The tarballs will be created in each package",
      "(for example, `packages/cli/cli-0.1.6.tgz`).",
      "",
      "- Scaffold `src/features/billing/index.ts` with the CLI.",
      "- The loader is `src/loader/load.ts`; create nothing else. Our own skill is `.agent/skills/review/SKIL.md`.",
      '- Say: "The type is in `src/loader/types.ts`." or “see `src/loader/old.ts`”.',
      "",
    ].join("\n");
    const { findings } = checkRule(
      {
        ".agent/skills/review/SKILL.md": "# Review\n",
        "packages/cli/package.json": "{}\n",
        "src/features/orders/index.ts": "export {};\n",
        "src/loader/index.ts": "export {};\n",
        "docs/skills.md": doc,
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/skills.md", line: 7, column: 17, message: "path src/loader/load.ts: no such file or folder" },
      { file: "docs/skills.md", line: 7, column: 77, message: "path .agent/skills/review/SKIL.md: no such file or folder; did you mean .agent/skills/review/SKILL.md?" },
    ]);
  });

  it("stays quiet on a path the sentence says is gone, and reads a skill's paths from its SKILL.md folder", () => {
    const doc = [
      "# Migration",
      "",
      "The `src/legacy/` folder has been removed. `src/old.ts` was renamed to `src/new.ts`.",
      "",
    ].join("\n");
    const { findings } = checkRule(
      {
        "src/index.ts": "export {};\n",
        "docs/migration.md": doc,
        "docs/skills/adr/SKILL.md": "# ADR\n",
        "docs/skills/adr/assets/templates/simple.md": "# Simple\n",
        "docs/skills/adr/references/variants.md": "Templates: `assets/templates/simple.md` and `assets/templates/madr.md`.\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      { file: "docs/migration.md", line: 3, column: 72, message: "path src/new.ts: no such file or folder" },
      {
        file: "docs/skills/adr/references/variants.md",
        line: 1,
        column: 45,
        message: "path assets/templates/madr.md: no such file or folder (docs/skills/adr/assets/templates/madr.md)",
      },
    ]);
  });

  it.each([
    ["in git", true],
    ["outside git", false],
  ])("reads .gitignore files as git does, %s: a deeper one re-includes (`!`), nothing under an ignored folder comes back", (_, git) => {
    const { findings } = checkRule(
      {
        "guard.yaml": "extends: [recommended]\n",
        ".gitignore": "out/*.txt\nout/*.json\nbuild/\n",
        "out/.gitignore": "!keep.txt\n",
        "build/.gitignore": "!keep.txt\n",
        "out/readme.md": "# Out\n",
        "src/index.ts": "export {};\n",
        "docs/outputs.md": "Outputs: `out/report.json`, `out/keep.txt`, `build/keep.txt`.\n",
      },
      RULE,
      { git },
    );
    expect(findings).toEqual([{ file: "docs/outputs.md", line: 1, column: 29, message: "path out/keep.txt: no such file or folder" }]);
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
