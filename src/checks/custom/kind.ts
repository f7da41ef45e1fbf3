import type { RuleExample, RuleFile } from "../../config/rule-file-types.js";
import type { Finding } from "../../core/types.js";
import type { Workspace } from "../workspace.js";

/**
 * What a rule-file kind reports: where, the message `data` its template may use (`{$A}` for
 * an ast-grep metavariable), and evidence that identifies the finding for fingerprints.
 * The adapter (from-file.ts) adds the message id.
 */
export type KindFinding = Omit<Finding, "messageId">;

export interface KindContext<File extends RuleFile> {
  spec: File;
  workspace: Workspace;
  report(finding: KindFinding): void;
}

/** What happened when one example ran: did the rule fire, and a short account for `rules test`. */
export interface ExampleOutcome {
  fired: boolean;
  /** e.g. "matched `moment(a)` at 1:12", or "no match". */
  detail: string;
}

/** One kind of rule file: how it checks a repo and how it runs one example of itself. */
export interface Kind<File extends RuleFile> {
  check(context: KindContext<File>): void | Promise<void>;
  runExample(spec: File, example: RuleExample): ExampleOutcome | Promise<ExampleOutcome>;
}
