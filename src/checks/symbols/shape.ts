/** Which inline code spans in a doc look like a reference to a code symbol of the repo. */

/** A backticked symbol reference: a name (`useCartStore`, `createOrder()`) or a member (`OrderService.cancel`). */
export interface SymbolReference {
  /** The first identifier: the name itself, or the owner of the member. */
  root: string;
  /** The member after `.` or `#`, if any (only the first one is checked). */
  member: string | undefined;
}

// An identifier without `_` or `$` (snake_case is another language's, `$x` a template's), then
// `.member` or `#member` segments, then an optional call with plain argument names.
const SHAPE = /^([A-Za-z][A-Za-z0-9]*)((?:[.#][A-Za-z][A-Za-z0-9]*)*)(\((?:\s*[A-Za-z][A-Za-z0-9]*\s*(?:,\s*[A-Za-z][A-Za-z0-9]*\s*)*)?\))?$/;

/** camelCase with a hump (`useCartStore`), or PascalCase with two (`OrderService`): not a plain word. */
const CAMEL = /^[a-z][a-z0-9]*[A-Z]/;
const PASCAL = /^[A-Z][a-z0-9]+[A-Z][a-z0-9]/;
const HOOK = /^use[A-Z]/;
const FILE_EXTENSION = /^(?:[a-z0-9]{1,4}|json5?|yaml|toml|lock|html?|scss|less|mdx|svelte|vue|astro|snap|cjs|mjs|cts|mts|tsx|jsx|ps1|bash|zsh|conf|config|dev|prod|test|spec|local|example|sample|env|d)$/;

// Words that are syntax, not names (`import()`, `super()`, `this.x`).
const KEYWORDS = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof let new null return static super switch this throw true try typeof undefined var void while with yield async of get set " +
    "require module exports self globalThis arguments constructor prototype"
  ).split(" "),
);

// Names docs use for "your code here": never a claim about this repo.
const PLACEHOLDER = /^(?:foo|bar|baz|qux|quux|my|your|some|example|sample|dummy|fake|test)(?:[A-Z0-9]|$)|^(?:Foo|Bar|Baz|My|Your|Some|Example|Sample|Dummy|Fake)(?:[A-Z0-9]|$)/;

// Product and technology names written in backticks: PascalCase, but nobody's declaration.
const PRODUCT_NAMES = new Set(
  (
    "JavaScript TypeScript CoffeeScript GitHub GitLab BitBucket PowerShell YouTube LinkedIn WordPress PostgreSQL MySQL MongoDB GraphQL " +
    "NodeJs NodeJS NextJs NextJS VSCode VsCode OpenAPI OpenAI DynamoDB CloudFront CloudFlare FireFox WebSocket WebAssembly WebKit " +
    "JetBrains IntelliJ PyCharm WebStorm MacOS DevTools SQLite MariaDB CockroachDB ElasticSearch OpenTelemetry OAuth PayPal DigitalOcean"
  ).split(" "),
);

/** The reference an inline code span makes, or undefined when it is not shaped like one. */
export function symbolReference(value: string): SymbolReference | undefined {
  const match = SHAPE.exec(value.trim());
  if (!match) return undefined;
  const root = match[1]!;
  const members = match[2]!;
  const call = match[3] !== undefined;
  if (KEYWORDS.has(root) || PLACEHOLDER.test(root)) return undefined;
  if (members) {
    const member = members.slice(1).split(/[.#]/)[0]!;
    // `Testing.md`, `index.ts`, `Dockerfile.dev`: a file name, not a member.
    if (members.startsWith(".") && FILE_EXTENSION.test(members.slice(1).split(".").at(-1)!)) return undefined;
    // `A.b` is checked only when A is the repo's own symbol; the caller decides that.
    return { root, member };
  }
  if (PRODUCT_NAMES.has(root)) return undefined;
  // A single lowercase word (`config`, `render()`), a capitalised word (`Order`) or an
  // ALL_CAPS name (an env var) says too little to be a claim about this repo's code.
  if (!CAMEL.test(root) && !PASCAL.test(root)) return undefined;
  if (!call && root === root.toUpperCase()) return undefined;
  // A bare camelCase word is as often a field of someone else's JSON or config (`targetUrl`,
  // lerna's `afterInstall`) as a function: only a call or a hook (`useCartStore`) claims code.
  if (!call && CAMEL.test(root) && !HOOK.test(root)) return undefined;
  return { root, member: undefined };
}
