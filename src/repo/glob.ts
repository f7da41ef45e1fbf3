import picomatch from "picomatch";

/** One compiled matcher for a list of globs (dotfiles included, as .github/ and .cursor/ matter). */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch([...patterns], { dot: true });
}
