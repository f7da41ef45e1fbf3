#!/usr/bin/env node
// Generates a TypeScript monorepo shaped like vercel/ai for timing guard's cold start on Markdown:
//   node bench/generate-markdown.mjs <dir> [count] [--no-changelogs]
// `count` files in all (default 8,000): the layered code of generate-layered.mjs, 80 packages
// each with a package.json, a README.md and a CHANGELOG.md as changesets writes them (`## 1.2.3`,
// `### Patch Changes`, `- abc1234: fix …`, "Updated dependencies" lists; the largest ~300 KB,
// ~2.5 MB together), a root map (AGENTS.md, CLAUDE.md importing it), README.md, CONTRIBUTING.md
// and docs/ (an index and pages with cross-links): 240 Markdown files. Without changelogs the
// tree is the same minus the CHANGELOG.md files. No guard.yaml: a new user's first run. Seeded.
import { rmSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateLayered } from "./generate-layered.mjs";
import { random } from "./random.mjs";

const PACKAGES = 80;
const LARGEST_CHANGELOG = 300 * 1024;
const WORDS = (
  "stream text tool call message provider model schema retry token usage chunk reasoning image " +
  "embedding prompt output object agent step abort header response request error cache"
).split(" ");

export function generateMarkdownRepo(root, count = 8000, changelogs = true) {
  const next = random(20251204);
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  const sentence = (n) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const hash = () => Math.floor(next() * 0xfffffff).toString(16).padStart(7, "0");
  const write = (path, text) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  const packages = Array.from({ length: PACKAGES }, (_, i) => `pkg-${String(i + 1).padStart(2, "0")}`);
  // 240 Markdown files: per package a README and a CHANGELOG, 5 at the root and docs/index.md, the rest guides.
  const docs = Array.from({ length: 240 - 2 * PACKAGES - 5 }, (_, i) => `docs/guide-${String(i + 1).padStart(2, "0")}.md`);
  const written = 3 * PACKAGES + 5 + docs.length; // package.json, README.md, CHANGELOG.md; root files; guides
  // The rest is code and generate-layered's config files (its guard.yaml and .planted.json are dropped).
  generateLayered(root, count - written - 7);
  rmSync(join(root, "guard.yaml")); // a new user's first run: guard's defaults
  rmSync(join(root, ".planted.json"));

  for (const [i, name] of packages.entries()) {
    write(`packages/${name}/package.json`, `${JSON.stringify({ name: `@bench/${name}`, version: "1.0.0", scripts: { build: "tsc", test: "vitest" } }, null, 2)}\n`);
    write(
      `packages/${name}/README.md`,
      `# @bench/${name}\n\nThe ${sentence(6)} package. Install it with \`npm install @bench/${name}\`.\n\n` +
        `## Usage\n\n\`\`\`ts\nimport { ${pick(WORDS)} } from "@bench/${name}";\n\`\`\`\n\nSee the [changelog](CHANGELOG.md) and the [guides](../../docs/index.md).\n`,
    );
    // Sizes fall off like vercel/ai's: one of ~300 KB, a few of 100 KB and more, most 10-30 KB.
    const text = changelog(name, Math.round(LARGEST_CHANGELOG / (1 + 0.4 * i)), { next, int, pick, sentence, hash });
    if (changelogs) write(`packages/${name}/CHANGELOG.md`, text);
  }

  write("AGENTS.md", [
    "# Bench monorepo", "", "A generated monorepo for timing guard's first run.", "", "## Commands", "",
    "```sh", "npm run build", "npm test", "```", "", "## Docs", "",
    "- [Guides](docs/index.md): how the packages work.", "- [Contributing](CONTRIBUTING.md): how to change them.",
    `- Packages live in \`packages/\`; each has a README.md, e.g. [${packages[0]}](packages/${packages[0]}/README.md).`, "",
  ].join("\n"));
  write("CLAUDE.md", "@AGENTS.md\n");
  write("README.md", `# Bench monorepo\n\n${sentence(12)}.\n\nStart with [the guides](docs/index.md).\n`);
  write("CONTRIBUTING.md", `# Contributing\n\n${sentence(20)}.\n\nRun \`npm test\` before you push. Packages: ${packages.map((name) => `[${name}](packages/${name}/README.md)`).join(", ")}.\n`);
  write("docs/index.md", `# Guides\n\n${docs.map((doc) => `- [${doc.slice(5, -3)}](${doc.slice(5)})`).join("\n")}\n`);
  for (const [i, doc] of docs.entries()) {
    const other = docs[(i + 7) % docs.length].slice(5);
    const pkg = packages[i % packages.length];
    write(doc, [
      `# Guide ${i + 1}`, "", `${sentence(18)}.`, "", "## Setup", "", `${sentence(14)} in [${pkg}](../packages/${pkg}/README.md).`, "",
      "## Details", "", `${sentence(25)}. See [the setup of another guide](${other}#setup).`, "", `- ${sentence(6)}`, `- ${sentence(7)}`, "",
    ].join("\n"));
  }
  return { changelogs: changelogs ? PACKAGES : 0 };
}

/** A changesets CHANGELOG of about `bytes` bytes, newest release first. */
function changelog(name, bytes, { int, pick, sentence, hash }) {
  const releases = [];
  let size = 0;
  for (let patch = 2000; size < bytes; patch--) {
    const version = `${Math.floor(patch / 100) + 1}.${Math.floor(patch / 10) % 10}.${patch}`;
    const lines = [`## ${version}`, "", int(8) === 0 ? "### Minor Changes" : "### Patch Changes", ""];
    for (let k = 1 + int(3); k > 0; k--) lines.push(`- ${hash()}: ${pick(["fix", "feat", "chore"])}(${name}): ${sentence(4 + int(10))} in \`${pick(WORDS)}${pick(WORDS)}\``);
    if (int(3) === 0) lines.push(`- ${hash()}: ${sentence(8)} ([#${1000 + int(9000)}](https://github.com/example/bench/pull/${1000 + int(9000)}))`);
    for (let k = int(4); k > 0; k--) lines.push(`- Updated dependencies [${hash()}]`);
    lines.push(`  - @bench/core@${version}`, `  - @bench/provider@${version}`, "");
    const release = lines.join("\n");
    releases.push(release);
    size += release.length + 1;
  }
  return `# @bench/${name}\n\n${releases.join("\n")}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, countArg] = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  if (!dir) {
    process.stderr.write("usage: node bench/generate-markdown.mjs <dir> [count] [--no-changelogs]\n");
    process.exit(2);
  }
  const count = countArg === undefined ? 8000 : Number(countArg);
  if (!Number.isSafeInteger(count) || count < 1000) {
    process.stderr.write(`count must be a whole number of files, at least 1000, got "${countArg}"\n`);
    process.exit(2);
  }
  const made = generateMarkdownRepo(resolve(dir), count, !process.argv.includes("--no-changelogs"));
  process.stdout.write(`generated the repo under ${dir}, with ${made.changelogs} changelogs\n`);
}
