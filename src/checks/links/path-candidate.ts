/** Which inline code spans look like repo paths worth checking. Pure: no repo access. */

export interface PathCandidate {
  /** The path or glob as it would be looked up: no `:12` / `#anchor` suffix, no leading `./` or `/`. */
  path: string;
  /**
   * Where it is looked up: `root` for a leading `/`; `file` for `./x` and `../x` (the Markdown
   * file's folder only); `nearest` for a bare `src/x` (the file's folder, its package, and the
   * root: a nested map in a monorepo names package-relative paths).
   */
  base: "root" | "file" | "nearest";
  /** Has wildcards or `{a,b}`: must match at least one file or folder. */
  glob: boolean;
  /** Uses a stand-in name (`foo`, `path/to`, `your-app`): quiet when it does not exist. */
  placeholder: boolean;
  /**
   * Shaped like a path by itself: the last segment has a file extension (`order.ts`), is a
   * dotfile (`.env`) or a well-known file name (`Makefile`), the text ends in `/`, or it is a
   * `**` glob. Otherwise (`tools/call`, `feat/x`, `application/json`, `packages/cli/src/x`) it
   * is a path only where every folder before its last segment exists.
   */
  shaped: boolean;
}

// `src/a.ts:12`, `src/a.ts:12:5`, `src/a.ts:12-20`: an editor location, the path is before it.
const LINE_SUFFIX = /:\d+(?::\d+)?(?:-\d+)?$/;
const SCHEME_OR_COLON = /:/;
const BAD_START = /^[@\-~$%!+=|^#]/;
// Shell syntax, quotes, placeholders in angle brackets, lists: not a single path.
const NOT_A_PATH = /[<>$"'`,;&=|\\^]/;
const BRACE_ALTERNATION = /\{[^{}\s]*,[^{}\s]*\}/g;
const WILDCARD = /[*?]|\{[^{}]*,[^{}]*\}/;
const PLACEHOLDER_WORDS = new Set(["foo", "bar", "baz", "qux", "quux", "xxx", "yyy", "zzz", "example"]);
const PLACEHOLDER_PREFIX = /^(?:my|your|some)[-_]/i;
// `ComponentName`, `feature-name`, `skill_name`: the name of a thing, standing in for one.
const PLACEHOLDER_NAME = /^(?:[A-Z][a-z]+)+Name$|^[a-z]+[-_]name$/;
// `.ts`, `.d.ts`, `.tar.gz`, `.env`: letters first, no `-` or `+` (`vnd.ms-excel`, `ld+json` are MIME subtypes).
const FILE_EXTENSION = /\.[A-Za-z][A-Za-z0-9_]{0,11}$/;
const FILE_NAMES = /^(?:Makefile|GNUmakefile|Justfile|Dockerfile|Containerfile|Procfile|Gemfile|Rakefile|Jenkinsfile|Vagrantfile|Brewfile|Caddyfile|Tiltfile|LICENSE|LICENCE|CODEOWNERS|OWNERS|NOTICE)$/i;
// MIME types (RFC 6838) whose subtype carries a dot: `application/vnd.oasis.opendocument.text`.
const MIME_TYPE = /^(?:application|audio|font|image|message|model|multipart|text|video)\/(?:vnd|prs|x)\./i;

/** The path an inline code span names, or undefined when it is prose, a command, a URL, a package… */
export function pathCandidate(value: string): PathCandidate | undefined {
  let text = value.trim();
  if (text.length < 3 || text.length > 300 || /\s/.test(text) || BAD_START.test(text)) return undefined;
  const hashAt = text.indexOf("#");
  if (hashAt >= 0) text = text.slice(0, hashAt);
  text = text.replace(LINE_SUFFIX, "");
  // Any other colon is a scheme (`node:fs`, `https://`), a drive, an image tag or a host:port.
  if (SCHEME_OR_COLON.test(text) || text.includes("...") || text.includes("…") || MIME_TYPE.test(text)) return undefined;
  const withoutAlternation = text.replace(BRACE_ALTERNATION, "");
  if (/[{}]/.test(withoutAlternation) || NOT_A_PATH.test(withoutAlternation)) return undefined;

  let base: PathCandidate["base"] = "nearest";
  let path = text;
  if (path.startsWith("/")) {
    base = "root";
    path = path.replace(/^\/+/, "");
  } else if (path.startsWith("./") || path.startsWith("../")) {
    base = "file";
    path = path.replace(/^(?:\.\/)+/, "");
  }
  const segments = path.replace(/\/$/, "").split("/");
  const firstNamed = segments.findIndex((segment) => segment !== "..");
  const named = firstNamed < 0 ? [] : segments.slice(firstNamed);
  // One name alone (`setup.sh`) has no first segment to vouch that it is a path; `a//b`,
  // `a/./b` and `a/../b` are not how people name files.
  if (named.length < 2 || named.some((segment) => segment === "" || segment === "." || segment === "..")) {
    return undefined;
  }
  const glob = WILDCARD.test(path);
  const last = named[named.length - 1]!;
  const shaped = path.endsWith("/") || FILE_EXTENSION.test(last.replace(BRACE_ALTERNATION, "x")) || FILE_NAMES.test(last) || (glob && path.includes("**"));
  // `/api/users/me`, `/admin/settings`: with a leading `/` and no extension, a URL route.
  if (base === "root" && !shaped) return undefined;
  return { path, base, glob, placeholder: hasPlaceholder(named), shaped };
}

function hasPlaceholder(segments: readonly string[]): boolean {
  return segments.some((segment, i) => {
    const stem = segment.split(".")[0]!.toLowerCase();
    return (
      PLACEHOLDER_WORDS.has(stem) || PLACEHOLDER_PREFIX.test(segment) || PLACEHOLDER_NAME.test(segment.split(".")[0]!) || (stem === "path" && segments[i + 1] === "to")
    );
  });
}
