import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { MarkdownDoc } from "./model.js";

/** Below this many files a worker's start-up (loading the parser) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 150;
const BATCH_SIZE = 64;

/**
 * Parses many Markdown files, spread over worker threads when there are enough of them:
 * the parser is the slowest part of a docs check, and it is pure, so it parallelises.
 */
export async function parseMany(files: { path: string; text: string }[]): Promise<MarkdownDoc[]> {
  if (files.length === 0) return [];
  // Loaded only when something must be parsed: a warm run takes every model from the cache.
  const { parseMarkdown } = await import("./parse-markdown.js");
  const workers = Math.min(workerLimit(), Math.ceil(files.length / BATCH_SIZE));
  if (files.length < MIN_FILES_FOR_WORKERS || workers < 2) {
    return files.map(({ path, text }) => parseMarkdown(path, text));
  }
  const batches: { start: number; files: { path: string; text: string }[] }[] = [];
  for (let start = 0; start < files.length; start += BATCH_SIZE) {
    batches.push({ start, files: files.slice(start, start + BATCH_SIZE) });
  }
  try {
    return await parseInWorkers(files, batches, workers);
  } catch {
    // A worker that cannot start (an unusual install, a bundler that dropped the file) must
    // not fail the check: parse here instead, slower but the same result.
    return files.map(({ path, text }) => parseMarkdown(path, text));
  }
}

async function parseInWorkers(
  files: { path: string; text: string }[],
  batches: { start: number; files: { path: string; text: string }[] }[],
  workers: number,
): Promise<MarkdownDoc[]> {
  const results: MarkdownDoc[] = new Array(files.length);
  const url = new URL("./parse-worker.js", import.meta.url);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      const worker = new Worker(url);
      try {
        for (let batch = batches.shift(); batch; batch = batches.shift()) {
          const models = await roundTrip(worker, batch.files);
          models.forEach((model, i) => {
            results[batch!.start + i] = { ...model, text: batch!.files[i]!.text };
          });
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
  return results;
}

/** One worker per core, at most 8; `GUARD_PARSE_WORKERS=0` parses on the main thread. */
function workerLimit(): number {
  const configured = Number(process.env.GUARD_PARSE_WORKERS);
  if (process.env.GUARD_PARSE_WORKERS !== undefined && Number.isInteger(configured) && configured >= 0) return configured;
  return Math.min(availableParallelism(), 8);
}

function roundTrip(worker: Worker, batch: { path: string; text: string }[]): Promise<Omit<MarkdownDoc, "text">[]> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      worker.off("message", onMessage);
      reject(error);
    };
    const onMessage = (models: Omit<MarkdownDoc, "text">[]) => {
      worker.off("error", onError);
      resolve(models);
    };
    worker.once("message", onMessage);
    worker.once("error", onError);
    worker.postMessage(batch);
  });
}
