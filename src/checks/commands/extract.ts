import type { CodeBlock, MarkdownDoc } from "../../docs/model.js";

/** One logical line of shell in a Markdown file (continuation lines joined), with its place. */
export interface ShellSnippet {
  text: string;
  /** Where each physical line of `text` starts, in `text` and in the file. */
  pieces: { offset: number; line: number; column: number }[];
  /** Inline code reports at the code span; a block line at the command. */
  span?: { line: number; column: number; endLine: number; endColumn: number };
}

const SHELL_LANGS = new Set(["sh", "bash", "shell", "zsh", "console", "shellsession", "shell-session", "terminal", "fish", "ksh"]);
const SESSION_LANGS = new Set(["console", "shellsession", "shell-session", "terminal"]);
// `$ `, `% `, `❯ `, optionally after `user@host:~/dir` or a `(venv)`.
const PROMPT = /^\s*(?:\([\w.-]+\)\s*)?(?:[\w.-]+@[\w.-]+(?::\S*?)?\s*)?[$%❯]\s+/;
const ROOT_PROMPT = /^\s*#\s+/;
const HEREDOC = /<<-?\s*['"]?([A-Za-z_]\w*)['"]?/;
// Words an unlabelled block's lines must start with before it counts as shell.
const SHELL_WORDS = new Set(
  ("npm pnpm yarn npx bun bunx make just cd git node deno docker cargo go python python3 pip pip3 uv poetry export " +
    "echo ls mkdir rm cp mv curl wget cat source sh bash brew sudo gh corepack nvm tsc vitest jest pytest cmake " +
    "ruby bundle rake mvn gradle dotnet kubectl helm terraform").split(" "),
);
const FIRST_WORD = /^(?:[A-Za-z_]\w*=\S*\s+)*([^\s;&|]+)/;
const PROSE_END = /[.,:?!]$/;
// A line an agent would run: an inline code span that starts with one of these may be a command.
const INLINE_START = /^(?:\$\s+)?(?:[A-Za-z_]\w*=\S*\s+)*(?:npm|pnpm|yarn|npx|make|just|cd|corepack)\s/;

/** Shell snippets of a document: each shell block's lines (one group per block), and command-like inline code. */
export function shellSnippets(doc: MarkdownDoc): ShellSnippet[][] {
  const lines = doc.text.split(/\r?\n/);
  const groups: ShellSnippet[][] = [];
  for (const block of doc.codeBlocks) {
    const snippets = blockSnippets(block, lines);
    if (snippets.length > 0) groups.push(snippets);
  }
  for (const code of doc.inlineCode) {
    const value = code.value.trim();
    if (!INLINE_START.test(`${value} `)) continue;
    const text = value.replace(PROMPT, "");
    const span = { line: code.line, column: code.column, endLine: code.endLine, endColumn: code.endColumn };
    groups.push([{ text, pieces: [{ offset: 0, line: code.line, column: code.column }], span }]);
  }
  return groups;
}

/** The place in the file of an offset in a snippet's text. */
export function positionOf(snippet: ShellSnippet, offset: number): { line: number; column: number } {
  if (snippet.span) return { line: snippet.span.line, column: snippet.span.column };
  let piece = snippet.pieces[0]!;
  for (const next of snippet.pieces) if (next.offset <= offset) piece = next;
  return { line: piece.line, column: piece.column + offset - piece.offset };
}

function blockSnippets(block: CodeBlock, fileLines: string[]): ShellSnippet[] {
  const lang = block.lang?.toLowerCase();
  if (lang !== undefined && !SHELL_LANGS.has(lang)) return [];
  const fenced = /^[\s>]*(```|~~~)/.test(fileLines[block.line - 1] ?? "");
  const firstLine = fenced ? block.contentLine : block.line;
  const raw = block.value.split(/\r?\n/);
  const session = lang !== undefined && SESSION_LANGS.has(lang);
  // With prompts present, unprompted lines are the commands' output.
  const prompted = raw.some((line) => PROMPT.test(line) || (session && ROOT_PROMPT.test(line)));
  const snippets: ShellSnippet[] = [];
  let current: ShellSnippet | undefined;
  let heredocEnd: string | undefined;
  raw.forEach((line, index) => {
    if (heredocEnd !== undefined) {
      if (line.trim() === heredocEnd) heredocEnd = undefined;
      return;
    }
    let content = line;
    let promptLength = 0;
    if (!current) {
      const prompt = PROMPT.exec(line) ?? (session ? ROOT_PROMPT.exec(line) : null);
      if (prompted && !prompt) return;
      promptLength = prompt?.[0].length ?? 0;
      content = line.slice(promptLength);
    }
    const continued = /(^|[^\\])\\$/.test(content);
    const piece = continued ? `${content.slice(0, -1)} ` : content;
    const fileLine = fileLines[firstLine + index - 1] ?? "";
    const at = line === "" ? -1 : fileLine.indexOf(line);
    const column = (at >= 0 ? at : block.column - 1) + promptLength + 1;
    current ??= { text: "", pieces: [] };
    current.pieces.push({ offset: current.text.length, line: firstLine + index, column });
    current.text += piece;
    if (continued) return;
    heredocEnd = HEREDOC.exec(current.text)?.[1];
    snippets.push(current);
    current = undefined;
  });
  if (current) snippets.push(current);
  if (lang === undefined && !snippets.every(looksLikeShell)) return [];
  return snippets;
}

/** An unlabelled block may be prose or output: every line must start like a command and not end like a sentence. */
function looksLikeShell(snippet: ShellSnippet): boolean {
  const text = snippet.text.trim();
  if (text === "" || text.startsWith("#")) return true;
  const first = FIRST_WORD.exec(text)?.[1] ?? "";
  if (PROSE_END.test(text)) return false;
  return SHELL_WORDS.has(first) || /^\.{0,2}\//.test(first);
}
