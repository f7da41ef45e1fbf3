import { posix } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Workspace } from "../workspace.js";

interface IgnoreFile {
  /** Folder of the .gitignore ("" for the root). */
  base: string;
  matcher: Ignore;
}

/**
 * True when the repo's .gitignore files ignore `path` (or a folder above it): a build output
 * (`dist/cli.js`, `bench/.out/`) that a doc may name before anyone has built it.
 */
export function isGitIgnored(workspace: Workspace, path: string): boolean {
  const files = ignoreFiles(workspace);
  if (files.length === 0 || path === "") return false;
  const segments = path.split("/");
  for (let i = 1; i <= segments.length; i++) {
    const prefix = segments.slice(0, i).join("/");
    const asFolder = i < segments.length;
    if (files.some((file) => ignores(file, prefix, asFolder) || (!asFolder && ignores(file, prefix, true)))) return true;
  }
  return false;
}

function ignores(file: IgnoreFile, path: string, asFolder: boolean): boolean {
  if (file.base !== "" && !path.startsWith(`${file.base}/`)) return false;
  const relative = file.base === "" ? path : path.slice(file.base.length + 1);
  try {
    return relative !== "" && file.matcher.ignores(asFolder ? `${relative}/` : relative);
  } catch {
    return false; // a name `ignore` refuses to judge: not known to be ignored
  }
}

function ignoreFiles(workspace: Workspace): IgnoreFile[] {
  return workspace.shared("path-gitignore", () => {
    const found: IgnoreFile[] = [];
    const files = workspace.repo.files.filter((file) => posix.basename(file) === ".gitignore");
    workspace.repo.preload(files); // from the git index: one git process, not one a file
    for (const file of files) {
      const text = workspace.repo.readText(file);
      if (text === undefined) continue;
      const base = posix.dirname(file);
      found.push({ base: base === "." ? "" : base, matcher: ignore().add(text) });
    }
    return found;
  });
}
