import { posix } from "node:path";
import type { Workspace } from "../workspace.js";
import { PageResolver } from "./nav-pages.js";
import { siteNavs } from "./site-navs.js";
import { sitePage } from "./site-pages.js";
import { linkTarget } from "./target.js";

/**
 * The page a docs site serves at a path that names no file: Docusaurus serves
 * docs/TutorialReactNative.md (front-matter `id: tutorial-react-native`) at
 * `/docs/tutorial-react-native`, and older versions at `/docs/<version>/…`. Undefined when no
 * site's routes name a page there.
 */
export function siteRoutePage(workspace: Workspace, path: string): string | undefined {
  const routes = workspace.shared("site-routes", () =>
    siteNavs(workspace)
      .flatMap((nav) => nav.routes)
      .sort((a, b) => b.prefix.length - a.prefix.length),
  );
  for (const { prefix, folder } of routes) {
    if (!path.startsWith(`${prefix}/`)) continue;
    const found = PageResolver.of(workspace).resolve(path.slice(prefix.length + 1), [folder]);
    if (found.length > 0) return found[0];
  }
  return undefined;
}

/**
 * Where a relative link without an extension leads on a site that serves each page as a folder
 * (MkDocs' and Docusaurus' `/async/`): `../advanced/transports` written in docs/async.md is read
 * from docs/async/, so it names docs/advanced/transports.md. Only for pages of a docs site.
 */
export function folderUrlPage(workspace: Workspace, file: string, url: string): string | undefined {
  const written = url.replace(/[?#].*$/, "");
  if (written.startsWith("/") || /\.[a-z0-9]+$/i.test(posix.basename(written))) return undefined;
  const target = linkTarget(`${file.replace(/\.(md|mdx|markdown)$/i, "")}/index.md`, url);
  if (target.kind !== "path" || !siteNavs(workspace).some((nav) => nav.routes.some((route) => file.startsWith(`${route.folder}/`)))) return undefined;
  return workspace.repo.hasFile(target.path) ? target.path : (sitePage(workspace, target.path) ?? siteRoutePage(workspace, target.path));
}
