import { Workspace } from "../checks/workspace.js";
import type { RuleFile } from "../config/rule-file-types.js";
import type { ResolvedConfig } from "../config/types.js";
import type { ChangeContext } from "../core/change.js";
import { gitText } from "../repo/git.js";
import { Repo } from "../repo/repo.js";
import { filesBetween, parentOf } from "../repo/revision.js";
import { ruleSource, toRuleFile } from "./rule-source.js";
import type { DraftRule, Evidence } from "./types.js";

/** Which tree a proof step reads. */
export type ProofSide = "bad" | "good" | "head";

/**
 * What every proof of one `guard learn` run shares: one Workspace per revision (so each tree is
 * listed, read and its import graph built once for all candidates), the touched files of each
 * side, and the changes a co-change candidate is judged on. Nothing here reads the work tree or
 * writes anywhere: every tree comes from git objects.
 */
export class ProofContext {
  private readonly workspaces = new Map<ProofSide, Workspace>();
  /** Rule files every new workspace lists, so the pattern kind scans each tree once for all of them. */
  private batch: RuleFile[] = [];
  private readonly repos = new Map<ProofSide, Repo>();
  private headTree: string | undefined;
  private goodTree: boolean | undefined;
  private readonly changes = new Map<"bad" | "good", Set<string> | undefined>();
  private readonly specs = new Map<DraftRule, RuleFile>();
  private readonly sources = new Set<string>();

  constructor(
    readonly root: string,
    readonly config: ResolvedConfig,
    readonly evidence: Evidence,
  ) {}

  /** Files of the bad side the fix touched (old paths), and of the good side (new paths). */
  get touchedBad(): Set<string> {
    return new Set(this.evidence.files.flatMap((file) => (file.oldPath === undefined ? [] : [file.oldPath])));
  }

  get touchedGood(): Set<string> {
    return new Set(this.evidence.files.flatMap((file) => (file.newPath === undefined ? [] : [file.newPath])));
  }

  /**
   * The rule file of a draft, made once. Each gets its own source path: the pattern kind keys
   * a rule's scan by its source, so two drafts with one id must not share one.
   */
  specOf(draft: DraftRule): RuleFile {
    let spec = this.specs.get(draft);
    if (!spec) {
      const base = ruleSource(this.config.ruleDirs[0] ?? ".guard/rules", draft.id);
      let source = base;
      for (let n = 2; this.sources.has(source); n++) source = `${base}#${n}`;
      this.sources.add(source);
      spec = toRuleFile(draft, source);
      this.specs.set(draft, spec);
    }
    return spec;
  }

  /** The rule files about to be proven: listed in each workspace created from now on. */
  prepare(specs: readonly RuleFile[]): void {
    this.batch = [...specs];
  }

  workspace(side: ProofSide): Workspace {
    let workspace = this.workspaces.get(side);
    if (!workspace) {
      workspace = this.create(side);
      this.workspaces.set(side, workspace);
    }
    return workspace;
  }

  /**
   * A workspace judged as a change (co-change candidates): only `change.files` matters to the
   * kind, so it shares the good side's file list and sets its own change.
   */
  changeWorkspace(files: Set<string>, rev: string): Workspace {
    const workspace = new Workspace(this.repo("good", this.evidence.good), this.config, { cache: false });
    workspace.change = changeOf(files, rev);
    return workspace;
  }

  private repo(side: ProofSide, revision: string): Repo {
    let repo = this.repos.get(side);
    if (!repo) {
      repo = new Repo({ root: this.root, exclude: this.config.exclude, source: "revision", revision });
      this.repos.set(side, repo);
    }
    return repo;
  }

  /** HEAD's tree: the committed state, whatever the work tree holds. */
  headRevision(): string {
    this.headTree ??= gitText(this.root, ["rev-parse", "--verify", "-q", "HEAD^{tree}"])?.trim() || "HEAD";
    return this.headTree;
  }

  /** True when the good side is HEAD's tree, so the good proof can read HEAD's workspace. */
  goodIsHead(): boolean {
    if (this.goodTree === undefined) {
      const good = gitText(this.root, ["rev-parse", "--verify", "-q", `${this.evidence.good}^{tree}`])?.trim();
      this.goodTree = good !== undefined && good === this.headRevision();
    }
    return this.goodTree;
  }

  private create(side: ProofSide): Workspace {
    const { evidence } = this;
    const revision = side === "head" ? this.headRevision() : side === "good" ? evidence.good : evidence.bad;
    const repo = this.repo(side, revision);
    // Never the import-graph cache: it lives in the work tree (node_modules/.cache), which learn leaves alone.
    const workspace = new Workspace(repo, this.config, { cache: false });
    workspace.ruleFiles = this.batch;
    if (side === "bad" || side === "good") {
      // Restricts kinds that honour a change (pattern, text) to the touched files: the proof looks only there.
      workspace.change = changeOf(side === "bad" ? this.touchedBad : this.touchedGood, revision);
    }
    return workspace;
  }

  /**
   * The files of the change a co-change candidate is judged on. Bad: the bad commit's own change
   * (the agent's commit, which touched code without its companion); good: from before that
   * commit to the fix (the same work done right). Without a bad commit (a `--diff` tree) the bad
   * change is unknown (undefined): prove.ts then takes the fix's files without the companions.
   */
  coChangeFiles(side: "bad" | "good"): Set<string> | undefined {
    if (!this.changes.has(side)) this.changes.set(side, this.readChange(side));
    return this.changes.get(side);
  }

  private readChange(side: "bad" | "good"): Set<string> | undefined {
    const { evidence, root } = this;
    // A tree (the bad side of a --diff) has no parent: its own change is unknown.
    const parent = parentOf(root, evidence.bad);
    if (side === "bad") return parent ? filesBetween(root, parent, evidence.bad) : undefined;
    return filesBetween(root, parent ?? evidence.bad, evidence.good);
  }
}

/** A change as the co-change kind reads it (only `files` matters to it). */
export function changeOf(files: Set<string>, rev: string): ChangeContext {
  return { mode: "commit", base: undefined, head: { kind: "rev", rev }, files, messages: [], allowWeaken: false };
}
