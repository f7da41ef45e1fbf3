import type { RuleFile, RuleFileKind } from "../config/rule-file-types.js";

/**
 * The shared vocabulary of `guard learn` (SPEC §6, ../shared/LEARN.md): the evidence read from
 * the real revisions, the candidate rules extracted from it, and the proof of each candidate.
 */

/** A 1-based, inclusive range of lines on one side of a diff. */
export interface LineRange {
  start: number;
  end: number;
}

/** One file of the fix: what it was on the bad side and what it became on the good side. */
export interface FileChange {
  status: "modified" | "added" | "deleted" | "renamed";
  /** Path on the bad side (undefined when added). */
  oldPath?: string;
  /** Path on the good side (undefined when deleted). */
  newPath?: string;
  /** Lines removed from the bad side. */
  removed: LineRange[];
  /** Lines added on the good side. */
  added: LineRange[];
  /** Contents on each side (undefined when absent, binary or huge). */
  before?: string;
  after?: string;
}

/**
 * The mistake and its fix, as two trees git can read without a checkout: `bad` and `good` are
 * tree-ish revisions (a commit, or a tree written from a temporary index for `--diff`).
 */
export interface Evidence {
  bad: string;
  good: string;
  /** How the user named them, for `why`: "a3f9c1e^..a3f9c1e", "HEAD with patch.diff reversed". */
  label: string;
  /** Subject of the fix commit, when there is one. */
  subject?: string;
  /** Commit date of the fix (ISO, yyyy-mm-dd), or today for a diff. */
  date: string;
  files: FileChange[];
}

/** A rule file as learn would write it: everything but what the loader derives from the path. */
export type DraftRule = RuleFile extends infer Each ? (Each extends RuleFile ? Omit<Each, "source" | "globs"> : never) : never;

/** Where the bad revision must fire for the candidate to describe the mistake. */
export interface ExpectedHit {
  file: string;
  line: number;
}

export interface Candidate {
  kind: RuleFileKind;
  rule: DraftRule;
  /** Lower is more general: ladders emit each step with a rank, proof tries general ones first. */
  generality: number;
  /** A short account of the step, e.g. "pattern moment($$$) in src/domain/**". */
  label: string;
  /** Hits the bad side must show (the removed lines); empty for kinds judged on a change (co-change). */
  expect: ExpectedHit[];
}

/** What a candidate did on the real revisions. */
export interface Proof {
  /** Findings on the bad side, and whether they cover every expected hit. */
  bad: number;
  firesAtMistake: boolean;
  /** Findings on the good side at the touched files, and on HEAD over the whole tree. */
  good: number;
  head: number;
  /** A few of the HEAD hits (file:line), to show why a general candidate was narrowed. */
  headHits: string[];
  passed: boolean;
}

export interface ProvenCandidate extends Candidate {
  proof: Proof;
}
