import { specifierPlace } from "../imports/edges.js";
import { closestModule } from "../imports/suggest.js";
import { checkImportsPerFile, memoSpace } from "../imports/per-file.js";
import { defineRule } from "../rule.js";

/** Bundler queries and loaders (`./worker.js?worker`, `raw-loader!./a.txt`) are not TypeScript's business. */
const BUNDLER_SYNTAX = /[?!]/;
/** Test fixtures are data: code in them imports modules of the project it imitates, on purpose. */
const FIXTURES = /(^|\/)_{0,2}fixtures?_{0,2}\//;

export default defineRule({
  meta: {
    id: "arch/unresolved",
    description: "A relative or aliased import resolves to no file.",
    severity: "error",
    importGraph: true,
    messages: {
      missing: '{file} imports "{specifier}", which names no file',
      missingNear: '{file} imports "{specifier}", which names no file; the closest existing module is {suggestion}',
    },
    fix: {
      missing: 'Correct "{specifier}" to the path of a file that exists, or create the module it names.',
      missingNear: 'Point "{specifier}" at {suggestion} if that is the module you meant; otherwise create the module it names.',
    },
  },
  async check({ workspace, options, report }) {
    await checkImportsPerFile(workspace, memoSpace("arch/unresolved", options), report, (file, edges, report) => {
      if (FIXTURES.test(file)) return;
      for (const edge of edges) {
        if (edge.resolution.kind !== "unresolved" || BUNDLER_SYNTAX.test(edge.specifier)) continue;
        const suggestion = closestModule(workspace, file, edge.specifier);
        report({
          file,
          ...specifierPlace(edge),
          messageId: suggestion ? "missingNear" : "missing",
          data: { file, specifier: edge.specifier, ...(suggestion ? { suggestion } : {}) },
          evidence: { specifier: edge.specifier },
        });
      }
    });
  },
});
