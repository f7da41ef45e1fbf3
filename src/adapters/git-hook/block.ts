/**
 * The text guard writes into a hook: one marked block of POSIX sh, so that a second install can
 * find it (idempotence) and a person can see where it starts and ends.
 */

export const BLOCK_START = "# >>> harness-guard: guard check --staged >>>";
export const BLOCK_END = "# <<< harness-guard <<<";

export interface BlockOptions {
  /** Where `guard hook install` ran, relative to the top of the work tree ("" at the top). */
  folder: string;
  /**
   * Folders holding node's binary to append to PATH when node is missing from it (a GUI git
   * client may start hooks with a short PATH). Only for hooks that are not versioned: a path of
   * this machine must not end up in a commit.
   */
  nodeFallback?: string;
}

/**
 * The block. It runs in a subshell so that its `cd` and variables leak into nothing the hook
 * does after it, and `exit $?` keeps guard's exit code (1 findings, 2 config error).
 * guard is looked up as a devDependency installs it (node_modules/.bin/guard, in the folder and
 * then each folder above up to the top, where workspaces hoist it), then on PATH.
 */
export function hookBlock(options: BlockOptions): string {
  const depth = options.folder === "" ? 0 : options.folder.split("/").length;
  const candidates = Array.from({ length: depth + 1 }, (_, up) => `${"../".repeat(up)}node_modules/.bin/guard`);
  const lines = [
    BLOCK_START,
    "# Added by `guard hook install` (harness-guard, docs/git-hook.md): the commit is refused while",
    "# guard finds errors in what is staged. Skip it once with `git commit --no-verify`.",
    "(",
    ...(options.folder === "" ? [] : [`  cd ${shellQuote(options.folder)} || exit 2`]),
    ...(options.nodeFallback === undefined ? [] : [`  command -v node >/dev/null 2>&1 || PATH="$PATH:"${shellQuote(options.nodeFallback)}`]),
    "  guard=",
    `  for candidate in ${candidates.join(" ")}; do`,
    '    if [ -x "$candidate" ]; then guard=$candidate; break; fi',
    "  done",
    '  if [ -z "$guard" ] && command -v guard >/dev/null 2>&1; then guard=guard; fi',
    '  if [ -z "$guard" ]; then',
    '    echo "guard: harness-guard is not installed (no node_modules/.bin/guard, no guard on PATH): run npm install, or commit with --no-verify" >&2',
    "    exit 1",
    "  fi",
    "  if ! command -v node >/dev/null 2>&1; then",
    '    echo "guard: node is not on PATH (GUI git clients often start hooks with a short PATH): see harness-guard docs/git-hook.md" >&2',
    "    exit 1",
    "  fi",
    '  exec "$guard" check --staged',
    ") || exit $?",
    BLOCK_END,
  ];
  return `${lines.join("\n")}\n`;
}

/** What lefthook users add to lefthook.yml (lefthook runs it with the repo's PATH). */
export const LEFTHOOK_SNIPPET = [
  "pre-commit:",
  "  commands:",
  "    guard:",
  "      run: npx --no-install guard check --staged",
  "",
].join("\n");

/** A `repo: local` entry for .pre-commit-config.yaml: it runs the devDependency, no download. */
export const PRE_COMMIT_SNIPPET = [
  "repos:",
  "  - repo: local",
  "    hooks:",
  "      - id: guard",
  "        name: guard check --staged",
  "        entry: npx --no-install guard check --staged",
  "        language: system",
  "        pass_filenames: false",
  "        always_run: true",
  "",
].join("\n");

/** Single quotes for sh: nothing inside is expanded; a quote is closed, escaped, reopened. */
export function shellQuote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
