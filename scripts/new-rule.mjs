#!/usr/bin/env node
// Scaffolds a built-in rule: npm run new-rule -- <family>/<name>
// Writes src/checks/<id>.ts, test/checks/<id>.test.ts and rules/<id>.md from templates,
// registers the rule in src/checks/registry.ts and, unless docs/rules.md is generated, adds its row there.
// It never overwrites a file that exists.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REGISTRY = "src/checks/registry.ts";
const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*\/[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

function fail(message) {
  process.stderr.write(`new-rule: ${message}\n`);
  process.exit(2);
}

const id = process.argv[2];
if (!id || !ID.test(id)) {
  fail(`expected a rule id such as docs/stale-anchor (lowercase, <family>/<name>), got "${id ?? ""}"`);
}
const [family, name] = id.split("/");
const variable = id.split(/[/-]/).map((part, i) => (i === 0 ? part : part[0].toUpperCase() + part.slice(1))).join("");

const files = {
  [`src/checks/${id}.ts`]: `import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "${id}",
    description: "TODO: one line saying what this rule finds.",
    severity: "error",
    messages: {
      found: "TODO: what was found in {file} and what was expected",
    },
    fix: "TODO: one instruction an agent can follow in {file}, without reading anything else.",
  },
  check({ workspace, report }) {
    // Read files only through the workspace (each Markdown file is parsed once per run).
    // Report where and what; keep line numbers out of \`evidence\` so fingerprints stay stable.
    for (const file of workspace.maps()) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      // TODO: find the mistake in doc, then for each one:
      // report({ file, line, column, messageId: "found", data: { file }, evidence: { what: "…" } });
    }
  },
});
`,
  [`test/checks/${id}.test.ts`]: `import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

describe("${id}", () => {
  it("fires on the mistake, at its exact place", () => {
    // TODO: the smallest repo that shows the mistake.
    const { findings } = checkRule({ "AGENTS.md": "# Map\\n" }, "${id}");
    expect(findings).toEqual([{ file: "AGENTS.md", line: 1, column: 1, message: "TODO" }]);
  });

  it("stays quiet on the nearby things that are fine", () => {
    // TODO: the cases a careless rule would flag by mistake.
    const { findings } = checkRule({ "AGENTS.md": "# Map\\n" }, "${id}");
    expect(findings).toEqual([]);
  });
});
`,
  [`rules/${id}.md`]: `# ${id}

TODO: one paragraph saying what this rule finds.

Default severity: **error**.

## Why
TODO: what goes wrong for an agent (or a person) when this mistake lands.

## Bad
TODO: a short example of the mistake.

## Good
TODO: the same example, done right.

## Options
None.

## Fix
TODO: the instruction an agent follows to fix a finding.
`,
};

const existing = Object.keys(files).filter((path) => existsSync(join(root, path)));
if (existing.length > 0) fail(`${existing.join(", ")} already exist${existing.length === 1 ? "s" : ""}; nothing written`);

for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  process.stdout.write(`created ${path}\n`);
}

const importLine = `import ${variable} from "./${family}/${name}.js";`;
const registryPath = join(root, REGISTRY);
const registry = readFileSync(registryPath, "utf8");
const lastImport = registry.lastIndexOf('\nimport ');
const importEnd = registry.indexOf("\n", lastImport + 1);
const listEnd = registry.indexOf("\n]", registry.indexOf("allRules"));
if (registry.includes(importLine)) {
  process.stdout.write(`${REGISTRY} already imports ${variable}\n`);
} else if (lastImport === -1 || listEnd === -1) {
  process.stdout.write(`add to ${REGISTRY}:\n  ${importLine}\n  and \`${variable},\` in allRules\n`);
} else {
  const updated =
    registry.slice(0, importEnd + 1) +
    `${importLine}\n` +
    registry.slice(importEnd + 1, listEnd) +
    `\n  ${variable},` +
    registry.slice(listEnd);
  writeFileSync(registryPath, updated);
  process.stdout.write(`registered ${variable} in ${REGISTRY}\n`);
}

// docs/rules.md lists every rule (test/e2e/consistency.test.ts checks it). Its table is a
// generated block that `guard docs generate` writes from the registry once the rule is built;
// a docs/rules.md without one gets a row after the last one.
const rulesDoc = join(root, "docs/rules.md");
const rulesText = existsSync(rulesDoc) ? readFileSync(rulesDoc, "utf8") : undefined;
const generatedTable = rulesText?.includes("<!-- guard:generated rules") ?? false;
if (rulesText !== undefined && !generatedTable) {
  const lines = rulesText.split("\n");
  const last = lines.findLastIndex((line) => line.startsWith("| [") && line.includes("](../rules/"));
  if (last !== -1 && !lines.some((line) => line.includes(`](../rules/${id}.md)`))) {
    lines.splice(last + 1, 0, `| [${id}](../rules/${id}.md) | TODO: the rule's one-line description |`);
    writeFileSync(rulesDoc, lines.join("\n"));
    process.stdout.write("added a row to docs/rules.md\n");
  }
}

process.stdout.write(
  [
    "",
    "Next:",
    `  1. write the failing case in test/checks/${id}.test.ts, then the rule in src/checks/${id}.ts`,
    generatedTable
      ? `  2. fill in rules/${id}.md (guard explain ${id} prints it) and meta.description; after npm run build, \`node dist/bin/guard.js docs generate\` adds its row to docs/rules.md`
      : `  2. fill in rules/${id}.md (guard explain ${id} prints it) and its row in docs/rules.md`,
    `  3. npm test`,
    "",
  ].join("\n"),
);
