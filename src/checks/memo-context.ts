import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ResolvedConfig } from "../config/types.js";
import { codeStamp } from "../repo/cache-files.js";

/**
 * What every value in the file memo depends on besides its own file: the code of the rules
 * that use it and of the import graph (so another build of guard recomputes everything), the
 * whole resolved config, and the resolution environment (file list, tsconfig and package.json
 * contents: where any import leads). One digest; when it changes, every value is recomputed.
 */
export function memoContext(config: ResolvedConfig, environment: string): string {
  const checks = dirname(fileURLToPath(import.meta.url));
  const stamps = [
    codeStamp(checks, ["rule", "workspace", "memo-"], []),
    codeStamp(join(checks, "arch"), [""], []),
    codeStamp(join(checks, "imports"), [""], []),
    codeStamp(join(checks, "..", "graph"), [""], []),
  ];
  return createHash("sha1").update(stamps.join("\n")).update("\0").update(JSON.stringify(config)).update("\0").update(environment).digest("hex");
}
