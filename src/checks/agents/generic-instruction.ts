import { defineRule } from "../rule.js";
import { markdownFor } from "../links/checked-markdown.js";

// Openers that add no meaning: "Always", "Please", "You should", "Make sure to" …
const FILLER = /^(?:(?:always|please|you should|you must|remember to|make sure to|be sure to|try to|it is important to|important|note|rule)\s+)+/;
const TRAILER = /\s+(?:at all times|always|whenever possible|where possible|where appropriate|when possible)$/;
// Each phrase must cover the whole line: "write clean code" fires, "write clean code in src/api" does not.
const GENERIC_PHRASES: RegExp[] = [
  /^be (?:helpful|concise|thorough|careful|precise|accurate|professional)(?: and (?:helpful|concise|thorough|careful|precise|accurate|professional))?$/,
  /^write (?:(?:clean|good|high quality|readable|maintainable|well structured|efficient|quality|elegant|robust|idiomatic|modern|documented|well documented|self documenting|tested|well tested|testable|secure|simple|consistent|performant|scalable|production ready|bug free)(?: and | )?)+code$/,
  /^(?:follow|use|apply|adhere to) (?:the |industry |coding |software engineering )?best practices(?: for \w+(?: \w+)?)?$/,
  /^follow (?:the )?(?:solid|dry|kiss|clean code) principles$/,
  /^think (?:step by step|carefully|hard|deeply)(?: before (?:you )?(?:act|answer|code|respond|writing code))?$/,
  /^take a deep breath(?: and think step by step)?$/,
  /^(?:make sure|ensure) (?:the|your|all) code (?:is correct|works|is bug free|is clean|is of high quality|compiles)$/,
  /^you are an? (?:expert|senior|experienced|world class|highly skilled|helpful|brilliant|10x)(?: \S+){0,4}$/,
  /^act as an? (?:expert|senior|experienced|world class)(?: \S+){0,4}$/,
  /^(?:don t|do not|never) (?:make mistakes|hallucinate|write bugs|be lazy)$/,
  /^avoid (?:bugs|mistakes|errors)$/,
  /^use (?:meaningful|descriptive|clear|good) (?:variable |function )?names$/,
  /^keep (?:the |your )?code (?:clean|simple|readable|tidy)(?: and (?:clean|simple|readable|maintainable))?$/,
  /^keep it simple(?: stupid)?$/,
  /^handle errors (?:properly|gracefully|appropriately|correctly)$/,
  /^double check your work$/,
  /^do your best$/,
];

export default defineRule({
  meta: {
    id: "agents/generic-instruction",
    description: "A map line carries no repo-specific information.",
    severity: "warn",
    markdown: (workspace) => markdownFor(workspace, "agents"),
    messages: {
      generic: "\"{text}\" tells an agent nothing about this repository; it costs context on every run and changes nothing",
    },
    fix: "Delete this line from {file}, or replace it with a concrete fact about this repo an agent can act on (a command, a path, a convention with an example).",
  },
  check({ workspace, report }) {
    // CLAUDE.md as a symlink to AGENTS.md: one text, reported once.
    for (const file of markdownFor(workspace, "agents")) {
      const doc = workspace.markdown(file);
      if (!doc) continue;
      const lines = doc.text.split(/\r?\n/);
      for (const paragraph of doc.paragraphs) {
        const source = lines.slice(paragraph.line - 1, paragraph.endLine).join(" ");
        // Code, links and paths are repo-specific by nature.
        if (/[`/\\[\]<>]|https?:/.test(source) || paragraph.text.length > 160) continue;
        const sentences = paragraph.text.split(/(?<=[.!?;])\s+/).map(normalise).filter(Boolean);
        if (sentences.length === 0 || !sentences.every(isGeneric)) continue;
        const text = paragraph.text.replace(/\s+/g, " ").trim();
        report({
          file,
          line: paragraph.line,
          column: paragraph.column,
          endLine: paragraph.endLine,
          endColumn: paragraph.endColumn,
          messageId: "generic",
          data: { text, file },
          evidence: { text: sentences.join(". ") },
        });
      }
    }
  },
});

/** Lower case, words only, without fillers such as "Always" or "at all times". */
function normalise(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(FILLER, "")
    .replace(TRAILER, "");
}

function isGeneric(sentence: string): boolean {
  return GENERIC_PHRASES.some((phrase) => phrase.test(sentence));
}
