import { isRecord, parseJson } from "./data.js";
import { emptyReading, isExternal, unrelatedFile, type NavReading, type ScriptTokens } from "./types.js";

// Keys Nextra gives a meaning other than a page.
const NEXTRA_SPECIAL = /^(\*|---.*|#.*)$/;
// What a Fumadocs meta.json may hold besides `pages`; any other key means it is some other file.
const FUMADOCS_KEYS = new Set(["$schema", "title", "description", "icon", "root", "defaultOpen", "collapsible", "pages"]);

/** Nextra's _meta.json: each key is a page (or subfolder) of the file's folder. */
export function readNextraJson(text: string): NavReading {
  const parsed = parseJson(text);
  if ("problem" in parsed) return emptyReading(parsed.problem);
  if (!isRecord(parsed.value)) return emptyReading("not a Nextra _meta.json (no object at the top)");
  return nextraKeys(Object.keys(parsed.value));
}

/** Nextra's _meta.js / _meta.ts: the keys of the exported object. */
export function readNextraScript(tokens: ScriptTokens): NavReading {
  return nextraKeys(tokens.topKeys);
}

function nextraKeys(keys: readonly string[]): NavReading {
  const reading = emptyReading();
  reading.pages.push(...keys.filter((key) => !NEXTRA_SPECIAL.test(key)));
  return reading;
}

/**
 * Fumadocs' meta.json: `pages` names the folder's pages and subfolders; `...` (or `z...a`) stands
 * for the rest of the folder and `...name` for the contents of subfolder `name`; `[Text](url)` is
 * a link, `---Label---` a separator, `!name` an exclusion. Without `pages`, Fumadocs shows the
 * whole folder.
 */
export function readFumadocs(text: string): NavReading {
  const parsed = parseJson(text);
  if ("problem" in parsed) return emptyReading(parsed.problem);
  const meta = parsed.value;
  if (!isRecord(meta) || !Object.keys(meta).every((key) => FUMADOCS_KEYS.has(key))) return unrelatedFile();
  const reading = emptyReading();
  if (!Array.isArray(meta.pages)) {
    reading.folders.push("");
    return reading;
  }
  for (const entry of meta.pages) {
    if (typeof entry !== "string") continue;
    const link = /^\[[^\]]*\]\(([^)]*)\)$/.exec(entry);
    if (link) {
      if (!isExternal(link[1]!)) reading.pages.push(link[1]!);
    } else if (entry === "..." || entry === "z...a") reading.folders.push("");
    else if (entry.startsWith("...")) reading.folders.push(entry.slice(3));
    else if (!entry.startsWith("!") && !/^---.*---$/.test(entry) && !isExternal(entry)) reading.pages.push(entry);
  }
  return reading;
}
