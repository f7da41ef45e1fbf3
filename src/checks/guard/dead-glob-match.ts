import { globMatcher } from "../../repo/glob.js";

/** `{name}` in an import rule captures one folder name: for liveness it is any name. */
const CAPTURE = /\{[A-Za-z_$][\w$-]*\}/g;

/**
 * Whether a written glob matches at least one file. Read as guard reads it elsewhere: a
 * leading `./` or `/` means the repo root, and a plain folder (`docs`, `src/ui/`) means
 * everything below it. `folderOnly`: the glob names folders (publicEntry keys), so only
 * files below a matching folder count.
 */
export function matchesAnyFile(glob: string, files: readonly string[], folderOnly = false): boolean {
  const clean = glob.trim().replace(/^\.?\/+/, "").replace(/\/+$/, "").replace(CAPTURE, "*");
  if (clean === "" || clean === "." || clean === "**") return true;
  const matches = globMatcher(folderOnly ? [`${clean}/**`] : [clean, `${clean}/**`]);
  return files.some((file) => matches(file));
}
