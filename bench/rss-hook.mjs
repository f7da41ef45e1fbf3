// Preloaded into the guard process by run-docs.mjs (`node --import`): at exit it writes the
// process's peak resident set size (kilobytes) to $BENCH_RSS_FILE, so the bench needs no GNU time.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
