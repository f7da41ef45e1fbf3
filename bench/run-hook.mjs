#!/usr/bin/env node
// `guard hook claude` answering one edit, side by side with `guard check --staged`, on the
// 10,000-file generated layered repo (bench/README.md):   node bench/run-hook.mjs [--count 10000] [--runs 7]
// The repo is generated once into bench/.out/hook-<count>/ and reused; guard's cache is warmed
// with a full `guard check`. Before each timed run one line is appended to one file and staged,
// so every row answers a fresh one-file edit on a warm cache. Wall time around the child
// process, node start-up included; `node -e 0` is the floor. Prints a table of medians.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import os from "node:os";
import { generateLayered } from "./generate-layered.mjs";
import { median, option } from "./options.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const guardBin = process.env.GUARD_BIN ?? resolve(here, "../dist/bin/guard.js");
const cpuHook = pathToFileURL(join(here, "cpu-hook.mjs")).href;
const count = option("count", 10000);
const runs = option("runs", 7);
const dir = join(here, ".out", `hook-${count}`);
const git = (...args) => execFileSync("git", args, { cwd: dir, stdio: ["ignore", "pipe", "inherit"] }).toString();

if (!existsSync(join(dir, ".planted.json")) || !existsSync(join(dir, ".git"))) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generateLayered(dir, count);
  mkdirSync(join(dir, "node_modules"), { recursive: true }); // guard's cache goes to node_modules/.cache/guard
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("-c", "user.name=bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench tree");
} else {
  git("reset", "-q", "--hard", "HEAD"); // the edits of an earlier run
}
const edited = JSON.parse(readFileSync(join(dir, ".planted.json"), "utf8")).warmEdit;
const input = JSON.stringify({
  session_id: "bench",
  transcript_path: join(dir, ".transcript.jsonl"),
  cwd: dir,
  permission_mode: "default",
  hook_event_name: "PostToolUse",
  tool_name: "Edit",
  tool_input: { file_path: join(dir, edited), old_string: "", new_string: "" },
  tool_response: { success: true },
});

/** One child process: wall ms and its own CPU ms; fails loudly on an exit code the command never gives. */
function timed(args, stdin, ok) {
  const cpuFile = join(dir, "..", `cpu-${process.pid}.txt`);
  const started = process.hrtime.bigint();
  const env = { ...process.env, NO_COLOR: "1", BENCH_CPU_FILE: cpuFile };
  const child = spawnSync(process.execPath, ["--import", cpuHook, ...args], { cwd: dir, input: stdin, encoding: "utf8", env, maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!ok(child.status)) throw new Error(`${args.join(" ")} exited ${child.status}: ${child.stderr}`);
  const cpu = Number(readFileSync(cpuFile, "utf8"));
  rmSync(cpuFile, { force: true });
  return { ms, cpu, stdout: child.stdout };
}

let edits = 0;
const editOne = () => {
  appendFileSync(join(dir, edited), `// bench edit ${++edits}\n`);
  git("add", edited);
};
const commands = [
  { name: "node -e 0", args: ["-e", "0"], ok: (s) => s === 0 },
  { name: "guard hook claude (PostToolUse, 1 file)", args: [guardBin, "hook", "claude"], stdin: input, ok: (s) => s === 0 },
  { name: "guard check --staged", args: [guardBin, "check", "--staged", "--format", "json"], ok: (s) => s === 0 || s === 1 },
  { name: `guard check ${edited}`, args: [guardBin, "check", "--format", "json", edited], ok: (s) => s === 0 || s === 1 },
];

const loadBefore = os.loadavg().map((n) => n.toFixed(1)).join(" ");
timed([guardBin, "check", "--format", "json"], undefined, (s) => s === 0 || s === 1); // fills the cache
const rows = commands.map((command) => {
  timed(command.args, command.stdin, command.ok); // warm-up of this command's own code cache
  const samples = Array.from({ length: runs }, () => {
    editOne();
    return timed(command.args, command.stdin, command.ok);
  });
  const times = samples.map((s) => s.ms);
  const cpu = Math.round(median(samples.map((s) => s.cpu)));
  return { command: command.name, "median ms": Math.round(median(times)), "min ms": Math.round(Math.min(...times)), "max ms": Math.round(Math.max(...times)), "median CPU ms": cpu, sample: samples[0].stdout };
});
git("reset", "-q", "--hard", "HEAD");

const files = git("ls-files").split("\n").filter(Boolean).length;
const header = ["command", "median ms", "min ms", "max ms", "median CPU ms"];
process.stdout.write(
  [
    `load average before: ${loadBefore}, after: ${os.loadavg().map((n) => n.toFixed(1)).join(" ")} (${os.cpus().length} CPUs)`,
    `${count} generated code files (${files} tracked), warm cache, each run after a one-line edit of ${edited} (staged); ${runs} timed runs after one warm-up; node ${process.version}`,
    "",
    `| ${header.join(" | ")} |`,
    `|${header.map(() => "---").join("|")}|`,
    ...rows.map((row) => `| ${header.map((key) => row[key]).join(" | ")} |`),
    "",
    `hook answer for the edit: ${rows[1].sample.trim() === "" ? "(silent: the edited file is clean)" : rows[1].sample.trim().slice(0, 200)}`,
    "",
  ].join("\n"),
);
