import { describe, expect, it } from "vitest";
import { checkRule, type FileTree } from "../../helpers/repo.js";

const RULE = "agents/unknown-command";

/** A package with scripts, a devDependency installed the way npm would, and node_modules ignored by git. */
const NODE_REPO: FileTree = {
  ".gitignore": "node_modules/\n",
  "package.json": JSON.stringify({
    name: "shop",
    scripts: { build: "tsc", lint: "eslint .", "test:unit": "vitest" },
    devDependencies: { typescript: "^5.0.0" },
  }),
  "node_modules/typescript/package.json": JSON.stringify({ name: "typescript", bin: { tsc: "bin/tsc", tsserver: "bin/tsserver" } }),
};

const fence = (lang: string, body: string) => "```" + lang + "\n" + body + "\n```\n";

describe("agents/unknown-command", () => {
  it("fires on a missing npm script in a bash block, at the command (once, not again in a CLAUDE.md symlink)", () => {
    const map = "# Map\n\n" + fence("bash", "npm ci\nnpm run nope");
    const { findings, report } = checkRule({ ...NODE_REPO, "AGENTS.md": map, "CLAUDE.md": { symlink: "AGENTS.md" } }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 5, column: 1, message: '`npm run nope` runs the script "nope", but package.json has no such script' },
    ]);
    const diagnostic = report.diagnostics[0]!;
    expect(diagnostic.evidence).toEqual({ command: "npm run nope" });
    expect(diagnostic.fix).toBe('Change `npm run nope` to a script package.json defines (build, lint, test:unit), or add a "nope" script to package.json.');
  });

  it("fires on `pnpm nope` in inline code, at the code span", () => {
    const map = "# Map\n\nBuild with `pnpm build`, then run `pnpm nope`.\n";
    const { findings } = checkRule({ ...NODE_REPO, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 3, column: 35, message: '`pnpm nope` runs the script "nope", but package.json has no such script' },
    ]);
  });

  it("fires on a make target the Makefile lacks and a just recipe the justfile lacks", () => {
    const files: FileTree = {
      Makefile: ".PHONY: build test\nbuild test:\n\tgo build ./...\nCFLAGS := -O2\n",
      justfile: "alias b := build\n\nbuild target='all':\n    echo {{target}}\n",
      "AGENTS.md": "# Map\n\n" + fence("sh", "$ make build\n$ make -j4 nope\n$ just b\n$ just nope"),
    };
    const { findings } = checkRule(files, RULE);
    expect(findings).toEqual([
      { file: "AGENTS.md", line: 5, column: 3, message: '`make -j4 nope` runs the make target "nope", but Makefile has no such target' },
      { file: "AGENTS.md", line: 7, column: 3, message: '`just nope` runs the just recipe "nope", but justfile has no such recipe' },
    ]);
  });

  it("fires on `npx` of a tool no dependency provides", () => {
    const map = "# Map\n\n" + fence("console", "$ npx some-random-tool --fix\nsome output line");
    const { findings } = checkRule({ ...NODE_REPO, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([
      {
        file: "AGENTS.md",
        line: 4,
        column: 3,
        message: '`npx some-random-tool` runs "some-random-tool", which no dependency in package.json provides, so npx would download an unpinned package',
      },
    ]);
    const noPackage = checkRule({ "AGENTS.md": "# Map\n\nFormat with `npx prettier --write .`\n" }, RULE);
    expect(noPackage.findings).toEqual([
      { file: "AGENTS.md", line: 3, column: 13, message: '`npx prettier` runs "prettier" with no package.json to pin it, so npx would download an unpinned package' },
    ]);
    expect(noPackage.report.diagnostics[0]!.fix).toBe("Pin the version you mean in the map: `npx prettier@<version>`.");
  });

  it("follows `cd dir &&`, `--prefix` and `-C` to the folder's own package.json and Makefile", () => {
    const files: FileTree = {
      ...NODE_REPO,
      "web/package.json": JSON.stringify({ scripts: { dev: "vite" } }),
      "docs/Makefile": "html:\n\tsphinx-build\n",
      "AGENTS.md": "# Map\n\n" + fence("bash", "cd web && npm run dev\nnpm run lint\nnpm --prefix web run lint\nmake -C docs html\ncd web\nnpm run dev\nnpm run build"),
    };
    const { findings } = checkRule(files, RULE);
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [6, '`npm --prefix web run lint` runs the script "lint", but web/package.json has no such script'],
      [10, '`npm run build` runs the script "build", but web/package.json has no such script'],
    ]);
  });

  it("stays quiet on existing scripts, package-manager built-ins and bins of installed dependencies", () => {
    const map = [
      "# Map",
      "",
      fence("sh", "npm ci\nnpm install\nnpm test\nnpm start\nCI=1 npm run build && npm run lint -- --fix \\\n  | tee log.txt\npnpm install\npnpm test:unit\nyarn add -D vitest\nnpx tsc --noEmit -p tsconfig.json\nnpx -y cowsay@1.6.0 hi\nnpm run nope --if-present"),
      "Type-check with `npx tsc`, lint with `yarn lint` or `pnpm exec tsc`. Placeholders like `npm run <script>` are not commands,",
      "nor is `pnpm run build:<directory_name>` (seen in a real map).",
      "",
    ].join("\n");
    const { findings } = checkRule({ ...NODE_REPO, "AGENTS.md": map }, RULE);
    expect(findings).toEqual([]);
  });

  it("stays quiet on code blocks in other languages and on prose in unlabelled blocks", () => {
    const map = [
      "# Map",
      "",
      fence("ts", 'const command = "npm run nope";\nexec(`make nope`);'),
      fence("json", '{ "scripts": { "x": "npm run nope" } }'),
      fence("", "make sure the tests pass.\nnpm run nope is what we used to run."),
      "Remember to `make sure` nothing breaks.",
      "",
    ].join("\n");
    const { findings } = checkRule({ ...NODE_REPO, Makefile: "build:\n\ttrue\n", "AGENTS.md": map }, RULE);
    expect(findings).toEqual([]);
  });

  it("stays quiet on Makefiles whose targets it cannot know, and on make without a Makefile", () => {
    const open: FileTree = {
      Makefile: "include common.mk\nbuild:\n\ttrue\n",
      "AGENTS.md": "# Map\n\nRun `make release`.\n",
    };
    expect(checkRule(open, RULE).findings).toEqual([]);
    const generated: FileTree = { "AGENTS.md": "# Map\n\n" + fence("sh", "cmake -B build\ncd build && make install") };
    expect(checkRule(generated, RULE).findings).toEqual([]);
    const patterns: FileTree = { Makefile: "%:\n\t@echo $@\n", "AGENTS.md": "# Map\n\nRun `make anything`.\n" };
    expect(checkRule(patterns, RULE).findings).toEqual([]);
  });

  it("reads pnpm filters, yarn workspaces and npm workspaces from the packages they name", () => {
    const files: FileTree = {
      ...NODE_REPO,
      "packages/web/package.json": JSON.stringify({ name: "@shop/web", scripts: { dev: "vite" } }),
      "AGENTS.md": "# Map\n\n" + fence("sh", "pnpm --filter @shop/web dev\nyarn workspace @shop/web dev\nnpm -w packages/web run dev\nyarn workspace @shop/web nope"),
    };
    expect(checkRule(files, RULE).findings.map((f) => [f.line, f.message])).toEqual([
      [7, '`yarn workspace @shop/web nope` runs the script "nope", but packages/web/package.json has no such script'],
    ]);
  });

  it("stays quiet on a nested package's script named in the root map without a folder", () => {
    const files: FileTree = {
      ...NODE_REPO,
      "packages/api/package.json": JSON.stringify({ name: "@shop/api", scripts: { migrate: "knex migrate:latest" } }),
      "AGENTS.md": "# Map\n\nIn `packages/api/`, run `npm run migrate`; `npm -w @shop/api run migrate` works from the root.\n",
    };
    expect(checkRule(files, RULE).findings).toEqual([]);
  });
});
