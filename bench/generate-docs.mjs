#!/usr/bin/env node
// Generates a large, realistic docs tree for benchmarking `guard check`:
//   node bench/generate-docs.mjs <dir> [count]
// An AGENTS.md map links one index per area; each docs/<area>/index.md links its docs; docs
// carry front-matter, cross-links with anchors and inline code paths to real source files.
// The content is seeded, so the same count gives the same bytes on every machine.
// About one doc in 500 carries a broken anchor, so the run also exercises reporting.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { random } from "./random.mjs";

const DOCS_PER_AREA = 100;
const MODULES_PER_AREA = 10;
const WORDS = (
  "order payment invoice customer account ledger refund shipment catalog price tax cart session " +
  "token queue worker retry cache index schema migration report export import audit event stream " +
  "batch limit quota region tenant policy review deploy release rollback metric alert trace span"
).split(" ");
const HEADINGS = ["Overview", "How it works", "Data model", "Failure modes", "Operations", "Related"];


export function generateDocs(root, count = 5000) {
  const next = random(20251125);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sentence = (words) => {
    const text = Array.from({ length: words }, () => pick(WORDS)).join(" ");
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const write = (path, text) => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  };

  const areaCount = Math.max(1, Math.ceil(count / DOCS_PER_AREA));
  const areas = Array.from({ length: areaCount }, (_, i) => `area-${String(i + 1).padStart(3, "0")}`);
  const docPath = (n) => {
    const area = areas[Math.floor(n / DOCS_PER_AREA)];
    return { area, path: `docs/${area}/topic-${String(n + 1).padStart(5, "0")}.md` };
  };
  const modulePath = (area, m) => `src/${area}/module-${m + 1}.ts`;

  write("package.json", `${JSON.stringify({ name: "bench-docs", private: true, scripts: { build: "tsc", test: "node --test" } }, null, 2)}\n`);
  write("guard.yaml", "extends: [recommended]\nagents:\n  maxLines: 200\ndocs:\n  roots: [docs]\n");

  for (const area of areas) {
    for (let m = 0; m < MODULES_PER_AREA; m++) {
      write(modulePath(area, m), `/** ${sentence(8)} */\nexport function handle${m + 1}(input: string): string {\n  return input.trim();\n}\n`);
    }
  }

  const map = [
    "# Bench repository",
    "",
    "A generated repository for timing guard. Build with `npm run build`, test with `npm test`.",
    "",
    "## Areas",
    "",
    ...areas.map((area) => `- [${area}](docs/${area}/index.md): ${sentence(6)}`),
    "",
  ];
  write("AGENTS.md", `${map.join("\n")}`);

  for (const area of areas) {
    const first = areas.indexOf(area) * DOCS_PER_AREA;
    const members = Array.from({ length: Math.min(DOCS_PER_AREA, count - first) }, (_, i) => docPath(first + i).path);
    const index = [`# ${area}`, "", sentence(14), "", ...members.map((path) => `- [${path.split("/").pop()}](${path.split("/").pop()})`), ""];
    write(`docs/${area}/index.md`, index.join("\n"));
  }

  for (let n = 0; n < count; n++) {
    const { area, path } = docPath(n);
    const lines = ["---", `owner: team-${(n % 17) + 1}`, "status: current", "reviewed: 2025-11-01", "---", "", `# Topic ${n + 1}`, ""];
    for (const heading of HEADINGS) {
      lines.push(`## ${heading}`, "");
      lines.push(`${sentence(12)} ${sentence(14)} ${sentence(10)}`, "");
      if (heading === "How it works") {
        const m = Math.floor(next() * MODULES_PER_AREA);
        lines.push(`The entry point is \`${modulePath(area, m)}\`, which calls \`handle${m + 1}()\`.`, "");
      }
      if (heading === "Related") {
        for (let k = 0; k < 3; k++) {
          const other = docPath(Math.floor(next() * count));
          const target = relativeDoc(path, other.path);
          const broken = n % 500 === 499 && k === 0;
          const anchor = broken ? "#no-such-heading" : `#${pick(HEADINGS).toLowerCase().replace(/ /g, "-")}`;
          lines.push(`- [${sentence(3).slice(0, -1)}](${target}${anchor})`);
        }
        lines.push(`- [Back to ${area}](index.md)`, "");
      }
    }
    write(path, lines.join("\n"));
  }
  return { areas: areaCount, docs: count };
}

/** The link from one doc to another, relative to the first doc's folder. */
function relativeDoc(from, to) {
  const fromDir = from.split("/").slice(0, -1);
  const target = to.split("/");
  if (fromDir.join("/") === target.slice(0, -1).join("/")) return target.at(-1);
  return `../${target.slice(1).join("/")}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir, countArg] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write("usage: node bench/generate-docs.mjs <dir> [count]\n");
    process.exit(2);
  }
  const count = countArg === undefined ? 5000 : Number(countArg);
  if (!Number.isSafeInteger(count) || count < 1) {
    process.stderr.write(`count must be a whole number of docs, got "${countArg}"\n`);
    process.exit(2);
  }
  const made = generateDocs(resolve(dir), count);
  process.stdout.write(`generated ${made.docs} docs in ${made.areas} areas under ${dir}\n`);
}
