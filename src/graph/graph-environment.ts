import { createHash } from "node:crypto";
import type { Repo } from "../repo/repo.js";

/** Files whose content can change where a specifier resolves: tsconfig/jsconfig, manifests, workspaces. */
const ENVIRONMENT_FILE = /(?:^|\/)(?:[tj]sconfig[^/]*\.json|package\.json|pnpm-workspace\.yaml)$/;

/**
 * One key for everything resolution depends on besides the specifier: the sorted file list
 * (a new file can turn an unresolved import into a resolved one, or win over an index file)
 * and the content of every tsconfig, package.json and pnpm-workspace.yaml.
 */
export function resolutionEnvironment(repo: Repo): string {
  const hash = createHash("sha1");
  hash.update(repo.files.join("\n")).update("\n");
  for (const file of repo.files) {
    if (file.endsWith(".json") || file.endsWith(".yaml")) {
      if (ENVIRONMENT_FILE.test(file)) hash.update(`\0${file}\0`).update(repo.readText(file) ?? "");
    }
  }
  return hash.digest("hex");
}
