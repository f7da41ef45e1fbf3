import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkJson, execGit, findingsOf, runGuard, writeFiles } from "../helpers/repo.js";
import { expectCleanAndTested, findingsAtRevision, findingsWith, history, learnYes } from "./learn-helpers.js";

/**
 * `guard learn --commit <fix>` on structural mistakes (issue 5, "Done when"): a layer crossed,
 * a file in the wrong folder, a handler changed without its doc. Plus `--note` and never
 * overwriting a rule file.
 */

describe("guard learn: a UI component importing the persistence layer", () => {
  const list = (from: string, call: string) => `import { ${call} } from "${from}";\n\nexport function OrderList(): string {\n  return ${call}().join(", ");\n}\n`;
  const uiMap = "# UI\n\nComponents only render.\n\n## Lessons\n\n- Keep components small.\n\n## Notes\n\nNothing else.\n";
  const repo = history(
    {
      "guard.yaml": 'extends: [recommended]\nlayers:\n  - { name: db, paths: ["src/db/**"] }\n  - { name: domain, paths: ["src/domain/**"] }\n  - { name: ui, paths: ["src/ui/**"] }\n',
      "AGENTS.md": "# Map\n\nLayers: db, domain, ui (see guard.yaml). UI notes: [src/ui/AGENTS.md](src/ui/AGENTS.md).\n",
      "src/ui/AGENTS.md": uiMap,
      "src/db/orders.ts": 'export function loadOrders(): string[] {\n  return ["a", "b"];\n}\n',
      "src/domain/orders.ts": 'import { loadOrders } from "../db/orders";\n\nexport function listOrders(): string[] {\n  return loadOrders().sort();\n}\n',
      "src/ui/OrderList.tsx": list("../domain/orders", "listOrders"),
    },
    { "src/ui/OrderList.tsx": list("../db/orders", "loadOrders") },
    { "src/ui/OrderList.tsx": list("../domain/orders", "listOrders") },
  );

  it("learns an import rule from ui to db, and --note adds the lesson to the nearest AGENTS.md", () => {
    const { dir } = repo;
    const learned = learnYes(dir, ["--commit", "HEAD", "--note"]);
    expect(learned.rule.kind).toBe("import");
    expect(learned.run.stdout).toMatch(/^lesson added to src\/ui\/AGENTS\.md$/m);
    const map = readFileSync(join(dir, "src/ui/AGENTS.md"), "utf8");
    const added = map.split("\n").find((line) => line.startsWith("- ") && line.includes(learned.id))!;
    expect(added).toContain(`(rule: [${learned.id}](../../${learned.source})).`);
    expect(map).toBe(uiMap.replace("- Keep components small.\n", `- Keep components small.\n${added}\n`));
    expect(readFileSync(join(dir, "AGENTS.md"), "utf8")).toBe("# Map\n\nLayers: db, domain, ui (see guard.yaml). UI notes: [src/ui/AGENTS.md](src/ui/AGENTS.md).\n");

    expect(findingsAtRevision(dir, repo.bad, learned.source, learned.id)).toEqual([
      // At the specifier, as the import kind reports.
      expect.objectContaining({ file: "src/ui/OrderList.tsx", line: 1, column: list("../db/orders", "loadOrders").indexOf('"') + 1 }),
    ]);
    expectCleanAndTested(dir, learned.id);

    writeFiles(dir, { "src/db/carts.ts": "export const loadCarts = (): string[] => [];\n" });
    const cart = 'import { loadCarts } from "../db/carts";\n\nexport const Cart = (): number => loadCarts().length;\n';
    const fresh = findingsWith(dir, { "src/ui/Cart.tsx": cart }, learned.id);
    expect(fresh).toEqual([expect.objectContaining({ file: "src/ui/Cart.tsx", line: 1, column: cart.indexOf('"') + 1 })]);
    const legit = findingsWith(dir, { "src/domain/carts.ts": 'import { loadCarts } from "../db/carts";\n\nexport const cartCount = (): number => loadCarts().length;\n' }, learned.id);
    expect(legit).toEqual([]);
  });
});

describe("guard learn: a file created in the wrong folder and moved", () => {
  const repoFile = "export const cartRepo = { find: (id: string): string => id };\n";
  const repo = history(
    {
      "guard.yaml": "extends: [recommended]\n",
      "AGENTS.md": "# Map\n\nRepositories live in src/repos.\n",
      "src/repos/order.repo.ts": "export const orderRepo = { find: (id: string): string => id };\n",
      "src/ui/page.ts": 'export const page = "orders";\n',
      "test/fake.repo.ts": 'export const fakeRepo = { find: (): string => "x" };\n',
    },
    { "src/ui/cart.repo.ts": repoFile },
    { "src/repos/cart.repo.ts": repoFile },
    { fixRemoves: ["src/ui/cart.repo.ts"] },
  );

  it("learns a placement rule, and a second learn never overwrites the first rule file", () => {
    const { dir } = repo;
    const learned = learnYes(dir);
    expect(learned.rule.kind).toBe("placement");
    expect(learned.rule.match).toEqual(["**/*.repo.ts"]);
    expect(findingsAtRevision(dir, repo.bad, learned.source, learned.id)).toEqual([
      expect.objectContaining({ file: "src/ui/cart.repo.ts", line: 1 }),
    ]);
    expectCleanAndTested(dir, learned.id);

    const fresh = findingsWith(dir, { "src/ui/invoice.repo.ts": repoFile }, learned.id);
    expect(fresh).toEqual([expect.objectContaining({ file: "src/ui/invoice.repo.ts", line: 1 })]);
    const legit = findingsWith(dir, { "test/memory.repo.ts": repoFile, "src/repos/invoice.repo.ts": repoFile }, learned.id);
    expect(legit).toEqual([]);

    const first = readFileSync(join(dir, learned.source));
    const again = learnYes(dir);
    expect(again.source).toBe(learned.source.replace(/\.yaml$/, "-2.yaml"));
    expect(again.id).toBe(`${learned.id}-2`);
    expect(readFileSync(join(dir, learned.source)).equals(first)).toBe(true);
    expectCleanAndTested(dir, again.id);
  });
});

describe("guard learn: an API handler changed without its doc", () => {
  const handler = (extra: string) => `export function getOrders(): string[] {\n  return [];\n}\n${extra}`;
  const repo = history(
    {
      "guard.yaml": "extends: [recommended]\n",
      "AGENTS.md": "# Map\n\nThe HTTP API is described in [docs/api.md](docs/api.md).\n",
      "docs/api.md": "# API\n\n## Orders\n\nGET /orders lists the orders.\n",
      "src/api/orders.ts": handler(""),
      "src/api/users.ts": "export function getUsers(): string[] {\n  return [];\n}\n",
      "src/lib/format.ts": "export const format = (value: string): string => value.trim();\n",
    },
    { "src/api/orders.ts": handler("\nexport function deleteOrder(id: string): string {\n  return id;\n}\n") },
    { "docs/api.md": "# API\n\n## Orders\n\nGET /orders lists the orders.\nDELETE /orders/:id deletes one.\n" },
  );

  it("learns a co-change rule that fires on the agent's commit and on a fresh handler change, not elsewhere", () => {
    const { dir } = repo;
    const learned = learnYes(dir);
    expect(learned.rule.kind).toBe("co-change");
    expect(learned.rule.then).toEqual(["docs/api.md"]);
    // The agent's own commit, judged as a change: the handler changed without the doc.
    const atBad = findingsOf(checkJson(dir, ["--commit", repo.bad, "--only", learned.id]), learned.id);
    expect(atBad).toEqual([expect.objectContaining({ file: "src/api/orders.ts", line: 1 })]);
    expect(findingsOf(checkJson(dir, ["--commit", repo.fix, "--only", learned.id]), learned.id)).toEqual([]);
    expectCleanAndTested(dir, learned.id);

    // A fresh variant: another handler changed and staged without the doc.
    writeFiles(dir, { "src/api/users.ts": "export function getUsers(): string[] {\n  return [\"root\"];\n}\n" });
    execGit(dir, ["add", "src/api/users.ts"]);
    expect(findingsOf(checkJson(dir, ["--staged", "--only", learned.id]), learned.id)).toEqual([
      expect.objectContaining({ file: "src/api/users.ts", line: 1 }),
    ]);
    execGit(dir, ["reset", "-q", "src/api/users.ts"]);
    execGit(dir, ["checkout", "-q", "--", "src/api/users.ts"]);

    // A legitimate change elsewhere needs no API doc.
    writeFiles(dir, { "src/lib/format.ts": "export const format = (value: string): string => value.trim().toLowerCase();\n" });
    execGit(dir, ["add", "src/lib/format.ts"]);
    expect(findingsOf(checkJson(dir, ["--staged", "--only", learned.id]), learned.id)).toEqual([]);
  });
});

describe("guard learn: one fix that removes two different mistakes", () => {
  const total = (mistakes: boolean) =>
    `export function total(xs: number[]): number {\n${mistakes ? "  debugger;\n  console.log(\"total\", xs);\n" : ""}  return xs.reduce((a, b) => a + b, 0);\n}\n`;
  const repo = history({ "src/domain/order.ts": total(false), "scripts/dev.ts": 'console.log("dev");\n' }, { "src/domain/order.ts": total(true) }, { "src/domain/order.ts": total(false) });

  it("proposes a proven rule for each, best first, so a person can choose", () => {
    const run = runGuard(repo.dir, ["learn", "--commit", "HEAD", "--dry-run"]);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as { proposals: { id: string; rule: { pattern?: string; ignore?: string[] } }[]; chosen: string };
    expect(plan.proposals.map((proposal) => proposal.rule.pattern)).toEqual(["debugger", "console.log($$$ARGS)"]);
    // scripts/ may log: the general rule keeps quiet there instead of dropping to one file.
    expect(plan.proposals[1]!.rule.ignore).toEqual(["scripts/**"]);
    expect(plan.chosen).toBe(plan.proposals[0]!.id);
  });
});
