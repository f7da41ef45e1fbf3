/** What a hook prints and exits with, in its agent's protocol. */
export interface HookAnswer {
  code: number;
  stdout: string;
  stderr: string;
}

/** An agent's hook input, reduced to what guard does about it. */
export type HookEvent =
  /** After the agent wrote files: check those files. */
  | { kind: "edit"; cwd: string; files: string[] }
  /** The agent wants to end its turn. `continued`: it is already going on because a stop hook blocked. */
  | { kind: "stop"; cwd: string; session: string; continued: boolean }
  /** An event guard has nothing to do for (another tool, an aborted run): answer quietly. */
  | { kind: "skip" }
  /** Input guard cannot use: say why, let the agent go on. */
  | { kind: "bad"; message: string };

/** What guard found after an edit. */
export type EditOutcome =
  | { kind: "clean" }
  | { kind: "findings"; text: string; errors: number }
  | { kind: "note"; message: string };

/** What guard decided when the agent wants to stop. */
export type StopOutcome =
  | { kind: "allow" }
  | { kind: "block"; text: string }
  /** Allowed, with something the user should know (the retry cap was reached, guard could not check). */
  | { kind: "note"; message: string };

/** One agent's hook protocol: its input, its answers, and its settings file. */
export interface AgentProtocol {
  name: "claude" | "codex" | "cursor";
  /** The project settings file the hooks go in, relative to the repository. */
  settingsFile: string;
  /** The agent's stdin JSON (already parsed) as a guard event. */
  event(input: Record<string, unknown>, fallbackCwd: string): HookEvent;
  answerEdit(outcome: EditOutcome): HookAnswer;
  answerStop(outcome: StopOutcome): HookAnswer;
  /** Guard could not do its job (bad input, no repository): tell the user, never block the agent. */
  answerNote(message: string): HookAnswer;
  /** The settings snippet that runs `command` on this agent's edit and stop events. */
  settings(command: string): Record<string, unknown>;
}
