import type { CommandUse } from "./args.js";
import type { CommandSources, PackageManifest } from "./sources.js";

/** Bins whose package name does not say so, for repos where node_modules is not installed. */
const KNOWN_BINS: Record<string, string[]> = {
  tsc: ["typescript"],
  tsserver: ["typescript"],
  ng: ["@angular/cli"],
  depcruise: ["dependency-cruiser"],
  sg: ["@ast-grep/cli"],
  "ast-grep": ["@ast-grep/cli"],
  webpack: ["webpack-cli", "webpack"],
  babel: ["@babel/cli"],
  changeset: ["@changesets/cli"],
  commitlint: ["@commitlint/cli"],
  "graphql-codegen": ["@graphql-codegen/cli"],
  "svelte-kit": ["@sveltejs/kit"],
  "api-extractor": ["@microsoft/api-extractor"],
  conc: ["concurrently"],
  _mocha: ["mocha"],
  sb: ["storybook"],
  "react-scripts": ["react-scripts"],
  vc: ["vercel"],
};

/**
 * Whether a binary is there for npx / pnpm / yarn to run without downloading it: "yes", "no",
 * or "unsure" when some dependency is not installed, so its bins cannot be read.
 */
export function binStatus(sources: CommandSources, use: CommandUse, manifests: PackageManifest[]): "yes" | "no" | "unsure" {
  const name = use.name;
  const root = sources.manifests.get("");
  const dependencies = new Set<string>();
  for (const manifest of root ? [...manifests, root] : manifests) {
    for (const dependency of manifest.dependencies) dependencies.add(dependency);
  }
  if (dependencies.has(name)) return "yes";
  // The repo's own packages (a workspace package's name or bin) need no download.
  for (const manifest of sources.manifests.values()) {
    if (manifest.name === name || manifest.bins.has(name)) return "yes";
  }
  if (KNOWN_BINS[name]?.some((pkg) => dependencies.has(pkg))) return "yes";
  for (const dependency of dependencies) if (namedAfter(dependency, name)) return "yes";
  if (sources.hasInstalledBin(use.dir, name)) return "yes";
  let unsure = false;
  for (const dependency of dependencies) {
    const bins = sources.installedBins(use.dir, dependency);
    if (bins?.has(name)) return "yes";
    if (!bins) unsure = true;
  }
  return unsure ? "unsure" : "no";
}

/** `eslint` from eslint, `biome` from @biomejs/biome, `playwright` from @playwright/test, `vite` from vite-cli… */
function namedAfter(dependency: string, bin: string): boolean {
  const [scope, base] = dependency.startsWith("@") ? dependency.slice(1).split("/", 2) : [undefined, dependency];
  if (base === bin || base === `${bin}-cli` || base === `${bin}js`) return true;
  return scope !== undefined && (scope === bin || scope === `${bin}js`);
}
