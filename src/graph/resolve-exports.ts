/**
 * The files a package.json `exports` field names for one subpath, under every condition we
 * accept, in the field's own order. Used when a workspace package's export points at a build
 * output that is not there (a fresh clone): each target is then mapped back to its source.
 * Returns undefined when the package has no `exports`, [] when the subpath is not exported.
 */
export function exportTargets(exportsField: unknown, subpath: string, conditions: ReadonlySet<string>): string[] | undefined {
  if (exportsField === undefined || exportsField === null) return undefined;
  const map = isSubpathMap(exportsField) ? (exportsField as Record<string, unknown>) : { ".": exportsField };
  const exact = map[subpath];
  if (exact !== undefined) return collect(exact, conditions, undefined);
  let best: { key: string; star: string } | undefined;
  for (const key of Object.keys(map)) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.length < prefix.length + suffix.length || !subpath.startsWith(prefix) || !subpath.endsWith(suffix)) continue;
    if (!best || prefix.length > best.key.indexOf("*")) {
      best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) };
    }
  }
  return best ? collect(map[best.key], conditions, best.star) : [];
}

/** `{ ".": …, "./x": … }` rather than a bare condition object or target. */
function isSubpathMap(value: unknown): boolean {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.keys(value).some((key) => key.startsWith("."));
}

function collect(value: unknown, conditions: ReadonlySet<string>, star: string | undefined): string[] {
  if (typeof value === "string") {
    if (!value.startsWith("./")) return [];
    return [star === undefined ? value : value.replaceAll("*", star)];
  }
  if (Array.isArray(value)) return value.flatMap((item) => collect(item, conditions, star));
  if (typeof value !== "object" || value === null) return [];
  const targets: string[] = [];
  for (const [condition, nested] of Object.entries(value)) {
    if (conditions.has(condition)) targets.push(...collect(nested, conditions, star));
  }
  return targets;
}
