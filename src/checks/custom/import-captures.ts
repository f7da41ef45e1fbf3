import picomatch from "picomatch";

/**
 * `{name}` in an import rule's glob captures one folder name (the same form guard/dead-glob
 * reads). `{a,b}` has a comma, so it stays picomatch's brace expansion.
 */
const CAPTURE = /\{([A-Za-z_$][\w$-]*)\}/g;

/** Characters picomatch reads as glob syntax: a captured folder name (`[id]`, `(auth)`, `@modal`) is escaped. */
const GLOB_SYNTAX = /[\\*?[\](){}!+@]/g;

/** Folder names captured by a `from` glob, by capture name. */
export type Captures = Record<string, string>;

/** A glob read as guard reads globs elsewhere: `./x` and `/x` start at the repo root, `x/` is a folder. */
export function cleanGlob(glob: string): string {
  return glob.trim().replace(/^\.?\/+/, "").replace(/\/+$/, "");
}

/** The glob and everything below it: `src/ui` and `src/features/*` name folders as well as files. */
export function withBelow(glob: string): string[] {
  return glob === "" || glob === "**" ? ["**"] : [glob, `${glob}/**`];
}

/** The glob with `{name}` placeholders neutralised, for questions about its shape. */
export function withoutCaptures(glob: string): string {
  return glob.replace(CAPTURE, "x");
}

/**
 * Puts captured folder names into a `forbid`/`allow` glob, escaped so that a folder named
 * `[id]` matches only itself. A name `from` does not capture (the loader should have refused
 * it) stands for any one folder.
 */
export function substituteCaptures(glob: string, captures: Captures): string {
  return glob.replace(CAPTURE, (_whole, name: string) =>
    Object.hasOwn(captures, name) ? captures[name]!.replace(GLOB_SYNTAX, "\\$&") : "*",
  );
}

/**
 * Compiles a `from` glob into a matcher that returns the folder names its `{name}` segments
 * captured (an empty record for a glob without captures), or undefined when the path does not
 * match. A capture matches one path segment, a folder when more of the glob follows it (so
 * `src/features/index.ts` is in no feature); a name written twice must capture the same folder.
 */
export function compileFromGlob(written: string): (path: string) => Captures | undefined {
  const names: string[] = [];
  // Plain letters survive picomatch's compilation verbatim, so each placeholder can be found
  // in the regex source afterwards and replaced by a group that records the folder name.
  const glob = cleanGlob(written).replace(CAPTURE, (_whole, name: string) => `GuardCapture${names.push(name) - 1}Q`);
  // `src/features/{f}` names the feature folders, not the files beside them.
  const variants = /GuardCapture\d+Q$/.test(glob) ? [`${glob}/**`] : withBelow(glob);
  const regexes = variants.map((variant) => captureRegex(variant, names));
  return (path) => {
    for (const regex of regexes) {
      const match = regex.exec(path);
      if (match) return Object.fromEntries(names.map((name) => [name, match.groups![`c${names.indexOf(name)}`]!]));
    }
    return undefined;
  };
}

function captureRegex(glob: string, names: readonly string[]): RegExp {
  const compiled = picomatch.makeRe(glob, { dot: true });
  let source = compiled.source;
  names.forEach((name, index) => {
    const first = names.indexOf(name);
    const placeholder = `GuardCapture${index}Q`;
    // `src/features/{f}/**` captures a folder: `src/features/index.ts` is in no feature.
    const folder = glob.includes(`${placeholder}/`) ? "(?=\\/)" : "";
    source = source.replace(placeholder, first === index ? `(?<c${index}>[^/]+)${folder}` : `\\k<c${first}>${folder}`);
  });
  return new RegExp(source, compiled.flags);
}
