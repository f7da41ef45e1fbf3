export type ParsedInput = { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/** Parses the hook's stdin: a JSON object, or what is wrong with it. */
export function parseHookInput(text: string): ParsedInput {
  if (text.trim() === "") return { ok: false, message: "no hook input on stdin (expected the agent's hook JSON)" };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `the hook input on stdin is not JSON (${(error as Error).message})` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, message: "the hook input on stdin is not a JSON object" };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

export function stringField(input: Record<string, unknown>, key: string): string | undefined {
  const value = input[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function objectField(input: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = input[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Reads all of stdin; empty when stdin is a terminal (nobody piped the hook JSON in). */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
