/**
 * The URLs a piece of CSS loads: `url()` and `src()` (CSS Values 4), the strings of
 * `image-set()` (CSS Images 4), and `@import` (CSS Cascade), read from the tokens of the
 * CSS Syntax Level 3 tokenizer (`@csstools/css-tokenizer`), so comments, strings, escapes
 * (`U\72L(x.png)`), `url( "a b" )` and bad URLs are what a browser makes of them.
 *
 * Each reference says what it loads (an image, a font, a stylesheet), for the mixed-content
 * rule: only `src` in `@font-face` loads fonts, `@import` stylesheets, the rest images.
 * https://www.w3.org/TR/css-syntax-3/#tokenization
 * https://www.w3.org/TR/css-values-4/#urls
 */
import { type CSSToken, TokenType, tokenizer } from '@csstools/css-tokenizer';

/** What a CSS reference loads: its request destination (Fetch). */
export type CssDestination = 'image' | 'font' | 'style';

/** One URL a piece of CSS references. */
export interface CssReference {
  /** The URL as written, escapes decoded, not trimmed further (the tokenizer trims `url()`). */
  href: string;
  /** How it is written: `url()`, `src()`, `image-set()` (a string in it) or `@import`. */
  construct: 'url()' | 'src()' | 'image-set()' | '@import';
  destination: CssDestination;
  /** Offset in the CSS text where the reference starts (`url(`, `@import`'s URL, the string). */
  offset: number;
  /**
   * Written in a custom property (`--bg: url(x.png)`): a relative URL there resolves where
   * the property is used (`var(--bg)`), which may be another stylesheet.
   */
  inCustomProperty: boolean;
}

/** A block or function the tokens are inside. */
interface Frame {
  /** `{`, `(`, `[` or a function's lower-cased name. */
  kind: string;
  /** For a `{` block: the at-rule it belongs to (lower-cased), or null for a style rule. */
  atRule: string | null;
  /** The declaration being read in this block. */
  property: string | null;
}

/**
 * Whether a text may hold a URL reference at all: the quick test the fast path uses to
 * keep `style` attributes and `<style>` text. A backslash (an escaped `url`) or a character
 * reference (`url&#40;`) keeps the text too, since only parsing can tell.
 */
export function mayReferenceUrls(text: string): boolean {
  return /url\(|src\(|image-set\(|@import|[\\&]/i.test(text);
}

/**
 * List the URL references of a stylesheet or of a `style` attribute's declarations, in
 * order. Left out, as browsers load nothing for them: empty URLs (`url()`, `url("")`),
 * `@namespace` URLs (a name, never fetched), bad URLs (`url(a b)`, which make their
 * declaration invalid) and an `@import` after a rule (which is invalid there).
 * @param css the CSS text
 */
export function listCssReferences(css: string): CssReference[] {
  const references: CssReference[] = [];
  const tokens = tokenizer({ css });
  const stack: Frame[] = [{ kind: '{', atRule: null, property: null }];
  /** The at-rule whose prelude is being read, at which depth, and whether its URL was seen. */
  let prelude: { name: string; depth: number; urlSeen: boolean } | null = null;
  /** A rule other than `@charset`, `@layer` or `@import` came first: later imports are invalid. */
  let importsClosed = false;
  /** After an ident at the start of a declaration: waiting for its `:`. */
  let candidate: string | null = null;
  /** Where a statement or declaration starts: an ident there may name a property. */
  let atStart = true;
  /** A `url(` or `src(` function waiting for its string. */
  let urlFunction: { construct: 'url()' | 'src()'; offset: number; depth: number } | null = null;

  const block = (): Frame => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i]!.kind === '{') return stack[i]!;
    }
    return stack[0]!;
  };
  /** A reference that starts at `depth` (the stack's length there). */
  const add = (
    href: string,
    construct: CssReference['construct'],
    offset: number,
    depth: number,
  ) => {
    if (href === '') return;
    if (prelude !== null && depth === prelude.depth) {
      if (prelude.name === 'import' && !prelude.urlSeen) {
        prelude.urlSeen = true;
        if (importsClosed || depth !== 1) return;
        references.push({
          href,
          construct: '@import',
          destination: 'style',
          offset,
          inCustomProperty: false,
        });
        return;
      }
      // Note: `@namespace svg url(http://www.w3.org/2000/svg)` names a namespace; nothing loads.
      if (prelude.name === 'namespace' || prelude.name === 'import') return;
    }
    const current = block();
    const property = current.property;
    references.push({
      href,
      construct,
      destination: current.atRule === 'font-face' && property === 'src' ? 'font' : 'image',
      offset,
      inCustomProperty: property?.startsWith('--') ?? false,
    });
  };
  /**
   * A rule ends or opens its block at the top level: any block, or a statement other than
   * `@charset`, `@import` and `@layer a, b;`, closes the imports.
   */
  const endRule = (opensBlock: boolean) => {
    if (stack.length !== 1) return;
    const name = prelude?.name;
    if (opensBlock || (name !== 'charset' && name !== 'import' && name !== 'layer')) {
      importsClosed = true;
    }
  };

  for (;;) {
    const token: CSSToken = tokens.nextToken();
    const type = token[0];
    if (type === TokenType.EOF) break;
    if (type === TokenType.Comment || type === TokenType.Whitespace) continue;
    if (urlFunction !== null) {
      const pending = urlFunction;
      urlFunction = null;
      if (type === TokenType.String) {
        add(token[4].value, pending.construct, pending.offset, pending.depth);
        continue;
      }
    }
    switch (type) {
      case TokenType.AtKeyword:
        prelude = { name: token[4].value.toLowerCase(), depth: stack.length, urlSeen: false };
        atStart = false;
        candidate = null;
        break;
      case TokenType.URL:
        add(token[4].value, 'url()', token[2], stack.length);
        atStart = false;
        candidate = null;
        break;
      case TokenType.String: {
        const inner = stack[stack.length - 1]!.kind;
        if (prelude?.name === 'import' && stack.length === prelude.depth) {
          add(token[4].value, '@import', token[2], stack.length);
        } else if (inner === 'image-set' || inner === '-webkit-image-set') {
          add(token[4].value, 'image-set()', token[2], stack.length);
        }
        atStart = false;
        candidate = null;
        break;
      }
      case TokenType.Function: {
        const name = token[4].value.toLowerCase();
        if (name === 'url' || name === 'src') {
          urlFunction = {
            construct: name === 'url' ? 'url()' : 'src()',
            offset: token[2],
            depth: stack.length,
          };
        }
        stack.push({ kind: name, atRule: null, property: null });
        atStart = false;
        candidate = null;
        break;
      }
      case TokenType.OpenParen:
      case TokenType.OpenSquare:
        stack.push({
          kind: type === TokenType.OpenParen ? '(' : '[',
          atRule: null,
          property: null,
        });
        atStart = false;
        candidate = null;
        break;
      case TokenType.CloseParen:
      case TokenType.CloseSquare:
        // Note: an unmatched `)` is a stray token, as in the parser; it never closes a block.
        if (stack.length > 1 && stack[stack.length - 1]!.kind !== '{') stack.pop();
        break;
      case TokenType.OpenCurly: {
        // Note: a `{` inside a function or parentheses is part of a value, but it is still
        // matched by a `}`, so it is tracked as a block either way.
        const owner = prelude !== null && stack.length === prelude.depth ? prelude : null;
        endRule(true);
        if (owner) prelude = null;
        stack.push({ kind: '{', atRule: owner?.name ?? null, property: null });
        atStart = true;
        candidate = null;
        break;
      }
      case TokenType.CloseCurly:
        // Close whatever functions are still open, then the block.
        while (stack.length > 1 && stack[stack.length - 1]!.kind !== '{') stack.pop();
        if (stack.length > 1) stack.pop();
        if (prelude !== null && stack.length < prelude.depth) prelude = null;
        block().property = null;
        atStart = true;
        candidate = null;
        break;
      case TokenType.Semicolon:
        if (stack[stack.length - 1]!.kind === '{') {
          if (prelude !== null && stack.length === prelude.depth) {
            endRule(false);
            prelude = null;
          }
          block().property = null;
          atStart = true;
          candidate = null;
        }
        break;
      case TokenType.Ident:
        if (atStart && stack[stack.length - 1]!.kind === '{') candidate = token[4].value;
        atStart = false;
        break;
      case TokenType.Colon:
        if (candidate !== null) {
          block().property = candidate.startsWith('--') ? candidate : candidate.toLowerCase();
          candidate = null;
        }
        break;
      default:
        atStart = false;
        candidate = null;
    }
  }
  return references;
}
