import { parentPort } from "node:worker_threads";
import { parseMarkdown } from "./parse-markdown.js";

/** Parses batches of Markdown files off the main thread: `{ path, text }[]` in, models out. */
parentPort?.on("message", (batch: { path: string; text: string }[]) => {
  parentPort!.postMessage(batch.map(({ path, text }) => {
    const { text: _text, ...model } = parseMarkdown(path, text);
    return model;
  }));
});
