import type { FrontMatter } from "../../docs/model.js";
import { locateFrontMatter, type FrontMatterEntry, type LocatedFrontMatter } from "./read.js";

const KEY_LINE = /^([A-Za-z_][\w.-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*$/;
const COMMENT_OR_BLANK = /^\s*(#.*)?$/;
const QUOTED = /^(["'])(.*)\1$/;

/**
 * Cursor's front-matter is YAML-like, not YAML: Cursor itself writes `globs: *.ts, src/**`,
 * which a YAML parser rejects (`*` starts an alias). So when strict YAML fails, accept what
 * Cursor accepts, one `key: value` per line, and report the YAML error only when that fails too.
 */
export function locateCursorFrontMatter(frontMatter: FrontMatter): LocatedFrontMatter {
  const strict = locateFrontMatter(frontMatter);
  if (strict.ok) return strict;
  const entries: FrontMatterEntry[] = [];
  const lines = frontMatter.raw.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index]!;
    if (COMMENT_OR_BLANK.test(text)) continue;
    const match = KEY_LINE.exec(text);
    if (!match) return strict;
    const line = frontMatter.line + 1 + index;
    const [, key, raw = ""] = match;
    const valueColumn = raw === "" ? 1 : text.indexOf(raw, key!.length) + 1;
    const keyPlace = { line, column: 1, endLine: line, endColumn: key!.length + 1 };
    entries.push({
      key: key!,
      value: plainValue(raw),
      keyPlace,
      valuePlace: raw === "" ? keyPlace : { line, column: valueColumn, endLine: line, endColumn: valueColumn + raw.length },
    });
  }
  return { ok: true, entries };
}

/** `true`/`false` as booleans, quotes removed, empty as null; everything else as written. */
function plainValue(raw: string): unknown {
  if (raw === "") return null;
  if (raw === "true" || raw === "false") return raw === "true";
  const quoted = QUOTED.exec(raw);
  return quoted ? quoted[2] : raw;
}
