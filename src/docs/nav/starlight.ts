import { emptyReading, isExternal, type NavReading, type ScriptTokens } from "./types.js";

/** Starlight keeps its pages in src/content/docs beside astro.config. */
export const STARLIGHT_CONTENT = "src/content/docs";

/**
 * An astro.config with the Starlight integration: sidebar entries `slug: 'guides/x'`,
 * `link: '/guides/x/'`, bare slugs as array items, and `autogenerate: { directory }`, which
 * shows a whole folder. Relative to src/content/docs, and to each locale's folder in it. (Or a
 * module the config imports.)
 */
export function readStarlight(tokens: ScriptTokens): NavReading {
  const reading = emptyReading();
  for (const { value, property, element } of tokens.strings) {
    if (isExternal(value)) continue;
    if (property === "directory") reading.folders.push(value);
    else if (property === "slug" || property === "link" || element) reading.pages.push(value);
  }
  // Each locale but the root keeps its translations in a folder of that name: `de/guides/example`.
  reading.locales.push(...tokens.keys.filter((key) => key.within === "locales" && key.name !== "root").map((key) => key.name.toLowerCase()));
  reading.imports.push(...tokens.imports);
  return reading;
}
