// The 20 pattern rule files of bench/run-patterns.mjs, the snippets it plants into the generated
// layered repo (each fires exactly one rule), and decoys that mention a pattern's text in a
// comment or a string and must fire nothing. Rules 19 and 20 never fire on this tree.
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Rule file name (under .guard/rules/bench/) → YAML. */
export const patternRules = {
  "no-console-log": "kind: pattern\npattern: console.log($$$ARGS)\nmessage: \"console.log({$$$ARGS}) left in\"\nfix: Use the logger.\n",
  "no-debugger": "kind: pattern\npattern: debugger\nmessage: A debugger statement is left in.\nfix: Remove it.\n",
  "no-eval": "kind: pattern\npattern: eval($CODE)\nmessage: \"eval({$CODE}) runs arbitrary code\"\nfix: Parse the input instead.\n",
  "no-new-function": "kind: pattern\npattern: new Function($$$ARGS)\nmessage: new Function compiles code at run time.\nfix: Write the function.\n",
  "no-any-cast": "kind: pattern\npattern: $VALUE as any\nmessage: \"{$VALUE} is cast to any\"\nfix: Give it a real type or unknown.\n",
  "json-parse-outside-try": [
    "kind: pattern",
    "rule:",
    "  pattern: JSON.parse($TEXT)",
    "  not:",
    "    inside: { kind: try_statement, stopBy: end }",
    "message: \"JSON.parse({$TEXT}) outside try\"",
    "fix: Wrap it in try/catch or use parseJson from src/shared.",
    "",
  ].join("\n"),
  "no-process-exit": "kind: pattern\npattern: process.exit($$$CODE)\nignore: [\"src/shared/**\"]\nmessage: Library code must not exit the process.\nfix: Throw an error.\n",
  "no-string-timeout": [
    "kind: pattern",
    "rule: { pattern: \"setTimeout($CODE, $$$REST)\" }",
    "constraints:",
    "  CODE: { kind: string }",
    "message: \"setTimeout with code in a string: {$CODE}\"",
    "fix: Pass a function.",
    "",
  ].join("\n"),
  "no-alert": "kind: pattern\npattern: alert($$$ARGS)\nmessage: alert() blocks the page.\nfix: Show a toast.\n",
  "no-document-write": "kind: pattern\npattern: document.write($$$ARGS)\nmessage: document.write is unsafe.\nfix: Build DOM nodes.\n",
  "no-inner-html": "kind: pattern\npattern: $EL.innerHTML = $HTML\nmessage: \"{$EL}.innerHTML is assigned\"\nfix: Use textContent.\n",
  "no-non-null-assertion": "kind: pattern\nrule: { kind: non_null_expression }\nfiles: [\"**/*.ts\", \"**/*.tsx\"]\nmessage: A non-null assertion hides a possible undefined.\nfix: Check for undefined.\n",
  "no-empty-catch": "kind: pattern\npattern: \"try { $$$BODY } catch ($ERROR) {}\"\nmessage: \"An empty catch swallows {$ERROR}\"\nfix: Handle or rethrow it.\n",
  "no-require": "kind: pattern\npattern: require($MODULE)\nfiles: [\"**/*.ts\", \"**/*.tsx\"]\nmessage: \"require({$MODULE}) in TypeScript\"\nfix: Use import.\n",
  "no-var": "kind: pattern\npattern: var $NAME = $VALUE\nmessage: \"var {$NAME}\"\nfix: Use const or let.\n",
  "no-date-now-in-types": "kind: pattern\npattern: Date.now()\nfiles: [\"src/types/**\"]\nmessage: Types must not read the clock.\nfix: Take the time as a parameter.\n",
  "no-math-random": "kind: pattern\npattern: Math.random()\nmessage: Math.random is not seeded.\nfix: Use the seeded random from src/shared.\n",
  "no-throw-literal": [
    "kind: pattern",
    "rule:",
    "  kind: throw_statement",
    "  has: { kind: string }",
    "message: A string is thrown.",
    "fix: Throw an Error.",
    "",
  ].join("\n"),
  "no-moment": "kind: pattern\npattern: moment($$$ARGS)\nmessage: moment is deprecated.\nfix: Use date-fns.\n",
  "no-react-outside-ui": "kind: pattern\npattern: useState($$$ARGS)\nfiles: [\"src/**\"]\nignore: [\"src/ui/**\"]\nmessage: React state outside src/ui.\nfix: Move it to src/ui.\n",
};

/** Snippets appended to files, each firing the named rule once; `n` makes names unique. */
export const plantedSnippets = [
  { rule: "no-console-log", code: (n) => `export function trace${n}(value: unknown): void {\n  console.log("trace", value);\n}` },
  { rule: "no-debugger", code: (n) => `export function pause${n}(): void {\n  debugger;\n}` },
  { rule: "no-eval", code: (n) => `export const evaluated${n} = eval("1 + 1");` },
  { rule: "no-new-function", code: (n) => `export const compiled${n} = new Function("a", "b", "return a + b");` },
  { rule: "no-any-cast", code: (n) => `export const loose${n} = ({ id: ${n} } as any);` },
  { rule: "json-parse-outside-try", code: (n) => `export function parseUnsafe${n}(raw: string): unknown {\n  return JSON.parse(raw);\n}` },
  { rule: "no-process-exit", code: (n) => `export function stop${n}(): never {\n  process.exit(1);\n}` },
  { rule: "no-string-timeout", code: (n) => `export function later${n}(): void {\n  setTimeout("tick()", 10);\n}` },
  { rule: "no-alert", code: (n) => `export function saved${n}(): void {\n  alert("saved");\n}` },
  { rule: "no-inner-html", code: (n) => `export function render${n}(el: HTMLElement, html: string): void {\n  el.innerHTML = html;\n}` },
  { rule: "no-non-null-assertion", code: (n) => `export const first${n} = [1, 2, 3].find((x) => x > 1)!;` },
  { rule: "no-empty-catch", code: (n) => `export function swallow${n}(run: () => void): void {\n  try {\n    run();\n  } catch (error) {}\n}` },
  { rule: "no-require", code: (n) => `export const legacy${n} = require("legacy-lib");` },
  { rule: "no-var", code: (n) => `var counter${n} = 0;\nexport const count${n} = () => ++counter${n};` },
  { rule: "no-date-now-in-types", code: (n) => `export const stamp${n} = Date.now();` },
  { rule: "no-math-random", code: (n) => `export const jitter${n} = Math.random();` },
  { rule: "no-throw-literal", code: (n) => `export function fail${n}(): never {\n  throw "boom";\n}` },
];

/** Near misses: the same words in comments, strings, or in a shape the rules allow. */
export const decoys = [
  (n) => `// console.log(value); debugger; eval(code); moment(date); process.exit(1)\nexport const note${n} = "new Function(a) and setTimeout('x', 1) are banned; el.innerHTML = html";`,
  (n) => `export function parseSafe${n}(raw: string): unknown {\n  try {\n    return JSON.parse(raw);\n  } catch {\n    return undefined;\n  }\n}`,
  (n) => `export function later${n}(): void {\n  setTimeout(() => undefined, 10);\n}\nexport function fail${n}(): never {\n  throw new Error("boom");\n}`,
  (n) => `export function handled${n}(run: () => void): void {\n  try {\n    run();\n  } catch (error) {\n    throw new Error("run failed", { cause: error });\n  }\n}`,
];

/**
 * Whether a planted rule fires in this file, per the rule's files/ignore (kept in step with
 * patternRules by hand: three rules are scoped).
 */
export function firesIn(rule, path) {
  if (rule === "no-process-exit") return !path.startsWith("src/shared/");
  if (rule === "no-date-now-in-types") return path.startsWith("src/types/");
  return true;
}

/**
 * Writes the rule files and appends snippets to every 37th ordinary code file (decoys to every
 * 41st); returns the expected finding count per rule id (`bench/<name>`).
 */
export function plantPatterns(root, codeFiles) {
  const expected = Object.fromEntries(Object.keys(patternRules).map((name) => [`bench/${name}`, 0]));
  mkdirSync(join(root, ".guard/rules/bench"), { recursive: true });
  for (const [name, yaml] of Object.entries(patternRules)) {
    writeFileSync(join(root, ".guard/rules/bench", `${name}.yaml`), yaml, { flag: "w" });
  }
  const ordinary = codeFiles.filter((path) => !/\/(index|constants)\.tsx?$/.test(path)).sort();
  ordinary.forEach((path, i) => {
    const parts = [];
    if (i % 37 === 0) {
      const snippet = plantedSnippets[(i / 37) % plantedSnippets.length];
      parts.push(snippet.code(i));
      if (firesIn(snippet.rule, path)) expected[`bench/${snippet.rule}`]++;
    }
    if (i % 41 === 0) parts.push(decoys[(i / 41) % decoys.length](i));
    if (parts.length > 0) appendFileSync(join(root, path), `\n${parts.join("\n\n")}\n`);
  });
  return expected;
}
