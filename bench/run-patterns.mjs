#!/usr/bin/env node
// guard's pattern rule files (ast-grep) on the generated layered repo (see bench/README.md):
//   node bench/run-patterns.mjs [--count 10000] [--runs 3]
// Writes the 20 rule files of bench/pattern-rules.mjs under .guard/rules/bench/, plants snippets
// that each fire one rule and decoys (the same words in comments and strings) that fire none,
// then times `guard check --only bench --format json`: cold (--no-cache), first run with an
// empty cache (parses everything and writes node_modules/.cache/guard), warm (1 file edited
// before each run: the cache answers for the other files) and --staged after a one-file change.
// Wall time is measured around the child process, node start-up included; peak memory is the
// child's own maxRSS (preload hook). Exits 1 when a run's findings differ from what was planted,
// or when a cached run's diagnostics differ from the cold run's in any byte.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateLayered } from "./generate-layered.mjs";
import { plantPatterns } from "./pattern-rules.mjs";
import { option, median } from "./options.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const guardBin = process.env.GUARD_BIN ?? resolve(here, "../dist/bin/guard.js");
const rssHook = pathToFileURL(join(here, "rss-hook.mjs")).href;

const count = option("count", 10000);
const runs = option("runs", 3);
const dir = join(here, ".out", `patterns-${count}`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
generateLayered(dir, count);
mkdirSync(join(dir, "node_modules"), { recursive: true }); // guard's cache goes to node_modules/.cache/guard
const git = (...args) => execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }).toString();
git("init", "-q", "-b", "main");
const codeFiles = git("ls-files", "--others", "--exclude-standard", "src").split("\n").filter((path) => /\.tsx?$/.test(path));
const expected = plantPatterns(dir, codeFiles);
git("add", "-A");
git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench tree");

/** Runs guard once with the RSS hook; returns wall ms, peak RSS MB and finding counts per rule. */
function timed(args) {
  const rssFile = join(dir, "..", `rss-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", rssHook, guardBin, "check", "--only", "bench", "--format", "json", ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", BENCH_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`guard ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const rssMb = Number(readFileSync(rssFile, "utf8")) / 1024;
  rmSync(rssFile, { force: true });
  const diagnostics = JSON.parse(child.stdout).diagnostics;
  return { ms, rssMb, counts: countByRule(diagnostics), diagnostics };
}

function countByRule(diagnostics) {
  const counts = {};
  for (const diagnostic of diagnostics) counts[diagnostic.rule] = (counts[diagnostic.rule] ?? 0) + 1;
  return counts;
}
const total = (counts) => Object.values(counts).reduce((sum, n) => sum + n, 0);
function row(mode, samples, wanted) {
  const times = samples.map((s) => s.ms);
  return {
    mode,
    "median ms": Math.round(median(times)),
    "min ms": Math.round(Math.min(...times)),
    "max ms": Math.round(Math.max(...times)),
    "peak RSS MB": Math.round(Math.max(...samples.map((s) => s.rssMb))),
    findings: `${total(samples[0].counts)} / ${total(wanted)}`,
    sample: samples[0],
    wanted,
  };
}
const times = (n, run) => Array.from({ length: n }, () => run());

timed(["--no-cache"]); // warm-up: the file-system cache
const rows = [row("cold (--no-cache)", times(runs, () => timed(["--no-cache"])), expected)];

// First cached run: the cache folder is empty, so every file is parsed and the cache written.
const cacheDir = join(dir, "node_modules", ".cache", "guard");
rows.push(row("first run (empty cache)", times(runs, () => {
  rmSync(cacheDir, { recursive: true, force: true });
  return timed([]);
}), expected));

// Warm: fill the cache once, then each timed run follows a one-line edit of one file.
const edited = JSON.parse(readFileSync(join(dir, ".planted.json"), "utf8")).warmEdit;
timed([]);
let edits = 0;
rows.push(row("warm (1 file edited)", times(runs, () => {
  appendFileSync(join(dir, edited), `// bench edit ${++edits}\n`);
  return timed([]);
}), expected));

// Pre-commit: one staged file gains a match; only that file's findings are reported.
const staged = edited;
const before = rows[0].sample.diagnostics.filter((diagnostic) => diagnostic.file === staged);
appendFileSync(join(dir, staged), "\nexport const stagedJitter = Math.random();\n");
git("add", staged);
const stagedExpected = Object.fromEntries(Object.keys(expected).map((id) => [id, 0]));
for (const [id, n] of Object.entries(countByRule(before))) stagedExpected[id] = n;
stagedExpected["bench/no-math-random"]++;
rows.push(row("--staged (1 file changed)", times(runs, () => timed(["--staged"])), stagedExpected));

const header = Object.keys(rows[0]).filter((key) => key !== "sample" && key !== "wanted");
const files = git("ls-files").split("\n").filter(Boolean).length;
const fired = Object.values(expected).filter((n) => n > 0).length;
process.stdout.write(
  [
    `${count} generated code files (${files} tracked), 20 pattern rules (${fired} with planted matches, ${total(expected)} findings planted); ${runs} timed runs after one warm-up; node ${process.version}`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${header.map((key) => r[key]).join(" | ")} |`),
    "",
  ].join("\n"),
);
writeFileSync(join(dir, "..", `patterns-${count}.json`), `${JSON.stringify(rows.map(({ sample, wanted, ...rest }) => rest), null, 2)}\n`);

// Correctness: each rule must find exactly what was planted (none in comments, strings, decoys).
const problems = [];
for (const r of rows) {
  for (const [id, want] of Object.entries(r.wanted)) {
    const got = r.sample.counts[id] ?? 0;
    if (got !== want) problems.push(`${r.mode}: ${id} found ${got}, planted ${want}`);
  }
  for (const id of Object.keys(r.sample.counts)) if (!(id in r.wanted)) problems.push(`${r.mode}: unexpected rule ${id}`);
}
// The edits only append comments, so cached runs must report exactly what the cold run did.
const coldJson = JSON.stringify(rows[0].sample.diagnostics);
for (const r of rows.slice(1, 3)) if (JSON.stringify(r.sample.diagnostics) !== coldJson) problems.push(`${r.mode}: diagnostics differ from the cold run's`);
if (problems.length > 0) {
  process.stderr.write(`\nMISMATCH\n${problems.map((p) => `- ${p}`).join("\n")}\n`);
  process.exit(1);
}
