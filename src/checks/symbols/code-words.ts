import type { Workspace } from "../workspace.js";

/** What the repo's code text says about the names a doc mentions. */
export interface CodeWords {
  /** The names asked about that occur as a word anywhere in code (identifier, comment or string). */
  seen: Set<string>;
  /** Per member owner asked about: the code files that hold its name. */
  ownerFiles: Map<string, string[]>;
  /** `Owner.member` texts asked about that occur literally in code (`A.b = …` adds a member). */
  seenMembers: Set<string>;
}

const GIT_GREP_WORDS = 40;
const WORD = /[A-Za-z_$][\w$]*/g;
const DECLARATION = /\b(?:function\*?|class|interface|type|enum|namespace|module|const|let|var)\s+([A-Za-z_$][\w$]*)/g;

/** The code files of the import graph and every package.json (its scripts and fields are names a doc may cite: `afterInstall`). */
function scannedFiles(workspace: Workspace): string[] {
  return workspace.shared("unknown-symbol-files", () => [
    ...workspace.codeFiles(),
    ...workspace.repo.files.filter((file) => file === "package.json" || file.endsWith("/package.json")),
  ]);
}

/**
 * Where the names occur in the code, as whole words: one `git grep -o -w` for all of them (in
 * git; ~0.2 s on 3,500 files), else a word scan of every file's text. No parsing: for "does
 * this name occur", text is also the more forgiving answer (a name in a comment or string
 * counts as known, which keeps the rule quiet).
 */
export function scanCodeWords(workspace: Workspace, names: ReadonlySet<string>, owners: ReadonlySet<string>, members: ReadonlySet<string>): CodeWords {
  const words: CodeWords = { seen: new Set(), ownerFiles: new Map(), seenMembers: new Set() };
  const files = scannedFiles(workspace);
  const wanted = [...new Set([...names, ...owners, ...members])];
  // git grep -o runs once per pattern (10 words ~0.2 s, 100 ~1 s, 400 ~6 s on theia), the word
  // scan is ~1 s whatever their number: git for a few names, reading for many.
  const byFile = (wanted.length <= GIT_GREP_WORDS ? workspace.repo.wordsByFile(wanted) : undefined) ?? wordsByReading(workspace, files, new Set(wanted));
  for (const file of files) {
    const held = byFile.get(file);
    if (!held) continue;
    for (const word of held) {
      if (names.has(word)) words.seen.add(word);
      if (members.has(word)) words.seenMembers.add(word);
      if (owners.has(word) && !file.endsWith("package.json")) words.ownerFiles.set(word, [...(words.ownerFiles.get(word) ?? []), file]);
    }
  }
  return words;
}

function wordsByReading(workspace: Workspace, files: readonly string[], wanted: ReadonlySet<string>): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  const dotted = [...wanted].filter((word) => word.includes("."));
  for (const file of files) {
    const text = workspace.repo.readText(file);
    if (text === undefined) continue;
    const held = new Set<string>();
    for (const match of text.matchAll(WORD)) if (wanted.has(match[0])) held.add(match[0]);
    for (const word of dotted) if (held.has(word.split(".")[0]!) && new RegExp(`\\b${word.replace(".", "\\.")}\\b`).test(text)) held.add(word);
    if (held.size > 0) byFile.set(file, held);
  }
  return byFile;
}

/**
 * Names declared by `function`, `class`, `const` … anywhere in code, with their first file:
 * the "did you mean" candidates. Read only when a doc names something unknown.
 */
export function declaredNames(workspace: Workspace): Map<string, string> {
  return workspace.shared("unknown-symbol-declared", () => {
    const declared = new Map<string, string>();
    for (const file of workspace.codeFiles()) {
      const text = workspace.repo.readText(file);
      if (text === undefined) continue;
      for (const match of text.matchAll(DECLARATION)) if (!declared.has(match[1]!)) declared.set(match[1]!, file);
    }
    return declared;
  });
}
