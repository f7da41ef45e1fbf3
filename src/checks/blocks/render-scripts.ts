import type { Workspace } from "../workspace.js";
import { code, table } from "./table.js";
import type { Rendered } from "./types.js";

/**
 * The `scripts` block: the scripts of a package.json (the argument, from the repo root; else the
 * root one) in the order the file lists them, which is the order its authors chose.
 */
export function renderScripts(workspace: Workspace, args: readonly string[]): Rendered {
  if (args.length > 1) return { problem: `takes one package.json path, not "${args.join(" ")}"` };
  const path = (args[0] ?? "package.json").replace(/^\.\//, "");
  const text = workspace.repo.hasFile(path) ? workspace.repo.readText(path) : undefined;
  if (text === undefined) return { problem: `${path} is not a readable file of the repository` };
  let scripts: unknown;
  try {
    scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
  } catch {
    return { problem: `${path} is not valid JSON` };
  }
  const entries = scripts && typeof scripts === "object" ? Object.entries(scripts).filter((entry): entry is [string, string] => typeof entry[1] === "string") : [];
  if (entries.length === 0) return { lines: [`${path} has no scripts.`] };
  return { lines: table(["script", "runs"], entries.map(([name, command]) => [code(name), code(command)])) };
}
