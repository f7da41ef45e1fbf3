import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";

const END = "<!-- /guard:generated -->";
const block = (head: string) => `<!-- guard:generated ${head} -->\n${END}\n`;
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

const GUARD_YAML = [
  "layers:",
  '  - { name: domain, paths: ["src/domain/**"] }',
  '  - { name: app, paths: ["src/app/**", "src/app.ts"] }',
  '  - { name: ui, paths: ["src/ui/**"] }',
  '  - { name: cli, paths: ["src/cli/**"] }',
  'crossCutting: ["src/shared/**"]',
  'publicEntry: { "src/domain/*": index.ts }',
  "",
].join("\n");

function repoWithEveryName() {
  return makeRepo({
    "guard.yaml": GUARD_YAML,
    ".guard/rules/team/no-todo.yaml": 'kind: text\nmessage: "No TODO | FIXME left in docs"\nfix: f\nregex: "TODO"\n',
    "package.json": JSON.stringify({ scripts: { test: "vitest run", lint: "eslint . | tee out", "b`q": "echo `x`" } }),
    "docs/setup.md": "# Setup guide\n",
    "docs/notes.md": "No heading\n",
    "docs/index.md": `# Docs\n\n${block("docs-index")}`,
    "README.md": `# Readme\n\n${block("layers")}\nProse between blocks.\n\n${block("rules")}\n${block("rules all")}\n${block("scripts")}\n${block("docs-index docs/")}`,
  });
}

describe("guard docs generate", () => {
  it("renders each name from the repo and rewrites only the blocks", () => {
    const dir = repoWithEveryName();
    const run = runGuard(dir, ["docs", "generate"]);
    expect(run).toMatchObject({ code: 0, stdout: "updated README.md\nupdated docs/index.md\n", stderr: "" });
    const readme = read(dir, "README.md");
    expect(readme.startsWith("# Readme\n\n<!-- guard:generated layers -->\n")).toBe(true);
    expect(readme).toContain(
      [
        "| # | layer | paths | may import |",
        "|---|---|---|---|",
        "| 1 | domain | `src/domain/**` | itself only |",
        "| 2 | app | `src/app/**`, `src/app.ts` | itself, domain |",
        "| 3 | ui | `src/ui/**` | itself, domain, app |",
        "| 4 | cli | `src/cli/**` | itself, domain to ui (#1–#3) |",
        "",
        "Cross-cutting (every layer may import it; it imports only cross-cutting code and domain): `src/shared/**`.",
        "",
        "Imported only through their entry file:",
        "",
        "| module | entry |",
        "|---|---|",
        "| `src/domain/*` | `index.ts` |",
        END,
        "",
        "Prose between blocks.",
      ].join("\n"),
    );
    const [rulesOn, rulesAll] = readme.split("<!-- guard:generated rules").slice(1);
    // The rules that run: a rule file linked to its page, a `|` in its description escaped; off rules left out.
    expect(rulesOn).toContain("| rule | severity | fails when |\n|---|---|---|\n| `agents/missing-map` | error | ");
    expect(rulesOn).toContain("| [team/no-todo](.guard/rules/team/no-todo.yaml) | error | No TODO \\| FIXME left in docs |\n");
    expect(rulesOn).not.toContain("agents/generic-instruction");
    expect(rulesAll).toContain("| `agents/generic-instruction` | off | A map line carries no repo-specific information. |\n");
    expect(readme).toContain(["| script | runs |", "|---|---|", "| `test` | `vitest run` |", "| `lint` | `eslint . \\| tee out` |", "| ``b`q`` | `` echo `x` `` |", END].join("\n"));
    expect(readme.endsWith(["<!-- guard:generated docs-index docs/ -->", "- [index.md](docs/index.md): Docs", "- [notes.md](docs/notes.md)", "- [setup.md](docs/setup.md): Setup guide", END, ""].join("\n"))).toBe(true);
    expect(read(dir, "docs/index.md")).toBe(`# Docs\n\n<!-- guard:generated docs-index -->\n- [notes.md](notes.md)\n- [setup.md](setup.md): Setup guide\n${END}\n`);
  });

  it("is idempotent: a second run changes no byte", () => {
    const dir = repoWithEveryName();
    runGuard(dir, ["docs", "generate"]);
    const first = [read(dir, "README.md"), read(dir, "docs/index.md")];
    expect(runGuard(dir, ["docs", "generate"])).toMatchObject({ code: 0, stdout: "every generated block is up to date (2 files)\n" });
    expect([read(dir, "README.md"), read(dir, "docs/index.md")]).toEqual(first);
    expect(runGuard(dir, ["docs", "generate", "--check"])).toMatchObject({ code: 0 });
  });

  it("keeps CRLF line endings and a missing final newline", () => {
    const text = "# Win\r\n\r\nBefore.\r\n<!-- guard:generated scripts -->\r\nold\r\n<!-- /guard:generated -->\r\nAfter, no newline";
    const dir = makeRepo({ "package.json": '{"scripts":{"build":"tsc"}}', "docs/win.md": text });
    expect(runGuard(dir, ["docs", "generate"]).code).toBe(0);
    expect(read(dir, "docs/win.md")).toBe(
      "# Win\r\n\r\nBefore.\r\n<!-- guard:generated scripts -->\r\n| script | runs |\r\n|---|---|\r\n| `build` | `tsc` |\r\n<!-- /guard:generated -->\r\nAfter, no newline",
    );
  });

  it("keeps a byte-order mark before a block on the first line", () => {
    const dir = makeRepo({ "package.json": '{"scripts":{"build":"tsc"}}', "bom.md": `\uFEFF${block("scripts")}` });
    expect(runGuard(dir, ["docs", "generate"]).code).toBe(0);
    expect(read(dir, "bom.md")).toBe(`\uFEFF<!-- guard:generated scripts -->\n| script | runs |\n|---|---|\n| \`build\` | \`tsc\` |\n${END}\n`);
  });

  it("leaves a file that is not valid UTF-8 byte for byte, and says so", () => {
    const bytes = Buffer.concat([Buffer.from("# Latin-1 caf"), Buffer.from([0xe9]), Buffer.from(`\n\n${block("scripts")}`)]);
    const dir = makeRepo({ "package.json": '{"scripts":{"build":"tsc"}}', "latin.md": bytes });
    const run = runGuard(dir, ["docs", "generate"]);
    expect(run).toMatchObject({ code: 1, stderr: "latin.md:1:1: not valid UTF-8 (or changed while guard read it), so it cannot be rewritten byte for byte; left as it is\n" });
    expect(readFileSync(join(dir, "latin.md")).equals(bytes)).toBe(true);
  });

  it("--check writes nothing and exits 1 when a block would change; paths limit the files", () => {
    const dir = makeRepo({ "package.json": '{"scripts":{"build":"tsc"}}', "a.md": `# A\n\n${block("scripts")}`, "docs/b.md": `# B\n\n${block("scripts")}` });
    expect(runGuard(dir, ["docs", "generate", "--check"])).toMatchObject({ code: 1, stdout: "would update a.md\nwould update docs/b.md\n" });
    expect(read(dir, "a.md")).toBe(`# A\n\n${block("scripts")}`);
    expect(runGuard(dir, ["docs", "generate", "docs"])).toMatchObject({ code: 0, stdout: "updated docs/b.md\n" });
    expect(read(dir, "a.md")).toBe(`# A\n\n${block("scripts")}`);
  });

  it("reports an unterminated block and an unknown name, leaves them, and still writes the other blocks", () => {
    const text = `# Doc\n\n${block("scriptz")}\n${block("scripts")}\n<!-- guard:generated layers -->\nkept as it is\n`;
    const dir = makeRepo({ "package.json": '{"scripts":{"build":"tsc"}}', "doc.md": text });
    const run = runGuard(dir, ["docs", "generate"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'doc.md:3:1: block "scriptz": unknown block name "scriptz"; did you mean "scripts"? (known: layers, rules, docs-index, scripts); left as it is',
        'doc.md:9:1: block "layers" has no end marker <!-- /guard:generated -->; left as it is',
        "",
      ].join("\n"),
    );
    expect(read(dir, "doc.md")).toBe(text.replace(`${block("scripts")}`, `<!-- guard:generated scripts -->\n| script | runs |\n|---|---|\n| \`build\` | \`tsc\` |\n${END}\n`));
  });

  it("reports a missing source or a bad argument per block, and writes a layers block without layers", () => {
    const text = [
      "# Doc",
      "",
      block("docs-index nope/"),
      block("scripts missing/package.json"),
      block("scripts bad/package.json"),
      block("layers extra"),
      block("docs-index docs/ more"),
      block("layers"),
    ].join("\n");
    const dir = makeRepo({ "doc.md": text, "bad/package.json": "{ not json" });
    const run = runGuard(dir, ["docs", "generate"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      [
        'doc.md:3:1: block "docs-index": the folder nope/ is not in the repository; left as it is',
        'doc.md:6:1: block "scripts": missing/package.json is not a readable file of the repository; left as it is',
        'doc.md:9:1: block "scripts": bad/package.json is not valid JSON; left as it is',
        'doc.md:12:1: block "layers": takes no argument, not "extra"; left as it is',
        'doc.md:15:1: block "docs-index": takes one folder, not "docs/ more"; left as it is',
        "",
      ].join("\n"),
    );
    expect(read(dir, "doc.md")).toBe(text.replace(block("layers"), `<!-- guard:generated layers -->\nNo layers are declared in guard.yaml (\`layers:\`), so arch/layer checks no direction.\n${END}\n`));
  });

  it("links a built-in rule to its page, relative to the file, when the repo holds the page (as guard's own repo does)", () => {
    const dir = makeRepo({ "rules/docs/orphan.md": "# docs/orphan\n", "docs/deep/rules.md": `# Rules\n\n${block("rules")}` });
    expect(runGuard(dir, ["docs", "generate"]).code).toBe(0);
    const text = read(dir, "docs/deep/rules.md");
    expect(text).toContain("| [docs/orphan](../../rules/docs/orphan.md) | error | A doc is not reachable by links from any agent map. |\n");
    expect(text).toContain("| `docs/dead-link` | error | ");
  });

  it("exits 2 on a path outside the repository's files", () => {
    const dir = makeRepo({ "a.md": "# A\n" });
    expect(runGuard(dir, ["docs", "generate", "nope"]).code).toBe(2);
  });
});
