/**
 * A problem with what the user gave us (config, flags, rule files): exit 2, never a stack trace.
 * `where` is `file:line:col` when we know it.
 */
export class UsageError extends Error {
  readonly where: string | undefined;
  readonly expected: string | undefined;
  readonly suggestion: string | undefined;

  constructor(
    message: string,
    details: { where?: string; expected?: string; suggestion?: string } = {},
  ) {
    super(message);
    this.name = "UsageError";
    this.where = details.where;
    this.expected = details.expected;
    this.suggestion = details.suggestion;
  }

  /** One readable block: `guard.yaml:3:5: unknown key "mpas"`, then expected and suggestion. */
  format(): string {
    const lines = [`${this.where ? `${this.where}: ` : ""}${this.message}`];
    if (this.expected) lines.push(`  expected: ${this.expected}`);
    if (this.suggestion) lines.push(`  suggestion: ${this.suggestion}`);
    return lines.join("\n");
  }
}

export function isUsageError(error: unknown): error is UsageError {
  return error instanceof UsageError;
}
