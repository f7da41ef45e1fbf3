import { dataStrings, parseJson, parseYaml } from "./data.js";
import { emptyReading, isExternal, type NavReading, type ScriptTokens } from "./types.js";

/** Keys under which a sidebar of no known generator writes a page: `{ "label": "…", "slug": "docs/x" }`. */
const PAGE_KEYS = new Set(["slug", "link", "href", "path", "id", "page", "file", "to", "url", "doc", "docId", "src"]);

/**
 * A sidebar file of no known generator (a site's own `sidebar.json`, a configured `docs.nav`
 * file): strings under page-like keys and bare list items. Only those that name a page of the
 * repository count, so labels and titles read on the way do no harm.
 */
export function readSidebarData(text: string, yaml: boolean): NavReading {
  const parsed = yaml ? parseYaml(text) : parseJson(text);
  if ("problem" in parsed) return emptyReading(parsed.problem);
  const reading = emptyReading();
  for (const { value, key } of dataStrings(parsed.value)) {
    if ((key === undefined || PAGE_KEYS.has(key)) && !isExternal(value)) reading.pages.push(value);
  }
  return reading;
}

/** A JS/TS navigation file of no known generator: strings under page-like properties and array items. */
export function readSidebarScript(tokens: ScriptTokens): NavReading {
  const reading = emptyReading();
  for (const { value, property, element } of tokens.strings) {
    if ((element || (property !== undefined && PAGE_KEYS.has(property))) && !isExternal(value)) reading.pages.push(value);
  }
  reading.imports.push(...tokens.imports);
  return reading;
}
