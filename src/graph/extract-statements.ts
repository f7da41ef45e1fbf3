import { ts, type TS } from "./typescript.js";
import { readNamedBindings } from "./extract-bindings.js";
import { isIdentifierOrKeyword } from "./extract-frames.js";
import type { CodeTokens } from "./extract-tokens.js";
import type { ImportKind } from "./types.js";

const K = ts.SyntaxKind;

/** An import found in the text: its specifier and the offsets of its string literal. */
export interface FoundImport {
  specifier: string;
  kind: ImportKind;
  typeOnly: boolean;
  start: number;
  end: number;
}

/**
 * Recognises import forms in the code token stream. Each recogniser starts on its keyword,
 * consumes what matches, and returns the first token that does not match, which the main
 * loop looks at again (so `export default require("x")` still finds the require).
 */
export function scanImports(tokens: CodeTokens, declarationFile: boolean, found: FoundImport[]): void {
  new ImportScanner(tokens, declarationFile, found).run();
}

class ImportScanner {
  constructor(
    private readonly tokens: CodeTokens,
    private readonly declarationFile: boolean,
    private readonly found: FoundImport[],
  ) {}

  run(): void {
    const tokens = this.tokens;
    let kind = tokens.next();
    while (kind !== K.EndOfFileToken) {
      if (kind === K.ImportKeyword && !this.afterMember()) kind = this.importDeclaration();
      else if (kind === K.ExportKeyword && !this.afterMember()) kind = this.exportDeclaration();
      else if (kind === K.RequireKeyword && !this.afterMember() && tokens.previousKind !== K.NewKeyword) {
        kind = this.requireCall();
      } else kind = tokens.next();
    }
  }

  /** `obj.import(…)`, `obj?.require(…)` are method calls, not imports. */
  private afterMember(): boolean {
    const previous = this.tokens.previousKind;
    return previous === K.DotToken || previous === K.QuestionDotToken;
  }

  private here(kind: ImportKind, typeOnly: boolean): FoundImport {
    const tokens = this.tokens;
    return { specifier: tokens.value(), kind, typeOnly, start: tokens.start(), end: tokens.end() };
  }

  /** Records the current string literal and moves on. */
  private record(kind: ImportKind, typeOnly: boolean): TS.SyntaxKind {
    this.found.push(this.here(kind, typeOnly));
    return this.tokens.next();
  }

  private importDeclaration(): TS.SyntaxKind {
    const tokens = this.tokens;
    const afterTypeof = tokens.previousKind === K.TypeOfKeyword;
    let kind = tokens.next();
    if (kind === K.OpenParenToken) return this.importCall(afterTypeof);
    if (tokens.isSpecifier(kind)) return this.record("side-effect", false);
    if (kind !== K.TypeKeyword) return this.importClause(kind, false);
    kind = tokens.next();
    if (kind === K.FromKeyword) {
      // `import type from "m"` imports a default named `type`; `import type from from "m"` is type-only.
      kind = tokens.next();
      if (tokens.isSpecifier(kind)) return this.record("import", false);
      if (kind === K.EqualsToken) return this.importEquals(true);
      if (kind !== K.FromKeyword) return kind;
      kind = tokens.next();
      return tokens.isSpecifier(kind) ? this.record("import", true) : kind;
    }
    // `import type, { a } from "m"` and `import type = require("m")` name a binding `type`.
    if (kind === K.CommaToken) return this.importClause(tokens.next(), false, true);
    if (kind === K.EqualsToken) return this.importEquals(false);
    return this.importClause(kind, true);
  }

  /** From the first token after `import` (or after `import type`, or after `default,`). */
  private importClause(first: TS.SyntaxKind, typeOnly: boolean, hasDefault = false): TS.SyntaxKind {
    const tokens = this.tokens;
    let kind = first;
    if (!hasDefault && isIdentifierOrKeyword(kind) && kind !== K.FromKeyword) {
      const name = tokens.value();
      kind = tokens.next();
      if (kind === K.EqualsToken) return this.importEquals(typeOnly);
      if (name === "source" && isIdentifierOrKeyword(kind) && kind !== K.FromKeyword) {
        kind = tokens.next(); // `import source x from "m"`: a phase, then the binding
      } else if (!(name === "defer" && kind === K.AsteriskToken)) {
        hasDefault = true; // `import defer * as ns from "m"` has no default binding
        if (kind === K.CommaToken) kind = tokens.next();
        else if (kind !== K.FromKeyword) return kind;
      }
    } else if (kind === K.FromKeyword && !hasDefault) {
      // `import from from "m"`: a default binding named `from`.
      kind = tokens.next();
      if (kind !== K.FromKeyword) return kind;
      hasDefault = true;
    }
    let allNamedAreTypes = false;
    if (kind === K.OpenBraceToken) {
      const bindings = readNamedBindings(tokens);
      if (!bindings) return tokens.kind;
      allNamedAreTypes = !hasDefault && bindings.count > 0 && bindings.typeOnly === bindings.count;
      kind = tokens.next();
    } else if (kind === K.AsteriskToken) {
      if (tokens.next() !== K.AsKeyword || !isIdentifierOrKeyword(tokens.next())) return tokens.kind;
      kind = tokens.next();
    }
    if (kind !== K.FromKeyword) return kind;
    kind = tokens.next();
    return tokens.isSpecifier(kind) ? this.record("import", typeOnly || allNamedAreTypes) : kind;
  }

  /** From `=` in `import x = require("m")`. */
  private importEquals(typeOnly: boolean): TS.SyntaxKind {
    const tokens = this.tokens;
    if (tokens.next() !== K.RequireKeyword || tokens.next() !== K.OpenParenToken) return tokens.kind;
    if (!tokens.isSpecifier(tokens.next())) return tokens.kind;
    const found = this.here("import-equals", typeOnly);
    if (tokens.next() !== K.CloseParenToken) return tokens.kind;
    this.found.push(found);
    return tokens.next();
  }

  /** From `(` after `import`: `import("m")`, `import("m", { with: … })`, or the type `import("m").T`. */
  private importCall(afterTypeof: boolean): TS.SyntaxKind {
    const tokens = this.tokens;
    const depth = tokens.parenDepth();
    if (!tokens.isSpecifier(tokens.next())) return tokens.kind; // a template or an expression: no edge
    const found = this.here("dynamic", afterTypeof || this.declarationFile);
    let kind = tokens.next();
    if (kind === K.CommaToken) {
      while (tokens.parenDepth() >= depth && kind !== K.EndOfFileToken) kind = tokens.next();
    }
    if (kind !== K.CloseParenToken) return kind;
    kind = tokens.next();
    // `import("m").A.B` and `import("m")<T>` not followed by a call are types; `import("m").then(…)` is a call.
    let qualified = kind === K.LessThanToken;
    while (kind === K.DotToken) {
      kind = tokens.next();
      if (!isIdentifierOrKeyword(kind)) break;
      qualified = true;
      kind = tokens.next();
    }
    if (qualified && kind !== K.OpenParenToken && kind !== K.QuestionDotToken) found.typeOnly = true;
    this.found.push(found);
    return kind;
  }

  private requireCall(): TS.SyntaxKind {
    const tokens = this.tokens;
    if (tokens.next() !== K.OpenParenToken || !tokens.isSpecifier(tokens.next())) return tokens.kind;
    const found = this.here("require", false);
    if (tokens.next() !== K.CloseParenToken) return tokens.kind; // `require("a" + b)`, `require("a", b)`
    this.found.push(found);
    return tokens.next();
  }

  private exportDeclaration(): TS.SyntaxKind {
    const tokens = this.tokens;
    let kind = tokens.next();
    let typeOnly = false;
    if (kind === K.TypeKeyword) {
      kind = tokens.next();
      if (kind !== K.OpenBraceToken && kind !== K.AsteriskToken) return kind; // `export type X = …`
      typeOnly = true;
    }
    if (kind === K.ImportKeyword) return this.importDeclaration(); // `export import x = require("m")`
    if (kind === K.AsteriskToken) {
      kind = tokens.next();
      if (kind === K.AsKeyword) {
        kind = tokens.next();
        if (!isIdentifierOrKeyword(kind) && !tokens.isSpecifier(kind)) return kind;
        kind = tokens.next();
      }
    } else if (kind === K.OpenBraceToken) {
      const bindings = readNamedBindings(tokens);
      if (!bindings) return tokens.kind;
      typeOnly ||= bindings.count > 0 && bindings.typeOnly === bindings.count;
      kind = tokens.next();
    } else {
      return kind;
    }
    if (kind !== K.FromKeyword) return kind;
    kind = tokens.next();
    return tokens.isSpecifier(kind) ? this.record("export", typeOnly) : kind;
  }
}
