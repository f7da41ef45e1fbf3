import { posix } from "node:path";
import { findWorkspacePackages } from "../graph/resolve-workspaces.js";
import type { SourceShape, Unit } from "./types.js";

/** Folders that conventionally hold a single package's source, in the order they are preferred. */
const SOURCE_ROOTS = ["src", "lib", "source", "app"];

/**
 * How the code splits into units that may become layers. A monorepo (two or more workspace
 * packages with code) splits by the folders its packages live in (`packages/`, `apps/`,
 * `examples/`), or by package when they all live in one folder; a single package by the
 * folders of its source root (`src/*\/`).
 */
export function sourceShape(root: string, files: readonly string[], codeFiles: readonly string[]): SourceShape {
  return workspaceShape(root, files, codeFiles) ?? sourceRootShape(codeFiles);
}

function workspaceShape(root: string, files: readonly string[], codeFiles: readonly string[]): SourceShape | undefined {
  const dirs = [...findWorkspacePackages(root, files).values()].map((entry) => entry.dir).filter((dir) => dir !== "");
  const counts = countByDeepest(dirs, codeFiles);
  const packages = dirs.filter((dir) => (counts.get(dir) ?? 0) > 0).sort();
  // Packages with code in two folders or more (packages/, apps/) split by folder; in one, by package.
  if (packages.length < 2) return undefined;
  const source = files.includes("pnpm-workspace.yaml") ? "pnpm-workspace.yaml" : "package.json `workspaces`";
  const families = new Map<string, string[]>();
  for (const dir of packages) {
    const family = dir.split("/")[0]!;
    families.set(family, [...(families.get(family) ?? []), dir]);
  }
  const listing = [...families].map(([family, members]) => `${family}/ (${members.length})`).join(", ");
  const notes = [`Workspaces (${source}): ${packages.length} packages with code, in ${listing}.`];
  if (families.size >= 2) {
    notes.push("Each of these folders is a layer candidate; the packages inside one folder share its layer.");
    const units = [...families.keys()].map((family) => ({ name: family, dir: family }));
    return { kind: "workspaces", notes, units, rootFiles: [], label: "workspace" };
  }
  return packageShape([...families.keys()][0]!, packages, codeFiles, notes);
}

/**
 * One folder of packages: each package is a unit. A package inside another is part of the outer
 * one (their layer globs must not overlap); code under the folder that no package holds is a
 * unit of its own folder, or, in a folder that also holds packages, placed file by file.
 */
function packageShape(family: string, packages: readonly string[], codeFiles: readonly string[], notes: string[]): SourceShape | undefined {
  const outer = packages.filter((dir) => !packages.some((other) => other !== dir && dir.startsWith(`${other}/`)));
  if (outer.length < 2) return undefined;
  const inside = (dir: string) => (file: string) => file.startsWith(`${dir}/`);
  const units: Unit[] = outer.map((dir) => ({ name: dir.slice(family.length + 1), dir }));
  const rootFiles: string[] = [];
  const extra = new Set<string>();
  for (const file of codeFiles.filter((file) => file.startsWith(`${family}/`) && !outer.some((dir) => inside(dir)(file)))) {
    const rest = file.slice(family.length + 1);
    const top = rest.includes("/") ? `${family}/${rest.slice(0, rest.indexOf("/"))}` : undefined;
    if (top && !outer.some(inside(top))) extra.add(top);
    else rootFiles.push(file);
  }
  for (const dir of extra) units.push({ name: dir.slice(family.length + 1), dir });
  notes.push(`All of them live in ${family}/, so each package is a layer candidate.`);
  return { kind: "workspaces", notes, units: uniqueNames(units.sort((a, b) => (a.dir < b.dir ? -1 : 1))), rootFiles, label: family };
}

function sourceRootShape(codeFiles: readonly string[]): SourceShape {
  const candidates = SOURCE_ROOTS.map((root) => {
    const inside = codeFiles.filter((file) => file.startsWith(`${root}/`));
    const folders = new Map<string, number>();
    for (const file of inside) {
      const rest = file.slice(root.length + 1);
      const slash = rest.indexOf("/");
      if (slash > 0) folders.set(rest.slice(0, slash), (folders.get(rest.slice(0, slash)) ?? 0) + 1);
    }
    return { root, inside, folders };
  }).filter((candidate) => candidate.folders.size >= 2);
  const best = candidates.sort((a, b) => b.inside.length - a.inside.length)[0];
  if (!best) {
    const why =
      codeFiles.length === 0
        ? "The repository has no code files (.ts, .js, …)."
        : `No source root (${SOURCE_ROOTS.map((root) => `${root}/`).join(", ")}) splits its code into two or more folders.`;
    return { kind: "none", notes: [why], units: [], rootFiles: [], label: "" };
  }
  const units = [...best.folders.keys()].sort().map((name) => ({ name, dir: `${best.root}/${name}` }));
  const rootFiles = best.inside.filter((file) => posix.dirname(file) === best.root);
  const notes = [`Source root: ${best.root}/ (${best.inside.length} code files; its ${units.length} folders are the layer candidates).`];
  return { kind: "source-root", notes, units: uniqueNames(units), rootFiles, label: best.root };
}

/** Code files per package folder; a file of a nested package counts for the nested one only. */
function countByDeepest(dirs: readonly string[], codeFiles: readonly string[]): Map<string, number> {
  const known = new Set(dirs);
  const counts = new Map<string, number>();
  for (const file of codeFiles) {
    for (let dir = posix.dirname(file); dir !== "." && dir !== ""; dir = posix.dirname(dir)) {
      if (!known.has(dir)) continue;
      counts.set(dir, (counts.get(dir) ?? 0) + 1);
      break;
    }
  }
  return counts;
}

/** Layer names are folder names with `/` turned into `-`; a clash gets a number. */
function uniqueNames(units: Unit[]): Unit[] {
  const taken = new Set<string>();
  return units.map((unit) => {
    const base = unit.name.replace(/\//g, "-") || "root";
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    return { ...unit, name };
  });
}
