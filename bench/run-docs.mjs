#!/usr/bin/env node
// Times `guard check --format json` on a generated docs tree (see bench/README.md):
//   node bench/run-docs.mjs [--count 5000] [--runs 5]
// Wall time is measured around the child process (node start-up included, as a user sees it);
// peak memory is the child's own maxRSS, reported by a preload hook at exit, so no GNU time is needed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateDocs } from "./generate-docs.mjs";
import { option } from "./options.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const guardBin = process.env.GUARD_BIN ?? resolve(here, "../dist/bin/guard.js");
const rssHook = pathToFileURL(join(here, "rss-hook.mjs")).href;

const count = option("count", 5000);
const runs = option("runs", 5);
const dir = join(here, ".out", `docs-${count}`);

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
generateDocs(dir, count);
writeFileSync(join(dir, ".gitignore"), "node_modules/\n"); // where the warm runs keep their cache
const git = (...args) => execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }).toString();
git("init", "-q", "-b", "main");
git("add", "-A");
git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench tree");
const files = git("ls-files").split("\n").filter(Boolean).length;

function runOnce(extraArgs) {
  const rssFile = join(dir, "..", `rss-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", rssHook, guardBin, "check", "--format", "json", ...extraArgs], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", BENCH_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 1) {
    throw new Error(`guard exited ${child.status}: ${child.stderr}`);
  }
  const report = JSON.parse(child.stdout);
  const rssKb = Number(readFileSync(rssFile, "utf8"));
  rmSync(rssFile, { force: true });
  return { ms, rssMb: rssKb / 1024, findings: report.diagnostics.length };
}

function measure(label, extraArgs) {
  runOnce(extraArgs); // warm-up: file-system cache, git index (and, for "warm", the parse cache)
  const samples = Array.from({ length: runs }, () => runOnce(extraArgs));
  const times = samples.map((s) => s.ms).sort((a, b) => a - b);
  const middle = times.length % 2 ? times[(times.length - 1) / 2] : (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
  return {
    mode: label,
    docs: count,
    files,
    "median ms": Math.round(middle),
    "min ms": Math.round(times[0]),
    "max ms": Math.round(times.at(-1)),
    "peak RSS MB": Math.round(Math.max(...samples.map((s) => s.rssMb))),
    findings: samples[0].findings,
  };
}

// Cold: every Markdown file parsed (`--no-cache`). Warm: parsed models reused from the
// content-hash cache under node_modules/.cache/guard, as on a developer's second run.
const cold = measure("cold (--no-cache)", ["--no-cache"]);
mkdirSync(join(dir, "node_modules"), { recursive: true });
const warm = measure("warm (cache)", []);
const header = Object.keys(cold);
process.stdout.write(`guard check --format json, ${runs} runs after one warm-up each, node ${process.version}\n\n`);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const row of [cold, warm]) process.stdout.write(`| ${Object.values(row).join(" | ")} |\n`);
