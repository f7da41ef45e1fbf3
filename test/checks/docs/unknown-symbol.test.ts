import { describe, expect, it } from "vitest";
import { checkRule } from "../../helpers/repo.js";

const RULE = "docs/unknown-symbol";

const ORDERS = [
  "export class OrderService {",
  "  constructor(private readonly store: Store) {}",
  "  cancelOrder(id: string): void {}",
  "  static create(): OrderService { return new OrderService(new Store()); }",
  "}",
  "export class Store {}",
  "export function createOrder(): void {}",
  "export const orderLimits = { maxItems: 10, maxTotal: 100 } as const;",
  "export enum OrderState { Open, Closed }",
  "export namespace OrderText { export function format(): string { return ''; } }",
  "",
].join("\n");

describe("docs/unknown-symbol", () => {
  it("fires on a name the code never mentions and on a missing member of the repo's own class, enum, object or namespace", () => {
    const { findings } = checkRule(
      {
        "src/orders.ts": ORDERS,
        "AGENTS.md": "# Map\n\nOrders start in `createOrders()`; see `OrderService.cancel`.\n",
        "docs/orders.md": "# Orders\n\nStates: `OrderState.Pending`. Limits: `orderLimits.maxItem`. Text: `OrderText#render`. Store: `useOrderStore`.\n",
      },
      RULE,
    );
    expect(findings).toEqual([
      {
        file: "AGENTS.md",
        line: 3,
        column: 17,
        message: "createOrders(): the repo's code never mentions createOrders; did you mean createOrder (src/orders.ts)?",
      },
      {
        file: "AGENTS.md",
        line: 3,
        column: 39,
        message: "OrderService.cancel: OrderService (src/orders.ts) has no member cancel",
      },
      { file: "docs/orders.md", line: 3, column: 9, message: "OrderState.Pending: OrderState (src/orders.ts) has no member Pending" },
      {
        file: "docs/orders.md",
        line: 3,
        column: 39,
        message: "orderLimits.maxItem: orderLimits (src/orders.ts) has no member maxItem; did you mean orderLimits.maxItems?",
      },
      { file: "docs/orders.md", line: 3, column: 68, message: "OrderText#render: OrderText (src/orders.ts) has no member render" },
      { file: "docs/orders.md", line: 3, column: 95, message: "useOrderStore: the repo's code never mentions useOrderStore" },
    ]);
  });

  it("suggests the closest member with its file", () => {
    const { findings } = checkRule({ "src/orders.ts": ORDERS, "docs/a.md": "Call `OrderService.cancelOrdr()`.\n" }, RULE);
    expect(findings).toEqual([
      {
        file: "docs/a.md",
        line: 1,
        column: 6,
        message: "OrderService.cancelOrdr(): OrderService (src/orders.ts) has no member cancelOrdr; did you mean OrderService.cancelOrder?",
      },
    ]);
  });

  it("stays quiet on declared names and members, dependencies, globals, test globals, flags, paths, placeholders and plain words", () => {
    const { findings } = checkRule(
      {
        "src/orders.ts": ORDERS,
        "src/deps.ts": 'import { z } from "zod";\nimport { useState } from "react";\nexport const schema = z.object({});\nexport const useCount = () => useState(0);\nexport const api = { send: (name: string) => name };\napi.send("readOrder");\n',
        "package.json": '{ "name": "shop", "contributes": { "views": [{ "id": "OrderPanel" }] } }\n',
        "docs/ok.md": [
          "# Fine",
          "",
          "`createOrder()` `OrderService.cancelOrder` `OrderService#store` `OrderService.create()` `OrderState.Open` `orderLimits.maxItems` `OrderText.format()`",
          "Dependencies: `useState()` `z.object` `z.string()` `React.useState`.",
          "Globals: `Array.from` `process.env` `structuredClone()` `fetch()` `setTimeout()` `JSON.parse` `Promise.all` `localStorage.getItem` `AbortController`.",
          "Tests: `describe()` `it()` `expect()` `vi.fn()` `jest.mock()` `beforeEach()`.",
          "Not symbols: `--dry-run` `src/orders.ts` `npm run build` `<name>` `foo` `fooBar()` `myHandler()` `x` `config` `render()` `Order` `API_KEY` `import()`",
          "Prose: two `OrderServices`, a `ReadOrderRequest` message, the `OrderPanel` view of package.json, a `targetUrl` field.",
          "`this.state` `snake_case()` `TypeScript` `GitHub` `package.json` `unknownThing.member` `Other.thing`.",
          "",
          "```ts",
          "const value = missingHelper();",
          "```",
          "",
          "Gone: `oldHelperName()` was removed. An example defines `getPosts()`:",
          "",
          "```js",
          "export async function getPosts() {}",
          "```",
          "",
        ].join("\n"),
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("stays quiet on a member of a class that extends another, or of an object it cannot list", () => {
    const { findings } = checkRule(
      {
        "src/base.ts": "import { EventEmitter } from 'node:events';\nexport class Bus extends EventEmitter {}\nexport const registry = makeRegistry();\nfunction makeRegistry() { return {}; }\nexport const settings = { ...defaults };\nconst defaults = {};\n",
        "docs/b.md": "`Bus.emit()` `registry.lookup` `settings.theme`\n",
      },
      RULE,
    );
    expect(findings).toEqual([]);
  });

  it("checks nothing when no doc names a symbol", () => {
    const { findings } = checkRule({ "src/a.ts": "export {};\n", "docs/a.md": "# Plain\n\nNo code here.\n" }, RULE);
    expect(findings).toEqual([]);
  });
  it("stays quiet on names a doc says are removed or renamed, in a section about a change, and in migration guides, changelogs and RFCs", () => {
    const stale = "Use `DebugSessionState` here.\n";
    const files = {
      "src/orders.ts": ORDERS,
      "docs/fires.md": `# Debug\n\n${stale}`,
      "docs/gone.md": "# API\n\nNo migration; remove usages. Gone: `ProtocolOptions.tasks`,\n`TaskStore`, `CreateTaskOptions` and `isTerminal`.\n",
      "docs/renamed.md": "# API\n\n`OrderManager` was renamed to `OrderService`.\n",
      "docs/section.md": "# API\n\n## Experimental tasks interception removed\n\nThe `TaskMessageQueue` and `InMemoryTaskStore` types.\n",
      "docs/migration/upgrade-to-v2.md": `# Upgrade\n\n${stale}`,
      "docs/CHANGELOG.md": `# Changes\n\n${stale}`,
      "docs/rfcs/0001-tasks.md": `# Tasks\n\n${stale}`,
      "docs/extension-rfc.md": `# Push\n\n${stale}`,
    };
    const { findings } = checkRule(files, RULE, { args: [] });
    expect(findings.map((f) => `${f.file}:${f.line}`)).toEqual(["docs/fires.md:3"]);
  });

  it("treats a type as a dependency's when the code holds a variable named after it (TracerProvider, tracerProvider)", () => {
    const code = "export function setup(tracerProvider: unknown): unknown { return tracerProvider; }\n";
    const files = { "src/otel.ts": code, "docs/otel.md": "# Tracing\n\nPass a specific `TracerProvider`, or a `MeterProvider`.\n" };
    expect(checkRule(files, RULE).findings.map((f) => f.message)).toEqual(["MeterProvider: the repo's code never mentions MeterProvider"]);
  });
});
