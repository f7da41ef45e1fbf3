import { countLines } from "../../core/lines.js";
import { isCodeFile } from "../../graph/types.js";
import { defineRule } from "../rule.js";

export default defineRule({
  meta: {
    id: "code/max-lines",
    description: "A code file is longer than maxFileLines.",
    severity: "error",
    messages: {
      tooLong: "{file} has {lines} lines; a code file may have at most {max}",
    },
    fix: "Split {file} by responsibility: move a group of related functions or types into their own module and import it, until each file is at most {max} lines.",
  },
  check({ config, workspace, report }) {
    const max = config.maxFileLines;
    if (max <= 0) return;
    // Only counts lines: no import graph, so it runs without layers too.
    const files = workspace.repo.files.filter(isCodeFile);
    workspace.repo.preload(files); // from the git index: one git process, not one a file
    for (const file of files) {
      const text = workspace.repo.readText(file);
      if (text === undefined) continue;
      const lines = countLines(text);
      if (lines <= max) continue;
      // The limit, not the length, goes in the evidence, so the fingerprint survives edits.
      report({ file, line: max + 1, column: 1, messageId: "tooLong", data: { file, lines, max }, evidence: { max } });
    }
  },
});
