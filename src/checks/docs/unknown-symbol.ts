import { closest } from "../../core/suggest.js";
import type { InlineCode, MarkdownDoc } from "../../docs/model.js";
import { loadCodeScanning } from "../code-scanning.js";
import { markdownFor } from "../links/checked-markdown.js";
import { notAClaim } from "../links/path-claim.js";
import { defineRule } from "../rule.js";
import { declaredNames, scanCodeWords } from "../symbols/code-words.js";
import { isGlobalName } from "../symbols/globals.js";
import { isHistoryDoc, speaksOfChange } from "../symbols/history-context.js";
import { addOwnerMembers, type OwnerMembers } from "../symbols/members.js";
import { symbolReference, type SymbolReference } from "../symbols/shape.js";
import type { Workspace } from "../workspace.js";

type MessageId = "unknownName" | "unknownMember";

interface Mention extends SymbolReference {
  file: string;
  code: InlineCode;
}

function checkedFiles(workspace: Workspace): string[] {
  return [...new Set([...markdownFor(workspace, "agents"), ...markdownFor(workspace, "docs")])];
}

export default defineRule<MessageId>({
  meta: {
    id: "docs/unknown-symbol",
    description: "A backticked code symbol in a map or doc (`createOrder()`, `OrderService.cancel`) names nothing the repo's code declares.",
    markdown: checkedFiles,
    severity: "warn",
    messages: {
      unknownName: "{symbol}: the repo's code never mentions {name}{suggestion}",
      unknownMember: "{symbol}: {owner} ({ownerFile}) has no member {member}{suggestion}",
    },
    fix: "Rename {symbol} in the doc to what the code calls it now, or remove the mention if it is gone.",
  },
  check({ workspace, report }) {
    const docs = checkedFiles(workspace)
      .map((file) => workspace.markdown(file))
      .filter((doc): doc is MarkdownDoc => doc !== undefined);
    const mentions = docs.flatMap(mentionsIn);
    if (mentions.length === 0) return;
    // Names the docs' own code blocks use are examples the docs define (`function getPosts()`), not claims.
    const exampleWords = new Set(docs.flatMap((doc) => doc.codeBlocks.flatMap((block) => block.value.match(/[A-Za-z_$][\w$]*/g) ?? [])));
    const pending = mentions.filter((mention) => !exampleWords.has(mention.root));
    const names = new Set(pending.filter((m) => !m.member).flatMap((m) => [m.root, ...relatedNames(m)]));
    const owners = new Set(pending.filter((m) => m.member).map((m) => m.root));
    const memberTexts = new Set(pending.filter((m) => m.member).map((m) => `${m.root}.${m.member}`));
    if (pending.length === 0) return;
    const words = scanCodeWords(workspace, names, owners, memberTexts);
    const ownerMembers = new Map<string, OwnerMembers>();
    for (const mention of pending) {
      const data = { symbol: mention.code.value.trim() };
      const at = { file: mention.file, line: mention.code.line, column: mention.code.column, endLine: mention.code.endLine, endColumn: mention.code.endColumn };
      if (!mention.member) {
        if (words.seen.has(mention.root) || relatedNames(mention).some((name) => words.seen.has(name)) || isGlobalName(mention.root)) continue;
        const suggestion = suggestName(mention.root, declaredNames(workspace));
        report({ ...at, messageId: "unknownName", data: { ...data, name: mention.root, suggestion } });
        continue;
      }
      if (words.seenMembers.has(`${mention.root}.${mention.member}`) || isGlobalName(mention.root)) continue;
      const owner = membersOf(workspace, mention.root, words.ownerFiles.get(mention.root) ?? [], ownerMembers);
      if (!owner.file || owner.open || owner.members.has(mention.member)) continue;
      const match = closest(mention.member, [...owner.members]);
      const suggestion = match ? `; did you mean ${mention.root}.${match}?` : "";
      report({ ...at, messageId: "unknownMember", data: { ...data, owner: mention.root, ownerFile: owner.file, member: mention.member, suggestion } });
    }
  },
});

/**
 * The symbol-shaped inline code of a doc, except where the sentence says it is gone, to create,
 * or quoted, or speaks of a removal or a rename; none in a migration guide, changelog or RFC.
 */
function mentionsIn(doc: MarkdownDoc): Mention[] {
  if (isHistoryDoc(doc.path)) return [];
  const mentions: Mention[] = [];
  for (const code of doc.inlineCode) {
    const reference = symbolReference(code.value);
    if (reference && !notAClaim(doc, code) && !speaksOfChange(doc, code)) mentions.push({ ...reference, file: doc.path, code });
  }
  return mentions;
}

function membersOf(workspace: Workspace, owner: string, files: readonly string[], cache: Map<string, OwnerMembers>): OwnerMembers {
  let members = cache.get(owner);
  if (members) return members;
  members = { members: new Set(), open: false, file: undefined };
  const { ts } = loadCodeScanning();
  // Parse only the files that may declare it (a keyword before the name), not every user of it.
  const declares = new RegExp(`\\b(?:class|interface|enum|namespace|module|const|let|var|type|function)\\s+${owner}\\b`);
  for (const file of files) {
    const text = workspace.repo.readText(file);
    if (text !== undefined && declares.test(text)) addOwnerMembers(ts, file, text, owner, members);
  }
  cache.set(owner, members);
  return members;
}

// A protocol message's type (`ReadMemoryRequest`) whose wire name (`readMemory`) the code uses.
const MESSAGE_SUFFIX = /^([A-Z][A-Za-z0-9]*?)(?:Request|Response|Event|Arguments|Args|Params|Result)$/;

/**
 * Names whose presence in code makes a mention known too: the singular of a type named in the
 * plural in prose ("two `MemoryWidgets`"; not a call: `createOrders()` is another function),
 * the wire name of a protocol message type, and for a type the variable named after it
 * (`tracerProvider` for `TracerProvider`: the code holds one, so the type is a dependency's).
 */
function relatedNames(mention: Mention): string[] {
  const name = mention.root;
  const related: string[] = [];
  if (/^[A-Z]/.test(name) && !mention.code.value.includes("(")) related.push(name[0]!.toLowerCase() + name.slice(1));
  if (/[a-z]s$/.test(name) && !mention.code.value.includes("(")) related.push(name.slice(0, -1));
  const message = MESSAGE_SUFFIX.exec(name)?.[1];
  if (message) related.push(message[0]!.toLowerCase() + message.slice(1));
  return related;
}

function suggestName(name: string, declared: ReadonlyMap<string, string>): string {
  const allowed = Math.max(2, Math.floor(name.length / 3));
  const letters = letterCounts(name);
  // Tens of thousands of names: drop those too far by length or letters before measuring edits.
  const near = [...declared.keys()].filter((candidate) => Math.abs(candidate.length - name.length) <= allowed && lettersApart(letters, candidate) <= allowed * 2);
  const match = closest(name, near);
  return match ? `; did you mean ${match} (${declared.get(match)})?` : "";
}

function letterCounts(word: string): Int16Array {
  const counts = new Int16Array(128);
  for (const char of word.toLowerCase()) counts[char.charCodeAt(0) & 127]!++;
  return counts;
}

/** How many letters two words do not share: an edit changes it by at most 2, so half of it bounds the edit distance. */
function lettersApart(counts: Int16Array, word: string): number {
  const other = letterCounts(word);
  let apart = 0;
  for (let i = 0; i < 128; i++) apart += Math.abs(counts[i]! - other[i]!);
  return apart;
}
