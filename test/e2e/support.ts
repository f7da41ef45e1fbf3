import type { FileTree } from "../helpers/repo.js";

/**
 * Shared fixtures of the engine/format end-to-end tests. They use only the max-lines rules,
 * so what they assert does not depend on how the other rules evolve.
 */
export const ONLY = ["--only", "agents/max-lines,docs/max-lines"];

/** `count` numbered lines, each ending in a newline. */
export function lines(count: number, eol = "\n"): string {
  return Array.from({ length: count }, (_, i) => `line ${i + 1}`).join(eol) + eol;
}

export const LIMITS = "agents:\n  maxLines: 3\ndocs:\n  maxLines: 3\n";

/** A map over agents.maxLines (an error at AGENTS.md:4) and a doc over docs.maxLines (a warning at docs/long.md:4). */
export function overLimits(extra: FileTree = {}): FileTree {
  return {
    "guard.yaml": LIMITS,
    "AGENTS.md": lines(5),
    "docs/long.md": lines(6),
    "docs/short.md": lines(2),
    ...extra,
  };
}

/** What a crash looks like on stderr: a JS stack frame or our internal-error line. */
export const STACK_TRACE = /\n\s+at .+\(.*:\d+:\d+\)|internal error/;
