import { posix } from "node:path";
import picomatch from "picomatch";
import type { Finding } from "../../core/types.js";
import type { InlineCode, Link, MarkdownDoc } from "../../docs/model.js";
import type { RuleMeta } from "../rule.js";
import type { Workspace } from "../workspace.js";
import { pathCandidate, type PathCandidate } from "./path-candidate.js";
import { dropIgnored } from "../generated/gitignore.js";
import { closestPath, directories, namesSomething } from "./path-index.js";
import { notAClaim } from "./path-claim.js";

export type MissingPathMessage = "missingPath" | "emptyGlob";

/** Messages and fixes shared by agents/missing-path and docs/missing-path. */
export const missingPathMessages: Pick<RuleMeta<MissingPathMessage>, "messages" | "fix"> = {
  messages: {
    missingPath: "path {path}: no such file or folder{where}{suggestion}",
    emptyGlob: "glob {path} matches no file or folder{where}",
  },
  fix: {
    missingPath:
      "Change `{path}` in {file} to the current path of what it names{instead}, or remove the mention if that no longer exists.",
    emptyGlob: "Change the glob `{path}` in {file} so that it matches the files it means, or remove it.",
  },
};

type MissingPath = Finding & { messageId: MissingPathMessage };
/** A missing path, unless git ignores one of these paths (see dropIgnored). */
type Candidate = MissingPath & { unlessIgnored: readonly string[] };

/** One way to read a candidate: the folder it is relative to and the repo path it names. */
interface Reading {
  base: string;
  full: string;
}

/**
 * Inline code paths in `files` that name nothing. Links are left to dead-link, so a path is
 * never reported twice: code inside a link's text is skipped.
 */
export function findMissingPaths(workspace: Workspace, files: readonly string[]): MissingPath[] {
  const found: Candidate[] = [];
  for (const file of files) {
    const doc = workspace.markdown(file);
    if (!doc) continue;
    const links = doc.links.filter((link) => link.kind === "link" || link.kind === "autolink");
    let next = 0; // links and code spans are both in document order, and links do not nest
    for (const code of doc.inlineCode) {
      while (next < links.length && startsBefore(links[next]!, code)) next++;
      if (next > 0 && contains(links[next - 1]!, code)) continue;
      const candidate = pathCandidate(code.value);
      if (candidate) {
        const problem = checkCandidate(workspace, doc, code, candidate);
        if (problem) found.push(problem);
      }
    }
  }
  return dropIgnored(workspace, found);
}

function checkCandidate(workspace: Workspace, doc: MarkdownDoc, code: InlineCode, candidate: PathCandidate): Candidate | undefined {
  // Only readings whose first folder exists (`and/or`, `client/server`, `24/7` never qualify);
  // text not shaped like a path needs every folder before its last segment, and more than one.
  const readings = readingsOf(workspace, doc.path, candidate).filter((reading) =>
    candidate.shaped ? isFolder(workspace, firstFolder(reading)) : parentExists(workspace, reading, candidate.glob),
  );
  if (readings.length === 0) return undefined;
  if (readings.some((reading) => (candidate.glob ? globMatches(workspace, reading.full) : namesSomething(workspace, reading.full)))) {
    return undefined;
  }
  if (candidate.placeholder || notAClaim(doc, code)) return undefined;
  const nearest = readings[0]!;
  const written = code.value.trim();
  const where = nearest.full === candidate.path.replace(/\/$/, "") ? "" : ` (${nearest.full})`;
  const common = {
    // A build output a doc names before anyone built it (`dist/cli.js`, `bench/.out/`).
    unlessIgnored: readings.map((reading) => (candidate.glob ? staticPart(reading.full) : reading.full)),
    file: doc.path,
    line: code.line,
    column: code.column,
    endLine: code.endLine,
    endColumn: code.endColumn,
    evidence: { path: written },
  };
  if (candidate.glob) {
    // A glob under an ignored folder (`dist/**/*.js`) matches build output that is not listed.
    if (ignoredFolder(workspace, staticPart(nearest.full))) return undefined;
    return { ...common, messageId: "emptyGlob", data: { path: written, file: doc.path, where } };
  }
  const near = closestPath(workspace, nearest.full);
  const suggestion = near === undefined ? undefined : rewrite(nearest, candidate, doc.path, near);
  return {
    ...common,
    messageId: "missingPath",
    data: {
      path: written,
      file: doc.path,
      where,
      suggestion: suggestion ? `; did you mean ${suggestion}?` : "",
      instead: suggestion ? ` (e.g. \`${suggestion}\`)` : "",
    },
    related: [{ file: nearest.full, message: "the missing path" }],
  };
}

/** The readings of a candidate, nearest folder first. */
function readingsOf(workspace: Workspace, file: string, candidate: PathCandidate): Reading[] {
  const fileDir = dirOf(file);
  const bases =
    candidate.base === "root" ? [""] : candidate.base === "file" ? [fileDir] : [...new Set([fileDir, projectRoot(workspace, fileDir), ""])];
  const ups = candidate.path.split("/").filter((segment) => segment === "..").length;
  const readings: Reading[] = [];
  for (const base of bases) {
    const full = posix.normalize(posix.join(base || ".", candidate.path)).replace(/\/$/, "");
    if (full === "." || full === ".." || full.startsWith("../")) continue; // climbs out of the repo
    readings.push({ base: posix.normalize(posix.join(base || ".", ...Array<string>(ups).fill(".."))), full });
  }
  return readings;
}

// A folder with one of these is where package-relative paths (`src/index.ts`) start from; an
// agent skill's paths (`scripts/run.sh`) start from the folder of its SKILL.md.
const PROJECT_MARKERS = ["package.json", "AGENTS.md", "CLAUDE.md", "SKILL.md", "go.mod", "Cargo.toml", "pyproject.toml", "deno.json", "pom.xml", "build.gradle"];

/** The nearest folder at or above `dir` that is a package or has its own map ("" for the root). */
function projectRoot(workspace: Workspace, dir: string): string {
  for (let current = dir; current !== ""; current = dirOf(current)) {
    if (PROJECT_MARKERS.some((marker) => workspace.repo.hasFile(`${current}/${marker}`))) return current;
  }
  return "";
}

function firstFolder(reading: Reading): string {
  const base = reading.base === "." ? "" : reading.base;
  const rest = base === "" ? reading.full : reading.full.slice(base.length + 1);
  const first = rest.split("/")[0]!;
  return base === "" ? first : `${base}/${first}`;
}

/**
 * For text not shaped like a path (`packages/cli/src/x`): the folders before its last segment
 * exist, and there are at least two of them. One is not enough: `tools/call` (an MCP method),
 * `feat/x` (a branch), `lodash/fp` (an import) and `owner/repo` are not paths, even in a repo
 * that has a `tools/`, `feat/`, `lodash/` or `owner/` folder.
 */
function parentExists(workspace: Workspace, reading: Reading, glob: boolean): boolean {
  const base = reading.base === "." ? "" : reading.base;
  const parent = dirOf(reading.full);
  const written = base === "" ? parent : parent.slice(base.length + 1);
  if (parent.length <= base.length || written.split("/").length < 2) return false;
  if (!glob) return isFolder(workspace, parent);
  const matches = picomatch(parent, { dot: true });
  return directories(workspace).some((dir) => matches(dir));
}

/** A listed folder, or a folder on disk that git ignores (`dist/`); never a file (`package.json/x`). */
function isFolder(workspace: Workspace, path: string): boolean {
  const repo = workspace.repo;
  return repo.hasDirectory(path) || (!repo.hasFile(path) && repo.exists(path));
}

function ignoredFolder(workspace: Workspace, path: string): boolean {
  return !workspace.repo.hasDirectory(path) && workspace.repo.exists(path);
}

/** The part of a path or glob before its first wildcard (the whole path when it has none). */
function staticPart(pattern: string): string {
  return picomatch.scan(pattern).base;
}

function globMatches(workspace: Workspace, pattern: string): boolean {
  const matches = picomatch(pattern.replace(/\/$/, ""), { dot: true });
  return workspace.repo.files.some((file) => matches(file)) || directories(workspace).some((dir) => matches(dir));
}

/** The suggestion written the way the author wrote the original (same base, same prefix). */
function rewrite(reading: Reading, candidate: PathCandidate, file: string, near: string): string {
  if (candidate.base === "root") return `/${near}`;
  if (candidate.base === "file") {
    const relative = posix.relative(dirOf(file) || ".", near);
    return relative.startsWith("..") ? relative : `./${relative}`;
  }
  const base = reading.base === "." ? "" : reading.base;
  return base === "" ? near : posix.relative(base, near);
}

function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === "." ? "" : dir;
}

function startsBefore(outer: Link, inner: InlineCode): boolean {
  return outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
}

function contains(outer: Link, inner: InlineCode): boolean {
  return outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
}
