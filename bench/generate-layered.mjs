#!/usr/bin/env node
// Generates a layered TypeScript repository for benchmarking guard's arch/* rules against
// dependency-cruiser:   node bench/generate-layered.mjs <dir> [count]
// Layers types → config → repo → service → ui under src/, plus src/shared/ (cross-cutting),
// each split into module folders with an index.ts barrel. Imports are written as a real
// TypeScript code base writes them: `.js` for `.ts`/`.tsx` files, `@app/*` aliases from a
// tsconfig that `extends` a base, barrels imported by directory, `import type`, `export … from`,
// `import()`, `node:` builtins and packages that are not installed (external, never violations).
// Comments, strings and template-literal `import()`s that look like upward imports are no edges.
// A known number of upward imports and of cycles is planted and written to <dir>/.planted.json;
// nothing else breaks a rule. The content is seeded: the same count gives the same bytes everywhere.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { layeredConfigs } from "./layered-config.mjs";
import { random } from "./random.mjs";
import { fileText, barrelText, constantsText } from "./layered-text.mjs";

export const LAYERS = ["types", "config", "repo", "service", "ui"];
const SHARE = { types: 0.1, config: 0.08, repo: 0.22, service: 0.3, ui: 0.25, shared: 0.05 };
const FILES_PER_MODULE = 20;
const CYCLE_SIZES = [2, 3, 2, 3, 4]; // each ring lives in its own repo or service module
const WORDS = (
  "order payment invoice customer account ledger refund shipment catalog price tax cart session " +
  "token queue worker retry cache schema audit event stream batch quota region tenant policy review"
).split(" ");

export function generateLayered(root, count = 10000) {
  const next = random(20251126);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const write = (path, text) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  // Modules: src/<layer>/<word>-NN/ with index.ts, constants.ts (a leaf: no local imports) and files.
  const groups = [...LAYERS, "shared"];
  const modules = [];
  let left = count;
  for (const [g, group] of groups.entries()) {
    let files = g === groups.length - 1 ? left : Math.max(3, Math.round(count * SHARE[group]));
    files = Math.min(files, left - 3 * (groups.length - 1 - g));
    left -= files;
    const moduleCount = Math.max(1, Math.ceil(files / FILES_PER_MODULE));
    for (let m = 0; m < moduleCount; m++) {
      const size = m < moduleCount - 1 ? FILES_PER_MODULE : files - FILES_PER_MODULE * (moduleCount - 1);
      const name = `${WORDS[(m + g * 7) % WORDS.length]}-${String(m + 1).padStart(2, "0")}`;
      modules.push(makeModule(group, name, m, Math.max(size, 3), next));
    }
  }
  const rank = (group) => (group === "shared" ? -1 : LAYERS.indexOf(group));
  const byGroup = (group) => modules.filter((module) => module.group === group);

  // Which modules a module may import: lower layers, same layer with a lower index, shared
  // (from every layer but types, which keeps shared → types acyclic); shared only shared and types.
  const allowed = (module) =>
    modules.filter((other) => {
      if (other === module) return false;
      if (module.group === "shared") return other.group === "types" || (other.group === "shared" && other.index < module.index);
      if (other.group === "shared") return module.group !== "types";
      const diff = rank(other.group) - rank(module.group);
      return diff < 0 || (diff === 0 && other.index < module.index);
    });

  // Rings: the last members of a few repo/service modules import each other in a circle.
  const ringHosts = [...byGroup("service"), ...byGroup("repo")].filter((module) => module.files.length >= 12);
  const cycles = [];
  const step = Math.max(1, Math.floor(ringHosts.length / CYCLE_SIZES.length));
  for (const [c, size] of CYCLE_SIZES.entries()) {
    const host = ringHosts[c * step];
    if (!host || host.ring) continue;
    const members = host.files.slice(-size);
    members.forEach((file, i) => (file.ringNext = members[(i + 1) % size]));
    host.ring = members;
    cycles.push(members.map((file) => file.path));
  }

  // Planted upward imports: one per source file, to the leaf constants.ts of a higher layer,
  // so that no planted edge closes a cycle.
  const plantedCount = count >= 1000 ? 25 : Math.max(1, Math.floor(count / 40));
  const sourceGroups = ["types", "types", "config", "repo", "service", "types", "shared", "repo", "config", "service"];
  const planted = [];
  for (let p = 0; planted.length < plantedCount && p < plantedCount * 20; p++) {
    const group = sourceGroups[p % sourceGroups.length];
    const candidates = byGroup(group).flatMap((module) => module.files.filter((file) => file.kind === "regular" && !file.ringNext && !file.planted));
    const floor = group === "shared" ? rank("types") : rank(group); // shared may import types
    const higher = modules.filter((module) => module.group !== "shared" && rank(module.group) > floor);
    if (candidates.length === 0 || higher.length === 0) continue;
    const from = pick(candidates);
    const to = pick(higher).files.find((file) => file.kind === "constants");
    const style = ["import", "import", "alias", "import", "type", "alias", "export", "import", "dynamic", "alias"][planted.length % 10];
    from.planted = { to, style };
    planted.push({ from: from.path, to: to.path, kind: style === "alias" ? "import" : style });
  }

  // Write every module: barrel, constants leaf, then files importing lower files and modules.
  const fakeTarget = `@app/ui/${byGroup("ui")[0].name}/index.js`;
  for (const module of modules) {
    const others = allowed(module);
    for (const file of module.files) {
      if (file.kind === "index") write(file.path, barrelText(file, module, next));
      else if (file.kind === "constants") write(file.path, constantsText(file, module, next));
      else write(file.path, fileText(file, module, { next, pick, int, others, specifier, fakeTarget }));
    }
  }
  for (const [path, text] of Object.entries(layeredConfigs(LAYERS))) write(path, text);
  // The file the bench's warm runs edit: an ordinary service file, imported by its barrel.
  const serviceFiles = byGroup("service").flatMap((module) => module.files.filter((file) => file.kind === "regular" && !file.ringNext && !file.planted));
  const warmEdit = serviceFiles[serviceFiles.length >> 1].path;
  const cycleEdges = cycles.reduce((sum, ring) => sum + ring.length, 0);
  const info = { files: count, modules: modules.length, layerViolations: planted.length, cycleCount: cycles.length, cycleEdges, warmEdit };
  write(".planted.json", `${JSON.stringify({ ...info, planted, cycles }, null, 2)}\n`);
  return info;
}

function makeModule(group, name, index, size, next) {
  const dir = `src/${group}/${name}`;
  const module = { group, name, index, dir, files: [] };
  module.files.push({ kind: "index", path: `${dir}/index.ts`, module });
  module.files.push({ kind: "constants", path: `${dir}/constants.ts`, module, exportName: `${camel(name)}Defaults`, typeName: `${pascal(name)}Defaults` });
  const nouns = ["model", "store", "handler", "mapper", "policy", "client", "view", "helper", "rules", "loader"];
  for (let f = 2; f < size; f++) {
    const noun = nouns[(f + index) % nouns.length];
    const tsx = group === "ui" && f % 3 === 0;
    const base = `${noun}-${f}`;
    const stem = `${pascal(name)}${pascal(noun)}${f}`;
    module.files.push({ kind: "regular", path: `${dir}/${base}${tsx ? ".tsx" : ".ts"}`, base, module, order: f, exportName: `make${stem}`, typeName: `${stem}Options`, tsx, seed: next() });
  }
  return module;
}

/**
 * How `from` imports `to` (a file, or a module's barrel when `to` is a module): a relative path
 * or the `@app/*` alias, `.js` for a `.ts`/`.tsx` file, a barrel by its folder or its `index.js`.
 */
function specifier(fromPath, to, style) {
  const target = to.files ? (style.barrelByDir ? to.dir : `${to.dir}/index.js`) : to.path.replace(/\.tsx?$/, ".js");
  if (style.alias) return `@app/${target.slice("src/".length)}`;
  const relative = posix.relative(posix.dirname(fromPath), target);
  return relative.startsWith(".") ? relative : `./${relative}`;
}

const camel = (name) => name.replace(/-(\w)/g, (_, c) => c.toUpperCase()).replace(/-/g, "");
const pascal = (name) => camel(name).charAt(0).toUpperCase() + camel(name).slice(1);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, countArg] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: node bench/generate-layered.mjs <dir> [count]\n");
    process.exit(2);
  }
  const count = countArg === undefined ? 10000 : Number(countArg);
  if (!Number.isSafeInteger(count) || count < 100) {
    process.stderr.write(`count must be a whole number of files, at least 100, got "${countArg}"\n`);
    process.exit(2);
  }
  const made = generateLayered(resolve(dir), count);
  process.stdout.write(
    `generated ${made.files} files in ${made.modules} modules under ${dir}: ` +
      `${made.layerViolations} planted upward imports, ${made.cycleCount} planted cycles (${made.cycleEdges} edges); see .planted.json\n`,
  );
}
