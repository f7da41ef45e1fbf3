import { dataStrings, isRecord, parseJson } from "./data.js";
import { emptyReading, isExternal, unrelatedFile, type NavReading } from "./types.js";

/**
 * Mintlify's docs.json (or the older mint.json): every string of a `pages` list, however deep
 * in groups, tabs, anchors, versions or languages, and a group's `root` page; relative to the
 * file's folder, `.mdx`/`.md` left out. A docs.json without `navigation` is some other file.
 */
export function readMintlify(text: string): NavReading {
  const parsed = parseJson(text);
  if ("problem" in parsed) return emptyReading(parsed.problem);
  if (!isRecord(parsed.value) || parsed.value.navigation === undefined) return unrelatedFile();
  const reading = emptyReading();
  for (const { value, key, parentKey } of dataStrings(parsed.value.navigation)) {
    if (isExternal(value)) continue;
    if ((key === undefined && parentKey === "pages") || key === "root") reading.pages.push(value);
  }
  return reading;
}
