import { basename } from "node:path";
import type { InitPlan } from "./infer.js";

/** A description longer than this would be a paragraph docs/duplicate may find again in the README. */
const MAX_DESCRIPTION = 150;
/** Items of one layer listed in the map before "and N more". */
const MAX_ITEMS = 4;

/**
 * A starter AGENTS.md for a repository without a map: what it is, the commands that exist, where
 * the code and docs are, and the layers. Every command, path and link in it exists, so the
 * agents/* checks pass on it; it stays far under agents.maxLines.
 */
export function starterMap(plan: InitPlan): string {
  const name = plan.project.name ?? basename(plan.root);
  const lines = [`# ${name}: map for agents`, "", description(plan.project.description), ""];
  if (plan.commands) {
    lines.push("## Commands", "", "```sh");
    const width = Math.max(...plan.commands.lines.map((line) => line.command.length)) + 2;
    for (const line of plan.commands.lines) lines.push(`${line.command.padEnd(width)}# ${line.note}`);
    lines.push("```", "");
  }
  const layers = plan.harness?.fits ? [] : plan.proposal.layers;
  if (layers.length > 0) {
    lines.push("## Layers", "", "Lower layers never import higher ones (`guard.yaml` under `layers`; `guard check` enforces it):", "");
    layers.forEach((layer, i) => {
      const items = [...layer.units.map((unit) => `\`${unit.dir}/\``), ...layer.files.map((file) => `\`${file}\``)];
      const shown = items.length > MAX_ITEMS ? `${items.slice(0, MAX_ITEMS).join(", ")} and ${items.length - MAX_ITEMS} more` : items.join(", ");
      lines.push(`${i + 1}. ${layer.name}: ${shown}`);
    });
    lines.push("");
  } else if (plan.shape.label && plan.shape.kind === "source-root") {
    lines.push("## Code", "", `The source is in \`${plan.shape.label}/\`.`, "");
  }
  const docs = docsLines(plan);
  if (docs.length > 0) lines.push("## Docs", "", ...docs, "");
  lines.push(
    "## Checks",
    "",
    "`guard check` checks this map, the docs and the layers with [guard.yaml](guard.yaml); run it before you commit.",
  );
  return `${lines.join("\n")}\n`;
}

function docsLines(plan: InitPlan): string[] {
  const lines: string[] = [];
  const { index, roots, nav } = plan.docs;
  if (index) lines.push(`- [${index}](${index}): start here.`);
  for (const root of roots) if (!index?.startsWith(`${root.dir}/`)) lines.push(`- \`${root.dir}/\`: ${root.markdown} Markdown pages.`);
  for (const file of nav.slice(0, MAX_ITEMS)) lines.push(`- [${file.path}](${file.path}): the navigation of the ${file.site} docs site.`);
  return lines;
}

function description(given: string | undefined): string {
  const text = given?.replace(/\s+/g, " ").trim() ?? "";
  const sentence = text.length > MAX_DESCRIPTION ? (/^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? "") : text;
  if (sentence && sentence.length <= MAX_DESCRIPTION) return sentence;
  return "Where the code, the commands and the docs of this repository are.";
}
