import { UsageError } from "../core/errors.js";
import { gitRequired, gitText } from "../repo/git.js";
import { Repo } from "../repo/repo.js";
import { parentOf, resolveCommit, shortSha } from "../repo/revision.js";
import { parseDiff, type ChangeSkeleton } from "./diff-parse.js";
import { reversedTree } from "./diff-tree.js";
import type { Evidence, FileChange } from "./types.js";

/** How the user named the mistake and its fix (SPEC §6 inputs). */
export type EvidenceInput =
  | { commit: string }
  | { from: string; to: string }
  /** A unified diff of the fix (text already read from the file or stdin); HEAD is its good side. */
  | { diff: string; label: string };

/**
 * Reads the evidence from git objects, never from a checkout: the work tree and the index stay
 * exactly as they were. `--commit R`: bad = R's parent, good = R (a root or merge commit is a
 * usage error: there is no single state before it). `--from B --to G`: as given. `--diff`:
 * good = HEAD's tree, bad = that tree with the patch reversed (diff-tree.ts).
 */
export function readEvidence(root: string, input: EvidenceInput): Evidence {
  if ("commit" in input) return fromCommit(root, input.commit);
  if ("from" in input) return fromRange(root, input.from, input.to);
  const good = gitRequired(root, ["rev-parse", "--verify", "HEAD^{tree}"], "--diff needs a commit at HEAD").trim();
  const bad = reversedTree(root, input.diff, input.label);
  return { bad, good, label: input.label, date: today(), files: changesBetween(root, bad, good) };
}

function fromCommit(root: string, rev: string): Evidence {
  const good = resolveCommit(root, rev, "--commit");
  const parents = (gitText(root, ["rev-list", "--parents", "-n", "1", good]) ?? "").trim().split(/\s+/).slice(1);
  if (parents.length !== 1) {
    const what = parents.length === 0 ? "a root commit: it has no parent holding the state before the fix" : "a merge commit: its parents are two different states before it";
    throw new UsageError(`--commit ${rev} is ${what}`, {
      expected: "the commit that fixed the mistake, with exactly one parent (the bad state)",
      suggestion: parents.length === 0 ? "give both states with --from <bad> --to <good>" : `pick the fix commit itself, or compare with --from ${rev}^1 --to ${rev}`,
    });
  }
  const bad = parents[0]!;
  const { subject, date } = describeCommit(root, good);
  return { bad, good, label: shortSha(root, good), subject, date, files: changesBetween(root, bad, good) };
}

function fromRange(root: string, from: string, to: string): Evidence {
  const bad = resolveCommit(root, from, "--from");
  const good = resolveCommit(root, to, "--to");
  const { subject, date } = describeCommit(root, good);
  // A subject names the fix only when the range is that one commit.
  const single = parentOf(root, good) === bad;
  return {
    bad,
    good,
    label: `${shortSha(root, bad)}..${shortSha(root, good)}`,
    ...(single ? { subject } : {}),
    date,
    files: changesBetween(root, bad, good),
  };
}

function describeCommit(root: string, sha: string): { subject: string; date: string } {
  const [subject = "", date = ""] = (gitText(root, ["log", "-1", "--format=%s%x00%cI", sha]) ?? "").trim().split("\0");
  return { subject, date: date.slice(0, 10) || today() };
}

/** Today (yyyy-mm-dd), or `GUARD_NOW` when set: the testing hook the docs rules honour too. */
function today(): string {
  const fixed = process.env.GUARD_NOW ? Date.parse(process.env.GUARD_NOW) : Number.NaN;
  return new Date(Number.isNaN(fixed) ? Date.now() : fixed).toISOString().slice(0, 10);
}

/** Options that keep git's output the plain format we parse, whatever the user's config says. */
const PLAIN = ["--no-color", "--no-ext-diff", "--no-textconv", "--find-renames", "--relative"];

/** Every file that differs between two trees, with line ranges and each side's contents. */
function changesBetween(root: string, bad: string, good: string): FileChange[] {
  const what = `cannot compare ${bad.slice(0, 7)} with ${good.slice(0, 7)}`;
  const nameStatus = gitRequired(root, ["-c", "core.quotePath=false", "diff", ...PLAIN, "--name-status", "-z", bad, good, "--"], what);
  const patch = gitRequired(root, ["-c", "core.quotePath=false", "diff", ...PLAIN, "-U0", "--src-prefix=a/", "--dst-prefix=b/", bad, good, "--"], what);
  const skeletons = parseDiff(nameStatus, patch);
  if (skeletons.length === 0) return [];
  const before = sideReader(root, bad, skeletons.flatMap((file) => (file.oldPath ? [file.oldPath] : [])));
  const after = sideReader(root, good, skeletons.flatMap((file) => (file.newPath ? [file.newPath] : [])));
  return skeletons.map((file: ChangeSkeleton) => {
    const change: FileChange = { ...file };
    const old = file.oldPath === undefined ? undefined : before(file.oldPath);
    const now = file.newPath === undefined ? undefined : after(file.newPath);
    if (old !== undefined) change.before = old;
    if (now !== undefined) change.after = now;
    return change;
  });
}

/** Reads one side's files from git objects (one `cat-file` process); binary or huge → undefined. */
function sideReader(root: string, revision: string, paths: string[]): (path: string) => string | undefined {
  if (paths.length === 0) return () => undefined;
  const repo = new Repo({ root, exclude: [], source: "revision", revision });
  repo.preload(paths);
  return (path) => repo.readText(path);
}
