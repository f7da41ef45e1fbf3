import { describe, expect, it } from "vitest";
import { commitAll, execGit, makeRepo, writeFiles, type FileTree } from "../helpers/repo.js";

const DIST = process.env.GUARD_DIST ?? new URL("../../dist", import.meta.url).pathname;
const { readEvidence } = (await import(`${DIST}/src/learn/evidence.js`)) as typeof import("../../src/learn/evidence.js");
const { extractCandidates, whyNothing } = (await import(`${DIST}/src/learn/extract.js`)) as typeof import("../../src/learn/extract.js");
const { resolveConfig } = (await import(`${DIST}/src/engine/resolve-config.js`)) as typeof import("../../src/engine/resolve-config.js");
const { kindOf } = (await import(`${DIST}/src/checks/custom/kinds.js`)) as typeof import("../../src/checks/custom/kinds.js");
type Candidate = import("../../src/learn/types.js").Candidate;

const LAYERS = `layers:
  - { name: persistence, paths: ["src/persistence/**"] }
  - { name: domain, paths: ["src/domain/**"] }
  - { name: ui, paths: ["src/ui/**"] }
`;

/** clean → the agent's bad commit → the fix (with `git mv` moves); the fix's evidence and candidates. */
async function learnFrom(clean: FileTree, bad: FileTree, fix: FileTree, moves: [string, string][] = []) {
  const dir = makeRepo(clean);
  writeFiles(dir, bad);
  commitAll(dir, "agent: add feature", "2024-05-01T10:00:00Z");
  writeFiles(dir, fix);
  for (const [from, to] of moves) execGit(dir, ["mv", from, to]);
  commitAll(dir, "Fix the agent's mistake", "2024-05-02T10:00:00Z");
  const evidence = readEvidence(dir, { commit: "HEAD" });
  const config = resolveConfig(dir);
  const candidates = await extractCandidates(evidence, config);
  return { dir, evidence, config, candidates, label: evidence.label };
}

/** Every example of a draft runs as `guard rules test` would: bad ones fire, good ones stay quiet. */
async function examplesHold(candidate: Candidate): Promise<void> {
  const spec = { ...candidate.rule, source: `.guard/rules/${candidate.rule.id}.yaml`, globs: [] } as never;
  for (const bad of candidate.rule.examples.bad) expect((await kindOf(spec).runExample(spec, bad)).fired, `${candidate.label}: ${JSON.stringify(bad)}`).toBe(true);
  for (const good of candidate.rule.examples.good) expect((await kindOf(spec).runExample(spec, good)).fired, `${candidate.label}: ${JSON.stringify(good)}`).toBe(false);
}

const summary = (candidates: Candidate[]) => candidates.map((c) => ({ kind: c.kind, label: c.label, id: c.rule.id }));

describe("pattern candidates", () => {
  it("debugger removed from domain code: the pattern over every scope rung, the layer when layers are set", async () => {
    const body = (extra: string) => `export function total(order) {\n${extra}  return order.lines.length;\n}\n`;
    const { candidates, label } = await learnFrom({ "guard.yaml": LAYERS, "src/domain/order.ts": body("") }, { "src/domain/order.ts": body("  debugger;\n") }, { "src/domain/order.ts": body("") });
    expect(summary(candidates)).toEqual([
      { kind: "pattern", label: "pattern debugger (exact) in every file", id: "learned/no-debugger" },
      { kind: "pattern", label: "pattern debugger (exact) in layer domain (src/domain/**)", id: "learned/no-debugger-in-domain" },
      { kind: "pattern", label: "pattern debugger (exact) in src/domain/order.ts", id: "learned/no-debugger-in-order" },
    ]);
    const domain = candidates[1]!;
    expect(domain.generality).toBe(1);
    expect(domain.expect).toEqual([{ file: "src/domain/order.ts", line: 2 }]);
    expect(domain.rule).toMatchObject({
      kind: "pattern",
      severity: "error",
      pattern: "debugger",
      files: ["src/domain/**"],
      ignore: [],
      message: `Domain code must not use \`debugger\`; it was removed in ${label} (Fix the agent's mistake)`,
      fix: `Remove \`debugger;\`, as ${label} did.`,
      why: `Learned 2024-05-02 from ${label}: Fix the agent's mistake`,
      examples: { bad: [{ file: "src/domain/order.ts", code: "debugger;", line: 0, column: 0 }], good: [] },
    });
    for (const candidate of candidates) await examplesHold(candidate);
  });

  it("from a --diff the same candidates come out, and no co-change is guessed without a bad commit", async () => {
    const { dir, candidates, config } = await learnFrom({ "src/a.ts": "export const a = 1;\n" }, { "src/a.ts": "export const a = 1;\ndebugger;\n" }, { "src/a.ts": "export const a = 1;\n" });
    const evidence = readEvidence(dir, { diff: execGit(dir, ["show", "HEAD"]), label: "fix.diff" });
    const fromDiff = await extractCandidates(evidence, config);
    expect(fromDiff.map((c) => [c.label, c.expect])).toEqual(candidates.map((c) => [c.label, c.expect]));
    expect(fromDiff[0]!.rule.why).toBe(`Learned ${evidence.date} from fix.diff`);
  });

  it("without layers the scope ladder climbs to the top folder", async () => {
    const { candidates } = await learnFrom({ "src/domain/order.ts": "export const a = 1;\n" }, { "src/domain/order.ts": "export const a = 1;\ndebugger;\n" }, { "src/domain/order.ts": "export const a = 1;\n" });
    expect(candidates.map((c) => c.rule.files)).toEqual([[], ["src/**"], ["src/domain/**"], ["src/domain/order.ts"]]);
    expect(candidates.map((c) => c.rule.id)).toEqual(["learned/no-debugger", "learned/no-debugger-in-src", "learned/no-debugger-in-domain", "learned/no-debugger-in-order"]);
  });

  it("moment(x).format(...) replaced by Intl: the import first, then moment($$$ARGS) with the replacement as fix", async () => {
    const bad = 'import moment from "moment";\nexport function label(order) {\n  const day = moment(order.date).format("YYYY-MM-DD");\n  return order.id + day;\n}\n';
    const good = 'export function label(order) {\n  const day = new Intl.DateTimeFormat("en-CA").format(order.date);\n  return order.id + day;\n}\n';
    const { candidates, label } = await learnFrom({ "src/domain/order.ts": "export const x = 1;\n" }, { "src/domain/order.ts": bad }, { "src/domain/order.ts": good });
    expect(candidates[0]!.kind).toBe("import");
    const patterns = candidates.filter((c) => c.kind === "pattern");
    expect(patterns.map((c) => c.rule.kind === "pattern" && c.rule.pattern).slice(0, 3)).toEqual(["moment($$$ARGS)", "moment($$$ARGS)", "moment($$$ARGS).format($$$ARGS1)"]);
    const inDomain = patterns.find((c) => c.rule.id === "learned/no-moment-in-domain")!;
    expect(inDomain.rule).toMatchObject({
      pattern: "moment($$$ARGS)",
      files: ["src/domain/**"],
      message: `Code in src/domain/ must not call \`moment()\`; it was removed in ${label} (Fix the agent's mistake)`,
      fix: `Use \`new Intl.DateTimeFormat("en-CA").format(order.date)\` instead of \`moment(order.date).format("YYYY-MM-DD")\`, as ${label} did.`,
      examples: {
        bad: [{ file: "src/domain/order.ts", code: 'moment(order.date).format("YYYY-MM-DD")', line: 0, column: 0 }],
        good: [{ file: "src/domain/order.ts", code: 'new Intl.DateTimeFormat("en-CA").format(order.date)', line: 0, column: 0 }],
      },
    });
    expect(inDomain.expect).toEqual([{ file: "src/domain/order.ts", line: 3 }]);
    expect(patterns.at(-1)!.rule).toMatchObject({ pattern: 'moment(order.date).format("YYYY-MM-DD")', files: ["src/domain/order.ts"] });
    for (const candidate of candidates) await examplesHold(candidate);
  });

  it("several similar removals are one group; what they do not share becomes a metavariable", async () => {
    const { candidates } = await learnFrom(
      { "src/a.ts": "export const a = 1;\n" },
      { "src/a.ts": 'import moment from "moment";\nexport const a = moment(x, "YYYY");\nexport const b = moment();\n' },
      { "src/a.ts": "export const a = new Date(x);\nexport const b = new Date();\n" },
    );
    const patterns = candidates.filter((c) => c.kind === "pattern" && c.rule.files.length === 0);
    expect(patterns.map((c) => c.rule.kind === "pattern" && c.rule.pattern)).toEqual(["moment($$$ARGS)", "moment($$$)"]);
    expect(patterns[0]!.expect).toEqual([{ file: "src/a.ts", line: 2 }, { file: "src/a.ts", line: 3 }]);
    for (const candidate of candidates) await examplesHold(candidate);
  });

  it("a local receiver becomes $OBJ, keeping the member name", async () => {
    const fn = (extra: string) => `export function f(items) {\n${extra}  return items;\n}\n`;
    const { candidates } = await learnFrom({ "src/a.ts": fn("") }, { "src/a.ts": fn("  items.forEach((i) => console.log(i));\n") }, { "src/a.ts": fn("") });
    expect(candidates[0]!.rule).toMatchObject({ pattern: "$OBJ.forEach($$$ARGS)", id: "learned/no-for-each" });
    expect(candidates.map((c) => c.rule.kind === "pattern" && c.rule.pattern)).toContain("items.forEach($$$ARGS)");
  });
});

describe("import candidates", () => {
  it("lodash swapped for a local helper: forbid lodash, ranked above the call that used it", async () => {
    const { candidates, label } = await learnFrom(
      { "src/lib/debounce.ts": "export function debounce(f) { return f; }\n", "src/ui/search.ts": "export const x = 1;\n" },
      { "src/ui/search.ts": 'import _ from "lodash";\nexport const onType = _.debounce(() => 1, 100);\n' },
      { "src/ui/search.ts": 'import { debounce } from "../lib/debounce";\nexport const onType = debounce(() => 1, 100);\n' },
    );
    expect(summary(candidates).slice(0, 5)).toEqual([
      { kind: "import", label: "import from every file forbidding lodash", id: "learned/no-lodash" },
      { kind: "import", label: "import from src/** forbidding lodash", id: "learned/no-lodash-in-src" },
      { kind: "import", label: "import from src/ui/** forbidding lodash", id: "learned/no-lodash-in-ui" },
      { kind: "import", label: "import from src/ui/search.ts forbidding lodash", id: "learned/no-lodash-in-search" },
      { kind: "pattern", label: "pattern _.debounce($$$ARGS) (receiver) in every file", id: "learned/no-lodash" },
    ]);
    expect(candidates[2]!.rule).toMatchObject({
      from: ["src/ui/**"],
      forbid: ["lodash"],
      allow: [],
      files: [],
      message: `Code in src/ui/ must not import \`lodash\`; the import of \`lodash\` in src/ui/search.ts was removed in ${label} (Fix the agent's mistake)`,
      fix: `Import \`src/lib/debounce.ts\` instead of \`lodash\`, as ${label} did.`,
      examples: { bad: [{ file: "src/ui/search.ts", import: "lodash", line: 0, column: 0 }], good: [{ file: "src/ui/search.ts", import: "src/lib/debounce.ts", line: 0, column: 0 }] },
    });
    expect(candidates[2]!.expect).toEqual([{ file: "src/ui/search.ts", line: 1 }]);
    for (const candidate of candidates) await examplesHold(candidate);
  });

  it("a UI file importing the persistence layer: forbid the layer, then the file; the layer itself is exempt over every file", async () => {
    const { candidates } = await learnFrom(
      { "guard.yaml": LAYERS, "src/persistence/db.ts": "export const db = { query: (q) => [q] };\n", "src/domain/orders.ts": "export const list = () => [];\n", "src/ui/list.tsx": "export const View = () => null;\n" },
      { "src/ui/list.tsx": 'import { db } from "../persistence/db";\nexport const View = () => db.query("select");\n' },
      { "src/ui/list.tsx": 'import { list } from "../domain/orders";\nexport const View = () => list();\n' },
    );
    const imports = candidates.filter((c) => c.kind === "import");
    expect(imports.map((c) => c.rule.kind === "import" && [c.rule.from, c.rule.forbid, c.rule.ignore])).toEqual([
      [[], ["src/persistence/**"], ["src/persistence/**"]],
      [["src/ui/**"], ["src/persistence/**"], []],
      [[], ["src/persistence/db.ts"], ["src/persistence/db.ts"]],
      [["src/ui/list.tsx"], ["src/persistence/**"], []],
      [["src/ui/**"], ["src/persistence/db.ts"], []],
      [["src/ui/list.tsx"], ["src/persistence/db.ts"], []],
    ]);
    expect(imports[1]!.rule).toMatchObject({ id: "learned/no-persistence-in-ui", message: expect.stringMatching(/^Ui code must not import the persistence layer \(src\/persistence\/\*\*\)/) });
    expect(candidates[0]!.kind).toBe("import");
    const call = candidates.find((c) => c.kind === "pattern")!;
    expect(call.rule).toMatchObject({ pattern: "db.query($$$ARGS)", fix: expect.stringMatching(/^Use `list\(\)` instead of `db.query\("select"\)`/) });
    for (const candidate of candidates) await examplesHold(candidate);
  });
});

describe("a changed module specifier is an import, not a value", () => {
  const lib = { "src/lib/strings.ts": "export const capitalize = (s) => s;\n", "src/core/x.ts": "export const x = 1;\n", "src/legacy/x.ts": "export const x = 1;\n" };
  const firstImport = (candidates: Candidate[]) => candidates[0]!.rule.kind === "import" && [candidates[0]!.rule.from, candidates[0]!.rule.forbid, candidates[0]!.rule.fix.replace(/, as .*$/, "")];

  it("same bindings from another module: import from lodash, require(moment), import() of a legacy file", async () => {
    const greet = (from: string) => `import { capitalize } from "${from}";\nexport const greet = (n: string) => capitalize(n);\n`;
    const lodash = await learnFrom({ ...lib, "src/app/greet.ts": greet("../lib/strings") }, { "src/app/greet.ts": greet("lodash") }, { "src/app/greet.ts": greet("../lib/strings") });
    expect(lodash.candidates.every((c) => c.kind === "import")).toBe(true);
    expect(firstImport(lodash.candidates)).toEqual([[], ["lodash"], "Import `src/lib/strings.ts` instead of `lodash`"]);
    expect(lodash.candidates[0]!.expect).toEqual([{ file: "src/app/greet.ts", line: 1 }]);

    const time = (from: string) => `const time = require("${from}");\nmodule.exports = () => time().format();\n`;
    const moment = await learnFrom({ "src/app/t.js": time("dayjs") }, { "src/app/t.js": time("moment") }, { "src/app/t.js": time("dayjs") });
    expect(firstImport(moment.candidates)).toEqual([[], ["moment"], "Import `dayjs` instead of `moment`"]);

    const load = (from: string) => `export async function load() {\n  const mod = await import("${from}");\n  return mod.x;\n}\n`;
    const legacy = await learnFrom({ ...lib, "src/app/load.ts": load("../core/x") }, { "src/app/load.ts": load("../legacy/x") }, { "src/app/load.ts": load("../core/x") });
    expect(firstImport(legacy.candidates)).toEqual([[], ["src/legacy/**"], "Import `src/core/x.ts` instead of `../legacy/x`"]);
    expect(legacy.candidates[0]!.expect).toEqual([{ file: "src/app/load.ts", line: 2 }]);
    for (const candidate of [...lodash.candidates, ...moment.candidates, ...legacy.candidates]) await examplesHold(candidate);
  });

  it("a local target swapped for another layer forbids the old layer, ranked above the call that used its binding", async () => {
    const view = (from: string, call: string) => `import { save } from "${from}";\nexport const View = (order, user) => ${call};\n`;
    const { candidates } = await learnFrom(
      { "guard.yaml": LAYERS, "src/persistence/db.ts": "export const save = (x) => x;\n", "src/domain/orders.ts": "export const save = (x) => x;\n", "src/ui/view.ts": view("../domain/orders", "save(order, user)") },
      { "src/ui/view.ts": view("../persistence/db", "save(order)") },
      { "src/ui/view.ts": view("../domain/orders", "save(order, user)") },
    );
    expect(candidates[0]!.rule).toMatchObject({ kind: "import", from: [], forbid: ["src/persistence/**"], ignore: ["src/persistence/**"] });
    expect(candidates.find((c) => c.rule.kind === "import" && c.rule.from.length > 0)!.rule).toMatchObject({ id: "learned/no-persistence-in-ui", from: ["src/ui/**"] });
    const firstPattern = candidates.findIndex((c) => c.kind === "pattern");
    expect(firstPattern).toBeGreaterThan(candidates.findLastIndex((c) => c.kind === "import" && c.rule.forbid[0] === "src/persistence/**"));
    expect(candidates[firstPattern]!.rule).toMatchObject({ pattern: "save($$$ARGS)" });
  });

  it("a real value-only change still gives nothing: a number, a log message, the same module written another way", async () => {
    const timeout = await learnFrom({ "src/config.ts": "export const TIMEOUT = 30;\n" }, { "src/config.ts": "export const TIMEOUT = 10;\n" }, { "src/config.ts": "export const TIMEOUT = 60;\n" });
    expect(timeout.candidates).toEqual([]);
    const log = (text: string) => `export function start(job) {\n  console.log("${text}", job.id);\n}\n`;
    const message = await learnFrom({ "src/a.js": log("starting") }, { "src/a.js": log("starting up") }, { "src/a.js": log("Starting the job") });
    expect(message.candidates).toEqual([]);
    expect(await whyNothing(message.evidence, message.config)).toBe('nothing to learn: src/a.js:2: the fix only changed a value (`console.log("starting up", job.id)` → `console.log("Starting the job", job.id)`)');
    const greet = (text: string, name: string) => `export const hello = (user) => \`${text}, \${${name}}\`;\n`;
    const template = await learnFrom({ "src/t.ts": greet("Hi", "user.name") }, { "src/t.ts": greet("Hello", "user.name") }, { "src/t.ts": greet("Welcome", "user.name") });
    expect(template.candidates).toEqual([]);
    const leaked = await learnFrom({ "src/t.ts": greet("Hi", "user.name") }, { "src/t.ts": greet("Hi", "user.password") }, { "src/t.ts": greet("Hi", "user.name") });
    expect(leaked.candidates.some((c) => c.rule.kind === "pattern" && c.rule.pattern.includes("${user.password}"))).toBe(true);
    const use = (from: string) => `import { x } from "${from}";\nexport const y = x;\n`;
    const same = await learnFrom({ "src/core/x.ts": "export const x = 1;\n", "src/app/y.ts": use("../core/x") }, { "src/app/y.ts": use("../core/x.js") }, { "src/app/y.ts": use("../core/x") });
    expect(same.candidates).toEqual([]);
    expect(await whyNothing(same.evidence, same.config)).toMatch(/^nothing to learn: src\/app\/y\.ts:1: the fix only changed a value/);
  });
});

describe("every grammar: JavaScript, JSX and TSX files", () => {
  it("parameters in .js, .jsx and .tsx files are local receivers ($OBJ), never a crash", async () => {
    const js = (extra: string) => `export function f(items, { more }, limit = 3, ...rest) {\n${extra}  return [items, more, limit, rest];\n}\n`;
    const jsx = (extra: string) => `export const List = ({ rows }) => {\n${extra}  return <ul>{rows.length}</ul>;\n};\n`;
    const tsx = (extra: string) => `export const Grid = ({ cells }: { cells: number[] }) => {\n${extra}  return <div>{cells.length}</div>;\n};\n`;
    const { candidates } = await learnFrom(
      { "src/a.js": js(""), "src/list.jsx": jsx(""), "src/grid.tsx": tsx("") },
      { "src/a.js": js("  limit.forEach((i) => console.log(i));\n"), "src/list.jsx": jsx("  rows.forEach((r) => console.log(r));\n"), "src/grid.tsx": tsx("  cells.forEach((c) => console.log(c));\n") },
      { "src/a.js": js(""), "src/list.jsx": jsx(""), "src/grid.tsx": tsx("") },
    );
    const patterns = candidates.filter((c) => c.rule.kind === "pattern" && c.rule.files.length === 0).map((c) => c.rule.kind === "pattern" && c.rule.pattern);
    expect(patterns[0]).toBe("$OBJ.forEach($$$ARGS)");
    // One group: each file's receiver was seen as a local name (a parameter) of its own grammar.
    expect(candidates.filter((c) => c.rule.files.length === 0 && c.rule.kind === "pattern" && c.rule.pattern === "$OBJ.forEach($$$ARGS)")[0]!.expect).toEqual([
      { file: "src/a.js", line: 2 },
      { file: "src/grid.tsx", line: 2 },
      { file: "src/list.jsx", line: 2 },
    ]);
  });
});

describe("placement, co-change and text candidates", () => {
  it("a file moved from src/utils/ to src/domain/: placement by its kind suffix, then its name", async () => {
    const { candidates } = await learnFrom({ "src/domain/a.ts": "export const a = 1;\n" }, { "src/utils/order.repo.ts": "export const calc = (o) => o.lines.length * 2 + 7;\n" }, {}, [["src/utils/order.repo.ts", "src/domain/order.repo.ts"]]);
    expect(candidates.every((c) => c.kind === "placement")).toBe(true);
    expect(candidates[0]!.rule).toMatchObject({ id: "learned/place-repo-in-domain", match: ["**/*.repo.ts"], in: ["src/domain/**"], files: [] });
    expect(candidates.at(-1)!.rule).toMatchObject({ match: ["**/order.repo.ts"], in: ["src/domain/**"], files: ["src/utils/order.repo.ts"] });
    expect(candidates[0]!.expect).toEqual([{ file: "src/utils/order.repo.ts", line: 1 }]);
    for (const candidate of candidates) await examplesHold(candidate);
  });

  it("an API handler changed by the agent and its doc changed by the fix: co-change", async () => {
    const { candidates, dir } = await learnFrom(
      { "src/api/orders.ts": "export function get() { return 1; }\n", "docs/api.md": "# API\n\n- GET /orders\n" },
      { "src/api/orders.ts": "export function get() { return 1; }\nexport function post() { return 2; }\n" },
      { "docs/api.md": "# API\n\n- GET /orders\n- POST /orders\n" },
    );
    const agent = execGit(dir, ["rev-parse", "--short", "HEAD^"]).trim();
    expect(candidates.map((c) => c.rule.kind === "co-change" && [c.rule.when, c.rule.then])).toEqual([
      [["src/api/**"], ["docs/api.md"]],
      [["src/api/orders.ts"], ["docs/api.md"]],
    ]);
    expect(candidates[0]!).toMatchObject({ expect: [], rule: { id: "learned/update-docs-api-with-api", examples: { bad: [{ changed: ["src/api/orders.ts"] }], good: [{ changed: ["src/api/orders.ts", "docs/api.md"] }] } } });
    expect(candidates[0]!.rule.message).toContain(`${agent} changed \`src/api/orders.ts\` without it`);
    for (const candidate of candidates) await examplesHold(candidate);
  });

  it("a fix that changes code and a doc is no co-change; a doc-only fix after a doc-only commit neither", async () => {
    const { candidates } = await learnFrom(
      { "src/api/orders.ts": "export const a = 1;\n", "docs/api.md": "# API\n" },
      { "src/api/orders.ts": "export const a = 1;\ndebugger;\n" },
      { "src/api/orders.ts": "export const a = 1;\n", "docs/api.md": "# API\n\nMore.\n" },
    );
    expect(candidates.some((c) => c.kind === "co-change")).toBe(false);
    const docsOnly = await learnFrom({ "docs/a.md": "# A\n", "docs/b.md": "# B\n" }, { "docs/a.md": "# A\n\nx\n" }, { "docs/b.md": "# B\n\ny\n" });
    expect(docsOnly.candidates).toEqual([]);
    expect(await whyNothing(docsOnly.evidence, docsOnly.config)).toMatch(/^nothing to learn: .*changed no code/);
  });

  it("a removed line of a YAML file: text, digits generalised first when the line has any", async () => {
    const ci = (steps: string) => `jobs:\n  test:\n    steps:\n${steps}`;
    const { candidates } = await learnFrom(
      { ".github/workflows/ci.yml": ci("      - run: npm ci\n") },
      { ".github/workflows/ci.yml": ci("      - run: npm install --force\n      - run: nvm use 14\n") },
      { ".github/workflows/ci.yml": ci("      - run: npm ci\n") },
    );
    const regexes = candidates.map((c) => c.rule.kind === "text" && [c.rule.regex, c.rule.files]);
    expect(regexes.slice(0, 4)).toEqual([
      ["- run: npm install --force", []],
      ["- run: npm install --force", [".github/**"]],
      ["- run: npm install --force", [".github/workflows/**"]],
      ["- run: npm install --force", [".github/workflows/ci.yml"]],
    ]);
    expect(regexes).toContainEqual(["- run: nvm use \\d+", []]);
    expect(regexes).toContainEqual(["- run: nvm use 14", []]);
    const first = candidates[0]!;
    expect(first.expect).toEqual([{ file: ".github/workflows/ci.yml", line: 4 }]);
    expect(first.rule.fix).toMatch(/^Write `- run: npm ci` instead/);
    for (const candidate of candidates) {
      if (candidate.rule.kind !== "text") continue;
      const regex = new RegExp(candidate.rule.regex);
      for (const bad of candidate.rule.examples.bad) expect(regex.test(bad.code!)).toBe(true);
      for (const good of candidate.rule.examples.good) expect(regex.test(good.code!)).toBe(false);
    }
  });
});

describe("nothing learnable", () => {
  it("a number-only change, whitespace and comments give no candidate, and say why", async () => {
    const numbers = await learnFrom({ "src/config.ts": "export const TIMEOUT = 30;\n" }, { "src/config.ts": "export const TIMEOUT = 10;\n" }, { "src/config.ts": "export const TIMEOUT =   60; // tuned\n" });
    expect(numbers.candidates).toEqual([]);
    expect(await whyNothing(numbers.evidence, numbers.config)).toBe("nothing to learn: src/config.ts:1: the fix only changed a value (`TIMEOUT = 10` → `TIMEOUT =   60`)");
    const layout = await learnFrom({ "src/a.ts": "export const a = 1;\n" }, { "src/a.ts": "// old note\nexport  const a  =  1;\n" }, { "src/a.ts": "export const a = 1;\n" });
    expect(layout.candidates).toEqual([]);
    expect(await whyNothing(layout.evidence, layout.config)).toBe("nothing to learn: src/a.ts: only whitespace or comments were removed");
    const yaml = await learnFrom({ "ci.yml": "node: 18\n" }, { "ci.yml": "node: 14\n" }, { "ci.yml": "node: 20\n" });
    expect(yaml.candidates).toEqual([]);
    expect(await whyNothing(yaml.evidence, yaml.config)).toMatch(/ci\.yml:1: the fix only changed a number/);
  });
});
