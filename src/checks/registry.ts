import type { Rule } from "./rule.js";
import agentsMissingMap from "./agents/missing-map.js";
import agentsMaxLines from "./agents/max-lines.js";
import agentsChainBudget from "./agents/chain-budget.js";
import agentsDeadLink from "./agents/dead-link.js";
import agentsMissingPath from "./agents/missing-path.js";
import agentsUnknownCommand from "./agents/unknown-command.js";
import agentsMissingSection from "./agents/missing-section.js";
import agentsClaudeDrift from "./agents/claude-drift.js";
import agentsCursorRule from "./agents/cursor-rule.js";
import agentsImport from "./agents/import.js";
import agentsGenericInstruction from "./agents/generic-instruction.js";
import docsDeadLink from "./docs/dead-link.js";
import docsOrphan from "./docs/orphan.js";
import docsMaxLines from "./docs/max-lines.js";
import docsFrontMatter from "./docs/front-matter.js";
import docsStale from "./docs/stale.js";
import docsDuplicate from "./docs/duplicate.js";
import docsMissingPath from "./docs/missing-path.js";
import docsIndexIncomplete from "./docs/index-incomplete.js";
import guardSuppression from "./guard/suppression.js";
import guardUnusedSuppression from "./guard/unused-suppression.js";
import guardWeakened from "./guard/weakened.js";
import guardDeadGlob from "./guard/dead-glob.js";
import guardStaleBaseline from "./guard/stale-baseline.js";
import archLayer from "./arch/layer.js";
import archCycle from "./arch/cycle.js";
import archDeepImport from "./arch/deep-import.js";
import archUnresolved from "./arch/unresolved.js";
import archUnlayered from "./arch/unlayered.js";
import codeMaxLines from "./code/max-lines.js";
import docsGeneratedDrift from "./docs/generated-drift.js";
import docsUnknownSymbol from "./docs/unknown-symbol.js";
import agentsMissingMention from "./agents/missing-mention.js";

/** Every built-in rule, in the order `guard rules list` shows them. */
export const allRules: readonly Rule[] = [
  agentsMissingMap,
  agentsMaxLines,
  agentsChainBudget,
  agentsDeadLink,
  agentsMissingPath,
  agentsUnknownCommand,
  agentsMissingSection,
  agentsClaudeDrift,
  agentsCursorRule,
  agentsImport,
  agentsGenericInstruction,
  docsDeadLink,
  docsOrphan,
  docsMaxLines,
  docsFrontMatter,
  docsStale,
  docsDuplicate,
  docsMissingPath,
  docsIndexIncomplete,
  docsGeneratedDrift,
  guardSuppression,
  guardUnusedSuppression,
  guardWeakened,
  guardDeadGlob,
  guardStaleBaseline,
  archLayer,
  archCycle,
  archDeepImport,
  archUnresolved,
  archUnlayered,
  codeMaxLines,
  docsUnknownSymbol,
  agentsMissingMention,
] as unknown as readonly Rule[];
