import picomatch from "picomatch";

/**
 * One compiled matcher for a list of globs (dotfiles included, as .github/ and .cursor/ matter).
 * Matchers run over every listed file (10,000 in a large repo, several globs per run): when every
 * pattern ends in a literal name or a `*.ext`, a path without one of those endings is rejected by
 * a string test before picomatch's regular expression runs. It only ever rejects what the
 * regular expression would reject too.
 */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const match = picomatch([...patterns], { dot: true });
  const endings = patterns.map(literalEnding);
  if (endings.some((ending) => ending === undefined)) return match;
  return (path) => endings.some((ending) => path.endsWith(ending!)) && match(path);
}

/** `**\/AGENTS.md` → `AGENTS.md`, `docs/**\/*.md` → `.md`; undefined when the last segment is not literal after a leading `*`. */
function literalEnding(pattern: string): string | undefined {
  if (pattern.startsWith("!") || pattern.endsWith("/")) return undefined;
  const last = pattern.slice(pattern.lastIndexOf("/") + 1);
  const rest = last.startsWith("*") && !last.startsWith("**") ? last.slice(1) : last;
  return rest !== "" && !/[*?[\]{}()!+@\\]/.test(rest) ? rest : undefined;
}
