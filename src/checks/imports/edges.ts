import type { RelatedLocation } from "../../core/types.js";
import type { ImportEdge } from "../../graph/types.js";

/** Where an import's specifier stands: the place every arch/* finding on an edge points at. */
export function specifierPlace(edge: ImportEdge) {
  return { line: edge.line, column: edge.column, endLine: edge.endLine, endColumn: edge.endColumn };
}

/** The other end of an import, as a related location. */
export function importedFile(target: string, message: string): RelatedLocation[] {
  return [{ file: target, line: 1, column: 1, message }];
}
