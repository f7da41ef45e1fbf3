#!/usr/bin/env node
// guard's first run on a monorepo whose packages carry long changelogs, with and without them
// (see bench/README.md):   node bench/run-markdown.mjs [--count 8000] [--runs 3]
// Two trees from generate-markdown.mjs, identical but for the 80 CHANGELOG.md files; each timed
// cold (`guard check --format json --no-cache`: nothing cached, nothing written), then the
// tree with changelogs warm (its cache in .git/guard-cache: no node_modules, as in a fresh
// clone) and `--staged` on the unchanged tree, which must be no slower than the warm run.
// Wall time around the child process, node start-up included; peak memory from rss-hook.mjs.
// Prints a table and the cold ratio (the target is at most 2); exits 1 when the two trees'
// findings differ (the changelogs are never parsed, so they can change nothing).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { generateMarkdownRepo } from "./generate-markdown.mjs";
import { median, option } from "./options.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const guardBin = process.env.GUARD_BIN ?? resolve(here, "../dist/bin/guard.js");
const rssHook = pathToFileURL(join(here, "rss-hook.mjs")).href;
const count = option("count", 8000, 1000);
const runs = option("runs", 3);

function makeTree(changelogs) {
  const dir = join(here, ".out", `markdown-${count}`, changelogs ? "with-changelogs" : "without-changelogs");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generateMarkdownRepo(dir, count, changelogs);
  const git = (...args) => execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }).toString();
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench tree");
  const files = git("ls-files").split("\n").filter(Boolean);
  const markdown = files.filter((file) => file.endsWith(".md"));
  const changelogKb = markdown.filter((file) => file.endsWith("CHANGELOG.md")).reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) / 1024;
  return { dir, files: files.length, markdown: markdown.length, changelogKb: Math.round(changelogKb) };
}

function runOnce(dir, args) {
  const rssFile = join(dir, "..", `rss-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ["--import", rssHook, guardBin, "check", "--format", "json", ...args], {
    cwd: dir,
    encoding: "utf8",
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: "1", BENCH_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`guard exited ${child.status}: ${child.stderr}`);
  const rssKb = Number(readFileSync(rssFile, "utf8"));
  rmSync(rssFile, { force: true });
  const findings = JSON.parse(child.stdout).diagnostics.map((d) => `${d.rule} ${d.file}:${d.line}`);
  return { ms, rssMb: rssKb / 1024, findings };
}

function measure(mode, tree, args) {
  runOnce(tree.dir, args); // warm-up: file-system cache, git index (and, warm, guard's cache)
  const samples = Array.from({ length: runs }, () => runOnce(tree.dir, args));
  const times = samples.map((sample) => sample.ms);
  return {
    row: {
      mode,
      files: tree.files,
      "Markdown files": tree.markdown,
      "changelogs KB": tree.changelogKb,
      "median ms": Math.round(median(times)),
      "min ms": Math.round(Math.min(...times)),
      "max ms": Math.round(Math.max(...times)),
      "peak RSS MB": Math.round(Math.max(...samples.map((sample) => sample.rssMb))),
      findings: samples[0].findings.length,
    },
    findings: samples[0].findings,
  };
}

const withChangelogs = makeTree(true);
const withoutChangelogs = makeTree(false);
const coldWith = measure("cold, with changelogs", withChangelogs, ["--no-cache"]);
const coldWithout = measure("cold, without changelogs", withoutChangelogs, ["--no-cache"]);
const warm = measure("warm, with changelogs (.git/guard-cache)", withChangelogs, []);
const staged = measure("--staged, unchanged tree", withChangelogs, ["--staged"]);

const rows = [coldWith, coldWithout, warm, staged].map((result) => result.row);
const header = Object.keys(rows[0]);
process.stdout.write(`guard check --format json, ${runs} runs after one warm-up each, node ${process.version}\n\n`);
process.stdout.write(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|\n`);
for (const row of rows) process.stdout.write(`| ${Object.values(row).join(" | ")} |\n`);
const ratio = coldWith.row["median ms"] / coldWithout.row["median ms"];
process.stdout.write(`\ncold with / without changelogs: ${ratio.toFixed(2)} (target: at most 2)\n`);
process.stdout.write(`--staged / warm: ${(staged.row["median ms"] / warm.row["median ms"]).toFixed(2)} (target: at most 1)\n`);
if (JSON.stringify(coldWith.findings) !== JSON.stringify(coldWithout.findings)) {
  process.stderr.write(`the changelogs changed the findings:\n${coldWith.findings.join("\n")}\n---\n${coldWithout.findings.join("\n")}\n`);
  process.exitCode = 1;
}
