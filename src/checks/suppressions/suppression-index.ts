import { isMarkdown, type Workspace } from "../workspace.js";
import { codeSuppressions, DIRECTIVE_TEXT, readsComments } from "./code-suppressions.js";
import { suppressionsOf, type Suppression } from "./markdown-suppressions.js";

/** Up to this many files, reading each beats starting a `git grep` over the whole tree. */
const READ_DIRECTLY = 200;

/**
 * Every suppression comment of a run, read once per file and shared by guard/suppression (which
 * checks them), the engine (which applies them) and guard/unused-suppression.
 */
class SuppressionIndex {
  private readonly byFile = new Map<string, Suppression[]>();
  private everything: Suppression[] | undefined;

  constructor(private readonly workspace: Workspace) {}

  /** The suppressions written in one file; a file that never mentions a directive costs one substring test. */
  of(file: string): Suppression[] {
    let found = this.byFile.get(file);
    if (!found) {
      found = this.read(file);
      this.byFile.set(file, found);
    }
    return found;
  }

  /**
   * The suppressions of every file that can hold one; with `--staged`, `--since` or `--commit`
   * only of the changed files, and with paths only of the files under them, since findings
   * elsewhere are not reported anyway.
   */
  all(): Suppression[] {
    if (!this.everything) {
      const { repo, change, reported } = this.workspace;
      let files = change ? [...change.files].filter((file) => repo.hasFile(file)).sort() : repo.files;
      if (reported) files = files.filter(reported);
      // Many files (a whole-tree run, a large folder): ask git which mention the directive rather than reading them all.
      const few = change !== undefined || (reported !== undefined && files.length <= READ_DIRECTLY);
      const mentioning = few ? undefined : repo.filesContaining(DIRECTIVE_TEXT);
      this.everything = files
        .filter((file) => (mentioning ? mentioning.has(file) : isMarkdown(file) || readsComments(file)))
        .flatMap((file) => this.of(file));
    }
    return this.everything;
  }

  private read(file: string): Suppression[] {
    const markdown = isMarkdown(file);
    if (!markdown && !readsComments(file)) return [];
    const text = this.workspace.repo.readText(file);
    // Most files have none: skip parsing a file that cannot hold one.
    if (text === undefined || !text.includes(DIRECTIVE_TEXT)) return [];
    if (!markdown) return codeSuppressions(file, text);
    const doc = this.workspace.markdown(file);
    return doc ? suppressionsOf(doc) : [];
  }
}

export function suppressionIndex(workspace: Workspace): SuppressionIndex {
  return workspace.shared("suppression-index", () => new SuppressionIndex(workspace));
}

export type { SuppressionIndex };
