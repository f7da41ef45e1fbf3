import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { allRules } from "../../checks/registry.js";
import { UsageError } from "../../core/errors.js";
import { packageRoot } from "../../core/package-root.js";
import { didYouMean } from "../../core/suggest.js";
import type { Io } from "../io.js";

/** `guard explain <id>`: prints the rule's doc page. */
export function runExplain(id: string, io: Io): number {
  const ids = allRules.map((rule) => rule.meta.id);
  if (!ids.includes(id)) {
    throw new UsageError(`unknown rule "${id}"`, {
      expected: "a rule id such as docs/dead-link",
      suggestion: didYouMean(id, ids) ?? "run `guard rules list` to see every rule id",
    });
  }
  const page = join(packageRoot(), "rules", `${id}.md`);
  if (!existsSync(page)) throw new UsageError(`no doc page for ${id} (expected rules/${id}.md)`);
  io.stdout(readFileSync(page, "utf8"));
  return 0;
}
