// The text of each generated file for bench/generate-layered.mjs: a barrel, a leaf constants
// file, and ordinary files with imports of every kind a TypeScript code base writes.

const FIELDS = ["id", "name", "createdAt", "updatedAt", "status", "amount", "currency", "owner", "region", "tags", "version", "note"];
const TYPES = ["string", "number", "boolean", "string[]", "Date", "Record<string, string>"];
const EXTERNALS = [
  (pick) => `import { ${pick(["debounce", "groupBy", "sortBy", "uniq"])} } from "lodash";`,
  () => `import { join } from "node:path";`,
  () => `import { randomUUID } from "node:crypto";`,
  () => `import { EventEmitter } from "events";`,
  () => `import chunk from "lodash/chunk";`,
  () => `import { z } from "zod";`,
];

/** `export * from` every file of the module, with a few named and type-only re-exports. */
export function barrelText(file, module, next) {
  const lines = [`// Public surface of ${module.dir}: import this module by its folder.`];
  for (const member of module.files) {
    if (member === file) continue;
    const spec = `./${member.path.split("/").pop().replace(/\.tsx?$/, ".js")}`;
    const roll = next();
    if (roll < 0.15) lines.push(`export { ${member.exportName} } from "${spec}";`, `export type { ${member.typeName} } from "${spec}";`);
    else lines.push(`export * from "${spec}";`);
  }
  return `${lines.join("\n")}\n`;
}

/** A leaf: no local imports, so an upward import planted to it can never close a cycle. */
export function constantsText(file, module, next) {
  const keys = FIELDS.slice(0, 3 + Math.floor(next() * 6));
  return [
    `import { join } from "node:path";`,
    "",
    `/** Defaults of ${module.name}; every other file of the module may read them. */`,
    `export const ${file.exportName} = {`,
    ...keys.map((key, i) => `  ${key}: ${i % 2 ? `"${module.name}-${key}"` : String(i * 7 + 1)},`),
    `  root: join("data", "${module.name}"),`,
    "} as const;",
    "",
    `export type ${file.typeName} = typeof ${file.exportName};`,
    `export type ${file.typeName}Key = keyof ${file.typeName};`,
    "",
  ].join("\n");
}

/**
 * An ordinary file: imports (externals, lower files of its module, barrels or files of the modules
 * it may use, `import type`, a re-export, a dynamic import), its planted upward import or ring
 * edge if any, then an options interface, a class and a factory function.
 */
export function fileText(file, module, ctx) {
  const { next, pick, int, others, specifier, fakeTarget } = ctx;
  const head = [];
  const body = [];
  const names = new Set(); // value bindings the factory refers to
  const bound = new Set(); // every imported binding, value or type: each is imported once
  const typesOnly = module.group === "types";
  const use = (name) => names.add(name);
  /** One import line, unless the file already imports that name. */
  const importLine = (target, spec, typeOnly) => {
    const name = typeOnly ? target.typeName : target.exportName;
    if (bound.has(name)) return;
    bound.add(name);
    head.push(typeOnly ? `import type { ${name} } from "${spec}";` : `import { ${name} } from "${spec}";`);
    if (!typeOnly) use(name);
  };

  // Packages and builtins: never local, never a violation.
  for (const line of new Set(Array.from({ length: int(3) }, () => pick(EXTERNALS)))) head.push(line(pick));
  if (module.group === "ui") head.push(file.tsx ? `import { useState } from "react";` : `import type { ReactNode } from "react";`);

  // Lower files of the same module (not for ring members: their only local edge is the ring).
  const earlier = module.files.filter((other) => other.order < file.order || (other.kind === "constants" && !file.ringNext));
  if (!file.ringNext) {
    for (let k = int(3); k > 0 && earlier.length > 0; k--) {
      const target = pick(earlier);
      const spec = specifier(file.path, target, {});
      if (!head.some((line) => line.endsWith(`"${spec}";`))) importLine(target, spec, typesOnly || next() < 0.3);
    }
  }

  // Other modules this one may use: by barrel (folder or index.js, alias or relative) or by file.
  for (let k = 1 + int(3); k > 0 && others.length > 0; k--) {
    const target = pick(others);
    const member = pick(target.files.filter((f) => f.kind !== "index"));
    const byFile = next() < 0.25;
    const spec = specifier(file.path, byFile ? member : target, { alias: next() < 0.6, barrelByDir: next() < 0.5 });
    if (!head.some((line) => line.endsWith(`"${spec}";`))) importLine(member, spec, typesOnly || target.group === "types" || next() < 0.2);
  }

  // A re-export of a lower file of the same module.
  if (!file.ringNext && earlier.length > 0 && next() < 0.15) {
    const target = pick(earlier);
    head.push(`export { ${target.exportName} as ${file.exportName}Base } from "${specifier(file.path, target, {})}";`);
  }

  if (file.ringNext) {
    head.push(`import { ${file.ringNext.exportName} as ringNext } from "${specifier(file.path, file.ringNext, {})}";`);
    use("ringNext");
  }
  if (file.planted) head.push(...plantedLines(file, specifier));

  // Things that look like imports but are none: a comment, a string, a template-literal import().
  if (next() < 0.05) body.push(`// Before the split this read: import { shell } from "${fakeTarget}";`);
  if (next() < 0.03) body.push(`const migrationNote = 'import { shell } from "${fakeTarget}"';`, "void migrationNote;");
  body.push("");

  const fields = FIELDS.slice(0, 3 + int(8));
  body.push(`/** Options for ${file.exportName}. */`, `export interface ${file.typeName} {`);
  for (const field of fields) body.push(`  ${field}${next() < 0.3 ? "?" : ""}: ${pick(TYPES)};`);
  body.push("}", "");

  if (!typesOnly) {
    const className = file.typeName.replace(/Options$/, "");
    body.push(`export class ${className} {`, `  private readonly seen = new Map<string, number>();`, "");
    body.push(`  constructor(private readonly options: ${file.typeName}) {}`, "");
    for (let m = 1 + int(4); m > 0; m--) {
      const field = pick(fields);
      body.push(`  read${m}(key: string): string {`);
      body.push(`    const count = (this.seen.get(key) ?? 0) + 1;`, `    this.seen.set(key, count);`);
      body.push(`    return \`\${key}:\${String(this.options.${field})}:\${count}\`;`, "  }", "");
    }
    body.pop(); // no blank line before the class's closing brace
    body.push("}", "");
  }
  body.push(`export function ${file.exportName}(options: ${file.typeName}): ${file.typeName} {`);
  const used = [...names];
  if (used.length > 0) body.push(`  const dependencies = [${used.join(", ")}] as const;`, "  void dependencies;");
  body.push("  return { ...options };", "}");

  if (!typesOnly && !file.ringNext && earlier.length > 0 && next() < 0.1) {
    const target = pick(earlier);
    body.push("", `export async function load${file.typeName}() {`, `  return import("${specifier(file.path, target, {})}");`, "}");
  }
  if (!typesOnly && next() < 0.04) {
    body.push("", `export async function load${file.typeName.replace(/Options$/, "")}Locale(locale: string) {`, "  return import(`./locales/${locale}.js`);", "}");
  }
  if (file.tsx) {
    body.push("", `export function ${file.typeName.replace(/Options$/, "")}Panel() {`);
    body.push("  const [open, setOpen] = useState(false);", "  return (");
    body.push(`    <section onClick={() => setOpen(!open)}>`, `      <p>Don't import from "../service" here: it's the view.</p>`, "    </section>", "  );", "}");
  }
  return `${head.join("\n")}\n${body.join("\n")}\n`;
}

function plantedLines(file, specifier) {
  const { to, style } = file.planted;
  const spec = specifier(file.path, to, { alias: style === "alias" || style === "dynamic" });
  if (style === "type") return [`import type { ${to.typeName} } from "${spec}";`];
  if (style === "export") return [`export { ${to.exportName} as ${file.exportName}Defaults } from "${spec}";`];
  if (style === "dynamic") return [`const loadDefaults = () => import("${spec}");`, "void loadDefaults;"];
  return [`import { ${to.exportName} } from "${spec}";`, `void ${to.exportName};`];
}
