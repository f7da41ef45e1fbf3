import type { ImportRef } from "./types.js";

/** What the lexer thread (lexer-thread.ts) and its client (lexer-client.ts) say to each other. */

/** The thread is started with: where TypeScript's code cache is. */
export interface LexerThreadData {
  cacheFolder: string | undefined;
}

export interface LexRequest {
  id: number;
  text: string;
  path: string;
}

export type LexReply = { id: number; refs: ImportRef[] } | { id: number; error: string };
