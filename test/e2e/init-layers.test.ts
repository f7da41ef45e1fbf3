import { describe, expect, it } from "vitest";
import { makeRepo, writeFiles, type FileTree } from "../helpers/repo.js";
import { findings, folder, init, layersOf, NPM_PACKAGE, prose, readText, writtenConfig } from "./init-support.js";

/**
 * A flat src/ whose folders take one direction (cli → web → service → data → core), but for two
 * imports: data/d0 imports service (a cycle data ⇄ service) and core/c0 imports web (a loop
 * through web → core). src/index.ts re-exports web: an entry point in no folder.
 */
const FLAT: FileTree = {
  ...NPM_PACKAGE,
  ...folder("src/core", "c", 10),
  ...folder("src/data", "d", 10, ["core/c"]),
  ...folder("src/service", "s", 10, ["data/d", "core/c"]),
  ...folder("src/web", "w", 10, ["service/s", "core/c"]),
  "src/cli/main.ts": 'import { v } from "../web/w0.js";\nconsole.log(v);\n',
  "src/index.ts": 'export { v } from "./web/w0.js";\n',
  "docs/index.md": "# Docs\n\n- [Guide](guide.md)\n",
  "docs/guide.md": "# Guide\n\nHow to use it.\n",
};
FLAT["src/data/d0.ts"] = `import "../service/s1.js";\n${FLAT["src/data/d0.ts"]}`;
FLAT["src/core/c0.ts"] = `import "../web/w1.js";\n${FLAT["src/core/c0.ts"]}`;

describe("guard init: layers from a flat src/", () => {
  it("proposes the folders in the order today's imports take, lists the imports against it, names the cycles", () => {
    const dir = makeRepo(FLAT);
    const run = init(dir);
    const { text, value } = writtenConfig(dir);
    expect(layersOf(value)).toEqual([
      { name: "core", paths: ["src/core/**"] },
      { name: "data", paths: ["src/data/**"] },
      { name: "service", paths: ["src/service/**"] },
      { name: "web", paths: ["src/web/**"] },
      { name: "cli", paths: ["src/cli/**", "src/index.ts"] },
    ]);
    expect(prose(text)).toContain("52 imports between these folders go down this order, 2 against it.");
    expect(text).toContain("#   src/core/c0.ts → src/web/w1.ts\n#   src/data/d0.ts → src/service/s1.ts\n");
    expect(prose(text)).toMatch(/Folder cycles .* core, data, service and web \(.*data → service: 1\): broken where it has the fewest imports/);
    // Every inferred value carries its reason.
    expect(text).toContain("  # Imported by service (10 imports); imports core, service (11 imports).\n  - { name: data,");
    // The check that ends init reports exactly the imports listed, and how to record them.
    expect(run.stdout).toContain("guard check with the new config: 2 errors, 0 warnings");
    expect(run.stdout).toContain("`guard baseline`");
    expect(findings(dir)).toEqual(["arch/layer src/core/c0.ts:1", "arch/layer src/data/d0.ts:1"]);
  });

  it("writes a starter AGENTS.md that names only commands, paths and links that exist", () => {
    const dir = makeRepo(FLAT);
    init(dir);
    const map = readText(dir, "AGENTS.md");
    expect(map).toContain("npm ci ");
    expect(map).toContain("npm run build");
    expect(map).toContain("[docs/index.md](docs/index.md)");
    expect(map).toContain("1. core: `src/core/`");
    expect(map.split("\n").length).toBeLessThan(60);
    // Only the two imports against the order: no agents/* or docs/* finding on the new map.
    expect(findings(dir).filter((finding) => !finding.startsWith("arch/layer"))).toEqual([]);
  });

  it("proposes no layers when imports go every way between the folders, and says why", () => {
    const tangled: FileTree = {
      ...folder("src/a", "a", 4, ["b/b"]),
      ...folder("src/b", "b", 4, ["c/c"]),
      ...folder("src/c", "c", 4, ["d/d"]),
      ...folder("src/d", "d", 4, ["a/a"]), // a loop through all four folders, as often each way
      "README.md": "# tangled\n",
      "AGENTS.md": "# Map\n\nSee [README.md](README.md).\n",
    };
    const dir = makeRepo(tangled);
    const run = init(dir);
    const { text, value } = writtenConfig(dir);
    expect(value.layers).toBeUndefined();
    expect(prose(text)).toMatch(/No layers: 4 of the 4 folders import each other in a cycle \(/);
    expect(run.stdout).toContain("No layers proposed");
    expect(findings(dir)).toEqual([]);
  });

  it("keeps the feature folders of src/features/ in one layer and says how to keep them apart", () => {
    const dir = makeRepo({
      ...folder("src/shared", "s", 3),
      ...folder("src/features/auth", "a", 3, ["../shared/s"]),
      ...folder("src/features/cart", "c", 3, ["../shared/s"]),
      "src/features/billing/pay.ts": 'import { v } from "../auth/a0.js";\nimport { v as s } from "../../shared/s0.js";\nexport const pay = v + s;\n',
      "src/app/main.ts": 'import { v } from "../features/cart/c0.js";\nimport { pay } from "../features/billing/pay.js";\nconsole.log(v, pay);\n',
      "AGENTS.md": "# Map\n\nThe code is in `src/`.\n",
    });
    init(dir);
    const { text, value } = writtenConfig(dir);
    expect(layersOf(value).map((layer) => layer.name)).toEqual(["shared", "features", "app"]);
    expect(prose(text)).toContain("src/features/ holds 3 feature folders (auth, billing, cart), one layer: features should not import each other. 1 import does today:");
    expect(text).toContain("#   src/features/billing/pay.ts → src/features/auth/a0.ts\n");
    expect(text).toContain('#   from: ["src/features/{feature}/**"]');
    expect(findings(dir)).toEqual([]);
    // The rule file the comment suggests works as written: it reports the one import between features.
    const rule = text.split("\n").filter((line) => /^#   (kind|message|fix|from|forbid|allow):/.test(line)).map((line) => line.slice(4));
    writeFiles(dir, { ".guard/rules/features-apart.yaml": `${rule.join("\n")}\n` });
    expect(findings(dir)).toEqual(["features-apart src/features/billing/pay.ts:1"]);
  });

  it("makes a test-helper folder that tests everywhere import cross-cutting rather than tangle it in a cycle", () => {
    const dir = makeRepo({
      ...folder("src/core", "c", 6),
      ...folder("src/api", "a", 6, ["core/c"]),
      // The helpers build on core; core's and api's tests use the helpers.
      ...folder("src/test-utils", "t", 2, ["core/c"]),
      "src/core/c.test.ts": 'import { v } from "../test-utils/t0.js";\nimport { v as c } from "./c0.js";\nexport const ok = v === c;\n',
      "src/core/d.test.ts": 'import { v } from "../test-utils/t1.js";\nexport const ok = v;\n',
      "src/api/a.test.ts": 'import { v } from "../test-utils/t0.js";\nexport const ok = v;\n',
      "AGENTS.md": "# Map\n\nThe code is in `src/`.\n",
    });
    init(dir);
    const { text, value } = writtenConfig(dir);
    expect(layersOf(value).map((layer) => layer.name)).toEqual(["core", "api"]);
    expect(value.crossCutting).toEqual(["src/test-utils/**"]);
    expect(prose(text)).toContain("src/test-utils/ is test support that 2 other folders import.");
    expect(findings(dir)).toEqual([]);
  });
});

describe("guard init: folder names that are glob syntax", () => {
  it("escapes route groups and dynamic segments (app/(shop)/, app/[id]/) so each layer matches its folder", () => {
    const dir = makeRepo({
      ...folder("app/lib", "l", 4),
      ...folder("app/(shop)", "s", 4, ["lib/l"]),
      ...folder("app/[id]", "p", 4, ["(shop)/s", "lib/l"]),
      "AGENTS.md": "# Map\n\nThe code is in `app/`.\n",
    });
    init(dir);
    const { value } = writtenConfig(dir);
    expect(layersOf(value)).toEqual([
      { name: "lib", paths: ["app/lib/**"] },
      { name: "(shop)", paths: ["app/\\(shop\\)/**"] },
      { name: "[id]", paths: ["app/\\[id\\]/**"] },
    ]);
    // Every file is placed in its layer: no arch/unlayered warning, no guard/dead-glob.
    expect(findings(dir)).toEqual([]);
  });
});
