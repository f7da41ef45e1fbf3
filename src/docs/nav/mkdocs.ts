import { isRecord, parseYaml } from "./data.js";
import { emptyReading, isExternal, type NavReading } from "./types.js";

/**
 * mkdocs.yml: the pages of `nav` (strings, `Title: page.md`, nested sections), relative to
 * `docs_dir` (default `docs`, beside mkdocs.yml). Without a `nav`, mkdocs shows every page of
 * docs_dir, so the whole folder is reached.
 */
export function readMkdocs(text: string): NavReading {
  const parsed = parseYaml(text);
  if ("problem" in parsed) return emptyReading(parsed.problem);
  if (!isRecord(parsed.value)) return emptyReading("not a mkdocs configuration (no mapping at the top)");
  const config = parsed.value;
  const reading = emptyReading();
  reading.contentDir = typeof config.docs_dir === "string" && config.docs_dir.trim() !== "" ? config.docs_dir.trim() : "docs";
  if (config.nav === undefined || config.nav === null) {
    reading.folders.push("");
    return reading;
  }
  const stack: unknown[] = [config.nav];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    if (typeof next === "string") {
      if (!isExternal(next)) reading.pages.push(next);
    } else if (Array.isArray(next)) stack.push(...next);
    else if (isRecord(next)) stack.push(...Object.values(next));
  }
  return reading;
}
