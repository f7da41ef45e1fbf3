import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execGit, makeRepo, writeFiles, type FileTree } from "../helpers/repo.js";

interface Resolver {
  resolve(fromFile: string, specifier: string): unknown;
}
const mod = (await import(
  process.env.GUARD_DIST ? `${process.env.GUARD_DIST}/src/graph/resolver.js` : "../../dist/src/graph/resolver.js"
)) as { createResolver(root: string, files: readonly string[]): Resolver };

/** A committed repo plus files written after the commit but git-ignored (node_modules, dist). */
function resolverFor(files: FileTree, ignored: FileTree = {}): Resolver {
  const dir = makeRepo(files);
  writeFiles(dir, ignored);
  const listed = execGit(dir, ["ls-files", "--cached", "--others", "--exclude-standard"]).split("\n").filter(Boolean);
  return mod.createResolver(dir, listed);
}

const local = (path: string) => ({ kind: "local", path });
const external = (packageName: string) => ({ kind: "external", packageName });
const builtin = (name: string) => ({ kind: "builtin", name });
const unresolved = { kind: "unresolved" };
/** Unresolved, with the repo paths the specifier would name (where a generated file would be). */
const unresolvedAt = (...targets: string[]) => ({ kind: "unresolved", targets });

describe("relative imports", () => {
  const resolver = resolverFor({
    "src/a.ts": "",
    "src/b.tsx": "",
    "src/types.d.ts": "",
    "src/esm.mts": "",
    "src/legacy.js": "",
    "src/dir/index.ts": "",
    "src/data.json": "{}",
    "src/util/format.ts": "",
  });
  it.each([
    ["./a", local("src/a.ts")],
    ["./a.ts", local("src/a.ts")],
    ["./a.js", local("src/a.ts")],
    ["./b.js", local("src/b.tsx")],
    ["./b", local("src/b.tsx")],
    ["./esm.mjs", local("src/esm.mts")],
    ["./types", local("src/types.d.ts")],
    ["./legacy", local("src/legacy.js")],
    ["./legacy.js", local("src/legacy.js")],
    ["./dir", local("src/dir/index.ts")],
    ["./dir/index.js", local("src/dir/index.ts")],
    ["./data.json", local("src/data.json")],
    ["../src/util/format.js", local("src/util/format.ts")],
    [".", unresolvedAt("src")],
    ["./missing", unresolvedAt("src/missing")],
    ["./missing.js", unresolvedAt("src/missing.js")],
    ["../../outside/x", unresolved],
  ])("%s from src/main.ts", (specifier, expected) => {
    expect(resolver.resolve("src/main.ts", specifier)).toEqual(expected);
  });

  it("resolves `.` to the folder's index and `..` to the parent's", () => {
    expect(resolver.resolve("src/dir/other.ts", ".")).toEqual(local("src/dir/index.ts"));
    expect(resolver.resolve("src/util/x.ts", "../dir")).toEqual(local("src/dir/index.ts"));
  });
});

describe("builtins and packages", () => {
  const resolver = resolverFor({ "src/a.ts": "", "package.json": '{ "name": "app" }' });
  it.each([
    ["node:fs", builtin("fs")],
    ["node:test", builtin("test")],
    ["fs", builtin("fs")],
    ["fs/promises", builtin("fs/promises")],
    ["path", builtin("path")],
    ["react", external("react")],
    ["lodash/fp/map", external("lodash")],
    ["@scope/pkg", external("@scope/pkg")],
    ["@scope/pkg/deep/x.js", external("@scope/pkg")],
    ["virtual:pwa-register", external("virtual:pwa-register")],
  ])("%s", (specifier, expected) => {
    expect(resolver.resolve("src/a.ts", specifier)).toEqual(expected);
  });

  it("names an installed package by its name, not its file", () => {
    const installed = resolverFor(
      { "src/a.ts": "", ".gitignore": "node_modules\n" },
      { "node_modules/left-pad/package.json": '{ "name": "left-pad", "main": "index.js" }', "node_modules/left-pad/index.js": "" },
    );
    expect(installed.resolve("src/a.ts", "left-pad")).toEqual(external("left-pad"));
  });

  it("answers the same specifier from the same folder from its cache", () => {
    expect(resolver.resolve("src/a.ts", "react")).toBe(resolver.resolve("src/b.ts", "react"));
  });
});

describe("tsconfig paths", () => {
  const resolver = resolverFor({
    "config/tsconfig.base.json": `{
      // paths resolve relative to the config that defines them
      "compilerOptions": { "paths": { "@shared/*": ["../shared/src/*"], "lodash": ["../shared/src/my-lodash.ts"] } },
    }`,
    "app/tsconfig.json": '{ "extends": "../config/tsconfig.base.json" }',
    "app/src/main.ts": "",
    "shared/src/strings.ts": "",
    "shared/src/my-lodash.ts": "",
    "web/tsconfig.json": '{ "compilerOptions": { "baseUrl": "src", "paths": { "@/*": ["./*"] } } }',
    "web/src/components/button.tsx": "",
    "web/src/lib/utils.ts": "",
    "other/main.ts": "",
  });
  it.each([
    ["app/src/main.ts", "@shared/strings", local("shared/src/strings.ts")],
    ["app/src/main.ts", "@shared/strings.js", local("shared/src/strings.ts")],
    ["app/src/main.ts", "@shared/nope", unresolvedAt("shared/src/nope")],
    ["app/src/main.ts", "lodash", local("shared/src/my-lodash.ts")],
    ["app/src/main.ts", "lodash/fp", external("lodash")],
    ["web/src/components/button.tsx", "@/lib/utils", local("web/src/lib/utils.ts")],
    ["web/src/components/button.tsx", "lib/utils", local("web/src/lib/utils.ts")],
    ["web/src/components/button.tsx", "react", external("react")],
    // No tsconfig up the chain: no aliases.
    ["other/main.ts", "@shared/strings", external("@shared/strings")],
    ["other/main.ts", "lodash", external("lodash")],
  ])("%s imports %s", (from, specifier, expected) => {
    expect(resolver.resolve(from, specifier)).toEqual(expected);
  });

  it("uses the nearest tsconfig.json of each folder", () => {
    const nested = resolverFor({
      "tsconfig.json": '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }',
      "src/root.ts": "",
      "pkg/tsconfig.json": '{ "compilerOptions": { "paths": { "~/*": ["./lib/*"] } } }',
      "pkg/lib/root.ts": "",
    });
    expect(nested.resolve("src/a.ts", "~/root")).toEqual(local("src/root.ts"));
    expect(nested.resolve("pkg/lib/deep/a.ts", "~/root")).toEqual(local("pkg/lib/root.ts"));
  });

  it("follows project references of a solution-style tsconfig (Vite's app/node split)", () => {
    const vite = resolverFor({
      "tsconfig.json": '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }, { "path": "./tsconfig.node.json" }] }',
      "tsconfig.app.json": '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["src"] }',
      "tsconfig.node.json": '{ "include": ["vite.config.ts"] }',
      "src/lib/utils.ts": "",
    });
    expect(vite.resolve("src/components/button.tsx", "@/lib/utils")).toEqual(local("src/lib/utils.ts"));
    expect(vite.resolve("src/components/button.tsx", "@/lib/missing")).toEqual(unresolvedAt("src/lib/missing"));
  });

  it("still applies its own paths when an extended package is not installed", () => {
    const fresh = resolverFor({
      "tsconfig.json": '{ "extends": "@tsconfig/node20/tsconfig.json", "compilerOptions": { "paths": { "#app/*": ["./src/*"] } } }',
      "src/a.ts": "",
      "src/b.ts": "",
    });
    expect(fresh.resolve("src/b.ts", "./a.js")).toEqual(local("src/a.ts"));
    expect(fresh.resolve("src/b.ts", "#app/a")).toEqual(local("src/a.ts"));
    expect(fresh.resolve("src/b.ts", "#app/nope")).toEqual(unresolved);
    expect(fresh.resolve("src/b.ts", "zod")).toEqual(external("zod"));
  });

  it("follows a monorepo's project references to each package's own paths", () => {
    const references = resolverFor({
      "tsconfig.json": '{ "files": [], "references": [{ "path": "./packages/api" }, { "path": "./packages/web" }] }',
      "packages/api/tsconfig.json": '{ "compilerOptions": { "composite": true, "paths": { "$api/*": ["./src/*"] } } }',
      "packages/api/src/db.ts": "",
      "packages/web/tsconfig.json": '{ "compilerOptions": { "composite": true, "paths": { "$web/*": ["./src/*"] } }, "references": [{ "path": "../api" }] }',
      "packages/web/src/page.tsx": "",
      "scripts/seed.ts": "",
    });
    expect(references.resolve("packages/api/src/x.ts", "$api/db")).toEqual(local("packages/api/src/db.ts"));
    expect(references.resolve("packages/web/src/x.ts", "$web/page")).toEqual(local("packages/web/src/page.tsx"));
    expect(references.resolve("packages/web/src/x.ts", "$web/nope")).toEqual(unresolvedAt("packages/web/src/nope"));
    expect(references.resolve("scripts/seed.ts", "../packages/api/src/db.js")).toEqual(local("packages/api/src/db.ts"));
  });

  it("reads jsconfig.json where there is no tsconfig.json", () => {
    const js = resolverFor({ "jsconfig.json": '{ "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }', "src/lib.js": "" });
    expect(js.resolve("src/app.jsx", "~/lib")).toEqual(local("src/lib.js"));
  });

  it("still resolves relative and `#imports` specifiers under a tsconfig that is not valid JSON", () => {
    const broken = resolverFor({
      "tsconfig.json": '{ "compilerOptions": { "paths": ',
      "package.json": JSON.stringify({ name: "app", imports: { "#db": "./src/db.ts" } }),
      "src/db.ts": "",
    });
    expect(broken.resolve("src/a.ts", "./db.js")).toEqual(local("src/db.ts"));
    expect(broken.resolve("src/a.ts", "#db")).toEqual(local("src/db.ts"));
    expect(broken.resolve("src/a.ts", "#nope")).toEqual(unresolved);
  });

  it("treats a catch-all `*` alias miss as a package", () => {
    const catchAll = resolverFor({
      "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "*": ["src/types/*"] } } }',
      "src/types/config.d.ts": "",
    });
    expect(catchAll.resolve("src/a.ts", "config")).toEqual(local("src/types/config.d.ts"));
    expect(catchAll.resolve("src/a.ts", "react")).toEqual(external("react"));
    expect(catchAll.resolve("src/a.ts", "fs")).toEqual(builtin("fs"));
  });
});

const WORKSPACE: FileTree = {
  "packages/core/package.json": JSON.stringify({
    name: "@acme/core",
    exports: { ".": "./src/index.ts", "./utils/*": "./src/utils/*.ts", "./package.json": "./package.json" },
    imports: { "#internal/*": "./src/internal/*.ts" },
  }),
  "packages/core/src/index.ts": "",
  "packages/core/src/utils/dates.ts": "",
  "packages/core/src/internal/secret.ts": "",
  "packages/ui/package.json": JSON.stringify({
    name: "@acme/ui",
    exports: { ".": { types: "./dist/index.d.ts", import: "./dist/index.js" }, "./button": { import: "./dist/button.js" } },
  }),
  "packages/ui/src/index.ts": "",
  "packages/ui/src/button.tsx": "",
  "packages/legacy/package.json": JSON.stringify({ name: "legacy", main: "lib/main.js" }),
  "packages/legacy/src/main.ts": "",
  "packages/legacy/src/extra.ts": "",
  "apps/web/package.json": JSON.stringify({ name: "web" }),
  "apps/web/src/main.ts": "",
  "examples/demo/package.json": JSON.stringify({ name: "demo" }),
  "examples/demo/index.ts": "",
  ".gitignore": "node_modules\ndist\n",
};

const WORKSPACE_CASES: [string, string, unknown][] = [
  ["apps/web/src/main.ts", "@acme/core", local("packages/core/src/index.ts")],
  ["apps/web/src/main.ts", "@acme/core/utils/dates", local("packages/core/src/utils/dates.ts")],
  // A subpath a workspace package does not export is a package boundary, not an invented module:
  // arch/unresolved is for relative and aliased imports (the import may target a published version).
  ["apps/web/src/main.ts", "@acme/core/utils/nope", external("@acme/core")],
  ["apps/web/src/main.ts", "@acme/core/src/index", external("@acme/core")],
  ["apps/web/src/main.ts", "@acme/ui", local("packages/ui/src/index.ts")],
  ["apps/web/src/main.ts", "@acme/ui/button", local("packages/ui/src/button.tsx")],
  ["apps/web/src/main.ts", "legacy", local("packages/legacy/src/main.ts")],
  ["apps/web/src/main.ts", "legacy/src/extra", local("packages/legacy/src/extra.ts")],
  ["packages/core/src/utils/dates.ts", "#internal/secret", local("packages/core/src/internal/secret.ts")],
  ["packages/core/src/utils/dates.ts", "#internal/nope", unresolved],
  ["packages/core/src/utils/dates.ts", "@acme/core/utils/dates", local("packages/core/src/utils/dates.ts")],
  // Not a workspace member: its name is just a package.
  ["apps/web/src/main.ts", "demo", external("demo")],
];

describe("workspace packages without node_modules", () => {
  const npm = resolverFor({ ...WORKSPACE, "package.json": JSON.stringify({ name: "root", workspaces: ["packages/*", "apps/*"] }) });
  const pnpm = resolverFor({
    ...WORKSPACE,
    "package.json": JSON.stringify({ name: "root" }),
    "pnpm-workspace.yaml": "packages:\n  - 'packages/*'\n  - apps/*\n  - '!**/test/**'\n",
  });
  it.each(WORKSPACE_CASES)("npm: %s imports %s", (from, specifier, expected) => {
    expect(npm.resolve(from, specifier)).toEqual(expected);
  });
  it.each(WORKSPACE_CASES)("pnpm: %s imports %s", (from, specifier, expected) => {
    expect(pnpm.resolve(from, specifier)).toEqual(expected);
  });
});

describe("workspace packages installed in node_modules", () => {
  const rootManifest = { "package.json": JSON.stringify({ name: "root", workspaces: ["packages/*", "apps/*"] }) };
  it("resolves an npm workspace symlink to the package's real folder", () => {
    const resolver = resolverFor(
      { ...WORKSPACE, ...rootManifest },
      {
        "node_modules/@acme/core": { symlink: "../../packages/core" },
        "node_modules/@acme/ui": { symlink: "../../packages/ui" },
        "node_modules/legacy": { symlink: "../packages/legacy" },
      },
    );
    for (const [from, specifier, expected] of WORKSPACE_CASES) expect(resolver.resolve(from, specifier), specifier).toEqual(expected);
  });

  it("resolves a pnpm symlink beside the importer and maps a built, git-ignored dist/ back to src/", () => {
    const resolver = resolverFor(
      { ...WORKSPACE, ...rootManifest },
      {
        "apps/web/node_modules/@acme/ui": { symlink: "../../../../packages/ui" },
        "packages/ui/dist/index.js": "",
        "packages/ui/dist/index.d.ts": "",
        "packages/ui/dist/button.js": "",
      },
    );
    expect(resolver.resolve("apps/web/src/main.ts", "@acme/ui")).toEqual(local("packages/ui/src/index.ts"));
    expect(resolver.resolve("apps/web/src/main.ts", "@acme/ui/button")).toEqual(local("packages/ui/src/button.tsx"));
  });

  it("maps through the package tsconfig's outDir and rootDir", () => {
    const resolver = resolverFor({
      "package.json": JSON.stringify({ name: "root", workspaces: ["packages/*"] }),
      "packages/lib/package.json": JSON.stringify({ name: "lib", exports: "./build/out/index.js" }),
      "packages/lib/tsconfig.json": '{ "compilerOptions": { "outDir": "build/out", "rootDir": "source" } }',
      "packages/lib/source/index.ts": "",
    });
    expect(resolver.resolve("app.ts", "lib")).toEqual(local("packages/lib/source/index.ts"));
  });

  it("calls an exported build output with no source to map back to an external package, not unresolved", () => {
    const resolver = resolverFor({
      "package.json": JSON.stringify({ name: "root", workspaces: ["packages/*"] }),
      "packages/gen/package.json": JSON.stringify({ name: "gen", exports: { ".": "./dist/bundle.js" } }),
      "packages/gen/src/main.ts": "",
    });
    expect(resolver.resolve("app.ts", "gen")).toEqual(external("gen"));
    expect(resolver.resolve("app.ts", "gen/other")).toEqual(external("gen"));
  });
});

describe("an alias into node_modules", () => {
  it("is a package that is not installed here, not an unresolved import", () => {
    const resolver = resolverFor({
      "tsconfig.json": '{ "compilerOptions": { "baseUrl": ".", "paths": { "react": ["./node_modules/@types/react"] } } }',
      "src/a.ts": "",
    });
    expect(resolver.resolve("src/a.ts", "react")).toEqual(external("react"));
  });
});

describe("an alias that shadows a package name", () => {
  it("resolves to the local file even when the package is installed", () => {
    const resolver = resolverFor(
      {
        "tsconfig.json": '{ "compilerOptions": { "paths": { "lodash": ["./src/my-lodash.ts"] } } }',
        "src/my-lodash.ts": "",
        ".gitignore": "node_modules\n",
      },
      { "node_modules/lodash/package.json": '{ "name": "lodash", "main": "index.js" }', "node_modules/lodash/index.js": "" },
    );
    expect(resolver.resolve("src/a.ts", "lodash")).toEqual(local("src/my-lodash.ts"));
    expect(resolver.resolve("src/a.ts", "lodash/fp")).toEqual(external("lodash"));
  });
});

describe("unresolved targets", () => {
  it("names where a data file would sit beside the compiled output, for data files only", () => {
    const built = resolverFor({ "pkg/tsconfig.json": '{ "compilerOptions": { "rootDir": "src", "outDir": "lib" } }', "pkg/src/a.ts": "" });
    expect(built.resolve("pkg/src/a.ts", "./catalog.json")).toEqual(unresolvedAt("pkg/src/catalog.json", "pkg/lib/catalog.json"));
    expect(built.resolve("pkg/src/a.ts", "./nope.js")).toEqual(unresolvedAt("pkg/src/nope.js"));
    expect(built.resolve("pkg/src/a.ts", "./nope")).toEqual(unresolvedAt("pkg/src/nope"));
  });
});

describe("files outside the file list", () => {
  it("calls a relative import that leaves the root for an existing file external, and a missing one unresolved", () => {
    const dir = makeRepo({ "app/src/a.ts": "", "shared/util.ts": "" });
    const resolver = mod.createResolver(join(dir, "app"), ["src/a.ts"]);
    expect(resolver.resolve("src/a.ts", "../../shared/util.js")).toEqual(external("../shared/util.ts"));
    expect(resolver.resolve("src/a.ts", "../../shared/nope.js")).toEqual(unresolved);
  });

  it("keeps a git-ignored generated file as a local file", () => {
    const resolver = resolverFor({ ".gitignore": "src/generated/\n", "src/a.ts": "" }, { "src/generated/api.ts": "" });
    expect(resolver.resolve("src/a.ts", "./generated/api.js")).toEqual(local("src/generated/api.ts"));
  });
});
