/** Splitting one line of shell into simple commands and their words, as far as a map needs it. */

export interface ShellWord {
  /** The word with quotes and escapes removed. */
  value: string;
  /** Offset of the word's first character in the line. */
  start: number;
  /** Holds `$…` or a backtick: its value is only known at run time. */
  dynamic: boolean;
}

export type SimpleCommand = ShellWord[];

const BLANK = /[ \t]/;

/**
 * Splits on `&&`, `||`, `;`, `|`, `&` and parentheses, drops comments and redirections
 * (`> log`, `2>&1`, `<<EOF`), and keeps each word's offset so a finding can point at it.
 */
export function simpleCommands(line: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: ShellWord[] = [];
  let word: ShellWord | undefined;
  let quote: string | undefined;
  let redirect = false;
  const flush = () => {
    if (word && !redirect) words.push(word);
    else if (word) redirect = false;
    word = undefined;
  };
  const end = () => {
    flush();
    redirect = false;
    if (words.length > 0) commands.push(words);
    words = [];
  };
  const begin = (at: number) => (word ??= { value: "", start: at, dynamic: false });

  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (quote === '"' && ch === "\\" && i + 1 < line.length) word!.value += line[++i];
      else {
        if (quote === '"' && (ch === "$" || ch === "`")) word!.dynamic = true;
        word!.value += ch;
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      begin(i);
      quote = ch;
    } else if (ch === "\\") {
      begin(i).value += line[++i] ?? "";
    } else if (BLANK.test(ch)) {
      flush();
    } else if (ch === "#" && !word) {
      break; // a comment runs to the end of the line
    } else if (ch === "<" || ch === ">" || (ch === "&" && line[i + 1] === ">")) {
      // `2>` : the digits belong to the redirection, not to the command.
      if (word && /^\d+$/.test(word.value)) word = undefined;
      flush();
      while (i + 1 < line.length && /[<>&-]/.test(line[i + 1]!)) i++;
      // `>&1` duplicates a descriptor; anything else names a file, the next word.
      if (line[i] === "&" && /\d/.test(line[i + 1] ?? "")) i++;
      else redirect = true;
    } else if (";|&()".includes(ch)) {
      end();
      if ((ch === "&" || ch === "|") && line[i + 1] === ch) i++;
    } else {
      const current = begin(i);
      if (ch === "$" || ch === "`") current.dynamic = true;
      current.value += ch;
    }
  }
  end();
  return commands;
}

/** `FOO=1`, `CI=true`: an environment assignment before a command. */
export function isAssignment(word: ShellWord): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*=/.test(word.value);
}
