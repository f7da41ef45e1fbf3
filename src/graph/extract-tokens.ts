import { ts, type TS } from "./typescript.js";
import {
  BLOCK, JSX_ATTRIBUTE_EXPRESSION, JSX_BOUNDARY, JSX_CHILD_EXPRESSION, JSX_CHILDREN, JSX_TAG, OBJECT, TEMPLATE,
  type TokenState,
} from "./extract-frames.js";
import { JsxMarkup } from "./extract-jsx.js";

const K = ts.SyntaxKind;

/** After these keywords an expression starts, so `/` opens a regex and `<` may open JSX. */
const EXPRESSION_KEYWORDS = [
  K.ReturnKeyword, K.TypeOfKeyword, K.InstanceOfKeyword, K.InKeyword, K.OfKeyword, K.NewKeyword,
  K.DeleteKeyword, K.VoidKeyword, K.ThrowKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword,
  K.YieldKeyword, K.AwaitKeyword, K.DefaultKeyword,
];

/** Before these, `{` opens a block, not an object literal. */
const BLOCK_OPENERS = [
  K.Unknown, K.SemicolonToken, K.OpenBraceToken, K.CloseBraceToken, K.CloseParenToken,
  K.EqualsGreaterThanToken, K.ElseKeyword, K.DoKeyword,
];

const PAREN_KEYWORDS = [K.IfKeyword, K.WhileKeyword, K.ForKeyword, K.WithKeyword];

// Per-token decisions are table lookups by SyntaxKind: this loop runs for every token of every file.
const STARTS_EXPRESSION = kindTable(EXPRESSION_KEYWORDS);
for (let kind = K.FirstPunctuation; kind <= K.LastPunctuation; kind++) STARTS_EXPRESSION[kind] = 1;
STARTS_EXPRESSION[K.CloseBracketToken] = 0;
STARTS_EXPRESSION[K.TemplateMiddle] = 1;
const OPENS_BLOCK = kindTable(BLOCK_OPENERS);
const OPENS_CONDITION = kindTable(PAREN_KEYWORDS);
/** Tokens that change the tokenizer's state; every other token only sets expressionCanStart. */
const CHANGES_STATE = kindTable([
  K.OpenBraceToken, K.CloseBraceToken, K.TemplateHead, K.OpenParenToken, K.CloseParenToken, K.SlashToken,
  K.SlashEqualsToken, K.LessThanToken, K.ExclamationToken, K.PlusPlusToken, K.MinusMinusToken,
]);

function kindTable(kinds: readonly TS.SyntaxKind[]): Uint8Array {
  const table = new Uint8Array(1024); // every SyntaxKind a scanner returns is far below
  for (const kind of kinds) table[kind] = 1;
  return table;
}

// One scanner for the process: creating one per file costs more than resetting it.
const sharedScanner = ts.createScanner(ts.ScriptTarget.Latest, /*skipTrivia*/ true);

/**
 * The code tokens of one file, in order, from TypeScript's scanner. It decides what the parser
 * would: whether `/` is a regex, where a template substitution ends, and (in JSX files) which
 * `<` opens markup. Markup is skipped but the code inside its `{…}` is returned, with a
 * JSX_BOUNDARY token on each side so no import pattern spans markup. When it cannot follow the
 * markup (a generic type it took for a tag, broken JSX), it sets `failed` and ends: the caller
 * then parses the file fully.
 */
export class CodeTokens implements TokenState {
  kind: TS.SyntaxKind = K.Unknown;
  previousKind: TS.SyntaxKind = K.Unknown;
  failed = false;
  readonly scanner: TS.Scanner;
  readonly frames: number[] = [];
  expressionCanStart = true;
  private readonly parens: boolean[] = [];
  private readonly markup: JsxMarkup | undefined;

  constructor(text: string, jsx: boolean) {
    this.scanner = sharedScanner;
    this.scanner.setLanguageVariant(jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard);
    this.scanner.setText(text);
    this.markup = jsx ? new JsxMarkup(this) : undefined;
  }

  /** Lets go of the file's text: the scanner is shared and outlives this file. */
  release(): void {
    this.scanner.setText(undefined);
  }

  next(): TS.SyntaxKind {
    const kind = this.failed ? K.EndOfFileToken : this.advance();
    this.previousKind = this.kind;
    this.kind = kind;
    return kind;
  }

  /** The cooked text of a string literal or identifier. */
  value(): string {
    return this.scanner.getTokenValue();
  }

  start(): number {
    return this.scanner.getTokenStart();
  }

  end(): number {
    return this.scanner.getTokenEnd();
  }

  /** A string literal with both quotes. */
  isSpecifier(kind: TS.SyntaxKind): boolean {
    return kind === K.StringLiteral && !this.scanner.isUnterminated();
  }

  /** How many `(` are open. */
  parenDepth(): number {
    return this.parens.length;
  }

  fail(): TS.SyntaxKind {
    this.failed = true;
    return K.EndOfFileToken;
  }

  private advance(): TS.SyntaxKind {
    if (this.markup === undefined) return this.codeToken();
    for (;;) {
      const frame = this.frames[this.frames.length - 1];
      if (frame === JSX_TAG || frame === JSX_CHILDREN) {
        const kind = frame === JSX_TAG ? this.markup.tagStep() : this.markup.childrenStep();
        if (kind !== undefined) return kind;
      } else {
        return this.codeToken();
      }
    }
  }

  private codeToken(): TS.SyntaxKind {
    let kind = this.scanner.scan();
    if (CHANGES_STATE[kind] === 0) {
      this.expressionCanStart = this.startsExpressionAfter(kind);
      return kind;
    }
    let startsExpression = true;
    switch (kind) {
      case K.OpenBraceToken:
        this.frames.push(this.expressionCanStart && OPENS_BLOCK[this.kind] === 0 ? OBJECT : BLOCK);
        break;
      case K.CloseBraceToken:
        return this.closeBrace();
      case K.TemplateHead:
        this.frames.push(TEMPLATE);
        break;
      case K.OpenParenToken:
        this.parens.push(OPENS_CONDITION[this.kind] === 1);
        break;
      case K.CloseParenToken:
        // `if (x) /re/` starts an expression; `(a + b) / 2` divides.
        startsExpression = this.parens.pop() === true;
        break;
      case K.SlashToken:
      case K.SlashEqualsToken:
        if (this.expressionCanStart) {
          kind = this.scanner.reScanSlashToken();
          startsExpression = false;
        }
        break;
      case K.LessThanToken:
        if (this.markup && this.expressionCanStart && !this.markup.typeParametersAhead()) {
          this.markup.openElement();
          return JSX_BOUNDARY;
        }
        break;
      case K.ExclamationToken:
      case K.PlusPlusToken:
      case K.MinusMinusToken:
        // Prefix after an operator, postfix (`x!`, `i++`) after an operand.
        startsExpression = this.expressionCanStart;
        break;
    }
    this.expressionCanStart = startsExpression;
    return kind;
  }

  private startsExpressionAfter(kind: TS.SyntaxKind): boolean {
    if (STARTS_EXPRESSION[kind] === 0) return false;
    // `x.default / 2`: a keyword after a dot is a property name.
    return kind < K.FirstKeyword || (this.kind !== K.DotToken && this.kind !== K.QuestionDotToken);
  }

  private closeBrace(): TS.SyntaxKind {
    const frame = this.frames.pop();
    switch (frame) {
      case TEMPLATE: {
        const kind = this.scanner.reScanTemplateToken(/*isTaggedTemplate*/ false);
        this.expressionCanStart = kind === K.TemplateMiddle;
        if (kind === K.TemplateMiddle) this.frames.push(TEMPLATE);
        return kind;
      }
      case JSX_CHILD_EXPRESSION:
        return JSX_BOUNDARY;
      case JSX_ATTRIBUTE_EXPRESSION:
        this.markup?.resumeAttributes();
        return JSX_BOUNDARY;
      case OBJECT:
        this.expressionCanStart = false;
        return K.CloseBraceToken;
      default:
        this.expressionCanStart = true;
        return K.CloseBraceToken;
    }
  }
}
