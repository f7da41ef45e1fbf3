import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { checkJson, runGuard, type FileTree, type GuardRun, type JsonDiagnostic } from "../helpers/repo.js";

/** `guard init` with these args; fails loudly on anything but exit 0. */
export function init(dir: string, args: string[] = []): GuardRun {
  const run = runGuard(dir, ["init", ...args]);
  if (run.code !== 0) throw new Error(`guard init exited ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
  return run;
}

/** The written guard.yaml: its text and its parsed value. */
export function writtenConfig(dir: string): { text: string; value: Record<string, unknown> } {
  const text = readText(dir, "guard.yaml");
  return { text, value: parse(text) as Record<string, unknown> };
}

/** The comments of a YAML text joined into one line, so a test can match a sentence however it wrapped. */
export function prose(text: string): string {
  return text
    .split("\n")
    .flatMap((line) => {
      const match = /^\s*#(.*)$/.exec(line);
      return match ? [match[1]!.trim()] : [];
    })
    .join(" ");
}

export function layersOf(value: Record<string, unknown>): { name: string; paths: string[] }[] {
  return (value.layers as { name: string; paths: string[] }[] | undefined) ?? [];
}

/** Every diagnostic of `guard check --format json`, as `rule file:line` (what the tests compare). */
export function findings(dir: string): string[] {
  return checkJson(dir).diagnostics.map((d: JsonDiagnostic) => `${d.rule} ${d.file}:${d.line}`);
}

export function readText(dir: string, path: string): string {
  return readFileSync(join(dir, path), "utf8");
}

export function exists(dir: string, path: string): boolean {
  return existsSync(join(dir, path));
}

/** `count` files `<dir>/<prefix><i>.ts`, each importing the same-numbered file of every folder in `imports`. */
export function folder(dir: string, prefix: string, count: number, imports: string[] = []): FileTree {
  const tree: FileTree = {};
  for (let i = 0; i < count; i++) {
    const lines = imports.map((target, j) => `import { v as v${j} } from "../${target}${i}.js";`);
    const sum = imports.map((_, j) => `v${j}`).join(" + ") || "0";
    tree[`${dir}/${prefix}${i}.ts`] = `${lines.join("\n")}\nexport const v = ${sum} + ${i};\n`;
  }
  return tree;
}

/** A package.json with scripts, and npm's lockfile, so a starter map can name `npm run build`. */
export const NPM_PACKAGE: FileTree = {
  "package.json": JSON.stringify({ name: "demo", description: "A demo service.", scripts: { build: "tsc", test: "vitest run" } }, null, 2),
  "package-lock.json": JSON.stringify({ name: "demo", lockfileVersion: 3, packages: {} }),
};
