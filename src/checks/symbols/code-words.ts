import type { Workspace } from "../workspace.js";

/** What the repo's code text says about the names a doc mentions. */
export interface CodeWords {
  /** The names asked about that occur as a word anywhere in code (identifier, comment or string). */
  seen: Set<string>;
  /** Names declared by `function`, `class`, `const` … anywhere, with their first file: "did you mean" candidates. */
  declared: Map<string, string>;
  /** Per member owner asked about: the files that may declare it (a keyword before the name). */
  ownerFiles: Map<string, string[]>;
  /** `Owner.member` texts asked about that occur literally in code (`A.b = …` adds a member). */
  seenMembers: Set<string>;
}

const WORD = /[A-Za-z_$][\w$]*/g;
const DECLARATION = /\b(?:function\*?|class|interface|type|enum|namespace|module|const|let|var)\s+([A-Za-z_$][\w$]*)/g;

/**
 * One pass over the text of every code file of the import graph's list: no parsing (a regex
 * word scan is ~20× cheaper than TypeScript's parser and, for "does this name occur", more
 * forgiving: a name in a comment or string counts as known, which keeps the rule quiet).
 */
export function scanCodeWords(workspace: Workspace, names: ReadonlySet<string>, owners: ReadonlySet<string>, members: ReadonlySet<string>): CodeWords {
  const words: CodeWords = { seen: new Set(), declared: new Map(), ownerFiles: new Map(), seenMembers: new Set() };
  // package.json scripts and fields are names a doc may cite too (`afterInstall`, a bin name).
  const manifests = workspace.repo.files.filter((file) => file === "package.json" || file.endsWith("/package.json"));
  for (const file of [...workspace.codeFiles(), ...manifests]) {
    const text = workspace.repo.readText(file);
    if (text === undefined) continue;
    const ownersHere = new Set<string>();
    for (const match of text.matchAll(WORD)) {
      const word = match[0];
      if (names.has(word)) words.seen.add(word);
      if (owners.has(word)) ownersHere.add(word);
    }
    for (const match of text.matchAll(DECLARATION)) {
      const name = match[1]!;
      if (!words.declared.has(name)) words.declared.set(name, file);
      if (ownersHere.has(name)) {
        const files = words.ownerFiles.get(name) ?? [];
        if (files.at(-1) !== file) files.push(file);
        words.ownerFiles.set(name, files);
      }
    }
    for (const member of members) if (ownersHere.has(member.split(".")[0]!) && text.includes(member)) words.seenMembers.add(member);
  }
  return words;
}
