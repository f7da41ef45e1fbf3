import { configuredNavFormat, wellKnownNavFormat } from "../../docs/nav/formats.js";
import type { NavFormat } from "../../docs/nav/types.js";
import type { Workspace } from "../workspace.js";

export interface NavFile {
  file: string;
  format: NavFormat;
}

// Vendored dependencies that git does not ignore hold no navigation of this repo.
const VENDORED = /(^|\/)(node_modules|vendor)\//;

/**
 * The navigation files this run reads (`docs.nav`): for `auto`, every file with a well-known
 * name (mkdocs.yml, SUMMARY.md, sidebars.*, .vitepress/config.*, astro.config.*, docs.json,
 * mint.json, _meta.*, meta.json; sidebar*.json and _sidebar.md under a docs root); paths and
 * globs add the files they match. `[]` reads none.
 */
export function navFiles(workspace: Workspace): NavFile[] {
  return workspace.shared("nav-files", () => {
    const written = workspace.config.docs.nav;
    const found = new Map<string, NavFormat>();
    if (written.includes("auto")) {
      for (const file of workspace.repo.files) {
        if (VENDORED.test(file)) continue;
        // Only a sidebar-like name needs the (costlier) docs-root test.
        const format = wellKnownNavFormat(file, false) ?? (/sidebar/i.test(file) ? wellKnownNavFormat(file, workspace.inDocsRoot(file)) : undefined);
        if (format) found.set(file, format);
      }
    }
    const globs = written.filter((entry) => entry !== "auto").map((entry) => entry.replace(/^\.\//, ""));
    if (globs.length > 0) {
      for (const file of workspace.repo.glob(globs)) {
        const format = configuredNavFormat(file);
        if (format && !found.has(file)) found.set(file, format);
      }
    }
    return [...found].map(([file, format]) => ({ file, format }));
  });
}
