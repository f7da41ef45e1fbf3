import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";

// Globals of Node and of test frameworks: TypeScript's lib files declare only the language's and the DOM's.
const RUNTIME_GLOBALS = (
  "process Buffer require module exports global globalThis setImmediate clearImmediate queueMicrotask structuredClone __dirname __filename " +
  "describe it test expect vi jest beforeEach afterEach beforeAll afterAll suite bench context before after chai sinon assert " +
  "Deno Bun window document navigator console"
).split(" ");

let libNames: Set<string> | undefined;

/**
 * Whether a name is a global of JavaScript, the DOM, Node or a test framework: every name
 * TypeScript's lib.*.d.ts files declare at top level, read the first time a doc names
 * something the repo's code never mentions (most runs never get there), plus a short list.
 */
export function isGlobalName(name: string): boolean {
  libNames ??= readLibNames();
  return libNames.has(name);
}

const LIB_DECLARATION = /^(?:declare\s+)?(?:var|let|const|function|class|interface|namespace|type|enum)\s+([A-Za-z_$][\w$]*)/gm;

function readLibNames(): Set<string> {
  const names = new Set(RUNTIME_GLOBALS);
  try {
    const folder = dirname(createRequire(import.meta.url).resolve("typescript"));
    for (const entry of readdirSync(folder)) {
      if (!/^lib\..*\.d\.ts$/.test(entry)) continue;
      for (const match of readFileSync(`${folder}/${entry}`, "utf8").matchAll(LIB_DECLARATION)) names.add(match[1]!);
    }
  } catch {
    // Without TypeScript's lib files the short list stands; a global a doc names may then be reported.
  }
  return names;
}
