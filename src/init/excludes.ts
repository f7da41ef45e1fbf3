import { posix } from "node:path";
import { isCodeFile } from "../graph/types.js";
import { globMatcher } from "../repo/glob.js";
import { literalGlob } from "./yaml-text.js";

/** A glob guard init proposes under `exclude`, with why and how many files it leaves out. */
export interface ProposedExclude {
  glob: string;
  why: string;
  files: number;
}

const FIXTURE_NAME = /\.(?:input|output)\.[^/]*$/;
const CHANGELOG = "{CHANGELOG,CHANGES,HISTORY,changelog,changes,history}*.md";

/**
 * Files that are not the repository's code or docs, though they look like it: codemod fixtures
 * (`name.input.ts` beside `name.output.ts`: the text a transform reads and should write, whose
 * imports need not resolve) and changelogs inside a docs root (history, not pages a map should
 * lead to). Each glob is proposed only when it matches files and nothing else.
 */
export function proposedExcludes(files: readonly string[], docsRoots: readonly string[]): ProposedExclude[] {
  const proposed: ProposedExclude[] = [];
  const fixtures = transformFixtures(files);
  if (fixtures > 0) {
    proposed.push(
      { glob: "**/*.input.*", why: "transform fixtures (name.input.* beside name.output.*): what a codemod reads; their imports need not resolve", files: count(files, "**/*.input.*") },
      { glob: "**/*.output.*", why: "and what it should write", files: count(files, "**/*.output.*") },
    );
  }
  for (const root of docsRoots) {
    const glob = `${literalGlob(root)}/**/${CHANGELOG}`;
    const matches = count(files, glob);
    if (matches > 0) proposed.push({ glob, why: `changelogs in ${root}/: history, not pages a map should lead to`, files: matches });
  }
  return proposed;
}

/**
 * How many files `**\/*.input.*` and `**\/*.output.*` would leave out, when each of them sits in
 * a folder of transform fixtures: one with at least one `name.input.*` beside its `name.output.*`
 * (else 0: the globs would catch something else too). A fixture may lack its partner, when the
 * transform must leave it as it is.
 */
function transformFixtures(files: readonly string[]): number {
  const matching = files.filter((file) => FIXTURE_NAME.test(posix.basename(file)));
  if (matching.length === 0) return 0;
  // `name.input.mdx` may pair with `name.output.json`: the stem is what matters.
  const stems = (kind: string) => new Set(matching.flatMap((file) => /^(.*)\.(input|output)\.[^/]+$/.exec(file)?.[2] === kind ? [file.replace(/\.(input|output)\.[^/]+$/, "")] : []));
  const outputs = stems("output");
  const pairFolders = new Set([...stems("input")].filter((stem) => outputs.has(stem)).map((stem) => posix.dirname(stem)));
  const inPairFolders = matching.every((file) => pairFolders.has(posix.dirname(file)));
  return inPairFolders && matching.some(isCodeFile) ? matching.length : 0;
}

function count(files: readonly string[], glob: string): number {
  return files.filter(globMatcher([glob])).length;
}
