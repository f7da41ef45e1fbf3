import type { WrittenGlob } from "../../config/rule-file-types.js";
import { entryShape } from "../custom/import-entries.js";
import { defineRule } from "../rule.js";
import type { Workspace } from "../workspace.js";
import { configGlobs } from "./dead-glob-sources.js";
import { matchesAnyFile } from "./dead-glob-match.js";

/** Globs that only narrow what is checked: pointing at nothing there is harmless (and common). */
const NARROWING_FIELDS = new Set(["exclude", "ignore"]);

export default defineRule({
  meta: {
    id: "guard/dead-glob",
    description: "A glob in guard.yaml or a rule file matches no file, so that part can never apply.",
    severity: "warn",
    messages: { dead: "`{glob}` ({field}) matches no file of the repository, so it can never apply" },
    fix: "Change `{glob}` to the path of files that exist (relative to the repository root), or delete it if what it named is gone.",
  },
  check({ config, workspace, report }) {
    // A run scoped to paths (an agent hook's edited file) reports only findings in them: a glob
    // written elsewhere need not be matched against every file of the repo.
    const reported = workspace.reported ?? (() => true);
    const globs = [...ownConfigGlobs(workspace, config.file), ...ruleFileGlobs(workspace)].filter((written) => reported(written.source));
    const files = workspace.repo.files;
    const seen = new Set<string>();
    for (const written of globs) {
      const key = `${written.source}:${written.line}:${written.column}`;
      if (seen.has(key) || written.glob.trim().startsWith("!")) continue;
      seen.add(key);
      if (matchesAnyFile(written.glob, files, written.field === "publicEntry")) continue;
      if (mayNamePackage(written, workspace)) continue;
      report({
        file: written.source,
        line: written.line,
        column: written.column,
        messageId: "dead",
        data: { glob: written.glob, field: written.field },
        evidence: { glob: written.glob, field: written.field },
      });
    }
  },
});

/**
 * An import rule's `forbid`/`allow` entry such as `moment` or `lodash/fp/**` also names modules of
 * a package (read as the import kind reads it); unless its package part is a folder of this
 * repo, it is a package entry, not a dead glob.
 */
function mayNamePackage(written: WrittenGlob, workspace: Workspace): boolean {
  if (written.field !== "forbid" && written.field !== "allow") return false;
  const { packageName } = entryShape(written.glob);
  return packageName !== undefined && !workspace.repo.hasDirectory(packageName);
}

/** The repo's own config file only: a preset's defaults are written for every repo, not this one. */
function ownConfigGlobs(workspace: Workspace, file: string | undefined): WrittenGlob[] {
  if (file === undefined || file.startsWith("../") || file.startsWith("/")) return [];
  const text = workspace.repo.readText(file) ?? workspace.repo.readIgnoredText(file);
  return text === undefined ? [] : configGlobs(text.replace(/^\uFEFF/, ""), file);
}

/**
 * Globs of the repo's rule files that are on; a rule that is off can never apply anyway. A
 * preset's rule files are written for every repo (a progress log may have any of five names).
 */
function ruleFileGlobs(workspace: Workspace): WrittenGlob[] {
  return workspace.ruleFiles
    .filter((rule) => rule.preset === undefined)
    .filter((rule) => rule.severity !== "off" && workspace.config.rules[rule.id]?.severity !== "off")
    .flatMap((rule) => rule.globs)
    .filter((written) => !NARROWING_FIELDS.has(written.field.split(".")[0]!));
}
