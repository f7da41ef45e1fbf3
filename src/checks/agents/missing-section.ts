import { topLevelMaps } from "../maps/top-level.js";
import { defineRule } from "../rule.js";

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
