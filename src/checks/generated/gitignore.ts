import { posix } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Workspace } from "../workspace.js";

interface IgnoreFile {
  /** Folder of the .gitignore ("" for the root). */
  base: string;
  matcher: Ignore;
}

/**
 * Which of `paths` (repo-relative; they need not exist) git ignores, or a folder above them:
 * build outputs (`dist/cli.js`, a generated `importMap.js`) that a doc names or code imports
 * before anyone has built them. Each is also read as a folder
 * (`bench/.out` is ignored by `bench/.out/`). One `git check-ignore` process for all of them:
 * on payloadcms/payload (89 .gitignore files, 377 lines at the root) it answers 119 paths in
 * ~40 ms, where reading and matching them here with `ignore` costs ~400 ms. Outside git, and
 * for a commit's files, the repo's .gitignore files are read and matched here, as git would.
 * Answers are kept for the run.
 */
export function gitIgnoredAmong(workspace: Workspace, paths: readonly string[]): Set<string> {
  const answers = workspace.shared("gitignore-answers", () => new Map<string, boolean>());
  const asked = [...new Set(paths)].filter((path) => path !== "" && !answers.has(path));
  if (asked.length > 0) {
    const fromGit = workspace.repo.ignoredPaths([...asked, ...asked.map((path) => `${path}/`)]);
    for (const path of asked) answers.set(path, fromGit ? fromGit.has(path) || fromGit.has(`${path}/`) : ignoredByFiles(workspace, path));
  }
  return new Set(paths.filter((path) => answers.get(path) === true));
}

/**
 * The findings none of whose `unlessIgnored` paths git ignores (a link or path to a build
 * output nobody built yet is fine), without that field; git is asked once for all of them.
 */
export function dropIgnored<F extends { unlessIgnored?: readonly string[] }>(workspace: Workspace, found: readonly F[]): Omit<F, "unlessIgnored">[] {
  const ignored = gitIgnoredAmong(workspace, found.flatMap((finding) => finding.unlessIgnored ?? []));
  return found.flatMap(({ unlessIgnored, ...finding }) => (unlessIgnored?.some((path) => ignored.has(path)) ? [] : [finding]));
}

/**
 * As git decides from the repo's .gitignore files: a deeper one overrides a shallower one
 * (`!keep.js` re-includes), and nothing under an ignored folder is re-included.
 */
function ignoredByFiles(workspace: Workspace, path: string): boolean {
  const files = ignoreFiles(workspace);
  if (files.length === 0) return false;
  const segments = path.split("/");
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join("/");
    if (i < segments.length ? decides(files, prefix, true) : decides(files, prefix, false) || decides(files, prefix, true)) return true;
  }
  return false;
}

/** The .gitignore files of the repo, shallowest first, read once per run. */
function ignoreFiles(workspace: Workspace): IgnoreFile[] {
  return workspace.shared("gitignore-files", () => {
    const found: IgnoreFile[] = [];
    const files = workspace.repo.files.filter((file) => posix.basename(file) === ".gitignore");
    workspace.repo.preload(files); // with --staged, from the git index in one git process, not one a file
    for (const file of files) {
      const text = workspace.repo.readText(file);
      if (text === undefined) continue;
      const base = posix.dirname(file);
      found.push({ base: base === "." ? "" : base, matcher: ignore({ ignorecase: false }).add(text) });
    }
    return found.sort((a, b) => depth(a.base) - depth(b.base));
  });
}

/** Whether the deepest .gitignore that has a say about `path` ignores it. */
function decides(files: readonly IgnoreFile[], path: string, asFolder: boolean): boolean {
  let ignored = false;
  for (const file of files) {
    if (file.base !== "" && !path.startsWith(`${file.base}/`)) continue;
    const relative = file.base === "" ? path : path.slice(file.base.length + 1);
    try {
      const result = file.matcher.test(asFolder ? `${relative}/` : relative);
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    } catch {
      // a name `ignore` refuses to judge: this file has no say
    }
  }
  return ignored;
}

function depth(base: string): number {
  return base === "" ? 0 : base.split("/").length;
}
