import { ts, type TS } from "./typescript.js";
import {
  JSX_ATTRIBUTE_EXPRESSION, JSX_BOUNDARY, JSX_CHILD_EXPRESSION, JSX_CHILDREN, JSX_TAG, isIdentifierOrKeyword, type TokenState,
} from "./extract-frames.js";

const K = ts.SyntaxKind;

// Where the reader is inside a tag: `<` seen, in the tag name, after a `.`/`:` of the name, among
// the attributes, or right after an attribute's `=`.
const NAME_START = 0;
const NAME = 1;
const NAME_PART = 2;
const ATTRIBUTES = 3;
const AFTER_EQUALS = 4;

/**
 * Steps through JSX markup the way TypeScript's parser drives its scanner (scanJsxToken for
 * children, scanJsxIdentifier for names, scanJsxAttributeValue after `=`), so text such as
 * `<p>Don't import "x"</p>` is never read as code. Tags must close with the name they opened
 * with; anything it does not understand fails the token path rather than guess.
 */
export class JsxMarkup {
  private readonly tagNames: string[] = [];
  private phase = NAME_START;

  constructor(private readonly state: TokenState) {}

  /** `<T,>(x: T) => x` and `<T extends U>(…) => …` are type parameters, as TypeScript decides in .tsx. */
  typeParametersAhead(): boolean {
    const scanner = this.state.scanner;
    return scanner.lookAhead(() => {
      let kind = scanner.scan();
      if (kind === K.ConstKeyword) kind = scanner.scan();
      if (!isIdentifierOrKeyword(kind)) return false;
      kind = scanner.scan();
      if (kind === K.ExtendsKeyword) {
        const after = scanner.scan();
        return after !== K.EqualsToken && after !== K.GreaterThanToken && after !== K.SlashToken;
      }
      return kind === K.CommaToken || kind === K.EqualsToken;
    });
  }

  /** Called with the scanner just past an element's `<`. */
  openElement(): undefined {
    this.state.frames.push(JSX_TAG);
    this.tagNames.push("");
    this.phase = NAME_START;
    return undefined;
  }

  /** An attribute's `{…}` closed: back among the tag's attributes. */
  resumeAttributes(): void {
    this.phase = ATTRIBUTES;
  }

  /** One step inside a tag; a token to hand out, or undefined to keep stepping. */
  tagStep(): TS.SyntaxKind | undefined {
    const scanner = this.state.scanner;
    if (this.phase === AFTER_EQUALS) {
      this.phase = ATTRIBUTES;
      const value = scanner.scanJsxAttributeValue();
      if (value === K.StringLiteral) return undefined;
      if (value === K.OpenBraceToken) return this.openExpression(JSX_ATTRIBUTE_EXPRESSION);
      if (value === K.LessThanToken) return this.openElement();
      return this.state.fail();
    }
    const kind = scanner.scan();
    if (isIdentifierOrKeyword(kind)) {
      scanner.scanJsxIdentifier();
      if (this.phase === NAME_START || this.phase === NAME_PART) {
        this.appendName(scanner.getTokenText());
        this.phase = NAME;
      } else {
        this.phase = ATTRIBUTES;
      }
      return undefined;
    }
    switch (kind) {
      case K.GreaterThanToken:
        if (this.phase === NAME_PART) return this.state.fail();
        this.state.frames[this.state.frames.length - 1] = JSX_CHILDREN;
        return undefined;
      case K.DotToken:
      case K.ColonToken:
        if (this.phase === NAME) {
          this.appendName(scanner.getTokenText());
          this.phase = NAME_PART;
          return undefined;
        }
        return this.phase === ATTRIBUTES && kind === K.ColonToken ? undefined : this.state.fail();
      case K.EqualsToken:
        if (this.phase !== ATTRIBUTES) return this.state.fail();
        this.phase = AFTER_EQUALS;
        return undefined;
      case K.OpenBraceToken:
        if (this.phase !== NAME && this.phase !== ATTRIBUTES) return this.state.fail();
        this.phase = ATTRIBUTES;
        return this.openExpression(JSX_ATTRIBUTE_EXPRESSION);
      case K.SlashToken:
        if (this.phase === NAME_START || this.phase === NAME_PART || scanner.scan() !== K.GreaterThanToken) {
          return this.state.fail();
        }
        return this.closeElement();
      case K.LessThanToken:
        return this.phase === NAME ? this.skipTypeArguments() : this.state.fail();
      default:
        return this.state.fail();
    }
  }

  /** One step among an element's children. */
  childrenStep(): TS.SyntaxKind | undefined {
    switch (this.state.scanner.scanJsxToken()) {
      case K.JsxText:
      case K.JsxTextAllWhiteSpaces:
      case K.ConflictMarkerTrivia:
        return undefined;
      case K.OpenBraceToken:
        return this.openExpression(JSX_CHILD_EXPRESSION);
      case K.LessThanToken:
        return this.openElement();
      case K.LessThanSlashToken:
        return this.closingTag();
      default:
        return this.state.fail();
    }
  }

  private appendName(part: string): void {
    const last = this.tagNames.length - 1;
    this.tagNames[last] += part;
  }

  private openExpression(frame: number): TS.SyntaxKind {
    this.state.frames.push(frame);
    this.state.expressionCanStart = true;
    return JSX_BOUNDARY;
  }

  /** `<Select<Option> …>`: TypeScript allows type arguments after a tag name. */
  private skipTypeArguments(): TS.SyntaxKind | undefined {
    const scanner = this.state.scanner;
    for (let depth = 1; depth > 0; ) {
      const kind = scanner.scan();
      if (kind === K.LessThanToken) depth++;
      else if (kind === K.GreaterThanToken) depth--;
      else if (kind === K.EndOfFileToken) return this.state.fail();
    }
    this.phase = ATTRIBUTES;
    return undefined;
  }

  /** `</name>`: must match the open tag's name, or this is not the markup we took it for. */
  private closingTag(): TS.SyntaxKind | undefined {
    const scanner = this.state.scanner;
    let name = "";
    for (;;) {
      const kind = scanner.scan();
      if (kind === K.GreaterThanToken) break;
      if (isIdentifierOrKeyword(kind)) {
        scanner.scanJsxIdentifier();
        name += scanner.getTokenText();
      } else if (kind === K.DotToken || kind === K.ColonToken) {
        name += scanner.getTokenText();
      } else {
        return this.state.fail();
      }
    }
    if (name !== this.tagNames[this.tagNames.length - 1]) return this.state.fail();
    return this.closeElement();
  }

  /** The element (its tag or its children frame) is complete. */
  private closeElement(): TS.SyntaxKind | undefined {
    const frames = this.state.frames;
    frames.pop();
    this.tagNames.pop();
    const parent = frames[frames.length - 1];
    if (parent === JSX_CHILDREN) return undefined;
    if (parent === JSX_TAG) {
      this.phase = ATTRIBUTES;
      return undefined;
    }
    // Back in code: the element was an operand.
    this.state.expressionCanStart = false;
    return JSX_BOUNDARY;
  }
}
