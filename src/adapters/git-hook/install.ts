import { readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { UsageError } from "../../core/errors.js";
import { hookBlock, LEFTHOOK_SNIPPET, PRE_COMMIT_SNIPPET } from "./block.js";
import { judgeHook } from "./existing-hook.js";
import { detectSetup, repoPlaces, type HookSetup, type RepoPlaces } from "./setup.js";
import { createHookFile, readHookFile, replaceHookFile } from "./write-hook.js";

/** What `guard hook install` did; the CLI turns it into messages and an exit code. */
export type InstallOutcome =
  /** The hook file was written (created, or guard's block appended to it). */
  | { status: "installed"; setup: HookSetup["kind"]; file: string; created: boolean }
  /** guard already runs from there: nothing changed. */
  | { status: "present"; setup: HookSetup["kind"]; file: string; how: string }
  /** The user must add `snippet` to `file` by hand, for `reason`. */
  | { status: "manual"; setup: HookSetup["kind"]; file: string; reason: string; snippet: string };

export interface InstallOptions {
  cwd: string;
  /** Only say what would be added, where: write nothing. */
  printOnly: boolean;
  /** The folder of the node running guard, the hook's fallback when PATH has no node. */
  nodeFolder: string;
}

/** Installs guard's pre-commit hook in the form the repository's hook setup takes. */
export function installHook(options: InstallOptions): InstallOutcome {
  try {
    return install(options);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (typeof failure.code !== "string" || failure.path === undefined) throw error;
    // A read-only hooks folder, a full disk: say which file, not a stack trace.
    const where = failure.path.endsWith(".tmp") ? dirname(failure.path) : failure.path; // our temp file: name its folder
    throw new UsageError(`could not write ${where} (${failure.code}); guard changed nothing`, {
      expected: "a hooks folder (core.hooksPath) that is a folder this user can write to",
      suggestion: "run guard hook install --print and add the lines yourself",
    });
  }
}

function install(options: InstallOptions): InstallOutcome {
  const places = repoPlaces(options.cwd);
  const setup = detectSetup(places);
  if (setup.kind === "lefthook" || setup.kind === "pre-commit") return yamlSetup(places, setup);
  if (setup.kind === "husky") {
    // husky's files are committed: no path of this machine in them (husky sources
    // ~/.config/husky/init.sh for PATH); husky runs them with `sh -e`.
    return hookFile(places, join(places.top, setup.folder, "pre-commit"), "husky", hookBlock({ folder: places.folder }), true, options);
  }
  const block = hookBlock({ folder: places.folder, nodeFallback: setup.versioned ? undefined : options.nodeFolder });
  const file = join(setup.hooksDir, "pre-commit");
  if (!setup.inside) {
    return manual("git", places, file, block, "is outside this repository (core.hooksPath points there, maybe for every repository); guard writes only inside the repository");
  }
  return hookFile(places, file, "git", block, false, options);
}

function hookFile(places: RepoPlaces, file: string, kind: "git" | "husky", block: string, runBySh: boolean, options: InstallOptions): InstallOutcome {
  const existing = readHookFile(file);
  const fresh = `#!/bin/sh\n${block}`;
  if (!existing) {
    if (options.printOnly) return manual(kind, places, file, fresh, "does not exist yet");
    if (createHookFile(file, fresh)) return { status: "installed", setup: kind, file: shown(places, file), created: true };
    return manual(kind, places, file, block, "appeared while guard was writing it");
  }
  const verdict = judgeHook({ ...existing, runBySh });
  if (verdict.kind === "has-guard") {
    return { status: "present", setup: kind, file: shown(places, file), how: verdict.how === "block" ? "guard's block" : "a guard check line" };
  }
  if (verdict.kind === "unsafe") return manual(kind, places, file, block, verdict.reason);
  if (options.printOnly) return manual(kind, places, file, block, "exists; guard would add this at its end");
  const separator = existing.text === "" || existing.text.endsWith("\n") ? "" : "\n";
  replaceHookFile(file, `${existing.text}${separator}\n${block}`, existing.mode);
  return { status: "installed", setup: kind, file: shown(places, file), created: false };
}

/** lefthook and pre-commit: guard prints the entry for their YAML and leaves the user's file alone. */
function yamlSetup(places: RepoPlaces, setup: Extract<HookSetup, { kind: "lefthook" | "pre-commit" }>): InstallOutcome {
  const file = join(places.top, setup.config);
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    // Unreadable: print the snippet.
  }
  if (/\bguard\s+check\b/.test(text)) return { status: "present", setup: setup.kind, file: setup.config, how: "a guard check entry" };
  const snippet = setup.kind === "lefthook" ? LEFTHOOK_SNIPPET : PRE_COMMIT_SNIPPET;
  const section = setup.kind === "lefthook" ? "pre-commit:" : "repos:";
  return manual(setup.kind, places, file, snippet, `is ${setup.kind}'s configuration, which guard does not rewrite; merge this into it (under its \`${section}\` if it has one), then run ${setup.kind === "lefthook" ? "lefthook install" : "pre-commit install"}`);
}

function manual(setup: HookSetup["kind"], places: RepoPlaces, file: string, snippet: string, reason: string): InstallOutcome {
  return { status: "manual", setup, file: shown(places, file), reason, snippet };
}

/** Repo-relative when inside the work tree, else absolute. */
function shown(places: RepoPlaces, file: string): string {
  const rel = relative(places.top, file);
  return rel.startsWith("..") ? file : rel.split(sep).join("/");
}
