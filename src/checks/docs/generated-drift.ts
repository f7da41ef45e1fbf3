import { defineRule } from "../rule.js";
import { blockDiff, fileBlocks, filesWithMarkers } from "../blocks/blocks.js";

type MessageId = "stale" | "unterminated" | "unrenderable";

export default defineRule<MessageId>({
  meta: {
    id: "docs/generated-drift",
    description: "A guard:generated block differs from what guard docs generate writes now, or cannot be generated.",
    severity: "error",
    messages: {
      stale: "the generated block \"{name}\" in {file} differs from what `guard docs generate` writes now ({changed}); first difference: {diff}",
      unterminated: "the generated block \"{name}\" in {file} has no end marker `<!-- /guard:generated -->`",
      unrenderable: "the generated block \"{name}\" in {file} cannot be generated: {problem}",
    },
    fix: {
      stale: "Run `guard docs generate {file}` and commit the result; edit the source (guard.yaml, the rules, the docs, package.json), never the block itself.",
      unterminated: "Add the line `<!-- /guard:generated -->` where the block should end in {file}, then run `guard docs generate {file}`.",
      unrenderable: "Fix the start marker in {file}: `<!-- guard:generated NAME [ARGUMENT] -->` with NAME one of layers, rules, docs-index, scripts and the argument that name takes (`guard explain docs/generated-drift`).",
    },
  },
  check({ workspace, report }) {
    for (const file of filesWithMarkers(workspace)) {
      const found = fileBlocks(workspace, file);
      if (!found) continue;
      for (const { name, line } of found.unterminated) {
        report({ file, line, column: 1, messageId: "unterminated", data: { file, name }, evidence: { block: name } });
      }
      for (const { block, actual, expected, problem } of found.blocks) {
        const evidence = { block: [block.name, ...block.args].join(" ") };
        if (problem !== undefined) {
          report({ file, line: block.line, column: 1, messageId: "unrenderable", data: { file, name: block.name, problem }, evidence });
        } else if (expected !== undefined && actual !== expected) {
          const { changed, head } = blockDiff(actual, expected);
          const data = { file, name: block.name, diff: head, changed: changed === 1 ? "1 line differs" : `${changed} lines differ` };
          report({ file, line: block.line, column: 1, messageId: "stale", data, evidence });
        }
      }
    }
  },
});
