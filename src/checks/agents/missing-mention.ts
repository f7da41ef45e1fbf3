import { posix } from "node:path";
import type { MarkdownDoc } from "../../docs/model.js";
import { folderOf } from "../links/doc-links.js";
import { topLevelMaps } from "../maps/top-level.js";
import { defineRule } from "../rule.js";
import type { Workspace } from "../workspace.js";

export default defineRule({
  meta: {
    id: "agents/missing-mention",
    description: "A top-level map does not name a file or command agents.requiredMentions lists, or names one that does not exist.",
    severity: "error",
    markdown: (workspace) => (workspace.config.agents.requiredMentions.length > 0 ? topLevelMaps(workspace) : []),
    messages: {
      missing: "{file} does not mention {mention} (agents.requiredMentions asks every top-level map to)",
      absent: "{file} names {path}, which does not exist",
    },
    fix: "Name {mention} in {file}: what it is and when a session reads or runs it (e.g. \"Start every session by reading {mention}\"); create it if it is missing.",
  },
  check({ config, workspace, report }) {
    const required = config.agents.requiredMentions.map(alternatives).filter((names) => names.length > 0);
    if (required.length === 0) return;
    for (const file of topLevelMaps(workspace)) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      for (const names of required) {
        const found = names.flatMap((name) => occurrences(doc.text, name));
        if (found.length === 0) {
          const mention = names.length === 1 ? names[0]! : `${names[0]} (or ${names.slice(1).join(", ")})`;
          report({ file, line: 1, column: 1, messageId: "missing", data: { file, mention }, evidence: { mention: names.join("|") } });
          continue;
        }
        const absent = absentPath(workspace, doc, found);
        if (absent) {
          report({
            file,
            ...position(doc.text, absent.index),
            messageId: "absent",
            data: { file, path: absent.path, mention: absent.path },
            evidence: { path: absent.path },
          });
        }
      }
    }
  },
});

/** `a|b|c`: any one of the names will do (a progress log may be claude-progress.txt or progress.md). */
function alternatives(entry: string): string[] {
  return entry
    .split("|")
    .map((name) => name.trim())
    .filter((name) => name !== "");
}

interface Occurrence {
  /** Where the path-like token starts in the text. */
  index: number;
  /** The whole path-like token around the name, `./scripts/init.sh` for `init.sh`. */
  path: string;
}

const PATH_CHAR = /[\w./-]/;

/**
 * Where `name` stands as a whole token: not inside a longer name (`xinit.sh`, `.init.sh`,
 * `init.sh.bak`), but a folder before it (`./scripts/init.sh`) or a full stop after it is fine.
 */
function occurrences(text: string, name: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (let index = text.indexOf(name); index !== -1; index = text.indexOf(name, index + 1)) {
    const before = text[index - 1] ?? "";
    const after = text.slice(index + name.length, index + name.length + 2);
    if (/[\w.-]/.test(before)) continue;
    if (/^[\w-]/.test(after) || /^\.\w/.test(after)) continue;
    let start = index;
    while (start > 0 && PATH_CHAR.test(text[start - 1]!)) start--;
    found.push({ index: start, path: text.slice(start, index + name.length) });
  }
  return found;
}

/**
 * A mention that has a file's shape (`init.sh`) must exist. When no occurrence names an existing
 * path, the first one is reported, unless another rule already reports it there: one mistake,
 * one finding.
 */
function absentPath(workspace: Workspace, doc: MarkdownDoc, found: Occurrence[]): Occurrence | undefined {
  const checkable = found
    .map((occurrence) => ({ ...occurrence, path: occurrence.path.replace(/^(\.\/)+/, "") }))
    .filter((occurrence) => /\.\w+$/.test(occurrence.path) && !occurrence.path.startsWith("/") && !occurrence.path.includes(".."));
  if (checkable.length < found.length) return undefined;
  const folder = folderOf(doc.path);
  const exists = (path: string): boolean => workspace.repo.exists(path) || (folder !== "" && workspace.repo.exists(posix.join(folder, path)));
  if (checkable.some((occurrence) => exists(occurrence.path))) return undefined;
  const first = checkable[0];
  if (!first || coveredElsewhere(workspace, doc, first)) return undefined;
  return first;
}

/**
 * agents/dead-link reports every link; agents/missing-path an inline-code path of two or more
 * segments whose first folder exists (`scripts/init.sh` with a scripts/ folder). Those stay theirs.
 */
function coveredElsewhere(workspace: Workspace, doc: MarkdownDoc, occurrence: Occurrence): boolean {
  const at = position(doc.text, occurrence.index);
  const inside = (span: { line: number; column: number; endLine: number; endColumn: number }): boolean =>
    (at.line > span.line || (at.line === span.line && at.column >= span.column)) &&
    (at.line < span.endLine || (at.line === span.endLine && at.column < span.endColumn));
  if (doc.links.some(inside)) return true;
  const folder = occurrence.path.includes("/") ? occurrence.path.split("/")[0]! : undefined;
  return folder !== undefined && doc.inlineCode.some(inside) && workspace.repo.hasDirectory(folder);
}

function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}
