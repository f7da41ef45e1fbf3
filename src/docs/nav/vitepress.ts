import { emptyReading, isExternal, type NavReading, type ScriptTokens } from "./types.js";

/**
 * A VitePress config (or a file it imports): `link: '/guide/x'` of the nav and sidebar, relative
 * to the site's source folder (`srcDir`, default the folder holding .vitepress). A sidebar group's
 * `base: '/guide/'` prefixes the relative links below it.
 */
export function readVitePress(tokens: ScriptTokens): NavReading {
  const reading = emptyReading();
  for (const { value, property } of tokens.strings) {
    if (property === "link" && !isExternal(value)) reading.pages.push(value);
    else if (property === "base" && value.startsWith("/")) reading.prefixes.push(value);
    else if (property === "srcDir" && reading.contentDir === undefined) reading.contentDir = value;
  }
  reading.imports.push(...tokens.imports);
  return reading;
}
