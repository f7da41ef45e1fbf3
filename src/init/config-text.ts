import type { InitPlan } from "./infer.js";
import { layersText } from "./layers-text.js";
import type { GeneratedImport } from "./types.js";
import { comment, few, flowList } from "./yaml-text.js";

/**
 * guard.yaml as `guard init` writes it: each inferred value under a comment that says why.
 * Written by hand rather than by a YAML library so that the comments sit where a reader
 * expects them; `loadConfigText` proves the result before anything is written.
 */
export function configText(plan: InitPlan): string {
  const lines = [
    ...comment("guard.yaml, written by `guard init` from what it found in this repository. Each inferred value has a comment saying why; change anything, guard never rewrites this file."),
    "",
    ...comment(PRESET_WHY[plan.preset] ?? ""),
    `extends: [${plan.preset}]`,
    ...excludeSection(plan),
    "",
    ...mapsSection(plan),
    ...docsSection(plan),
    "",
    ...layersText(plan),
    ...generatedSection(plan.generated),
  ];
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

const PRESET_WHY: Record<string, string> = {
  recommended: "The recommended preset: every agents/* and docs/* rule at its default severity (guard init --preset strict, harness or long-running for others).",
  strict: "The strict preset (--preset strict): every rule at error, the opinionated ones included.",
  harness: "The harness preset (--preset harness): OpenAI's product layering, maxFileLines 500, and docs front-matter (owner, status, reviewed) fresh for 90 days.",
  "long-running": "The long-running preset (--preset long-running): in feature_list.json only an entry's passes flag may change, the progress log only grows, and the map names init.sh, the feature list and the log (docs/long-running.md).",
};

function excludeSection(plan: InitPlan): string[] {
  if (plan.excludes.length === 0) return [];
  const why = plan.excludes.map((entry) => `${entry.glob}: ${entry.why} (${entry.files} ${entry.files === 1 ? "file" : "files"})`);
  return [
    ...comment(["Left out of every check (on top of .gitignore):", ...why.map((line) => `  ${line}`)].join("\n")),
    `exclude: ${flowList(plan.excludes.map((entry) => entry.glob))}`,
  ];
}

function mapsSection(plan: InitPlan): string[] {
  const { maps, cursorRules } = plan.maps;
  const lines: string[] = [];
  if (maps.length > 0) lines.push(...comment(`Agent maps found: ${few(maps, 8)}. agents.maps keeps its defaults (every AGENTS.md, CLAUDE.md, GEMINI.md and .github/copilot-instructions.md), which cover them.`));
  else lines.push(...comment("No agent map (AGENTS.md, CLAUDE.md, GEMINI.md, .github/copilot-instructions.md) was found; `guard init` writes a starter AGENTS.md."));
  if (cursorRules.length > 0) lines.push(...comment(`Cursor rules found: ${few(cursorRules, 6)} (agents/cursor-rule checks their front-matter).`));
  return lines;
}

function docsSection(plan: InitPlan): string[] {
  const { roots, nav, mdxOnly } = plan.docs;
  const mdx = mdxOnly.map((entry) => `${entry.dir}/ holds ${entry.pages} MDX pages and no Markdown (.md) file; the docs/* checks read Markdown only, so they leave it alone.`);
  if (roots.length === 0 && nav.length === 0) {
    return comment([...mdx, "No docs folder (docs/, doc/, documentation/) with Markdown pages and no docs-site navigation file was found; docs.roots keeps its default, [docs]."].join(" "));
  }
  const lines = ["docs:", ...mdx.flatMap((line) => comment(line, "  "))];
  if (roots.length > 0) {
    for (const root of roots) lines.push(...comment(`${root.dir}/ holds ${root.markdown} Markdown ${root.markdown === 1 ? "file" : "files"}: ${root.why}.`, "  "));
    // A root is a folder name, read as written (see Workspace.docsRootMatcher): no escaping.
    lines.push(`  roots: ${flowList(roots.map((root) => root.dir))}`);
  } else {
    lines.push(...comment("No folder of Markdown pages was found beside the navigation files below (.mdx pages are not read); docs.roots keeps its default.", "  "));
  }
  if (nav.length > 0) {
    const named = nav.map((file) => `${file.path} (${file.site})`);
    lines.push(...comment(`Docs-site navigation found: ${few(named, 8)}. \`auto\` reads these kinds statically (never runs them): a page they list counts as linked, for docs/orphan and docs/index-incomplete.`, "  "));
    lines.push("  nav: [auto]");
  }
  return lines;
}

function generatedSection(generated: readonly GeneratedImport[]): string[] {
  if (generated.length === 0) return [];
  const listed = generated.slice(0, 12).map((entry) => `  ${entry.target} (imported by ${few(entry.importers, 1)})`);
  const more = generated.length > 12 ? [`  and ${generated.length - 12} more`] : [];
  return [
    "",
    ...comment(["Generated files: the code imports these files, which a build or dev server writes (git ignores them, or their names say so):", ...listed, ...more].join("\n")),
  ];
}
