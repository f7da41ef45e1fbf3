import { posix } from "node:path";

/** Where a Markdown link destination points, as GitHub renders it. */
export type LinkTarget =
  /** A URL with a scheme (`https:`, `mailto:`, `vscode:` …), `//host`, or a template: not ours to check. */
  | { kind: "external" }
  /** `#anchor` in the same file (`anchor` is decoded, may be ""). */
  | { kind: "self"; anchor: string }
  /** A repo path (no trailing `/`, "" for the root) and an optional decoded `#anchor`. */
  | { kind: "path"; path: string; rawPath: string; rootAbsolute: boolean; anchor: string | undefined; plain: boolean }
  /** Climbs out of the repository: cannot be checked. */
  | { kind: "outside" };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// Site generators and templates (`{{ site.baseurl }}/x`, `${BASE}/x`) resolve these, not GitHub.
const TEMPLATE = /\{\{|\{%|\$\{|^\$|[<>]/;

/** Decodes %-escapes; a malformed escape leaves the text as written instead of throwing. */
export function safeDecode(text: string): string {
  if (!text.includes("%")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a link destination written in `fromFile` (repo-relative) into what it points at. */
export function linkTarget(fromFile: string, url: string): LinkTarget {
  const trimmed = url.trim();
  if (SCHEME.test(trimmed) || trimmed.startsWith("//") || trimmed.includes("\\") || TEMPLATE.test(trimmed)) {
    return { kind: "external" };
  }
  const hashAt = trimmed.indexOf("#");
  const beforeHash = hashAt >= 0 ? trimmed.slice(0, hashAt) : trimmed;
  const anchor = hashAt >= 0 ? safeDecode(trimmed.slice(hashAt + 1)) : undefined;
  const queryAt = beforeHash.indexOf("?");
  const rawPath = queryAt >= 0 ? beforeHash.slice(0, queryAt) : beforeHash;
  const query = queryAt >= 0 ? beforeHash.slice(queryAt + 1) : "";
  if (rawPath === "") return { kind: "self", anchor: anchor ?? "" };
  const resolved = resolveIn(fromFile, safeDecode(rawPath));
  if (resolved === undefined) return { kind: "outside" };
  return { kind: "path", ...resolved, rawPath, anchor, plain: /(^|&)plain=1(&|$)/.test(query) };
}

/**
 * Resolves a decoded path against the folder of `fromFile`, or the repo root for a leading `/`.
 * Undefined when it climbs above the root.
 */
export function resolveIn(fromFile: string, path: string): { path: string; rootAbsolute: boolean } | undefined {
  const rootAbsolute = path.startsWith("/");
  const base = rootAbsolute ? "" : posix.dirname(fromFile);
  const joined = posix.normalize(posix.join(base === "." ? "" : base, rootAbsolute ? path.replace(/^\/+/, "") : path));
  if (joined === ".." || joined.startsWith("../") || joined.startsWith("/")) return undefined;
  const clean = joined.replace(/\/+$/, "");
  return { path: clean === "." ? "" : clean, rootAbsolute };
}
