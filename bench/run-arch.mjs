#!/usr/bin/env node
// guard's arch/* rules and dependency-cruiser, side by side on one generated layered repo
// (see bench/README.md):   node bench/run-arch.mjs [--count 10000] [--runs 3]
// Rows: `depcruise --config` with equivalent rules (and without its cycle rule); `guard check --only arch --no-cache`
// (cold); guard warm, each timed run after appending one line to one file. Wall time is
// measured around the child process, node start-up included; peak memory is the child's own
// maxRSS, written by a preload hook at exit. Exits 1 when guard's findings differ from what
// was planted (or a tool fails), so a regression in correctness shows up next to the timings.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateLayered } from "./generate-layered.mjs";
import { option, median } from "./options.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const guardBin = process.env.GUARD_BIN ?? resolve(here, "../dist/bin/guard.js");
const depcruiseBin = resolve(here, "../node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const rssHook = pathToFileURL(join(here, "rss-hook.mjs")).href;

const count = option("count", 10000);
const runs = option("runs", 3);
// dependency-cruiser needs minutes on 10,000 files, so it is timed once unless asked; 0 skips it.
const depcruiseRuns = option("depcruise-runs", 1, 0);
const dir = join(here, ".out", `layered-${count}`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
generateLayered(dir, count);
const planted = JSON.parse(readFileSync(join(dir, ".planted.json"), "utf8"));
mkdirSync(join(dir, "node_modules"), { recursive: true }); // guard's cache goes to node_modules/.cache/guard
const git = (...args) => execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }).toString();
git("init", "-q", "-b", "main");
git("add", "-A");
git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench tree");

/** Runs one node process with the RSS hook; returns wall ms, peak RSS MB and its parsed stdout. */
function timed(script, args, okStatuses) {
  const rssFile = join(dir, "..", `rss-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", rssHook, script, ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 2 * 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", BENCH_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!okStatuses(child.status)) throw new Error(`${script} ${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const rssKb = Number(readFileSync(rssFile, "utf8"));
  rmSync(rssFile, { force: true });
  return { ms, rssMb: rssKb / 1024, output: JSON.parse(child.stdout) };
}

// depcruise exits with its number of errors; guard with 1 when it finds any. `--config`, not
// `--validate <file>`: in dependency-cruiser 17 the latter is a hidden alias that --config's
// default overrides.
const depcruise = (config) => () => {
  const run = timed(depcruiseBin, ["--config", config, "--output-type", "json", "src"], (status) => status !== null && status < 128);
  const violations = run.output.summary.violations;
  const layer = violations.filter((v) => v.rule.name !== "no-circular");
  return { ...run, layer: layer.length, cycles: violations.length - layer.length, other: 0, otherRules: [], layerPairs: layer.map((v) => `${v.from} -> ${v.to}`) };
};
const guard = (extra) => () => {
  const run = timed(guardBin, ["check", "--only", "arch", "--format", "json", ...extra], (status) => status === 0 || status === 1);
  const by = (rule) => run.output.diagnostics.filter((d) => d.rule === rule);
  const layer = by("arch/layer");
  const other = run.output.diagnostics.filter((d) => d.rule !== "arch/layer" && d.rule !== "arch/cycle");
  return {
    ...run,
    layer: layer.length,
    cycles: by("arch/cycle").length,
    other: other.length,
    otherRules: other.map((d) => `${d.rule} ${d.file}:${d.line}`),
    layerPairs: layer.map((d) => `${d.file} -> ${d.evidence?.target}`),
  };
};
function row(tool, mode, samples) {
  const times = samples.map((s) => s.ms);
  const first = samples[0];
  return {
    tool,
    mode,
    "median ms": Math.round(median(times)),
    "min ms": Math.round(Math.min(...times)),
    "max ms": Math.round(Math.max(...times)),
    "peak RSS MB": Math.round(Math.max(...samples.map((s) => s.rssMb))),
    "layer violations": `${first.layer} / ${planted.layerViolations}`,
    cycles: `${first.cycles} / ${planted.cycleCount}`,
    "other findings": first.other,
    sample: first,
  };
}

const times = (n, run) => Array.from({ length: n }, () => run());
const guardCold = guard(["--no-cache"]);
guardCold(); // warm-up: the file-system cache, for every tool that follows
const rows = [];
if (depcruiseRuns > 0) {
  rows.push(row("depcruise", "cold, same rules", times(depcruiseRuns, depcruise(".dependency-cruiser.cjs"))));
  const layersOnly = row("depcruise", "cold, without no-circular", times(depcruiseRuns, depcruise(".dependency-cruiser-layers.cjs")));
  rows.push({ ...layersOnly, cycles: "not checked", sample: { ...layersOnly.sample, cycles: planted.cycleCount } });
}
const cold = row("guard --only arch", "cold (--no-cache)", times(runs, guardCold));
rows.push(cold);

// Warm: fill the cache once, then each timed run follows a one-line edit of one file.
const edited = planted.warmEdit;
const guardWarm = guard([]);
guardWarm();
let edits = 0;
const warm = row("guard --only arch", "warm (1 file edited)", times(runs, () => {
  appendFileSync(join(dir, edited), `// bench edit ${++edits}\n`);
  return guardWarm();
}));
rows.push(warm);

const header = Object.keys(cold).filter((key) => key !== "sample");
const files = git("ls-files").split("\n").filter(Boolean).length;
const ratio = (a, b, digits = 1) => (a / b).toFixed(digits);
const out = [
  `${count} generated code files (${files} tracked); guard: ${runs} timed runs, depcruise: ${depcruiseRuns}, after one warm-up; node ${process.version}`,
  `planted: ${planted.layerViolations} upward imports, ${planted.cycleCount} cycles; warm runs edit ${edited}`,
  "",
  `| ${header.join(" | ")} |`,
  `|${header.map(() => "---").join("|")}|`,
  ...rows.map((r) => `| ${header.map((key) => r[key]).join(" | ")} |`),
  "",
];
if (depcruiseRuns > 0) {
  const [same, layersOnly] = rows;
  out.push(`depcruise (same rules) / guard cold: ${ratio(same["median ms"], cold["median ms"])}x wall time, ${ratio(same["peak RSS MB"], cold["peak RSS MB"])}x peak RSS`);
  out.push(`depcruise (without no-circular) / guard cold: ${ratio(layersOnly["median ms"], cold["median ms"])}x wall time, ${ratio(layersOnly["peak RSS MB"], cold["peak RSS MB"])}x peak RSS`);
}
out.push(`guard warm / cold: ${ratio(warm["median ms"], cold["median ms"], 2)}`);
process.stdout.write(`${out.join("\n")}\n`);

writeFileSync(join(dir, "..", `arch-${count}.json`), `${JSON.stringify(rows.map(({ sample, ...rest }) => rest), null, 2)}\n`);

// Correctness: every run must find exactly what was planted, and nothing else.
const problems = [];
const plantedPairs = new Set(planted.planted.map((p) => `${p.from} -> ${p.to}`));
for (const r of rows) {
  const s = r.sample;
  const missed = [...plantedPairs].filter((pair) => !s.layerPairs.includes(pair));
  if (missed.length > 0) problems.push(`${r.tool} ${r.mode} missed planted edges: ${missed.slice(0, 5).join(", ")}`);
  if (s.layer !== planted.layerViolations) problems.push(`${r.tool} ${r.mode}: ${s.layer} layer violations, planted ${planted.layerViolations}`);
  if (s.cycles !== planted.cycleCount) problems.push(`${r.tool} ${r.mode}: ${s.cycles} cycles, planted ${planted.cycleCount}`);
  if (s.other > 0) problems.push(`${r.tool} ${r.mode}: ${s.other} unexpected findings, e.g. ${s.otherRules.slice(0, 5).join("; ")}`);
}
if (problems.length > 0) {
  process.stderr.write(`\nMISMATCH\n${problems.map((p) => `- ${p}`).join("\n")}\n`);
  process.exit(1);
}
