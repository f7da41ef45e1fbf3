import { emptyReading, isExternal, type NavReading, type ScriptTokens } from "./types.js";

/**
 * A VitePress config (or a file it imports, or a locale's `config.ts`): `link: '/guide/x'` of
 * the nav and sidebar, relative to the site's source folder (`srcDir`, default the folder
 * holding .vitepress). A sidebar group's `base: '/guide/'` is written before the relative links
 * below it; `rewrites: { 'en/:rest*': ':rest*' }` serves a file at another path.
 */
export function readVitePress(tokens: ScriptTokens): NavReading {
  const reading = emptyReading();
  for (const { value, property, within } of tokens.strings) {
    if (within === "rewrites" && property !== undefined) reading.rewrites.push({ source: property, served: value });
    else if (property === "link" && !isExternal(value)) reading.pages.push(value);
    else if (property === "base") reading.prefixes.push(value);
    else if (property === "srcDir" && reading.contentDir === undefined) reading.contentDir = value;
  }
  reading.imports.push(...tokens.imports);
  return reading;
}

/**
 * The source files a link may be served from under `rewrites`, as paths relative to the source
 * folder: `/guide/x` is served from `guide/x.md` or `guide/x/index.md`, which `'en/:rest*': ':rest*'`
 * maps back to `en/guide/x.md`. Parameters are `:name` (one segment) and `:name*` (the rest).
 */
export function rewrittenSources(link: string, rewrites: readonly { source: string; served: string }[]): string[] {
  if (rewrites.length === 0 || link.length > 1000) return [];
  const stem = link.replace(/[?#].*$/, "").replace(/^\/+/, "").replace(/\.html?$/i, "");
  const served = /\.md$/i.test(stem) ? [stem] : stem === "" || stem.endsWith("/") ? [`${stem}index.md`] : [`${stem}.md`, `${stem}/index.md`];
  const found: string[] = [];
  for (const { source, served: pattern } of rewrites) {
    const matcher = patternRegex(pattern);
    for (const path of served) {
      const match = matcher?.regex.exec(path);
      if (!match) continue;
      found.push(source.replace(/:(\w+)\*?/g, (_, name: string) => match[matcher!.names.indexOf(name) + 1] ?? ""));
    }
  }
  return found;
}

function patternRegex(pattern: string): { regex: RegExp; names: string[] } | undefined {
  const names: string[] = [];
  let source = "";
  for (const part of pattern.split(/(:\w+\*?)/)) {
    if (part.startsWith(":")) {
      names.push(part.replace(/^:|\*$/g, ""));
      source += part.endsWith("*") ? "(.*)" : "([^/]+)";
    } else source += part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  // Several `(.*)` in a row backtrack polynomially: a pattern with more than two is not followed.
  if (names.length > 4 || (pattern.match(/\*/g) ?? []).length > 2 || pattern.length > 500) return undefined;
  return { regex: new RegExp(`^${source}$`), names };
}
