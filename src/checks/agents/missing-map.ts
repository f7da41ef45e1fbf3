import { defineRule } from "../rule.js";
import { matchingFolders, packageGlobsOption } from "../maps/packages.js";

const MAP = "AGENTS.md";

export default defineRule({
  meta: {
    id: "agents/missing-map",
    description: "The repository (or a configured package) has no AGENTS.md map.",
    severity: "error",
    messages: {
      missingRoot: "the repository has no AGENTS.md at its root; agents start from that map",
      onlyClaude: "the repository has no AGENTS.md at its root, only CLAUDE.md, which only Claude Code reads",
      missingPackage: "package {folder} has no AGENTS.md; the rule's `packages` option asks for one in every matching folder",
    },
    fix: {
      missingRoot: "Create AGENTS.md at the repository root: a short map with what the repo is, the commands to build and test, and links to the docs under docs/.",
      onlyClaude: "Move the content of CLAUDE.md into a new AGENTS.md at the repository root, and replace CLAUDE.md with the single line `@AGENTS.md` so both stay one file.",
      missingPackage: "Create {file}: a short map of package {folder} (what it is, its build and test commands, links to its docs) that adds only what differs from the root AGENTS.md.",
    },
  },
  check({ workspace, options, report }) {
    const packages = packageGlobsOption("agents/missing-map", options);
    const { repo } = workspace;
    if (!repo.hasFile(MAP) && !repo.exists(MAP)) {
      const onlyClaude = repo.hasFile("CLAUDE.md");
      report({
        file: MAP,
        line: 1,
        column: 1,
        messageId: onlyClaude ? "onlyClaude" : "missingRoot",
        evidence: { folder: "." },
      });
    }
    for (const folder of matchingFolders(repo, packages)) {
      const file = `${folder}/${MAP}`;
      if (repo.hasFile(file) || repo.exists(file)) continue;
      report({ file, line: 1, column: 1, messageId: "missingPackage", data: { folder, file }, evidence: { folder } });
    }
  },
});
