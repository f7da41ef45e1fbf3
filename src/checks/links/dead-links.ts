import { posix } from "node:path";
import { closest } from "../../core/suggest.js";
import type { Finding } from "../../core/types.js";
import type { Link, MarkdownDoc } from "../../docs/model.js";
import type { RuleMeta } from "../rule.js";
import { isMarkdown, type Workspace } from "../workspace.js";
import { anchorsOf, hasAnchor } from "./anchors.js";
import { linkTarget, safeDecode } from "./target.js";
import { dropIgnored } from "../generated/gitignore.js";
import { sitePage } from "./site-pages.js";
import { folderUrlPage, siteRoutePage } from "./site-routes.js";
import { closestPath } from "./path-index.js";

export type DeadLinkMessage = "missingFile" | "missingAnchor";

/** Messages and fixes shared by agents/dead-link and docs/dead-link. */
export const deadLinkMessages: Pick<RuleMeta<DeadLinkMessage>, "messages" | "fix"> = {
  messages: {
    missingFile: "link to {target}: no such file or folder{where}{suggestion}",
    missingAnchor: "link to {target}: no heading with that anchor in {targetFile}{suggestion}",
  },
  fix: {
    missingFile:
      "Change the link {target} in {file} to the current path of the file it means{instead}, or remove the link if that file is gone; a relative link starts from the folder of {file}, a leading / from the repo root.",
    missingAnchor:
      "Change the anchor of {target} to the GitHub slug of a heading in {targetFile} (lowercase, punctuation removed, spaces as -, a repeated heading gets -1){instead}, or remove the anchor.",
  },
};

type DeadLink = Finding & { messageId: DeadLinkMessage };
/** A dead link, unless git ignores these paths (see dropIgnored). */
type Candidate = DeadLink & { unlessIgnored?: readonly string[] };

/** Relative links and #anchors in `files` that point at no file, folder or heading. */
export function findDeadLinks(workspace: Workspace, files: readonly string[]): DeadLink[] {
  const found: Candidate[] = [];
  for (const file of files) {
    const doc = workspace.markdown(file);
    if (!doc) continue;
    for (const link of doc.links) {
      const problem = checkLink(workspace, doc, link);
      if (problem) found.push(problem);
    }
  }
  return dropIgnored(workspace, found);
}

function checkLink(workspace: Workspace, doc: MarkdownDoc, link: Link): Candidate | undefined {
  const target = linkTarget(doc.path, link.url);
  if (target.kind === "self") {
    return hasAnchor(anchorsOf(workspace, doc), target.anchor) ? undefined : missingAnchor(workspace, doc, link, doc, target.anchor);
  }
  if (target.kind !== "path") return undefined;
  const repo = workspace.repo;
  // `/img/logo.png` in a docs site usually means the site's static folder, not the repo root.
  if (target.rootAbsolute && !repo.exists(target.path.split("/")[0]!)) return undefined;
  // An agent opens a map's links as files, where case matters; a site's page is served by its route.
  const sitePageLink = !workspace.maps().includes(doc.path);
  const existing = existingPath(workspace, target.path, sitePageLink) ?? (sitePageLink ? folderUrlPage(workspace, doc.path, link.url) : undefined);
  // A missing build output (`coverage/index.html`) is fine when git ignores it: a build makes it.
  if (existing === undefined) return { ...missingFile(workspace, doc, link, target.path, target.rootAbsolute), unlessIgnored: [target.path] };
  if (!target.anchor || target.plain || !isMarkdown(existing) || !repo.hasFile(existing)) return undefined;
  const targetDoc = workspace.markdown(existing);
  if (!targetDoc || hasAnchor(anchorsOf(workspace, targetDoc), target.anchor)) return undefined;
  return missingAnchor(workspace, doc, link, targetDoc, target.anchor);
}

/**
 * The path itself when it exists; otherwise what a docs site would serve for it (`guide` →
 * `guide.md`, `guide.html` → `guide.md`; in a docs page also `contributing` → `CONTRIBUTING.md`
 * and a Docusaurus doc id), so site-style links are not false alarms.
 */
function existingPath(workspace: Workspace, path: string, sitePageLink: boolean): string | undefined {
  const repo = workspace.repo;
  if (repo.exists(path)) return path;
  return sitePage(workspace, path, sitePageLink) ?? (sitePageLink ? siteRoutePage(workspace, path) : undefined);
}

function missingFile(workspace: Workspace, doc: MarkdownDoc, link: Link, path: string, rootAbsolute: boolean): DeadLink {
  const near = closestPath(workspace, path);
  const written = near === undefined ? undefined : rootAbsolute ? `/${near}` : relativeTo(doc.path, near);
  const plainTarget = link.url.replace(/[?#].*$/, "");
  return {
    ...position(link),
    file: doc.path,
    messageId: "missingFile",
    data: {
      target: link.url,
      file: doc.path,
      where: plainTarget === path || safeDecode(plainTarget) === path ? "" : ` (${path || "/"})`,
      suggestion: written ? `; did you mean ${written}?` : "",
      instead: written ? ` (e.g. ${written})` : "",
    },
    evidence: { target: link.url },
    related: [{ file: path, message: "the missing link target" }],
  };
}

function missingAnchor(workspace: Workspace, doc: MarkdownDoc, link: Link, target: MarkdownDoc, anchor: string): DeadLink {
  const near = closest(anchor.toLowerCase(), anchorsOf(workspace, target).slugs);
  const prefix = link.url.slice(0, link.url.indexOf("#"));
  const written = near === undefined ? undefined : `${prefix}#${near}`;
  return {
    ...position(link),
    file: doc.path,
    messageId: "missingAnchor",
    data: {
      target: link.url,
      targetFile: target.path,
      suggestion: written ? `; did you mean ${written}?` : "",
      instead: written ? ` (e.g. ${written})` : "",
    },
    evidence: { target: link.url },
    ...(target.path === doc.path ? {} : { related: [{ file: target.path, message: "the linked document" }] }),
  };
}

function relativeTo(fromFile: string, path: string): string {
  const dir = posix.dirname(fromFile);
  return dir === "." ? path : posix.relative(dir, path) || ".";
}

function position(link: Link) {
  return { line: link.line, column: link.column, endLine: link.endLine, endColumn: link.endColumn };
}
