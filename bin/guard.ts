#!/usr/bin/env node
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname } from "node:path";
import { loadBundle, startLexerEarly } from "./bundle.js";

const argv = process.argv.slice(2);
const bundle = fileURLToPath(new URL("../bundle/guard.cjs", import.meta.url));
if (isCurrent(bundle, fileURLToPath(new URL("../src/cli/main.js", import.meta.url)))) {
  const lexer = startLexerEarly(argv, dirname(bundle));
  const { cli, saveCache } = loadBundle(bundle, !argv.includes("--no-cache"));
  if (lexer) {
    cli.adoptLexerWorker(lexer.worker);
    // A check that lexes early also asks git early: it runs while guard reads its config.
    cli.prefetchGitTopLevel(process.cwd());
    if (!argv.includes("--staged")) cli.prefetchWorktreeListing(process.cwd(), lexer.cacheFolder);
  }
  process.exitCode = await cli.run(argv, cli.processIo());
  // `--version` or `--help` compiles little: a code cache written then would stay thin.
  const ranCommand = argv[0] !== undefined && !argv[0].startsWith("-") && !argv.includes("--help") && !argv.includes("-h");
  if (ranCommand) saveCache();
} else {
  const { run } = await import("../src/cli/main.js");
  const { processIo } = await import("../src/cli/io.js");
  process.exitCode = await run(argv, processIo());
}
exitWhenFlushed();

/**
 * The command is done and its output written: exit as soon as stdout and stderr have flushed,
 * instead of waiting for V8 to finish a garbage collection it started (~25 ms on a large repo)
 * or for a worker that is still loading. Nothing else is pending: caches are written
 * synchronously and Markdown parse workers have been awaited.
 */
function exitWhenFlushed(): void {
  let waiting = 2;
  const done = () => {
    waiting -= 1;
    if (waiting === 0) process.exit();
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

/**
 * The bundle (`npm run build`) starts faster. A tsc-only build has none, and one that ran tsc
 * again after bundling (tsc rewrites every file) must not run the older bundle: the modules then.
 */
function isCurrent(bundle: string, modules: string): boolean {
  let built: number;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return false;
  }
  try {
    return built >= statSync(modules).mtimeMs;
  } catch {
    return true; // an install with the bundle alone
  }
}
