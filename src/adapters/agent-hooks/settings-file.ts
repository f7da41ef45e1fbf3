import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "../../core/errors.js";
import { jsonErrorPlace } from "./json-place.js";
import type { AgentProtocol } from "./types.js";

export interface InstallResult {
  file: string;
  /** False when every guard hook was already there: the file is left as it was. */
  changed: boolean;
}

/**
 * Merges the agent's guard hooks into its project settings file under `root`: every other key
 * and every other hook stays; an event that already runs `guard hook <agent>` is left alone, so
 * installing twice changes nothing. Written atomically. A settings file that is not valid JSON,
 * or whose `hooks` is not an object of lists, is a usage error naming the place, and the file
 * is not touched.
 */
export function installSettings(root: string, protocol: AgentProtocol, command: string): InstallResult {
  const file = join(root, protocol.settingsFile);
  const settings = existsSync(file) ? readSettings(file, protocol.settingsFile) : {};
  const wanted = protocol.settings(command) as { version?: number; hooks: Record<string, unknown[]> };
  const hooks = settings.hooks ?? {};
  if (typeof hooks !== "object" || hooks === null || Array.isArray(hooks)) {
    throw new UsageError(`${protocol.settingsFile}: "hooks" is not an object`, { expected: "an object of hook event names to lists" });
  }
  let changed = false;
  const merged: Record<string, unknown> = { ...(hooks as Record<string, unknown>) };
  for (const [eventName, entries] of Object.entries(wanted.hooks)) {
    const current = merged[eventName] ?? [];
    if (!Array.isArray(current)) {
      throw new UsageError(`${protocol.settingsFile}: hooks.${eventName} is not a list`, { expected: "a list of hook entries" });
    }
    if (current.some((entry) => runsGuard(entry, protocol.name))) continue;
    merged[eventName] = [...current, ...entries];
    changed = true;
  }
  if (!changed) return { file, changed };
  const next: Record<string, unknown> = wanted.version !== undefined && settings.version === undefined ? { version: wanted.version } : {};
  Object.assign(next, settings, { hooks: merged });
  writeAtomically(file, `${JSON.stringify(next, null, 2)}\n`);
  return { file, changed };
}

function readSettings(file: string, shown: string): Record<string, unknown> & { hooks?: unknown; version?: unknown } {
  const text = readFileSync(file, "utf8");
  if (text.trim() === "") return {};
  const place = jsonErrorPlace(text);
  if (place) {
    throw new UsageError("not valid JSON; left as it is", { where: `${shown}:${place.line}:${place.column}`, expected: "a JSON object; fix it, then run --install again" });
  }
  const value = JSON.parse(text) as unknown;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new UsageError(`${shown} is not a JSON object; left as it is`, { where: `${shown}:1:1` });
  }
  return value as Record<string, unknown>;
}

/** An entry (or a group of them) that already runs guard's hook for this agent. */
function runsGuard(entry: unknown, agent: string): boolean {
  return JSON.stringify(entry ?? null).includes(`guard hook ${agent}`);
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}
