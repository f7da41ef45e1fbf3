import { UsageError } from "../../core/errors.js";
import { answerHook, DEFAULT_MAX_BLOCKS, installSettings, protocols } from "../../adapters/agent-hooks/index.js";
import { readStdin } from "../../adapters/agent-hooks/input.js";
import { gitDirOf } from "../../repo/git-dir.js";
import type { Io } from "../io.js";

export interface HookAgentFlags {
  printConfig?: boolean;
  install?: boolean;
  maxBlocks?: string;
}

/**
 * `guard hook claude|codex|cursor`: answers one hook call (stdin JSON in, the agent's protocol
 * out; always exit 0 so a hook never blocks by crashing), or with --print-config / --install
 * prints or merges the agent's settings snippet.
 */
export async function runHookAgent(agent: keyof typeof protocols, flags: HookAgentFlags, io: Io, stdin: () => Promise<string> = readStdin): Promise<number> {
  const protocol = protocols[agent];
  const maxBlocks = parseMaxBlocks(flags.maxBlocks);
  const command = `npx --no guard hook ${agent}${flags.maxBlocks !== undefined && typeof maxBlocks === "number" ? ` --max-blocks ${maxBlocks}` : ""}`;
  if (flags.printConfig && flags.install) {
    throw new UsageError("--print-config and --install cannot be combined", { expected: "one of them" });
  }
  if (flags.printConfig || flags.install) {
    if (typeof maxBlocks !== "number") throw new UsageError(maxBlocks.message, { expected: "a whole number, 1 or more" });
  }
  if (flags.printConfig) {
    io.stdout(`${JSON.stringify(protocol.settings(command), null, 2)}\n`);
    io.stderr(`guard: merge this into ${protocol.settingsFile}, or run \`guard hook ${agent} --install\`\n`);
    return 0;
  }
  if (flags.install) {
    const root = gitDirOf(io.cwd)?.workTree ?? io.cwd;
    const result = installSettings(root, protocol, command);
    io.stdout(
      result.changed
        ? `guard: added guard's hooks to ${protocol.settingsFile}\n`
        : `guard: ${protocol.settingsFile} already runs guard hook ${agent}; nothing changed\n`,
    );
    return 0;
  }
  if (typeof maxBlocks !== "number") {
    write(io, protocol.answerNote(`${maxBlocks.message}; nothing checked`));
    return 0;
  }
  const answer = await answerHook(protocol, await stdin(), { cwd: io.cwd, maxBlocks });
  write(io, answer);
  return answer.code;
}

function write(io: Io, answer: { stdout: string; stderr: string }): void {
  if (answer.stdout) io.stdout(answer.stdout);
  if (answer.stderr) io.stderr(answer.stderr);
}

function parseMaxBlocks(value: string | undefined): number | { message: string } {
  if (value === undefined) return DEFAULT_MAX_BLOCKS;
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) return { message: `--max-blocks: "${value}" is not a count of 1 or more` };
  return number;
}
