import { Command, CommanderError, Option } from "commander";
import { isUsageError } from "../core/errors.js";
import { packageVersion } from "../core/package-root.js";
import type { CheckFlags } from "./commands/check.js";
import type { ContextFlags } from "./commands/context.js";
import type { GraphFlags } from "./commands/graph.js";
import type { RulesTestFlags } from "./commands/rules-test.js";
import type { BaselineFlags } from "./commands/baseline.js";
import type { InitFlags } from "./commands/init.js";
import type { LearnFlags } from "./commands/learn.js";
import type { HookInstallFlags } from "./commands/hook-install.js";
import type { McpFlags } from "./commands/mcp.js";
import type { HookAgentFlags } from "./commands/hook-agent.js";
import type { DocsGenerateFlags } from "./commands/docs-generate.js";
import type { Io } from "./io.js";

// Each command's module is imported when the command runs: loading every rule, the Markdown
// parser and the config validator up front cost ~0.2 s of start-up even for `--version`.

/** Parses argv and runs one command. Returns the exit code: 0 clean, 1 findings, 2 usage or config error. */
export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command("guard")
    .description("Guardrails for agent-written repositories: the AGENTS.md map, docs, architecture.")
    .version(packageVersion(), "-v, --version")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  program
    .command("check")
    .description("check the repository (or the given paths) and report findings")
    .argument("[paths...]", "report only on these files or folders")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "sarif", "github", "agent"]).default("text"))
    .option("--max-warnings <count>", "exit 1 when there are more warnings than this")
    // Not variadic: `--only docs docs/` must leave `docs/` as a path. Repeat it or use commas.
    .option("--only <rules>", "run only these rules or families, comma-separated (e.g. docs/dead-link,agents)", collect, [])
    .option("--staged", "check the staged content and report on what the staged change touches")
    .option("--since <rev>", "report on files changed since a git revision")
    .option("--commit <rev>", "report on what one commit changed, against its parent")
    .option("--allow-weaken", "let a change that weakens guard's own config or rule files pass (guard/weakened)")
    .option("--no-baseline", "report every finding, ignoring the baseline file")
    .option("--strict-baseline", "fail on baseline entries that no longer occur")
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .option("--timing", "include timings in JSON output")
    .option("--no-cache", "parse every file again instead of reusing the cache (node_modules/.cache/guard or .git/guard-cache)")
    .action(async (paths: string[], flags: CheckFlags) => {
      const { runCheck } = await import("./commands/check.js");
      exitCode = await runCheck(paths, flags, io);
    });

  program
    .command("explain")
    .description("print a rule's documentation page")
    .argument("<rule-id>", "a rule id such as docs/dead-link")
    .action(async (id: string) => {
      const { runExplain } = await import("./commands/explain.js");
      exitCode = runExplain(id, io);
    });

  program
    .command("graph")
    .description("print the layer graph of guard.yaml's layers, with import counts and violations marked")
    .addOption(new Option("-f, --format <format>", "output format").choices(["mermaid", "dot"]).default("mermaid"))
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (flags: GraphFlags) => {
      const { runGraph } = await import("./commands/graph.js");
      exitCode = await runGraph(flags, io);
    });

  program
    .command("init")
    .description("write a guard.yaml inferred from the repository (and a starter AGENTS.md if it has no map), then check")
    .addOption(new Option("--preset <name>", "the preset guard.yaml extends").choices(["recommended", "strict", "harness", "long-running"]).default("recommended"))
    .option("--dry-run", "print the files guard init would write, and write nothing")
    .option("--no-cache", "build the import graph again instead of reusing node_modules/.cache/guard")
    .action(async (flags: InitFlags) => {
      const { runInitCommand } = await import("./commands/init.js");
      exitCode = await runInitCommand(flags, io);
    });

  program
    .command("baseline")
    .description("record the current findings, so that check fails only on new ones")
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (flags: BaselineFlags) => {
      const { runBaseline } = await import("./commands/baseline.js");
      exitCode = await runBaseline(flags, io);
    });

  program
    .command("context")
    .description("list the instruction files each agent (Codex, Claude Code, Cursor, Copilot, Gemini CLI) loads for a path, with bytes, lines and budgets")
    .argument("<path>", "a file or folder of the repository")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (path: string, flags: ContextFlags) => {
      const { runContext } = await import("./commands/context.js");
      exitCode = runContext(path, flags, io);
    });

  program
    .command("mcp")
    .description("serve guard's tools (guard_check, guard_explain, guard_rules, guard_context, guard_learn) to an agent over MCP on stdio")
    .option("--cwd <dir>", "the repository the tools work on (default: the folder guard mcp starts in)")
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (flags: McpFlags) => {
      const { runMcp } = await import("./commands/mcp.js");
      exitCode = await runMcp(flags, io);
    });

  program
    .command("docs")
    .description("work on the repository's docs")
    .command("generate")
    .description("rewrite the <!-- guard:generated NAME --> blocks of the Markdown files (layers, rules, docs-index, scripts) from the repository")
    .argument("[paths...]", "only the Markdown files under these files or folders")
    .option("--check", "write nothing; exit 1 when a block would change")
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (paths: string[], flags: DocsGenerateFlags) => {
      const { runDocsGenerate } = await import("./commands/docs-generate.js");
      exitCode = runDocsGenerate(paths, flags, io);
    });

  const rules = program.command("rules").description("list and test the rules");
  rules
    .command("list")
    .description("list every rule: id, kind, severity, source")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (flags: { format: string; config?: string }) => {
      const { runRulesList } = await import("./commands/rules-list.js");
      exitCode = runRulesList(flags, io);
    });

  rules
    .command("test")
    .description("run every rule file's examples: each bad one must fire, each good one must stay quiet")
    .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .argument("[rules...]", "test only these rule ids or rule files")
    .action(async (ids: string[], flags: RulesTestFlags) => {
      const { runRulesTest } = await import("./commands/rules-test.js");
      exitCode = await runRulesTest(ids, flags, io);
    });

  program
    .command("learn")
    .description("turn an observed mistake into a rule proven on the real revisions (.guard/rules/learned/)")
    .option("--commit <rev>", "a commit that fixed the mistake; its parent is the bad state")
    .option("--from <rev>", "the bad revision (with --to)")
    .option("--to <rev>", "the good revision (with --from)")
    .option("--diff <file>", "a unified diff of the fix, or - for stdin (HEAD holds the fix)")
    .option("--pattern <code>", "direct: an ast-grep pattern the code must not contain")
    .option("--forbid-import <spec>", "direct: a package or path glob the --in files must not import")
    .option("--place <glob>", "direct: files that must live under --in")
    .option("--in <glob>", "where a direct rule applies")
    .option("--message <text>", "the rule's message (required for the direct forms)")
    .option("--fix <text>", "the rule's fix instruction (required for the direct forms)")
    .option("--dry-run", "print the proven proposals as JSON and write nothing")
    .option("--yes", "write the best proven rule without asking")
    .option("--note", "also add a one-line lesson under ## Lessons in the nearest AGENTS.md")
    .option("-c, --config <file>", "use this config file instead of the nearest guard.yaml")
    .action(async (flags: LearnFlags) => {
      const { runLearn } = await import("./commands/learn.js");
      exitCode = await runLearn(flags, io);
    });

  const hook = program.command("hook").description("run guard where commits and agents happen: git hooks and agent hooks");
  hook
    .command("install")
    .description("install a git pre-commit hook running guard check --staged (or the husky / lefthook / pre-commit form)")
    .option("--print", "print what would be added and where, and change nothing")
    .action(async (flags: HookInstallFlags) => {
      const { runHookInstall } = await import("./commands/hook-install.js");
      exitCode = runHookInstall(flags, io);
    });
  for (const [agent, settings] of [["claude", ".claude/settings.json"], ["codex", ".codex/hooks.json"], ["cursor", ".cursor/hooks.json"]] as const) {
    hook
      .command(agent)
      .description(`answer a ${agent === "claude" ? "Claude Code" : agent === "codex" ? "Codex" : "Cursor"} hook: its JSON on stdin, findings in its protocol (edits, stop)`)
      .option("--print-config", `print the hooks snippet for ${settings}`)
      .option("--install", `merge guard's hooks into ${settings}, keeping every other hook and key`)
      .option("--max-blocks <count>", "blocked stops in a row after which the stop is allowed (default 3)")
      .action(async (flags: HookAgentFlags) => {
        const { runHookAgent } = await import("./commands/hook-agent.js");
        exitCode = await runHookAgent(agent, flags, io);
      });
  }

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isUsageError(error)) {
      io.stderr(`guard: ${error.format()}\n`);
      return 2;
    }
    io.stderr(`guard: internal error: ${(error as Error).message}\n`);
    if (process.env.GUARD_DEBUG) io.stderr(`${(error as Error).stack}\n`);
    return 2;
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
