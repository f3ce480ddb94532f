/**
 * The fast path's pre-pass: cut what extraction never reads (see `html-reads.ts`) out of a
 * page before it is parsed, so the parser has less to do, and keep what it needs to map
 * positions back and to prove the cuts changed nothing.
 *
 * The pass follows the tokenizer states of the HTML standard that decide where a tag, an
 * attribute, a comment or a raw-text body begins and ends; it never decides what the tree
 * looks like. Two kinds of cuts:
 *
 * - attributes extraction does not read, on elements whose attributes the tree builder
 *   does not compare (`style`, `class` of a `<span>`, `d` of an SVG `<path>`, the `props`
 *   of an `<astro-island>`): each start tag with a cut must become an element at the same
 *   place;
 * - the text of `<script>` and `<style>` elements extraction does not read: replaced by
 *   `&lt;`, which only raw-text parsing keeps as written, so an element whose text is
 *   `&lt;` proves the parser read its body as raw text.
 *
 * The walk checks both (`verifyCuts`); when a cut cannot be confirmed (a `<style>` inside
 * SVG, a second `<body>` tag, a fake tag inside a script this pass took for markup), the
 * page is parsed again as written. Pages this pass cannot follow with certainty (a
 * `<script>` holding `<!--`, a CDATA section) are parsed as written from the start.
 * https://html.spec.whatwg.org/multipage/parsing.html#tokenization
 */
import { readsAttribute, readsRawText } from './html-reads.js';
import { lastIndexAtOrBelow } from './source-lines.js';

/** A page's text with the unread parts cut out, and how to map offsets back. */
export interface PreparedHtml {
  /** What to parse. */
  text: string;
  /**
   * Where each run of kept text starts in `text` (ascending) and in the original, pairwise:
   * `text[runStarts[k] + d]` is the original's `runOrigins[k] + d` within run `k`.
   */
  runStarts: number[];
  runOrigins: number[];
  /** Offsets in `text` of start tags that lost attributes: each must start an element. */
  cutTags: Set<number>;
  /** Offsets in `text` of raw-text elements whose text was replaced by `bodySentinel`. */
  cutBodies: Set<number>;
}

/** What replaces a cut raw-text body: raw text keeps it as written, markup would decode it. */
export const bodySentinel = '&lt;';

/** Raw-text elements and how their text ends. */
const rawTextTags = new Set([
  'script',
  'style',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'textarea',
  'title',
]);

/** Below this many characters, cutting a body or an attribute saves less than it costs. */
const minimumCut = 8;

/**
 * Cut the unread parts of a page.
 * @returns null when there is nothing worth cutting, or the page holds something this
 *   pass cannot follow with certainty: then the page is parsed as written.
 */
export function prepareHtml(html: string): PreparedHtml | null {
  return new Preparer(html).run();
}

/**
 * Map an offset in the prepared text back to the original text.
 * @param prepared from `prepareHtml`
 * @param offset an offset in `prepared.text` that is not inside a sentinel
 */
export function originalOffset(prepared: PreparedHtml, offset: number): number {
  const { runStarts, runOrigins } = prepared;
  const run = lastIndexAtOrBelow(runStarts, offset);
  return runOrigins[run]! + (offset - runStarts[run]!);
}

enum Char {
  Tab = 9,
  LineFeed = 10,
  FormFeed = 12,
  CarriageReturn = 13,
  Space = 32,
  Exclamation = 33,
  Quote = 34,
  Apostrophe = 39,
  Minus = 45,
  Slash = 47,
  LessThan = 60,
  Equals = 61,
  GreaterThan = 62,
  Question = 63,
}

export function isWhitespace(code: number): boolean {
  return (
    code === Char.Space ||
    code === Char.LineFeed ||
    code === Char.Tab ||
    code === Char.FormFeed ||
    code === Char.CarriageReturn
  );
}

export function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** One attribute of a start tag: where its name starts and where the attribute ends. */
export interface AttributeSpan {
  name: string;
  start: number;
  end: number;
  /** The value as written (quotes removed, references not decoded); null without one. */
  value: string | null;
}

/** A start tag: its name, attributes and where it ends (after `>`), or -1 at end of file. */
export interface StartTag {
  name: string;
  attributes: AttributeSpan[];
  end: number;
  selfClosing: boolean;
}

/** Signals that the page cannot be prepared with certainty. */
class Unfollowable extends Error {}

class Preparer {
  private readonly html: string;
  private readonly parts: string[] = [];
  /** Original offset where the current kept run starts. */
  private keptFrom = 0;
  /** Length of the prepared text so far (excluding the current run). */
  private length = 0;
  private readonly runStarts: number[] = [0];
  private readonly runOrigins: number[] = [0];
  private readonly cutTags = new Set<number>();
  private readonly cutBodies = new Set<number>();
  /** The last character of the prepared text, right after a cut. */
  private lastCutChar = 0;
  /** Open `<svg>`/`<math>` start tags, counted roughly: raw-text bodies inside are kept. */
  private foreignDepth = 0;

  constructor(html: string) {
    this.html = html;
  }

  run(): PreparedHtml | null {
    try {
      this.scan();
    } catch (error) {
      if (error instanceof Unfollowable) return null;
      throw error;
    }
    if (this.cutTags.size === 0 && this.cutBodies.size === 0) return null;
    this.parts.push(this.html.slice(this.keptFrom));
    return {
      text: this.parts.join(''),
      runStarts: this.runStarts,
      runOrigins: this.runOrigins,
      cutTags: this.cutTags,
      cutBodies: this.cutBodies,
    };
  }

  /** The offset in the prepared text of an original offset in the current run. */
  private preparedOffset(original: number): number {
    return this.length + (original - this.keptFrom);
  }

  /** Leave out `html[from, to)`, putting `replacement` in its place. */
  private cut(from: number, to: number, replacement: string): void {
    this.lastCutChar =
      replacement !== ''
        ? replacement.charCodeAt(replacement.length - 1)
        : this.lastPreparedChar(from);
    this.parts.push(this.html.slice(this.keptFrom, from), replacement);
    this.length += from - this.keptFrom + replacement.length;
    this.keptFrom = to;
    this.runStarts.push(this.length);
    this.runOrigins.push(to);
  }

  /** The character the prepared text would end with if it ended before original offset `at`. */
  private lastPreparedChar(at: number): number {
    return at > this.keptFrom ? this.html.charCodeAt(at - 1) : this.lastCutChar;
  }

  private scan(): void {
    const { html } = this;
    const length = html.length;
    let position = 0;
    while (position < length) {
      const open = html.indexOf('<', position);
      if (open === -1) return;
      const next = html.charCodeAt(open + 1);
      if (isAsciiAlpha(next)) {
        const end = this.startTag(open);
        if (end === -1) return;
        position = end;
      } else if (next === Char.Slash) {
        const after = html.charCodeAt(open + 2);
        if (isAsciiAlpha(after)) {
          const tag = readTag(this.html, open + 2, false);
          if (tag.end === -1) return;
          if (tag.name === 'svg' || tag.name === 'math') {
            this.foreignDepth = Math.max(0, this.foreignDepth - 1);
          }
          position = tag.end;
        } else if (after === Char.GreaterThan) {
          position = open + 3;
        } else if (Number.isNaN(after)) {
          return;
        } else {
          position = this.skipPast(open + 2, '>');
        }
      } else if (next === Char.Exclamation) {
        position = this.markupDeclaration(open);
      } else if (next === Char.Question) {
        position = this.skipPast(open + 2, '>');
      } else {
        position = open + 1;
      }
    }
  }

  /** The offset after the next `text` from `from`, or the end of the page. */
  private skipPast(from: number, text: string): number {
    const found = this.html.indexOf(text, from);
    return found === -1 ? this.html.length : found + text.length;
  }

  /** `<!--…-->`, `<!DOCTYPE …>`, `<![CDATA[…]]>` or a bogus comment at `open`. */
  private markupDeclaration(open: number): number {
    const { html } = this;
    if (html.startsWith('<!--', open)) {
      const body = open + 4;
      // `<!-->` and `<!--->` are complete (empty) comments.
      if (html.charCodeAt(body) === Char.GreaterThan) return body + 1;
      if (html.startsWith('->', body)) return body + 2;
      const dashes = html.indexOf('--', body);
      if (dashes === -1) return html.length;
      // A comment ends at the first `-->` or `--!>`.
      for (let at = dashes; at !== -1; at = html.indexOf('--', at + 1)) {
        if (html.charCodeAt(at + 2) === Char.GreaterThan) return at + 3;
        if (html.startsWith('!>', at + 2)) return at + 4;
      }
      return html.length;
    }
    // Note: CDATA is a section in SVG and MathML, a bogus comment elsewhere; telling them
    // apart needs the tree, so such pages are parsed as written.
    if (html.startsWith('[CDATA[', open + 2)) throw new Unfollowable();
    // A doctype and a bogus comment both end at the first `>`.
    return this.skipPast(open + 2, '>');
  }

  /** A start tag at `open`: cut its unread attributes, then its raw-text body. */
  private startTag(open: number): number {
    const tag = readTag(this.html, open + 1, true);
    if (tag.end === -1) return -1;
    const at = this.preparedOffset(open);
    this.cutAttributes(at, tag);
    if (tag.name === 'svg' || tag.name === 'math') {
      if (!tag.selfClosing) this.foreignDepth++;
      return tag.end;
    }
    if (tag.name === 'plaintext') return -1;
    if (!rawTextTags.has(tag.name)) return tag.end;
    return this.rawTextBody(at, tag);
  }

  /** Cut the attributes extraction does not read; `at` is the tag's offset in the prepared text. */
  private cutAttributes(at: number, tag: StartTag): void {
    let cut = false;
    for (const attribute of tag.attributes) {
      if (attribute.end - attribute.start < minimumCut) continue;
      if (readsAttribute(tag.name, attribute.name, attribute.value)) continue;
      if (!cut) {
        cut = true;
        this.cutTags.add(at);
      }
      // Note: a `/` right before the attribute and a `>` right after it would make the tag
      // self-closing (`<circle/r="1">` is not); a space keeps it as it was.
      const keepsOpen =
        this.lastPreparedChar(attribute.start) === Char.Slash &&
        this.html.charCodeAt(attribute.end) === Char.GreaterThan;
      this.cut(attribute.start, attribute.end, keepsOpen ? ' ' : '');
    }
  }

  /**
   * The body of a raw-text element whose start tag ends at `tag.end` (and is at `at` in the
   * prepared text); returns where to go on.
   */
  private rawTextBody(at: number, tag: StartTag): number {
    const { html } = this;
    const body = tag.end;
    const close = findEndTag(this.html, tag.name, body);
    if (close === -1) return -1;
    const comment = tag.name === 'script' ? html.indexOf('<!--', body) : -1;
    if (comment !== -1 && comment < close) {
      // Note: `<!--` in a script starts the escaped states, where a `</script>` may not end it.
      throw new Unfollowable();
    }
    const type = tag.attributes.find((attribute) => attribute.name === 'type')?.value ?? null;
    if (
      this.foreignDepth === 0 &&
      close - body > minimumCut &&
      !readsRawText(
        tag.name,
        tag.name === 'script' ? type : null,
        tag.name === 'style' ? html.slice(body, close) : undefined,
      )
    ) {
      this.cutBodies.add(at);
      this.cut(body, close, bodySentinel);
    }
    const endTag = readTag(this.html, close + 2, false);
    return endTag.end;
  }
}

/**
 * The offset of the first `</name` followed by whitespace, `/` or `>` from `from`, or -1:
 * where the text of a raw-text or RCDATA element ends.
 */
export function findEndTag(html: string, name: string, from: number): number {
  let at = from;
  for (;;) {
    at = html.indexOf('</', at);
    if (at === -1) return -1;
    const nameEnd = at + 2 + name.length;
    const after = html.charCodeAt(nameEnd);
    if (
      (isWhitespace(after) || after === Char.Slash || after === Char.GreaterThan) &&
      asciiLowerCase(html.slice(at + 2, nameEnd)) === name
    ) {
      return at;
    }
    at += 2;
  }
}

/**
 * Lower-case the ASCII letters only, as the tokenizer does for tag and attribute names
 * (`String#toLowerCase` also folds `İ` and the Kelvin sign, which names keep).
 */
export function asciiLowerCase(name: string): string {
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code >= 65 && code <= 90) return name.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  }
  return name;
}

/**
 * Read a tag from its name (at `from`) to after its `>`, following the tokenizer's tag
 * and attribute states. `end` is -1 when the page ends inside the tag (the tokenizer
 * then drops it).
 */
export function readTag(html: string, from: number, collect: boolean): StartTag {
  const length = html.length;
  let at = from;
  while (at < length) {
    const code = html.charCodeAt(at);
    if (isWhitespace(code) || code === Char.Slash || code === Char.GreaterThan) break;
    at++;
  }
  const name = asciiLowerCase(html.slice(from, at));
  const attributes: AttributeSpan[] = [];
  const selfClosing = false;
  for (;;) {
    // Before attribute name.
    while (at < length && isWhitespace(html.charCodeAt(at))) at++;
    if (at >= length) return { name, attributes, end: -1, selfClosing };
    let code = html.charCodeAt(at);
    if (code === Char.GreaterThan) return { name, attributes, end: at + 1, selfClosing };
    if (code === Char.Slash) {
      // Self-closing start tag state: `/>` ends the tag, anything else is reconsumed.
      at++;
      if (html.charCodeAt(at) === Char.GreaterThan) {
        return { name, attributes, end: at + 1, selfClosing: true };
      }
      continue;
    }
    // Attribute name: a leading `=` belongs to it.
    const start = at;
    at++;
    while (at < length) {
      code = html.charCodeAt(at);
      if (
        isWhitespace(code) ||
        code === Char.Slash ||
        code === Char.GreaterThan ||
        code === Char.Equals
      ) {
        break;
      }
      at++;
    }
    const attributeName = collect ? asciiLowerCase(html.slice(start, at)) : '';
    // After attribute name.
    let look = at;
    while (look < length && isWhitespace(html.charCodeAt(look))) look++;
    if (html.charCodeAt(look) !== Char.Equals) {
      if (collect) attributes.push({ name: attributeName, start, end: at, value: null });
      at = look;
      continue;
    }
    // Before attribute value.
    at = look + 1;
    while (at < length && isWhitespace(html.charCodeAt(at))) at++;
    if (at >= length) return { name, attributes, end: -1, selfClosing };
    code = html.charCodeAt(at);
    let value: string;
    if (code === Char.Quote || code === Char.Apostrophe) {
      const closing = html.indexOf(code === Char.Quote ? '"' : "'", at + 1);
      if (closing === -1) return { name, attributes, end: -1, selfClosing };
      value = html.slice(at + 1, closing);
      at = closing + 1;
    } else if (code === Char.GreaterThan) {
      // A missing value: the tag ends here, the attribute is empty.
      if (collect) attributes.push({ name: attributeName, start, end: at, value: '' });
      return { name, attributes, end: at + 1, selfClosing };
    } else {
      const valueStart = at;
      while (at < length) {
        code = html.charCodeAt(at);
        if (isWhitespace(code) || code === Char.GreaterThan) break;
        at++;
      }
      value = html.slice(valueStart, at);
    }
    if (collect) attributes.push({ name: attributeName, start, end: at, value });
  }
}
