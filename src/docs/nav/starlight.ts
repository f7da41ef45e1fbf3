import { emptyReading, isExternal, type NavReading, type ScriptTokens } from "./types.js";

/** Starlight keeps its pages in src/content/docs beside astro.config. */
export const STARLIGHT_CONTENT = "src/content/docs";

/**
 * An astro.config with the Starlight integration: sidebar entries `slug: 'guides/x'`,
 * `link: '/guides/x/'`, bare slugs as array items, and `autogenerate: { directory }`, which
 * shows a whole folder. Relative to src/content/docs. (Or a module the config imports.)
 */
export function readStarlight(tokens: ScriptTokens): NavReading {
  const reading = emptyReading();
  for (const { value, property, element } of tokens.strings) {
    if (isExternal(value)) continue;
    if (property === "directory") reading.folders.push(value);
    else if (property === "slug" || property === "link" || element) reading.pages.push(value);
  }
  reading.imports.push(...tokens.imports);
  return reading;
}
