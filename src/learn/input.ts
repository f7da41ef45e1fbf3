import { UsageError } from "../core/errors.js";
import type { LearnInput } from "./learn.js";

/** The inputs `guard learn` takes (its flags, the MCP tool guard_learn's arguments). */
export interface LearnForm {
  commit?: string;
  from?: string;
  to?: string;
  /** A diff file name (`-` for stdin), given to `readDiff`. */
  diff?: string;
  /** How the evidence names the diff (default: the file name). */
  diffLabel?: string;
  pattern?: string;
  forbidImport?: string;
  place?: string;
  in?: string;
  message?: string;
  fix?: string;
}

/** Exactly one input form, with what it needs. */
export function learnInput(flags: LearnForm, readDiff: (file: string) => string): LearnInput {
  const given = [
    flags.commit !== undefined && "--commit",
    (flags.from !== undefined || flags.to !== undefined) && "--from/--to",
    flags.diff !== undefined && "--diff",
    flags.pattern !== undefined && "--pattern",
    flags.forbidImport !== undefined && "--forbid-import",
    flags.place !== undefined && "--place",
  ].filter((form): form is string => typeof form === "string");
  const expected = "one of --commit <fix>, --from <bad> --to <good>, --diff <file|->, --pattern <code>, --forbid-import <spec> --in <glob>, --place <glob> --in <glob>";
  if (given.length !== 1) {
    throw new UsageError(given.length === 0 ? "guard learn needs an input" : `guard learn takes one input at a time, got ${given.join(" and ")}`, { expected });
  }
  const direct = flags.pattern !== undefined || flags.forbidImport !== undefined || flags.place !== undefined;
  if (flags.in !== undefined && !direct) throw new UsageError("--in goes with --pattern, --forbid-import or --place", { expected });
  if (direct) {
    const missing = [flags.message === undefined && "--message", flags.fix === undefined && "--fix"].filter(Boolean);
    if (missing.length > 0) {
      throw new UsageError(`${given[0]} needs ${missing.join(" and ")}`, { expected: "--message <what the mistake is> --fix <what to do instead>, as the rule's message and fix" });
    }
    if (flags.pattern !== undefined) return { direct: { form: "pattern", pattern: flags.pattern, ...(flags.in === undefined ? {} : { in: flags.in }) } };
    if (flags.in === undefined) throw new UsageError(`${given[0]} needs --in <glob>`, { expected: `${given[0]} … --in <glob of the files it is about>` });
    return flags.forbidImport !== undefined ? { direct: { form: "forbid-import", forbid: flags.forbidImport, in: flags.in } } : { direct: { form: "place", place: flags.place!, in: flags.in } };
  }
  if (flags.commit !== undefined) return { commit: flags.commit };
  if (flags.diff !== undefined) return { diff: readDiff(flags.diff), label: flags.diffLabel ?? (flags.diff === "-" ? "the diff on stdin" : flags.diff) };
  if (flags.from === undefined || flags.to === undefined) throw new UsageError("--from and --to go together", { expected: "--from <bad-rev> --to <good-rev>" });
  return { from: flags.from, to: flags.to };
}

