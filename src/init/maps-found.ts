import { posix } from "node:path";
import type { Repo } from "../repo/repo.js";

/** Agent instruction files guard checks: the maps (agents.maps' defaults) and Cursor's rules. */
export interface MapsFound {
  /** AGENTS.md, CLAUDE.md, GEMINI.md and .github/copilot-instructions.md files, anywhere. */
  maps: string[];
  /** `.cursor/rules/**\/*.mdc` files (agents/cursor-rule checks them). */
  cursorRules: string[];
  /** Whether the root has a map an agent starts from; if not, `guard init` writes AGENTS.md. */
  rootMap: string | undefined;
}

const MAP_NAMES = new Set(["AGENTS.md", "CLAUDE.md", "GEMINI.md"]);
const ROOT_MAPS = ["AGENTS.md", "CLAUDE.md", "GEMINI.md", ".github/copilot-instructions.md"];

export function mapsFound(repo: Repo): MapsFound {
  const maps = repo.files.filter((file) => MAP_NAMES.has(posix.basename(file)) || file === ".github/copilot-instructions.md");
  const cursorRules = repo.files.filter((file) => /(?:^|\/)\.cursor\/rules\/.*\.mdc$/.test(file));
  // A map git ignores (a local CLAUDE.md) is still one the agent reads.
  const rootMap = ROOT_MAPS.find((file) => repo.hasFile(file) || repo.exists(file));
  return { maps, cursorRules, rootMap };
}
