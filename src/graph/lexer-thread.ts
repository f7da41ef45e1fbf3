import { parentPort, workerData } from "node:worker_threads";
import { saveCodeCache, useCodeCacheFolder } from "./typescript-cache.js";
import type { LexerThreadData, LexReply, LexRequest } from "./lexer-messages.js";

/*
 * A worker thread that loads the lexer (TypeScript, ~70 ms even from V8's code cache) while the
 * main thread lists the repo and reads its caches, then lexes the few files a warm run finds
 * changed. See LexerThread.
 */

const port = parentPort;
if (port) {
  useCodeCacheFolder((workerData as LexerThreadData | undefined)?.cacheFolder);
  const { extractImports } = await import("./extract-imports.js");
  let lexed = false;
  port.on("message", (request: LexRequest) => {
    let reply: LexReply;
    try {
      reply = { id: request.id, refs: extractImports(request.text, request.path) };
    } catch (error) {
      reply = { id: request.id, error: (error as Error).message };
    }
    port.postMessage(reply);
    // The code cache holds the scanner's compiled code only once it ran (written when missing or stale).
    if (!lexed) saveCodeCache();
    lexed = true;
  });
  port.postMessage({ ready: true });
}
