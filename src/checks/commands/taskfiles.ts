/** What a Makefile or justfile defines, read from its text without running it. */
export interface TaskFile {
  file: string;
  /** Folder of the file, repo-relative ("" is the root). */
  dir: string;
  names: Set<string>;
  /** Pattern rules (`%.o:`, `%:`), as matchers. */
  patterns: RegExp[];
  /** Targets come from somewhere we do not read (include, variables, imports): unknown names are not proof. */
  open: boolean;
  /** just `mod name`: modules a first argument may name. */
  modules: Set<string>;
}

// `targets: prerequisites` (not `:=`, `::=`, `?=` assignments); `::` double-colon rules too.
const MAKE_RULE = /^([^\t#=:][^#=:]*?)\s*(?:::|:)(?![=:])/;
const MAKE_INCLUDE = /^\s*-?s?include\s/;
const MAKE_DEFINE = /^\s*define\s/;
const MAKE_ENDEF = /^\s*endef\b/;
// Targets that configure make itself; `.DEFAULT` makes every name a target.
const SPECIAL = /^\.[A-Z_]+$/;

export function parseMakefile(file: string, dir: string, text: string): TaskFile {
  const result: TaskFile = { file, dir, names: new Set(), patterns: [], open: false, modules: new Set() };
  let inDefine = false;
  for (const raw of joinContinuations(text)) {
    if (inDefine) {
      inDefine = !MAKE_ENDEF.test(raw);
      continue;
    }
    if (MAKE_DEFINE.test(raw)) inDefine = true;
    if (MAKE_INCLUDE.test(raw) || raw.includes("$(eval")) result.open = true;
    const match = raw.startsWith("\t") ? null : MAKE_RULE.exec(raw);
    if (!match) continue;
    for (const target of match[1]!.trim().split(/\s+/)) {
      if (target === ".DEFAULT") result.open = true;
      if (target === "" || SPECIAL.test(target)) continue;
      if (target.includes("$")) result.open = true;
      else if (target.includes("%")) result.patterns.push(patternMatcher(target));
      else result.names.add(target);
    }
  }
  return result;
}

// A recipe header: `name param="x" *rest:` at column 0; `@name` hides the echo.
const JUST_RECIPE = /^@?([A-Za-z_][\w-]*)(?:\s[^:]*)?:(?!=)/;
const JUST_ALIAS = /^alias\s+([A-Za-z_][\w-]*)\s*:=/;
const JUST_MODULE = /^mod\??\s+([A-Za-z_][\w-]*)/;
const JUST_IMPORT = /^import\??\s/;
const JUST_ASSIGNMENT = /^(?:export\s+)?[A-Za-z_][\w-]*\s*:=/;
const JUST_SETTING = /^set\s+fallback\b/;

export function parseJustfile(file: string, dir: string, text: string): TaskFile {
  const result: TaskFile = { file, dir, names: new Set(), patterns: [], open: false, modules: new Set() };
  for (const line of text.split(/\r?\n/)) {
    if (line === "" || /^[\s#[]/.test(line) || JUST_ASSIGNMENT.test(line)) continue;
    const alias = JUST_ALIAS.exec(line);
    const module = JUST_MODULE.exec(line);
    if (alias) result.names.add(alias[1]!);
    else if (module) result.modules.add(module[1]!);
    else if (JUST_IMPORT.test(line) || JUST_SETTING.test(line)) result.open = true;
    else if (!/^(set|export)\s/.test(line)) {
      const recipe = JUST_RECIPE.exec(line);
      if (recipe) result.names.add(recipe[1]!);
    }
  }
  return result;
}

/** Logical lines of a Makefile: a trailing backslash joins the next line. */
function joinContinuations(text: string): string[] {
  const lines: string[] = [];
  let pending = "";
  for (const line of text.split(/\r?\n/)) {
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1) + " ";
      continue;
    }
    lines.push(pending + line);
    pending = "";
  }
  if (pending) lines.push(pending);
  return lines;
}

function patternMatcher(target: string): RegExp {
  const escaped = target.split("%").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join(".+")}$`);
}
