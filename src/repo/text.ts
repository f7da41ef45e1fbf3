/** Turning raw bytes into text a rule can read, or a reason to skip the file. */

export const MAX_TEXT_BYTES = 16 * 1024 * 1024;

export type TextResult = { text: string } | { skipped: string };

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

export function decodeText(bytes: Buffer): TextResult {
  if (bytes.length > MAX_TEXT_BYTES) return { skipped: `larger than ${MAX_TEXT_BYTES / 1024 / 1024} MiB` };
  if (looksBinary(bytes)) return { skipped: "binary content" };
  // Invalid UTF-8 becomes U+FFFD rather than a crash; the BOM is dropped by the decoder.
  return { text: decoder.decode(bytes) };
}

/** Git's heuristic: a NUL byte in the first 8,000 bytes means binary. */
function looksBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}
