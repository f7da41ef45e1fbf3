import { defineRule } from "../rule.js";
import { positionOf, shellSnippets } from "../commands/extract.js";
import { commandUses, type ShellState } from "../commands/parse.js";
import { commandProblem } from "../commands/resolve.js";
import { commandSources } from "../commands/sources.js";
import { folderOf } from "../links/doc-links.js";
import { markdownFor } from "../links/checked-markdown.js";

export default defineRule({
  meta: {
    id: "agents/unknown-command",
    description: "A command in an agent map names a script, target or binary the repo does not have.",
    severity: "error",
    markdown: (workspace) => markdownFor(workspace, "agents"),
    messages: {
      script: "`{command}` runs the script \"{name}\", but {manifest} has no such script",
      noPackageJson: "`{command}` runs the script \"{name}\", but there is no package.json in {dir} or above it",
      download: "`{command}` runs \"{name}\", which no dependency in {manifest} provides, so npx would download an unpinned package",
      unpinned: "`{command}` runs \"{name}\" with no package.json to pin it, so npx would download an unpinned package",
      bin: "`{command}` runs the binary \"{name}\", which no dependency in {manifest} provides",
      target: "`{command}` runs the make target \"{name}\", but {manifest} has no such target",
      recipe: "`{command}` runs the just recipe \"{name}\", but {manifest} has no such recipe",
      noJustfile: "`{command}` runs the just recipe \"{name}\", but there is no justfile in {dir} or above it",
    },
    fix: {
      script: "Change `{command}` to a script {manifest} defines ({available}), or add a \"{name}\" script to {manifest}.",
      noPackageJson: "Change `{command}` to the command this repo really uses, or say in which folder to run it (`cd <dir> && …`).",
      download: "Add the package that provides {name} to devDependencies in {manifest}, or pin the version you mean: `npx {name}@<version>`.",
      unpinned: "Pin the version you mean in the map: `npx {name}@<version>`.",
      bin: "Add the package that provides {name} to devDependencies in {manifest}, or change `{command}` to a binary the repo installs.",
      target: "Change `{command}` to a target {manifest} defines ({available}), or add a \"{name}\" target to {manifest}.",
      recipe: "Change `{command}` to a recipe {manifest} defines ({available}), or add a \"{name}\" recipe to {manifest}.",
      noJustfile: "Change `{command}` to the command this repo really uses, or add a justfile with a \"{name}\" recipe.",
    },
  },
  check({ workspace, report }) {
    // CLAUDE.md as a symlink to AGENTS.md: one text, reported once.
    for (const file of markdownFor(workspace, "agents")) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      for (const group of shellSnippets(doc)) {
        // `cd` in one line of a block carries over to the next lines, as in a shell.
        const state: ShellState = { dir: folderOf(file), explicit: false };
        for (const snippet of group) {
          for (const use of commandUses(snippet.text, state)) {
            const problem = commandProblem(commandSources(workspace), use);
            if (!problem) continue;
            const { line, column } = positionOf(snippet, use.start);
            const end = snippet.span ?? { endLine: line, endColumn: column + use.command.length };
            report({
              file,
              line,
              column,
              endLine: end.endLine,
              endColumn: end.endColumn,
              messageId: problem.messageId,
              data: problem.data,
              evidence: { command: use.command },
            });
          }
        }
      }
    }
  },
});
