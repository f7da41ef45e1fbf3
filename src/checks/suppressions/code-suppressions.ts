import { posix } from "node:path";
import { lineLocator } from "../../graph/extract-lines.js";
import { plainComments, scriptComments, type Comment } from "./code-comments.js";
import { hashComments } from "./hash-comments.js";
import { parseDirective, type CommentSyntax, type Suppression } from "./markdown-suppressions.js";

/**
 * Suppressions in code and other non-Markdown files (Markdown's `<!-- … -->` are in
 * map-suppressions.ts):
 * - JavaScript and TypeScript, and C-like languages: `// guard-ignore <rule>[, <rule>…] -- <reason>`
 *   or the same in a block comment;
 * - YAML, TOML, shell, Python, .env, Dockerfile, Makefile …: `# guard-ignore … -- <reason>`.
 * A comment on a line of its own silences its own lines and the line after it; a comment after
 * code on its line silences only that line. `guard-ignore-file` silences the whole file. Only a
 * real comment counts: the same text in a string is data, not a directive.
 */
export const DIRECTIVE_TEXT = "guard-ignore";

type Reader = "script" | "jsx" | "c-like" | "hash" | "yaml";

const READERS: Record<string, Reader> = {
  ".ts": "script", ".mts": "script", ".cts": "script",
  ".tsx": "jsx", ".jsx": "jsx", ".js": "jsx", ".mjs": "jsx", ".cjs": "jsx",
  ".go": "c-like", ".rs": "c-like", ".java": "c-like", ".kt": "c-like", ".kts": "c-like", ".scala": "c-like",
  ".swift": "c-like", ".c": "c-like", ".h": "c-like", ".cc": "c-like", ".cpp": "c-like", ".hpp": "c-like",
  ".cs": "c-like", ".dart": "c-like", ".css": "c-like", ".scss": "c-like", ".less": "c-like",
  ".jsonc": "c-like", ".json5": "c-like", ".proto": "c-like", ".gradle": "c-like", ".groovy": "c-like",
  ".yaml": "yaml", ".yml": "yaml",
  ".toml": "hash", ".sh": "hash", ".bash": "hash", ".zsh": "hash", ".fish": "hash", ".py": "hash", ".rb": "hash",
  ".pl": "hash", ".r": "hash", ".tf": "hash", ".hcl": "hash", ".ini": "hash", ".cfg": "hash", ".conf": "hash",
  ".properties": "hash", ".mk": "hash", ".cmake": "hash", ".nix": "hash", ".ps1": "hash", ".env": "hash",
  ".gitignore": "hash", ".dockerignore": "hash", ".npmignore": "hash", ".gitattributes": "hash", ".editorconfig": "hash",
};

/** Files named without an extension that take `#` comments. */
const HASH_NAMES = /^(Dockerfile|Containerfile|Makefile|makefile|GNUmakefile|Gemfile|Rakefile|Procfile|Vagrantfile|Justfile|justfile|CODEOWNERS|\.env(\..+)?)$/;

/** Does the path hold comments this module reads? */
export function readsComments(path: string): boolean {
  return readerOf(path) !== undefined;
}

/** The suppressions written in one file (not Markdown), in source order. */
export function codeSuppressions(path: string, text: string): Suppression[] {
  const reader = readerOf(path);
  if (!reader || !text.includes(DIRECTIVE_TEXT)) return [];
  const comments = commentsOf(reader, text);
  const syntax: CommentSyntax = reader === "hash" || reader === "yaml" ? "hash" : "slash";
  const locate = lineLocator(text);
  const found: Suppression[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment.value);
    if (!directive) continue;
    const start = locate(comment.start);
    const end = locate(comment.end);
    const trailing = text.slice(comment.start - (start.column - 1), comment.start).trim() !== "";
    found.push({
      file: path,
      ...directive,
      syntax,
      silences: { from: start.line, to: trailing ? end.line : end.line + 1 },
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    });
  }
  return found;
}

function commentsOf(reader: Reader, text: string): Comment[] {
  switch (reader) {
    case "script":
    case "jsx":
      try {
        return scriptComments(text, reader === "jsx", DIRECTIVE_TEXT);
      } catch {
        // Whatever the token reader cannot handle, the plain scanner reads (it never throws on text).
        return plainComments(text, DIRECTIVE_TEXT, reader === "jsx");
      }
    case "c-like":
      return plainComments(text, DIRECTIVE_TEXT);
    case "hash":
    case "yaml":
      return hashComments(text, DIRECTIVE_TEXT, reader === "yaml");
  }
}

function readerOf(path: string): Reader | undefined {
  const name = posix.basename(path);
  if (HASH_NAMES.test(name)) return "hash";
  if (/\.d\.[cm]?ts$/.test(name)) return "script";
  const dot = name.lastIndexOf(".");
  return dot < 0 ? undefined : READERS[name.slice(dot).toLowerCase()];
}
