import { posix } from "node:path";
import { defineRule } from "../rule.js";
import { docLinks, folderOf } from "../links/doc-links.js";
import type { Workspace } from "../workspace.js";

// Agent-specific instruction files that should lean on AGENTS.md instead of copying it.
const COMPANIONS = new Set(["CLAUDE.md", "GEMINI.md"]);
// "Read AGENTS.md first" in a CLAUDE.md's prose sends Claude there too.
const NAMES_AGENTS = /(^|[^\w/.-])AGENTS\.md(?![\w-])/;

export default defineRule({
  meta: {
    id: "agents/claude-drift",
    description: "A CLAUDE.md or GEMINI.md beside an AGENTS.md neither points to it nor equals it.",
    severity: "error",
    markdown: (workspace) => companionPairs(workspace).flat(),
    messages: {
      drift: "{file} and {agents} stand side by side, but neither points to the other and their text differs, so they will drift apart",
    },
    fix: "Make {file} import the map: put `@{agentsName}` on its first line and keep below it only what is specific to {tool} (or replace {file} with a symlink to {agentsName}).",
  },
  check({ workspace, report }) {
    for (const [file, agents] of companionPairs(workspace)) {
      const name = posix.basename(file);
      if (pointsTo(workspace, file, agents) || pointsTo(workspace, agents, file)) continue;
      if (NAMES_AGENTS.test(workspace.markdown(file)?.text ?? "") || sameText(workspace, file, agents)) continue;
      const agentsName = posix.relative(folderOf(file), agents);
      report({
        file,
        line: 1,
        column: 1,
        messageId: "drift",
        data: { file, agents, agentsName, tool: name === "GEMINI.md" ? "Gemini" : "Claude" },
        evidence: { agents },
      });
    }
  },
});

/** Each CLAUDE.md or GEMINI.md that has an AGENTS.md beside it, with that AGENTS.md. */
function companionPairs(workspace: Workspace): [string, string][] {
  return workspace.shared("claude-drift-pairs", () =>
    workspace.repo.files.flatMap((file): [string, string][] => {
      const agents = COMPANIONS.has(posix.basename(file)) ? agentsBeside(workspace, file) : undefined;
      return agents === undefined ? [] : [[file, agents]];
    }),
  );
}

/** The AGENTS.md in the same folder (for `.claude/CLAUDE.md`, the folder holding `.claude/`). */
function agentsBeside(workspace: Workspace, file: string): string | undefined {
  const folder = folderOf(file);
  const home = posix.basename(folder) === ".claude" ? folderOf(folder) : folder;
  const agents = home === "" ? "AGENTS.md" : `${home}/AGENTS.md`;
  return workspace.repo.hasFile(agents) ? agents : undefined;
}

/** A symlink to it, an `@import`, a link, or an inline-code path to it. */
function pointsTo(workspace: Workspace, from: string, to: string): boolean {
  const { repo } = workspace;
  if (repo.isSymlink(from)) {
    const target = repo.symlinkTarget(from);
    if (target !== undefined && posix.normalize(posix.join(folderOf(from), target)) === to) return true;
  }
  return docLinks(workspace, from).some((link) => link.path === to);
}

/** Equal after normalising line endings, trailing whitespace and trailing blank lines. */
function sameText(workspace: Workspace, a: string, b: string): boolean {
  const first = workspace.repo.readText(a);
  const second = workspace.repo.readText(b);
  return first !== undefined && second !== undefined && normalise(first) === normalise(second);
}

function normalise(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/[ \t]+$/gm, "").replace(/\n+$/, "");
}
