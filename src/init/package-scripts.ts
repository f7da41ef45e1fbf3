import { parseMakefile } from "../checks/commands/taskfiles.js";
import type { Repo } from "../repo/repo.js";

/** Commands a starter map may name: each one exists in this repository. */
export interface StarterCommands {
  /** How the commands are run: `pnpm`, `npm`, `make` … */
  tool: string;
  /** Why that tool (the lockfile, or the Makefile). */
  why: string;
  /** Command lines with a short note, in the order a newcomer runs them. */
  lines: { command: string; note: string }[];
}

/** Scripts worth naming in a map, in the order they are usually run. */
const WANTED = ["build", "test", "lint", "typecheck", "check", "format", "dev"];

const LOCKFILES: [string, string][] = [
  ["pnpm-lock.yaml", "pnpm"],
  ["yarn.lock", "yarn"],
  ["bun.lock", "bun"],
  ["bun.lockb", "bun"],
  ["package-lock.json", "npm"],
];

/**
 * The root package.json's scripts run by the package manager its lockfile names (npm without
 * one), or a root Makefile's targets: only names that exist, so agents/unknown-command agrees.
 */
/** The root package.json's name and description, for the starter map's title. */
export function projectOf(repo: Repo): { name?: string; description?: string } {
  const manifest = readJson(repo.readText("package.json"));
  const text = (key: string) => (typeof manifest?.[key] === "string" && manifest[key] !== "" ? (manifest[key] as string) : undefined);
  return { name: text("name"), description: text("description") };
}

export function starterCommands(repo: Repo): StarterCommands | undefined {
  const manifest = readJson(repo.readText("package.json"));
  if (manifest) {
    const [lockfile, tool] = LOCKFILES.find(([file]) => repo.hasFile(file)) ?? [undefined, "npm"];
    const scripts = typeof manifest.scripts === "object" && manifest.scripts !== null ? (manifest.scripts as Record<string, unknown>) : {};
    const install = tool === "npm" && lockfile ? "npm ci" : `${tool} install`;
    const lines = [{ command: install, note: lockfile ? `install what ${lockfile} pins` : "install the dependencies" }];
    for (const name of WANTED) {
      if (typeof scripts[name] === "string") lines.push({ command: `${tool} run ${name}`, note: `the "${name}" script of package.json` });
    }
    return { tool, why: lockfile ? `${lockfile} is ${tool}'s lockfile` : "package.json without a lockfile", lines };
  }
  const makefile = ["Makefile", "makefile", "GNUmakefile"].find((file) => repo.hasFile(file));
  const text = makefile ? repo.readText(makefile) : undefined;
  if (makefile && text !== undefined) {
    const targets = parseMakefile(makefile, "", text).names;
    const lines = WANTED.filter((name) => targets.has(name)).map((name) => ({ command: `make ${name}`, note: `the ${name} target of ${makefile}` }));
    if (lines.length > 0) return { tool: "make", why: `${makefile} at the root`, lines };
  }
  return undefined;
}

function readJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
