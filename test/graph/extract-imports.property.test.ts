import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ImportRef } from "../../src/graph/types.js";

const { extractImports } = (await import(
  process.env.GUARD_DIST ? `${process.env.GUARD_DIST}/src/graph/extract-imports.js` : "../../dist/src/graph/extract-imports.js"
)) as { extractImports(text: string, path: string): ImportRef[] };

const PATHS = ["a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs", "a.d.ts"];

/** Pieces of code that stress the lexer: quotes, regexes, templates, JSX, comments, imports. */
const FRAGMENTS = [
  "import", "export", "require", "type", "from", "as", "*", "{", "}", "(", ")", "<", ">", "/", "/>", "</", "=",
  ",", ";", ".", "?.", "`", "${", '"', "'", "\\", "\n", "\r\n", "\r", " ", "//", "/*", "*/", "x", "<div>", "</div>",
  '"m"', "'./n'", "`t`", "if (a)", "return", "typeof", "await", "import(", "require(", "\uFEFF", "😀", "\0",
];

const program = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(""));
const text = fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), program);

const LINE_BREAK = /\r\n|\r|\n/g;

/** Offset of a 1-based line and column, counting lines the way editors do (a BOM is no column). */
function offsetOf(source: string, line: number, column: number): number {
  let offset = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let current = 1; current < line; current++) {
    LINE_BREAK.lastIndex = offset;
    const match = LINE_BREAK.exec(source)!;
    offset = match.index + match[0].length;
  }
  return offset + column - 1;
}

describe("extractImports on any input", () => {
  it("never throws, and every reported place slices back to the quoted specifier", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...PATHS), (source, path) => {
        for (const found of extractImports(source, path)) {
          const start = offsetOf(source, found.line, found.column);
          const end = offsetOf(source, found.endLine, found.endColumn);
          const literal = source.slice(start, end);
          expect(literal.length).toBeGreaterThanOrEqual(2);
          expect(['"', "'"]).toContain(literal[0]);
          expect(literal.at(-1)).toBe(literal[0]);
          if (!literal.includes("\\")) expect(literal.slice(1, -1)).toBe(found.specifier);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** A statement and the import it must yield (or none, for a decoy). */
interface Piece {
  code: string;
  expected?: string;
}

const specifier = fc.stringMatching(/^(\.\.?\/)?[a-z@][a-z0-9_-]{0,8}(\/[a-z0-9_.-]{1,8}){0,2}$/);

const real = (code: (s: string) => string, kind: string) =>
  specifier.map((s): Piece => ({ code: code(s), expected: `${kind} ${s}` }));
const decoy = (code: (s: string) => string) => specifier.map((s): Piece => ({ code: code(s) }));

const pieces = (jsx: boolean) =>
  fc.oneof(
    real((s) => `import x from "${s}";`, "import"),
    real((s) => `import type { T } from '${s}';`, "import type"),
    real((s) => `import { type A, b } from "${s}";`, "import"),
    real((s) => `export * from "${s}";`, "export"),
    real((s) => `export type { T } from "${s}";`, "export type"),
    real((s) => `import "${s}";`, "side-effect"),
    real((s) => `const m = await import("${s}");`, "dynamic"),
    real((s) => `const r = require("${s}");`, "require"),
    real((s) => `const t = \`\${require("${s}")}\`;`, "require"),
    decoy((s) => `// import x from "${s}"\n`),
    decoy((s) => `/* require("${s}") */`),
    decoy((s) => `const q = "import('${s}')";`),
    decoy((s) => `const t = \`import("${s}") \${a}\`;`),
    decoy((s) => `const re = /require\\("${s.replaceAll("/", "\\/")}"\\)/g;`),
    decoy((s) => `import(\`${s}/\${name}\`);`),
    decoy((s) => `obj.require("${s}");`),
    decoy(() => `const ratio = a / b / 2; const apostrophe = "'";`),
    ...(jsx ? [decoy((s) => `const el = <p title="x">import x from "${s}"; it's {a}</p>;`)] : []),
    ...(jsx ? [real((s) => `const el = <A render={() => require("${s}")} />;`, "require")] : []),
  );

describe("extractImports on generated programs", () => {
  for (const path of ["a.ts", "a.tsx", "a.js"]) {
    it(`finds exactly the real imports of ${path}, in order, and none of the decoys`, () => {
      const separator = fc.constantFrom("\n", "\r\n", " ", "\n\n  ");
      fc.assert(
        fc.property(fc.array(fc.tuple(pieces(path !== "a.ts"), separator), { maxLength: 12 }), (parts) => {
          const source = parts.map(([piece, gap]) => piece.code + gap).join("");
          const expected = parts.flatMap(([piece]) => (piece.expected ? [piece.expected] : []));
          const found = extractImports(source, path);
          expect(found.map((ref) => `${ref.kind}${ref.typeOnly ? " type" : ""} ${ref.specifier}`)).toEqual(expected);
        }),
        { numRuns: 500 },
      );
    });
  }
});
