import type { Finding } from "../../core/types.js";
import { BUNDLER_SYNTAX, askGitIgnored, generatedTarget } from "../generated/imports.js";
import { specifierPlace } from "../imports/edges.js";
import { closestModule } from "../imports/suggest.js";
import { checkImportsPerFile, memoSpace } from "../imports/per-file.js";
import { defineRule } from "../rule.js";

/**
 * Test fixtures are data: code in them imports modules of the project it imitates, on purpose.
 * So are a codemod's before/after pairs (`x.input.ts`, `x.output.ts`, jscodeshift's `__testfixtures__/`).
 */
const FIXTURES = /(^|\/)_{0,2}(?:test)?fixtures?_{0,2}\/|\.(?:input|output)\.[cm]?[jt]sx?$/;

/** A finding with the paths its specifier would name, kept in the file memo and dropped before it is reported. */
type Unresolved = Finding & { messageId: "missing" | "missingNear"; targets?: readonly string[] };

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
    const found: Unresolved[] = [];
    await checkImportsPerFile<Unresolved>(workspace, memoSpace("arch/unresolved", options), (finding) => found.push(finding), (file, edges, report) => {
      if (FIXTURES.test(file)) return;
      for (const edge of edges) {
        // `/x` is neither relative nor aliased: a path on the machine, or a bundler's project root.
        if (edge.resolution.kind !== "unresolved" || BUNDLER_SYNTAX.test(edge.specifier) || edge.specifier.startsWith("/")) continue;
        const suggestion = closestModule(workspace, file, edge.specifier);
        report({
          file,
          ...specifierPlace(edge),
          messageId: suggestion ? "missingNear" : "missing",
          data: { file, specifier: edge.specifier, ...(suggestion ? { suggestion } : {}) },
          evidence: { specifier: edge.specifier },
          ...(edge.resolution.targets ? { targets: edge.resolution.targets } : {}),
        });
      }
    });
    // Judged after the memo's replay, so an edit to a .gitignore counts on a warm run too.
    askGitIgnored(workspace, found.flatMap((finding) => (finding.targets ? [finding.targets] : [])));
    for (const { targets, ...finding } of found) {
      if (targets === undefined || generatedTarget(workspace, targets) === undefined) report(finding);
    }
  },
});
