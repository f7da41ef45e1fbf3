#!/usr/bin/env node
// Bundles tsc's output into <out>/bundle/ so the CLI starts fast: node scripts/bundle.mjs [out]
// (default dist). guard.cjs holds the CLI and everything it imports, lazily loaded commands
// included; bin/guard.ts runs it through vm.Script with a V8 code cache (bin/bundle.ts).
// Beside it, one bundle per worker thread (the Markdown parse worker, the lexer thread). Kept
// external: typescript (loaded by src/graph/typescript.ts with its own code cache) and the
// native @ast-grep/napi and oxc-resolver.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { build } from "esbuild";

const out = resolve(process.argv[2] ?? "dist");
const bundleDir = resolve(out, "bundle");
const main = resolve(out, "src/cli/main.js");
if (!existsSync(main)) {
  process.stderr.write(`bundle: ${main} is missing; run tsc first\n`);
  process.exit(2);
}

// The bundle's entry: what bin/bundle.ts calls.
const entry = {
  name: "guard-entry",
  setup(context) {
    context.onResolve({ filter: /^guard-entry$/ }, () => ({ path: "guard-entry", namespace: "guard-entry" }));
    context.onLoad({ filter: /.*/, namespace: "guard-entry" }, () => ({
      resolveDir: out,
      loader: "js",
      contents: [
        'export { run } from "./src/cli/main.js";',
        'export { processIo } from "./src/cli/io.js";',
        'export { writeAtomically } from "./src/repo/cache-files.js";',
        'export { adoptLexerWorker } from "./src/graph/lexer-client.js";',
        'export { useBundleHash } from "./src/core/bundle.js";',
        'export { prefetchWorktreeListing } from "./src/repo/listing-prefetch.js";',
        'export { prefetchGitTopLevel } from "./src/repo/git.js";',
      ].join("\n"),
    }));
  },
};

// bin/bundle.ts runs guard.cjs from a V8 code cache, and a script compiled from one has no
// dynamic import callback: an `import()` of an external package (@ast-grep/napi) must become a
// `require` inside the bundle. So such an import resolves to a small CommonJS module that
// requires the package, and esbuild imports it lazily, as it does every bundled module.
const EXTERNAL = ["typescript", "@ast-grep/napi", "oxc-resolver"];
const lazyExternals = {
  name: "lazy-externals",
  setup(context) {
    const filter = new RegExp(`^(${EXTERNAL.map((name) => name.replace(/[/.]/g, "\\$&")).join("|")})$`);
    context.onResolve({ filter }, (args) =>
      args.kind === "dynamic-import" ? { path: args.path, namespace: "lazy-external" } : undefined,
    );
    context.onLoad({ filter: /.*/, namespace: "lazy-external" }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: "js",
    }));
  },
};

const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  external: EXTERNAL,
  // Identifiers keep their names: zod and commander print constructor names in messages.
  minifyWhitespace: true,
  minifySyntax: true,
  // src/core/bundle.ts reads it: caches are stamped with the bundle's bytes.
  define: { GUARD_BUNDLED: "true" },
  logLevel: "warning",
};

rmSync(bundleDir, { recursive: true, force: true });
const cli = await build({
  ...common,
  metafile: true,
  entryPoints: [{ in: "guard-entry", out: "guard" }],
  plugins: [entry, lazyExternals],
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  outdir: bundleDir,
  // Every module's `import.meta.url` becomes the bundle's own URL: files are found beside it.
  define: { ...common.define, "import.meta.url": "__guardBundleUrl" },
  banner: { js: 'var __guardBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
const left = Object.values(cli.metafile.outputs).flatMap((output) => output.imports.filter((i) => i.kind === "dynamic-import"));
if (left.length > 0) {
  process.stderr.write(`bundle: import() left in guard.cjs (see lazy-externals): ${left.map((i) => i.path).join(", ")}\n`);
  process.exit(1);
}
// Worker threads (src/docs/parse-worker.ts, src/graph/lexer-thread.ts) are started from
// `new URL("./<name>.js", import.meta.url)`, which in the bundle is the bundle's folder: each
// such file of tsc's output that uses node:worker_threads gets its own bundle there.
const workers = new Map();
for (const file of readdirSync(resolve(out, "src"), { recursive: true })) {
  if (!file.endsWith(".js")) continue;
  const text = readFileSync(resolve(out, "src", file), "utf8");
  for (const [, name] of text.matchAll(/new URL\("\.\/([\w.-]+)\.js", import\.meta\.url\)/g)) {
    const path = resolve(out, "src", dirname(file), `${name}.js`);
    if (!existsSync(path) || !readFileSync(path, "utf8").includes('"node:worker_threads"')) continue; // not a thread
    if (workers.has(name) && workers.get(name) !== path) {
      process.stderr.write(`bundle: two files named ${name}.js are started beside the bundle\n`);
      process.exit(1);
    }
    workers.set(name, path);
  }
}
await build({
  ...common,
  entryPoints: [...workers].map(([name, path]) => ({ in: path, out: name })),
  format: "esm",
  outdir: bundleDir,
  // CommonJS packages inside (yaml, for front-matter) require Node built-ins.
  banner: { js: 'import { createRequire as __guardCreateRequire } from "node:module"; const require = __guardCreateRequire(import.meta.url);' },
});
