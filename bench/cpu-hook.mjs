// Preloaded into each process run-hook.mjs times (`node --import`): at exit it writes the
// process's CPU time, user + system of all its threads, in milliseconds, to $BENCH_CPU_FILE.
// On a shared machine wall time follows the load; CPU time much less. git's own processes
// are not included.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const { user, system } = process.cpuUsage();
  if (process.env.BENCH_CPU_FILE) writeFileSync(process.env.BENCH_CPU_FILE, String((user + system) / 1000));
});
