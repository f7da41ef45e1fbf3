import { readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../checks/registry.js";
import { fileBlocks, filesWithMarkers, regenerated } from "../checks/blocks/blocks.js";
import { Workspace } from "../checks/workspace.js";
import { Repo } from "../repo/repo.js";
import { writeInRepo } from "./baseline-write.js";
import { customRules } from "./custom-rules.js";
import { resolveConfigAndRuleFiles } from "./resolve-config.js";
import { pathScope } from "./scope.js";
import { ruleCatalog } from "./select-rules.js";

export interface DocsGenerateOptions {
  cwd: string;
  config?: string;
  /** Only files under these paths (relative to cwd); every Markdown file of the repo when empty. */
  paths: readonly string[];
  /** false for `--check`: compute what would change, write nothing. */
  write: boolean;
}

export interface DocsGenerateResult {
  /** Files whose blocks were (or, without write, would be) rewritten, repo-relative, sorted. */
  changed: string[];
  /** Files holding at least one block. */
  withBlocks: string[];
  /** Blocks left as they are: unknown names, bad arguments, no end marker. */
  problems: { file: string; line: number; message: string }[];
}

/**
 * `guard docs generate`: renders every `guard:generated` block with the same function
 * docs/generated-drift compares against, and rewrites the files whose blocks differ, atomically
 * and byte for byte outside the blocks. A symlinked Markdown file is left alone: replacing it
 * would turn the link into a copy.
 */
export function docsGenerate(options: DocsGenerateOptions): DocsGenerateResult {
  const { config, ruleFiles } = resolveConfigAndRuleFiles(options.cwd, options.config);
  const scope = options.paths.length > 0 ? pathScope(config.root, options.cwd, options.paths) : {};
  const repo = new Repo({ root: config.root, exclude: config.exclude });
  const workspace = new Workspace(repo, config, { cache: false });
  workspace.ruleCatalog = ruleCatalog([...allRules, ...customRules(ruleFiles)], config);
  workspace.reported = scope.includes;
  const result: DocsGenerateResult = { changed: [], withBlocks: [], problems: [] };
  for (const file of filesWithMarkers(workspace)) {
    if (repo.isSymlink(file)) continue;
    const found = fileBlocks(workspace, file);
    if (!found || (found.blocks.length === 0 && found.unterminated.length === 0)) continue;
    result.withBlocks.push(file);
    for (const { name, line } of found.unterminated) result.problems.push({ file, line, message: `block "${name}" has no end marker <!-- /guard:generated -->; left as it is` });
    for (const { block, problem } of found.blocks) {
      if (problem !== undefined) result.problems.push({ file, line: block.line, message: `block "${block.name}": ${problem}; left as it is` });
    }
    const text = regenerated(found);
    if (text === found.text) continue;
    // The repo's text has the byte-order mark dropped and invalid UTF-8 replaced: write back the
    // mark, and leave a file alone whose bytes that text does not give back exactly.
    const bom = originalBom(config.root, file, found.text);
    if (bom === undefined) {
      result.problems.push({ file, line: 1, message: "not valid UTF-8 (or changed while guard read it), so it cannot be rewritten byte for byte; left as it is" });
      continue;
    }
    result.changed.push(file);
    if (options.write) writeInRepo(config.root, file, bom + text);
  }
  result.problems.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
  return result;
}

const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The file's byte-order mark ("" when none), or undefined when its bytes are not `text` in UTF-8. */
function originalBom(root: string, file: string, text: string): string | undefined {
  let decoded: string;
  try {
    decoded = STRICT_UTF8.decode(readFileSync(join(root, file)));
  } catch {
    return undefined;
  }
  const bom = decoded.startsWith("\uFEFF") ? "\uFEFF" : "";
  return decoded.slice(bom.length) === text ? bom : undefined;
}
