import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeRepo, runGuard } from "../helpers/repo.js";
import { STACK_TRACE } from "./support.js";

const CONFIG = [
  "layers:",
  '  - { name: types,   paths: ["src/types/**"] }',
  '  - { name: service, paths: ["src/service/**"] }',
  '  - { name: ui,      paths: ["src/ui/**"] }',
  'crossCutting: ["src/shared/**"]',
  "",
].join("\n");

/** Three layers, one crossCutting module, one unlayered script; service imports ui once (a violation). */
const LAYERED = {
  "guard.yaml": CONFIG,
  "src/types/order.ts": "export interface Order { id: string }\n",
  "src/service/orders.ts": [
    'import type { Order } from "../types/order";',
    'import { format } from "../shared/format.js";',
    'import { Button } from "../ui/button";',
    "export const list = (order: Order) => format(order) + Button;",
  ].join("\n"),
  "src/service/cancel.ts": 'import type { Order } from "../types/order.js";\nexport const cancel = (order: Order) => order;\n',
  "src/ui/button.ts": 'import { list } from "../service/orders";\nexport const Button = String(list);\n',
  "src/shared/format.ts": 'import type { Order } from "../types/order";\nexport const format = (order: Order) => order.id;\n',
  "scripts/seed.ts": 'import "../src/service/orders";\n',
  "README.md": "# fixture\n",
};

describe("guard graph", () => {
  it("prints the layer graph as Mermaid by default: edge counts, the violation marked", () => {
    const run = runGuard(makeRepo(LAYERED), ["graph"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "flowchart TD",
        '  n4(["(unlayered)<br/>1 file"])',
        '  n3(["crossCutting<br/>1 file"])',
        '  n2["ui<br/>1 file"]',
        '  n1["service<br/>2 files"]',
        '  n0["types<br/>1 file"]',
        '  n1 -->|"2"| n0',
        '  n1 -.->|"✗ 1 violation"| n2',
        '  n1 -->|"1"| n3',
        '  n2 -->|"1"| n1',
        '  n3 -->|"1"| n0',
        '  n4 -->|"1"| n1',
        "  linkStyle 1 stroke:#d00,stroke-width:2px,color:#d00",
        "",
      ].join("\n"),
    );
  });

  it("prints Graphviz DOT with --format dot, violating edges red", () => {
    const run = runGuard(makeRepo(LAYERED), ["graph", "--format", "dot"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        "digraph layers {",
        "  node [shape=box];",
        '  "(unlayered)" [label="(unlayered)\\n1 file", style=dashed];',
        '  "crossCutting" [label="crossCutting\\n1 file", style=dashed];',
        '  "ui" [label="ui\\n1 file"];',
        '  "service" [label="service\\n2 files"];',
        '  "types" [label="types\\n1 file"];',
        '  "service" -> "types" [label="2"];',
        '  "service" -> "ui" [label="✗ 1 violation", color=red, fontcolor=red, penwidth=2];',
        '  "service" -> "crossCutting" [label="1"];',
        '  "ui" -> "service" [label="1"];',
        '  "crossCutting" -> "types" [label="1"];',
        '  "(unlayered)" -> "service" [label="1"];',
        "}",
        "",
      ].join("\n"),
    );
  });

  it("counts every import between two layers, and shows layers without files or edges", () => {
    const dir = makeRepo({
      "guard.yaml": 'layers:\n  - { name: core, paths: ["src/core/**"] }\n  - { name: app, paths: ["src/app/**"] }\n  - { name: "web \\"ui\\"", paths: ["src/web/**"] }\n',
      "src/core/a.ts": "export const a = 1;\n",
      "src/core/b.ts": "export const b = 1;\n",
      "src/app/main.ts": 'import { a } from "../core/a";\nimport { b } from "../core/b";\nexport { a as c } from "../core/a";\nimport "./local";\n',
      "src/app/local.ts": "export {};\n",
      "src/app/other.ts": 'import type { a } from "../core/a";\nimport "react";\nimport "node:fs";\n',
    });
    expect(runGuard(dir, ["graph"]).stdout).toBe(
      ["flowchart TD", '  n2["web #quot;ui#quot;<br/>0 files"]', '  n1["app<br/>3 files"]', '  n0["core<br/>2 files"]', '  n1 -->|"4"| n0', ""].join("\n"),
    );
    expect(runGuard(dir, ["graph", "--format", "dot"]).stdout).toContain('  "web \\"ui\\"" [label="web \\"ui\\"\\n0 files"];\n');
  });

  it("gives the same bytes on every run, from any folder of the repo", () => {
    const dir = makeRepo(LAYERED);
    const first = runGuard(dir, ["graph", "--format", "dot"]).stdout;
    expect(runGuard(dir, ["graph", "--format", "dot"]).stdout).toBe(first);
    expect(runGuard(join(dir, "src/ui"), ["graph", "--format", "dot"]).stdout).toBe(first);
  });

  it("reads the config given with --config", () => {
    const dir = makeRepo({ ...LAYERED, "guard.yaml": "agents:\n  maxLines: 100\n", "conf/layers.yaml": CONFIG });
    const run = runGuard(dir, ["graph", "--config", "conf/layers.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('n1 -.->|"✗ 1 violation"| n2');
  });

  it("marks no violation when arch/layer is off", () => {
    const run = runGuard(makeRepo({ ...LAYERED, "guard.yaml": `${CONFIG}rules:\n  arch/layer: off\n` }), ["graph"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  n1 -->|"1"| n2\n');
    expect(run.stdout).not.toContain("✗");
  });

  it("exits 2 and asks for `layers:` when guard.yaml declares none", () => {
    for (const files of [{ "guard.yaml": "agents:\n  maxLines: 100\n", "src/a.ts": "export {};\n" }, { "src/a.ts": "export {};\n" }]) {
      const run = runGuard(makeRepo(files), ["graph"]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(/declares none\n {2}expected: a `layers:` list in guard\.yaml/);
      expect(run.stderr).not.toMatch(STACK_TRACE);
    }
  });

  it("rejects an unknown format with exit 2", () => {
    const run = runGuard(makeRepo(LAYERED), ["graph", "--format", "svg"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/argument 'svg' is invalid\. Allowed choices are mermaid, dot/);
  });
});
