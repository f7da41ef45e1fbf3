import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { runGuard } from "../helpers/repo.js";

/**
 * Every rule in the registry has its three files (source, test, doc page with the required
 * sections), and nothing names a rule that is not registered. Each problem names the file to add or fix.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SECTIONS = ["## Why", "## Bad", "## Good", "## Fix"];

function registeredRules(): string[] {
  const run = runGuard(root, ["rules", "list", "--format", "json"]);
  if (run.code !== 0) throw new Error(`guard rules list failed (build first: npm run build)\n${run.stderr}`);
  return (JSON.parse(run.stdout) as { rules: { id: string }[] }).rules.map((rule) => rule.id);
}

function markdownUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(full);
    return entry.name.endsWith(".md") ? [relative(root, full).split("\\").join("/")] : [];
  });
}

const ids = registeredRules();

describe("every registered rule has its source, test and doc page", () => {
  it("the registry is not empty", () => {
    expect(ids.length).toBeGreaterThan(0);
  });

  it.each(ids)("%s", (id) => {
    const problems: string[] = [];
    const source = `src/checks/${id}.ts`;
    const test = `test/checks/${id}.test.ts`;
    const page = `rules/${id}.md`;
    if (!existsSync(join(root, source))) problems.push(`add ${source}: the rule itself (defineRule with id "${id}")`);
    if (!existsSync(join(root, test))) problems.push(`add ${test}: firing and quiet cases on a real repo (see test/checks/agents/max-lines.test.ts)`);
    if (!existsSync(join(root, page))) {
      problems.push(`add ${page}: the page \`guard explain ${id}\` prints (see rules/agents/max-lines.md)`);
    } else {
      const lines = readFileSync(join(root, page), "utf8").split(/\r?\n/);
      if (lines[0]?.trim() !== `# ${id}`) problems.push(`${page}: the first line must be the title "# ${id}"`);
      for (const section of SECTIONS) {
        if (!lines.some((line) => line.trim() === section)) problems.push(`${page}: add the section "${section}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("nothing names a rule that is not registered", () => {
  it("every page under rules/ belongs to a registered rule", () => {
    const strays = markdownUnder(join(root, "rules"))
      .filter((page) => !ids.includes(page.replace(/^rules\//, "").replace(/\.md$/, "")))
      .map((page) => `${page}: no rule "${page.slice("rules/".length, -3)}" in src/checks/registry.ts; register it or delete the page`);
    expect(strays).toEqual([]);
  });

  it("presets only set registered rules", () => {
    const presetDir = join(root, "presets");
    const unknown = readdirSync(presetDir)
      .filter((name) => name.endsWith(".yaml"))
      .flatMap((name) => {
        const preset = (parseYaml(readFileSync(join(presetDir, name), "utf8")) ?? {}) as { rules?: Record<string, unknown> };
        return Object.keys(preset.rules ?? {})
          .filter((id) => !ids.includes(id))
          .map((id) => `presets/${name}: "${id}" is not a registered rule; fix the id or remove the line`);
      });
    expect(unknown).toEqual([]);
  });

  it("docs/rules.md lists exactly the registered rules", () => {
    const text = readFileSync(join(root, "docs/rules.md"), "utf8");
    const linked = [...text.matchAll(/\]\(\.\.\/rules\/([a-z0-9-]+\/[a-z0-9-]+)\.md\)/g)].map((match) => match[1]!);
    const problems = [
      ...ids.filter((id) => !linked.includes(id)).map((id) => `docs/rules.md: add a row for ${id} linking ../rules/${id}.md`),
      ...linked.filter((id) => !ids.includes(id)).map((id) => `docs/rules.md: remove ${id}, it is not a registered rule`),
    ];
    expect(problems).toEqual([]);
  });
});
