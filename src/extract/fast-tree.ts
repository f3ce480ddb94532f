/**
 * A fast tree builder for the documents almost every static site generator writes: a
 * doctype, explicit `<html>`, `<head>` and `<body>`, and every element closed by its own end
 * tag. For such a document it builds exactly the hast tree `rehype-parse` builds (the same
 * elements made by the same `hastscript` calls, the same text, comments and positions)
 * without parse5's per-character tokenizer and tree construction.
 *
 * rehype-parse stays the parser of record: this builder follows the HTML Standard's tree
 * construction only where the result is certain without the algorithms that repair broken
 * markup, and gives up (returns null, and the page is parsed by rehype-parse) at the first
 * token that would need one: an end tag that does not close the current element, a start
 * tag that would close an open `<p>`, `<li>` or `<a>` on its own, text a table would move,
 * a second `<body>`, quirks mode, a CR or NUL the input stream would rewrite, anything in
 * MathML, an HTML element inside SVG, a tree deeper than `maxElementDepth`. Tests compare
 * its trees with rehype-parse's, node by node and position by position, on every fixture,
 * generated sites and random documents.
 * https://html.spec.whatwg.org/multipage/parsing.html#tree-construction
 */

import { parse as parseCommas } from 'comma-separated-tokens';
import { decodeHTML, decodeHTMLAttribute } from 'entities/decode';
import type { Comment, Doctype, Element, ElementContent, Root, RootContent, Text } from 'hast';
import { h, s } from 'hastscript';
import { foreignContent, html as htmlNames } from 'parse5';
import { find, html as htmlSchema, type Info } from 'property-information';
import { parse as parseSpaces } from 'space-separated-tokens';
import { detached } from '../util/detached.js';
import { maxElementDepth } from './parse-html.js';
// Note: the builder's input holds no CR (see `buildFastTree`), so the tokenizer's whitespace
// is these helpers' whitespace.
import {
  type AttributeSpan,
  findEndTag,
  isAsciiAlpha,
  isWhitespace,
  readTag,
} from './prepare-html.js';

/** Signals a token the builder does not follow: the page goes to rehype-parse. */
class GiveUp extends Error {}

type Point = { line: number; column: number; offset: number };
type Container = (RootContent | ElementContent)[];

/** The insertion modes this builder follows (table modes are read off the current node). */
enum Phase {
  Initial,
  BeforeHtml,
  BeforeHead,
  InHead,
  AfterHead,
  InBody,
  AfterBody,
  AfterAfterBody,
}

interface OpenElement {
  element: Element;
  /** The tag name as end tags spell it (lower case). */
  name: string;
  svg: boolean;
  /** Where its children go: `children`, or a template's content. */
  container: Container;
  /** Where its start tag starts, and (for a template) where its content starts. */
  start: Point;
  contentStart: Point | null;
}

/** Elements without content (`_appendElement` in parse5): never pushed. */
const voidTags = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Start tags that close an open `<p>` ("close a p element" in the standard). */
const closesP = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'header',
  'hgroup',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'search',
  'section',
  'summary',
  'ul',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'listing',
  'form',
  'li',
  'dd',
  'dt',
  'table',
  'hr',
  'xmp',
  'plaintext',
]);

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Start tags in body this builder leaves to rehype-parse: their own repairs (`<image>`, ruby
 * text, framesets, table parts outside a table, a second `<html>`, `<head>` or `<body>`),
 * MathML, and raw text it does not follow.
 */
const unfollowedInBody = new Set([
  'html',
  'head',
  'body',
  'frameset',
  'frame',
  'math',
  'image',
  'rb',
  'rtc',
  'rt',
  'rp',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'caption',
  'col',
  'colgroup',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
]);

/**
 * Elements at most one of which may be open (or the standard repairs the nesting; nested
 * selects are left to rehype-parse too).
 */
const unnestable = new Set(['p', 'a', 'nobr', 'button', 'form', 'select']);

/** Elements whose open ones are counted (`isOpen`). */
const counted = new Set([...unnestable, 'template']);

/** The current node's names that put the parser in a table insertion mode. */
const tableContexts = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'colgroup']);

/** What each table context accepts as a child element. */
const tableChildren: Readonly<Record<string, ReadonlySet<string>>> = {
  table: new Set(['caption', 'colgroup', 'tbody', 'thead', 'tfoot', 'script', 'style']),
  tbody: new Set(['tr', 'script', 'style']),
  thead: new Set(['tr', 'script', 'style']),
  tfoot: new Set(['tr', 'script', 'style']),
  tr: new Set(['td', 'th', 'script', 'style']),
  colgroup: new Set(['col']),
};

/** Elements whose text is raw text or RCDATA (HTML namespace). */
const textTags: Readonly<Record<string, 'raw' | 'rcdata'>> = {
  script: 'raw',
  style: 'raw',
  iframe: 'raw',
  title: 'rcdata',
  textarea: 'rcdata',
};

/** Tags allowed in `<head>` (`<noscript>` and raw text handled on their own). */
const headVoids = new Set(['base', 'basefont', 'bgsound', 'link', 'meta']);

/** SVG elements whose content is HTML ("HTML integration points"). */
const svgIntegrationPoints = new Set(['foreignObject', 'desc', 'title']);

const svgTagNames = foreignContent.SVG_TAG_NAMES_ADJUSTMENT_MAP;

/** Whether an HTML element is "special" (the standard's list, as parse5 has it). */
function isSpecial(name: string): boolean {
  return htmlNames.SPECIAL_ELEMENTS[htmlNames.NS.HTML].has(htmlNames.getTagID(name));
}

const own = Object.prototype.hasOwnProperty;

/**
 * Where parse5 starts a text whose first character, a newline right after `<pre>`,
 * `<listing>` or `<textarea>`, it drops: it drops it from the whitespace token that starts
 * with it, so a token that was only the newline goes, and the text starts at the next one.
 * (Where a reference right after the newline starts is parse5's own affair: such pages go
 * to it.)
 * @param raw the text as written, starting with the newline
 * @param start its offset
 */
function textStartAfterNewline(raw: string, start: number): number {
  const second = raw.charCodeAt(1);
  if (second === 38) throw new GiveUp();
  return isWhitespace(second) ? start : start + 1;
}

function isWhitespaceOnly(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (!isWhitespace(text.charCodeAt(i))) return false;
  }
  return true;
}

/** Whether an earlier attribute of the tag has the same name. */
function isDuplicate(attributes: readonly AttributeSpan[], index: number): boolean {
  const { name } = attributes[index]!;
  for (let k = 0; k < index; k++) if (attributes[k]!.name === name) return true;
  return false;
}

/**
 * Which attributes to keep (`readsAttribute`): the others are left out of the tree.
 * @param tag the tag name as written, ASCII lower case (`lineargradient`)
 * @param attribute the attribute name as written, ASCII lower case
 * @param value the value as written (references not decoded), null without one
 */
export type KeepAttribute = (tag: string, attribute: string, value: string | null) => boolean;

/**
 * Build the hast tree of `html` as rehype-parse would (without the attributes `keep`
 * leaves out), or null when the document needs
 * what this builder does not follow (see the module comment).
 */
export function buildFastTree(html: string, keep?: KeepAttribute): Root | null {
  if (html.includes('\r') || html.includes('\0')) return null;
  try {
    return new TreeBuilder(html, keep ?? null).run();
  } catch (error) {
    if (error instanceof GiveUp) return null;
    throw error;
  }
}

class TreeBuilder {
  private readonly html: string;
  private readonly lineStarts: number[] = [0];
  /** The line of the last offset located: offsets come mostly in order. */
  private line = 0;
  private phase = Phase.Initial;
  private readonly document: RootContent[] = [];
  private readonly stack: OpenElement[] = [];
  private readonly openCounts = new Map<string, number>();
  private htmlElement: OpenElement | null = null;
  private bodyElement: OpenElement | null = null;
  /** After `<pre>` or `<listing>`: a newline right after the start tag is dropped. */
  private skipNewline = false;

  private readonly keep: KeepAttribute | null;

  constructor(html: string, keep: KeepAttribute | null) {
    this.html = html;
    this.keep = keep;
    for (let at = html.indexOf('\n'); at !== -1; at = html.indexOf('\n', at + 1)) {
      this.lineStarts.push(at + 1);
    }
  }

  run(): Root {
    const { html } = this;
    const length = html.length;
    let position = 0;
    while (position < length) {
      let open = html.indexOf('<', position);
      // A `<` that starts no tag, comment or declaration is text.
      while (open !== -1) {
        const next = html.charCodeAt(open + 1);
        if (isAsciiAlpha(next) || next === 47 || next === 33 || next === 63) break;
        open = html.indexOf('<', open + 1);
      }
      const textEnd = open === -1 ? length : open;
      if (textEnd > position) this.text(position, textEnd);
      if (open === -1) break;
      position = this.markup(open);
    }
    if (this.phase !== Phase.AfterAfterBody) throw new GiveUp();
    return {
      type: 'root',
      children: this.document,
      data: { quirksMode: false },
      position: { start: this.point(0), end: this.point(length) },
    };
  }

  /** A line and column for an offset (1-based, as parse5 counts them). */
  private point(offset: number): Point {
    const starts = this.lineStarts;
    let line = this.line;
    if (starts[line]! > offset) {
      // Note: offsets are asked for in order but for a few; those are searched.
      let low = 0;
      let high = line;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      line = low;
    }
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    this.line = line;
    return { line: line + 1, column: offset - starts[line]! + 1, offset };
  }

  private get current(): OpenElement | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** The token at `open` (a `<`): returns where the next token starts. */
  private markup(open: number): number {
    const { html } = this;
    const next = html.charCodeAt(open + 1);
    this.skipNewline = false;
    if (isAsciiAlpha(next)) {
      const tag = readTag(html, open + 1, true);
      if (tag.end === -1) throw new GiveUp();
      return this.startTag(tag.name, tag.attributes, tag.selfClosing, open, tag.end);
    }
    if (next === 47) {
      if (!isAsciiAlpha(html.charCodeAt(open + 2))) throw new GiveUp();
      const tag = readTag(html, open + 2, false);
      if (tag.end === -1) throw new GiveUp();
      this.endTag(tag.name, open, tag.end);
      return tag.end;
    }
    if (next === 33 && html.startsWith('<!--', open)) return this.comment(open);
    if (next === 33 && this.phase === Phase.Initial) {
      const doctype = /^<!doctype[\t\n\f ]+html[\t\n\f ]*>/i.exec(html.slice(open, open + 32));
      if (doctype) {
        const end = open + doctype[0].length;
        const node: Doctype = { type: 'doctype', position: this.span(open, end) };
        this.document.push(node);
        this.phase = Phase.BeforeHtml;
        return end;
      }
    }
    // A bogus comment, a doctype out of place or in quirks, a processing instruction.
    throw new GiveUp();
  }

  private span(start: number, end: number) {
    return { start: this.point(start), end: this.point(end) };
  }

  private comment(open: number): number {
    const { html } = this;
    const body = open + 4;
    if (html.charCodeAt(body) === 62 || html.startsWith('->', body)) throw new GiveUp();
    const close = html.indexOf('-->', body);
    if (close === -1) throw new GiveUp();
    // Note: looked for inside this comment only: a search to the end of the page for each
    // comment would make a page of many comments quadratic.
    if (html.slice(body, close).includes('--!>')) throw new GiveUp();
    const end = close + 3;
    const node: Comment = {
      type: 'comment',
      value: html.slice(body, close),
      position: this.span(open, end),
    };
    switch (this.phase) {
      case Phase.Initial:
      case Phase.BeforeHtml:
      case Phase.AfterAfterBody:
        this.document.push(node);
        break;
      case Phase.BeforeHead:
      case Phase.AfterHead:
      case Phase.AfterBody:
        this.htmlElement!.container.push(node);
        break;
      default:
        this.current!.container.push(node);
    }
    return end;
  }

  /** Text from `start` to `end` (no tag in it). */
  private text(start: number, end: number): void {
    const raw = this.html.slice(start, end);
    const skip = this.skipNewline;
    this.skipNewline = false;
    switch (this.phase) {
      case Phase.Initial:
      case Phase.BeforeHtml:
      case Phase.BeforeHead:
        if (!isWhitespaceOnly(raw)) throw new GiveUp();
        return;
      case Phase.InHead:
        if (this.isOpen('template')) break;
        if (!isWhitespaceOnly(raw)) throw new GiveUp();
        this.insertText(this.current!.container, raw, start, end);
        return;
      case Phase.AfterHead:
        if (!isWhitespaceOnly(raw)) throw new GiveUp();
        this.insertText(this.htmlElement!.container, raw, start, end);
        return;
      case Phase.AfterBody:
      case Phase.AfterAfterBody:
        if (!isWhitespaceOnly(raw)) throw new GiveUp();
        this.insertText(this.bodyElement!.container, raw, start, end);
        return;
    }
    const current = this.current!;
    if (!current.svg && tableContexts.has(current.name)) {
      // Text in a table is moved out of it unless it is all whitespace.
      if (!isWhitespaceOnly(raw)) throw new GiveUp();
      this.insertText(current.container, raw, start, end);
      return;
    }
    let value = raw.includes('&') ? decodeHTML(raw) : raw;
    let from = start;
    if (skip && raw.charCodeAt(0) === 10) {
      from = textStartAfterNewline(raw, start);
      value = value.slice(1);
      if (value === '') return;
    }
    this.insertText(current.container, value, from, end);
  }

  private insertText(container: Container, value: string, start: number, end: number): void {
    const last = container[container.length - 1];
    if (last?.type === 'text') {
      last.value += value;
      last.position!.end = this.point(end);
      return;
    }
    const node: Text = { type: 'text', value, position: this.span(start, end) };
    container.push(node);
  }

  /**
   * Make an element as hast-util-from-parse5 does (`h` or `s` from hastscript with the
   * attributes as written), without hastscript's work for what cannot occur here: a tag
   * name read as a selector (`a.b#c`, given to hastscript itself), property values that
   * are not strings.
   */
  private createElement(name: string, attributes: AttributeSpan[], svg: boolean): Element {
    // Note: SVG elements are made by hastscript, whose table of case-sensitive SVG names
    // is its own; so are elements whose name hastscript reads as a selector.
    const byHastscript = svg || name.includes('.') || name.includes('#');
    const element: Element = {
      type: 'element',
      tagName: name.toLowerCase(),
      properties: {},
      children: [],
    };
    // The attributes as written (decoded), for hastscript; else typed straight into place.
    const written: Record<string, string> = {};
    const tag = svg ? name.toLowerCase() : name;
    // Note: a tag with many attributes (a hostile page's thousands) is checked with a set.
    const seen = attributes.length > 16 ? new Set<string>() : null;
    for (let index = 0; index < attributes.length; index++) {
      const attribute = attributes[index]!;
      // The tokenizer keeps the first of duplicate attributes.
      if (seen) {
        if (seen.has(attribute.name)) continue;
        seen.add(attribute.name);
      } else if (index > 0 && isDuplicate(attributes, index)) {
        continue;
      }
      if (this.keep && !this.keep(tag, attribute.name, attribute.value)) continue;
      const key = svg ? svgAttributeName(attribute.name) : attribute.name;
      if (own.call(Object.prototype, key)) continue;
      const raw = attribute.value ?? '';
      const value = raw.includes('&') ? decodeHTMLAttribute(raw) : raw;
      if (byHastscript) written[key] = value;
      else addProperty(htmlSchema, element.properties, key, value);
    }
    return byHastscript ? ((svg ? s : h)(name, written) as Element) : element;
  }

  private push(open: OpenElement): void {
    if (this.stack.length >= maxElementDepth) throw new GiveUp();
    this.stack.push(open);
    if (!open.svg && counted.has(open.name)) {
      this.openCounts.set(open.name, (this.openCounts.get(open.name) ?? 0) + 1);
    }
  }

  private pop(end: number): OpenElement {
    const open = this.stack.pop()!;
    if (!open.svg && counted.has(open.name)) {
      this.openCounts.set(open.name, this.openCounts.get(open.name)! - 1);
    }
    if (open.contentStart) {
      open.element.content!.position = {
        start: open.contentStart,
        end: this.point(this.lastEndTagStart),
      };
    }
    open.element.position = { start: open.start, end: this.point(end) };
    return open;
  }

  /** Where the end tag being handled starts. */
  private lastEndTagStart = 0;

  private isOpen(name: string): boolean {
    return (this.openCounts.get(name) ?? 0) > 0;
  }

  /** Insert an element at the current node and open it (unless it is void). */
  private insert(
    name: string,
    attributes: AttributeSpan[],
    svg: boolean,
    start: number,
    end: number,
    container: Container,
    empty: boolean,
  ): OpenElement {
    const element = this.createElement(name, attributes, svg);
    container.push(element);
    const startPoint = this.point(start);
    if (empty) {
      element.position = { start: startPoint, end: this.point(end) };
      return {
        element,
        name,
        svg,
        container: element.children,
        start: startPoint,
        contentStart: null,
      };
    }
    let children: Container = element.children;
    let contentStart: Point | null = null;
    if (element.tagName === 'template' && !svg) {
      const content: Root = { type: 'root', children: [], data: { quirksMode: false } };
      element.content = content;
      children = content.children;
      contentStart = this.point(end);
    }
    const open: OpenElement = {
      element,
      name: svg ? name.toLowerCase() : name,
      svg,
      container: children,
      start: startPoint,
      contentStart,
    };
    this.push(open);
    return open;
  }

  private startTag(
    name: string,
    attributes: AttributeSpan[],
    selfClosing: boolean,
    start: number,
    end: number,
  ): number {
    switch (this.phase) {
      case Phase.Initial:
        throw new GiveUp();
      case Phase.BeforeHtml: {
        if (name !== 'html') throw new GiveUp();
        this.htmlElement = this.insert(name, attributes, false, start, end, this.document, false);
        this.phase = Phase.BeforeHead;
        return end;
      }
      case Phase.BeforeHead: {
        if (name !== 'head') throw new GiveUp();
        this.insert(name, attributes, false, start, end, this.htmlElement!.container, false);
        this.phase = Phase.InHead;
        return end;
      }
      case Phase.InHead:
        // A template's content is parsed as in body ("in template" sends every tag this
        // builder follows there).
        if (this.isOpen('template')) {
          return this.startTagInBody(name, attributes, selfClosing, start, end);
        }
        return this.startTagInHead(name, attributes, start, end);
      case Phase.AfterHead: {
        if (name !== 'body') throw new GiveUp();
        const container = this.htmlElement!.container;
        this.bodyElement = this.insert(name, attributes, false, start, end, container, false);
        this.phase = Phase.InBody;
        return end;
      }
      case Phase.InBody:
        return this.startTagInBody(name, attributes, selfClosing, start, end);
      default:
        throw new GiveUp();
    }
  }

  private startTagInHead(name: string, attributes: AttributeSpan[], start: number, end: number) {
    const current = this.current!;
    const inNoscript = current.name === 'noscript';
    if (headVoids.has(name) && !(inNoscript && name === 'base')) {
      this.insert(name, attributes, false, start, end, current.container, true);
      return end;
    }
    if (name === 'style' || (!inNoscript && (name === 'script' || name === 'title'))) {
      return this.textElement(name, attributes, start, end, current.container);
    }
    if ((name === 'noscript' || name === 'template') && !inNoscript) {
      this.insert(name, attributes, false, start, end, current.container, false);
      return end;
    }
    throw new GiveUp();
  }

  private startTagInBody(
    name: string,
    attributes: AttributeSpan[],
    selfClosing: boolean,
    start: number,
    end: number,
  ): number {
    const current = this.current!;
    if (current.svg) return this.startTagInSvg(name, attributes, selfClosing, start, end);
    const container = current.container;
    if (tableContexts.has(current.name)) {
      if (!tableChildren[current.name]!.has(name)) throw new GiveUp();
      if (name === 'script' || name === 'style') {
        return this.textElement(name, attributes, start, end, container);
      }
      this.insert(name, attributes, false, start, end, container, name === 'col');
      return end;
    }
    if (this.isOpen('select')) return this.startTagInSelect(name, attributes, start, end);
    if (unfollowedInBody.has(name)) throw new GiveUp();
    if ((name === 'option' || name === 'optgroup') && current.name === 'option') {
      throw new GiveUp();
    }
    if (closesP.has(name) && this.isOpen('p')) throw new GiveUp();
    if (unnestable.has(name) && this.isOpen(name)) throw new GiveUp();
    if (headings.has(name) && headings.has(current.name)) throw new GiveUp();
    if (name === 'li' || name === 'dd' || name === 'dt') this.checkListItem(name);
    if (voidTags.has(name)) {
      this.insert(name, attributes, false, start, end, container, true);
      return end;
    }
    if (name === 'svg') {
      this.insert(name, attributes, true, start, end, container, selfClosing);
      return end;
    }
    if (own.call(textTags, name)) return this.textElement(name, attributes, start, end, container);
    this.insert(name, attributes, false, start, end, container, false);
    if (name === 'pre' || name === 'listing') this.skipNewline = true;
    return end;
  }

  /**
   * Start tags in a `<select>` ("in select"): options and groups where no end tag is
   * implied, and scripts; the standard ignores or repairs every other tag there.
   */
  private startTagInSelect(
    name: string,
    attributes: AttributeSpan[],
    start: number,
    end: number,
  ): number {
    const current = this.current!;
    if (name === 'script') return this.textElement(name, attributes, start, end, current.container);
    if (
      (name === 'option' && (current.name === 'select' || current.name === 'optgroup')) ||
      (name === 'optgroup' && current.name === 'select')
    ) {
      this.insert(name, attributes, false, start, end, current.container, false);
      return end;
    }
    throw new GiveUp();
  }

  /** `<li>`, `<dd>`, `<dt>`: give up where the standard would close an open one. */
  private checkListItem(name: string): void {
    const closes = name === 'li' ? ['li'] : ['dd', 'dt'];
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i]!;
      if (closes.includes(open.name)) throw new GiveUp();
      if (isSpecial(open.name) && !['address', 'div', 'p'].includes(open.name)) return;
    }
  }

  private startTagInSvg(
    name: string,
    attributes: AttributeSpan[],
    selfClosing: boolean,
    start: number,
    end: number,
  ): number {
    const current = this.current!;
    if (svgIntegrationPoints.has(current.element.tagName)) throw new GiveUp();
    // Note: a start tag that leaves SVG for HTML (`<p>`, `<font color>`), by parse5's own list.
    const token = { tagID: htmlNames.getTagID(name), attrs: attributes };
    if (
      foreignContent.causesExit(token as unknown as Parameters<typeof foreignContent.causesExit>[0])
    ) {
      throw new GiveUp();
    }
    const tagName = svgTagNames.get(name) ?? name;
    this.insert(tagName, attributes, true, start, end, current.container, selfClosing);
    return end;
  }

  /** A raw-text or RCDATA element: its text runs to its end tag. */
  private textElement(
    name: string,
    attributes: AttributeSpan[],
    start: number,
    end: number,
    container: Container,
  ): number {
    const { html } = this;
    const open = this.insert(name, attributes, false, start, end, container, false);
    const close = findEndTag(html, name, end);
    if (close === -1) throw new GiveUp();
    let raw = html.slice(end, close);
    // `<!--` in a script starts the escaped states, where `</script>` may not end it.
    if (name === 'script' && raw.includes('<!--')) throw new GiveUp();
    let from = end;
    if (name === 'textarea' && raw.charCodeAt(0) === 10) {
      from = textStartAfterNewline(raw, end);
      raw = raw.slice(1);
    }
    const value = textTags[name] === 'rcdata' && raw.includes('&') ? decodeHTML(raw) : raw;
    if (value !== '') {
      const node: Text = { type: 'text', value, position: this.span(from, close) };
      open.container.push(node);
    }
    const endTag = readTag(html, close + 2, false);
    if (endTag.end === -1) throw new GiveUp();
    this.lastEndTagStart = close;
    this.pop(endTag.end);
    return endTag.end;
  }

  private endTag(name: string, start: number, end: number): void {
    this.lastEndTagStart = start;
    const current = this.current;
    switch (this.phase) {
      case Phase.InHead: {
        if (this.isOpen('template') && current!.name === name) {
          this.pop(end);
          return;
        }
        if (current!.name !== name || (name !== 'head' && name !== 'noscript')) {
          throw new GiveUp();
        }
        this.pop(end);
        if (name === 'head') this.phase = Phase.AfterHead;
        return;
      }
      case Phase.InBody: {
        if (!current || current.name !== name) throw new GiveUp();
        if (name === 'body' && !current.svg) {
          // `<body>` stays open; its end is where `</body>` ends.
          current.element.position = { start: current.start, end: this.point(end) };
          this.phase = Phase.AfterBody;
          return;
        }
        this.pop(end);
        return;
      }
      case Phase.AfterBody: {
        if (name !== 'html') throw new GiveUp();
        const html = this.htmlElement!;
        html.element.position = { start: html.start, end: this.point(end) };
        this.phase = Phase.AfterAfterBody;
        return;
      }
      default:
        throw new GiveUp();
    }
  }
}

const svgAttributeNames = new Map<string, string>();

/** An SVG attribute's name as parse5 adjusts it (`viewbox` → `viewBox`). */
function svgAttributeName(name: string): string {
  let adjusted = svgAttributeNames.get(name);
  if (adjusted === undefined) {
    const key = detached(name);
    const token = { attrs: [{ name: key, value: '' }] };
    foreignContent.adjustTokenSVGAttrs(
      token as Parameters<typeof foreignContent.adjustTokenSVGAttrs>[0],
    );
    adjusted = token.attrs[0]!.name;
    if (svgAttributeNames.size < 10_000) svgAttributeNames.set(key, adjusted);
  }
  return adjusted;
}

const infoCache = new Map<string, Info>();

/** `find` of property-information, remembered: names repeat on every page. */
function findInfo(schema: typeof htmlSchema, key: string): Info {
  const cache = infoCache;
  let info = cache.get(key);
  if (info === undefined) {
    const name = detached(key);
    info = find(schema, name);
    if (cache.size < 10_000) cache.set(name, info);
  }
  return info;
}

/** hastscript's `addProperty` for a string value (see hastscript's `create-h.js`). */
function addProperty(
  schema: typeof htmlSchema,
  properties: Element['properties'],
  key: string,
  value: string,
): void {
  const info = findInfo(schema, key);
  let result: string | number | boolean | (string | number)[];
  if (info.spaceSeparated) result = parseSpaces(value);
  else if (info.commaSeparated) result = parseCommas(value);
  else if (info.commaOrSpaceSeparated) result = parseSpaces(parseCommas(value).join(' '));
  else result = parsePrimitive(info, info.property, value);
  if (Array.isArray(result)) {
    result = result.map(
      (item) => parsePrimitive(info, info.property, item as string) as string | number,
    );
  }
  properties[info.property] = result;
}

/** hastscript's `parsePrimitive`: numbers and booleans where the property is one. */
function parsePrimitive(info: Info, name: string, value: string): string | number | boolean {
  if (info.number && value && !Number.isNaN(Number(value))) return Number(value);
  if (
    (info.boolean || info.overloadedBoolean) &&
    (value === '' || value.toLowerCase() === name.toLowerCase())
  ) {
    return true;
  }
  return value;
}
