import { posix } from "node:path";
import { defineRule } from "../rule.js";
import { folderOf } from "../links/doc-links.js";
import type { Workspace } from "../workspace.js";

export default defineRule({
  meta: {
    id: "agents/missing-section",
    description: "A heading required by agents.requiredSections is absent from a top-level map.",
    severity: "error",
    markdown: (workspace) => (workspace.config.agents.requiredSections.length > 0 ? topLevelMaps(workspace) : []),
    messages: {
      missing: "{file} has no \"{section}\" section (agents.requiredSections asks every top-level map for one)",
    },
    fix: "Add a \"## {section}\" heading to {file} with a few lines (or links to docs/) that cover it.",
  },
  check({ config, workspace, report }) {
    const required = config.agents.requiredSections.filter((section) => normalise(section) !== "");
    if (required.length === 0) return;
    for (const file of topLevelMaps(workspace)) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      const headings = doc.headings.map((heading) => ` ${normalise(heading.text)} `);
      for (const section of required) {
        // Whole words, so "Commands" is found in "## Build commands" but not in "## Subcommands".
        const wanted = ` ${normalise(section)} `;
        if (headings.some((heading) => heading.includes(wanted))) continue;
        report({ file, line: 1, column: 1, messageId: "missing", data: { file, section }, evidence: { section } });
      }
    }
  },
});

/** Lower case, words only: emoji, numbering ("1."), punctuation and emphasis dropped. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/^(?:\d+ )+/, "")
    .trim();
}

/**
 * The maps an agent reads first: those with no map in a folder above them (the repo root's, or
 * each package's when the root has none). Where several stand in one folder, AGENTS.md carries
 * the sections (a CLAUDE.md there usually just imports it; agents/claude-drift covers that).
 * `.github/copilot-instructions.md` counts as a map of the folder holding `.github/`.
 */
function topLevelMaps(workspace: Workspace): string[] {
  const byFolder = new Map<string, string[]>();
  for (const file of workspace.maps()) {
    const folder = mapFolder(file);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), file]);
  }
  const result: string[] = [];
  for (const [folder, files] of byFolder) {
    if (hasMapAbove(byFolder, folder)) continue;
    const agents = files.filter((file) => posix.basename(file) === "AGENTS.md");
    result.push(...(agents.length > 0 ? agents : files));
  }
  return result.sort();
}

function mapFolder(file: string): string {
  const folder = folderOf(file);
  return posix.basename(folder) === ".github" || posix.basename(folder) === ".claude" ? folderOf(folder) : folder;
}

function hasMapAbove(byFolder: Map<string, string[]>, folder: string): boolean {
  for (let dir = folder; dir !== ""; ) {
    dir = folderOf(dir);
    if (byFolder.has(dir)) return true;
  }
  return false;
}
