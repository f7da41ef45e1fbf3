import { readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { parse as parseYaml } from "yaml";
import { globMatcher } from "../repo/glob.js";

/** A package of this repository that others import by name (npm/yarn/bun `workspaces`, pnpm-workspace.yaml, or the root). */
export interface WorkspacePackage {
  name: string;
  /** Repo-relative folder, "" for the root. */
  dir: string;
  manifest: Record<string, unknown>;
}

/** Workspace packages by name. Only folders the workspace globs name count, so fixtures and examples stay out. */
export function findWorkspacePackages(root: string, files: readonly string[]): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  const rootManifest = readJson(join(root, "package.json"));
  const patterns = [...workspaceGlobs(rootManifest), ...pnpmGlobs(root)];
  const include = globMatcher(patterns.filter((p) => !p.startsWith("!")).map(cleanGlob));
  const exclude = globMatcher(patterns.filter((p) => p.startsWith("!")).map((p) => cleanGlob(p.slice(1))));
  for (const file of files) {
    if (!file.endsWith("/package.json") || file.includes("node_modules/")) continue;
    const dir = posix.dirname(file);
    if (!include(dir) || exclude(dir)) continue;
    add(packages, dir, readJson(join(root, file)));
  }
  // The root package can import itself by name (self-reference through its `exports`).
  if (files.includes("package.json")) add(packages, "", rootManifest);
  return packages;
}

/** `@scope/name` or `name` of a bare specifier (`@scope/name/sub/path` → `@scope/name`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") && parts.length > 1 ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
}

function add(packages: Map<string, WorkspacePackage>, dir: string, manifest: Record<string, unknown> | undefined): void {
  const name = manifest?.name;
  if (typeof name !== "string" || name === "" || packages.has(name)) return;
  packages.set(name, { name, dir, manifest: manifest! });
}

function workspaceGlobs(manifest: Record<string, unknown> | undefined): string[] {
  const workspaces = manifest?.workspaces;
  if (Array.isArray(workspaces)) return workspaces.filter((w): w is string => typeof w === "string");
  const nested = (workspaces as { packages?: unknown } | undefined)?.packages;
  return Array.isArray(nested) ? nested.filter((w): w is string => typeof w === "string") : [];
}

function pnpmGlobs(root: string): string[] {
  try {
    const document = parseYaml(readFileSync(join(root, "pnpm-workspace.yaml"), "utf8")) as { packages?: unknown } | null;
    const list = document?.packages;
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === "string") : [];
  } catch {
    return [];
  }
}

function cleanGlob(pattern: string): string {
  return pattern.trim().replace(/^\.\//, "").replace(/\/+$/, "");
}

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
