import { gitBuffer } from "./git.js";

/**
 * Reads many blobs with one `git cat-file --batch` process. Output per object:
 * `<id> <type> <size>\n<content>\n`, or `<id> missing\n`.
 */
export function readBlobs(root: string, ids: readonly string[]): Map<string, Buffer> {
  const result = new Map<string, Buffer>();
  if (ids.length === 0) return result;
  const out = gitBuffer(root, ["cat-file", "--batch"], ids.join("\n") + "\n");
  if (!out) return result;
  let offset = 0;
  for (const id of ids) {
    const headerEnd = out.indexOf(10, offset);
    if (headerEnd < 0) break;
    const header = out.subarray(offset, headerEnd).toString("utf8").split(" ");
    offset = headerEnd + 1;
    if (header[1] === "missing" || header.length < 3) continue;
    const size = Number(header[2]);
    result.set(id, out.subarray(offset, offset + size));
    offset += size + 1;
  }
  return result;
}
