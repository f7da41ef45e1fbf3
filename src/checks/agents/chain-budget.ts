import { defineRule } from "../rule.js";
import { codexLeafChains } from "../maps/chains.js";

export default defineRule({
  meta: {
    id: "agents/chain-budget",
    description: "The root-to-nearest chain of nested maps exceeds agents.maxBytesChain.",
    severity: "error",
    messages: {
      overBudget:
        "Codex concatenates {chain} ({bytes} bytes) for work in {folder}, over agents.maxBytesChain ({max} bytes); it drops everything past the limit, nearest instructions first",
    },
    fix: "Shorten the maps {chain} until together they are at most {max} bytes: move detail into docs/ files and link them, starting with the largest, {largest} ({largestBytes} bytes).",
  },
  check({ config, workspace, report }) {
    const max = config.agents.maxBytesChain;
    if (max <= 0) return;
    for (const chain of codexLeafChains(workspace)) {
      if (chain.bytes <= max) continue;
      const leaf = chain.links[chain.links.length - 1]!;
      const largest = chain.links.reduce((big, link) => (link.bytes > big.bytes ? link : big));
      let loaded = 0;
      report({
        file: leaf.file,
        line: 1,
        column: 1,
        messageId: "overBudget",
        data: {
          chain: chain.links.map((link) => link.file).join(" + "),
          bytes: chain.bytes,
          folder: chain.folder === "" ? "the repository root" : `${chain.folder}/`,
          max,
          largest: largest.file,
          largestBytes: largest.bytes,
        },
        // Byte counts change on every edit; the chain of files is what stays the same.
        evidence: { chain: chain.links.map((link) => link.file) },
        related: chain.links.map((link) => {
          const kept = Math.max(0, Math.min(link.bytes, max - loaded));
          loaded += link.bytes;
          const note = kept === link.bytes ? "loaded in full" : kept === 0 ? "dropped" : `cut after ${kept} bytes`;
          return { file: link.file, line: 1, column: 1, message: `${link.bytes} bytes, ${note}` };
        }),
      });
    }
  },
});
