/**
 * Extraction: one built HTML file → `PageLinks`. Pure and synchronous, a function of the
 * file's text and its URL only, so it can run in worker threads and be cached.
 *
 * One parse (rehype-parse through `parse-html.ts`, positions kept, nesting bounded as in
 * Chromium, or the fast tree builder) and one walk over the tree. Relative URLs are
 * resolved after the walk, because a `<base href>` anywhere in the document applies to
 * every URL in it, also the ones before it.
 *
 * Two fast paths. Most pages are built by the fast tree builder (`fast-tree.ts`), which
 * gives rehype-parse's tree for the well-formed documents it follows, without the
 * attributes extraction never reads. The others are parsed by rehype-parse with what
 * extraction never reads cut out (`prepare-html.ts`); positions are mapped back to the file
 * as written, and the walk checks that every cut left the tree as it was; when one cannot
 * be confirmed, the page is parsed again as written. Every path gives the same result (the
 * differential tests).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { formatCount } from '../util/format-count.js';
import { chooseAnchorText, chooseResourceText } from './anchor-text.js';
import { findAttributeValue } from './attribute-offsets.js';
import {
  countElementSignals,
  countWords,
  createEmptySignals,
  isChartElement,
  isDownloadUrl,
  normalizeAssetOverride,
} from './content-signals.js';
import { type CssReference, listCssReferences, mayReferenceUrls } from './css-references.js';
import { buildFastTree } from './fast-tree.js';
import { readAttribute, readNonBlank, readTokens, trimAsciiWhitespace } from './html-attributes.js';
import { readsAttribute } from './html-reads.js';
import { collectJsonLdTypes } from './json-ld.js';
import { listReferences } from './link-references.js';
import { type MetaRefresh, parseMetaRefresh } from './meta-refresh.js';
import { createEmptyFacts, parseRobotsDirectives } from './page-facts.js';
import { type FlattenedTree, maxElementDepth, parseHtml } from './parse-html.js';
import { bodySentinel, originalOffset, type PreparedHtml, prepareHtml } from './prepare-html.js';
import { createLinkResolver, resolveBaseUrl } from './resolve-link.js';
import {
  classifyCssMixedContent,
  classifyMixedContent,
  findEmptyLoad,
  type ResourceParent,
  readSocialMetaName,
} from './resource-facts.js';
import { createLineIndex, type LineIndex } from './source-lines.js';
import { collectSubtreeText, foldWhitespace, isWordBoundaryTag } from './text-content.js';
import type { EmptyResource, ExtractedLink, PageLinks, Position } from './types.js';
import {
  enterWalkContext,
  isShadowRoot,
  rootWalkContext,
  type WalkContext,
} from './walk-context.js';

/** What `extractPage` needs to know besides the HTML. */
export interface ExtractPageInput {
  /** Path of the file relative to the output folder, `/`-separated. */
  file: string;
  /** Absolute URL the page is served at. */
  url: string;
  /** Origins that are this site (`SiteUrls.internalOrigins`). */
  internalOrigins: readonly string[];
  /** The site's `base` (see `resolveLink`). @default '/' */
  sitePath?: string | undefined;
}

/**
 * Read one built HTML file: its links and resource references, fragment targets, page
 * facts and content signals.
 *
 * Never throws on bad HTML or bad URLs: the HTML parser recovers like a browser, an
 * unparseable URL yields `url: null`, invalid JSON-LD is skipped. Elements nested deeper
 * than 512 levels are read as children of the element at level 512, as Chromium builds
 * them, and `problems` says how many.
 * `<template>` content is ignored entirely, except a declarative shadow root
 * (`<template shadowrootmode>`), which browsers render. `<noscript>` links and ids count
 * (they are real HTML); its text and elements do not count as content signals, since
 * they duplicate what scripts show.
 * @param html the file's text
 * @param input where the file is and which origins are the site's
 */
export function extractPage(html: string, input: ExtractPageInput): PageLinks {
  return extractPageReporting(html, input).page;
}

/**
 * Which path `extractPageReporting` took: `built` (the fast tree builder), `cut` (parsed
 * with the unread parts cut out), `as-written` or `fallback`.
 */
export type ExtractionPath = 'built' | 'cut' | 'as-written' | 'fallback';

/**
 * `extractPage`, also saying which path it took:
 * - `built`: the fast tree builder (`fast-tree.ts`) followed the page, unread attributes
 *   left out;
 * - `cut`: rehype-parse parsed the page with the unread parts cut out (`prepare-html.ts`);
 * - `as-written`: rehype-parse parsed the page as written (nothing worth cutting, or a
 *   page the cuts cannot follow);
 * - `fallback`: a cut could not be confirmed, so the page was parsed again as written.
 */
export function extractPageReporting(
  html: string,
  input: ExtractPageInput,
): { page: PageLinks; path: ExtractionPath } {
  const built = buildFastTree(html, readsAttribute);
  if (built) {
    const collector = new PageCollector(input, null, html);
    collector.walk(built, null);
    return { page: collector.finish(), path: 'built' };
  }
  const prepared = prepareHtml(html);
  if (prepared === null) return { page: extractPageAsWritten(html, input), path: 'as-written' };
  const collector = new PageCollector(input, { prepared, lines: createLineIndex(html) }, html);
  try {
    const parsed = parseHtml(prepared.text);
    collector.walk(parsed.tree, parsed.flattened);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { page: extractPageAsWritten(html, input), path: 'fallback' };
  }
  if (!collector.confirmedCuts()) {
    return { page: extractPageAsWritten(html, input), path: 'fallback' };
  }
  return { page: collector.finish(), path: 'cut' };
}

/**
 * Extract a page parsed exactly as written, without the fast path's cuts: the reference
 * the fast path is tested against, and what it falls back to.
 */
export function extractPageAsWritten(html: string, input: ExtractPageInput): PageLinks {
  const collector = new PageCollector(input, null, html);
  try {
    const parsed = parseHtml(html);
    collector.walk(parsed.tree, parsed.flattened);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return {
      file: input.file,
      url: input.url,
      links: [],
      ids: [],
      facts: createEmptyFacts(),
      signals: createEmptySignals(),
      problems: [
        `elements are nested too deeply to parse (${error.message}), so none of its links were read; look for unclosed tags`,
      ],
    };
  }
  return collector.finish();
}

/** What the fast path parsed, and how to map its positions back. */
interface FastPathState {
  prepared: PreparedHtml;
  lines: LineIndex;
}

/**
 * Elements whose children are not document content. (`<template>` content is in
 * `node.content`, not `children`, so the walk never enters it unless it is a declarative
 * shadow root.)
 */
const skippedTags = new Set(['script', 'style', 'template']);

/** The walk's place among one parent's children. */
interface WalkFrame {
  children: readonly (RootContent | ElementContent)[];
  context: WalkContext;
  /** Index of the next child to visit. */
  next: number;
}

/** What an element's parent says about its requests (see `ResourceParent`). */
interface ParentFacts extends ResourceParent {
  /** The parent is a `<picture>` with a `<source srcset>`, which gives its `<img>` an image. */
  pictureSources: boolean;
}

const noParentFacts: ParentFacts = { inPicture: false, corsMedia: false, pictureSources: false };

/** Elements that may load nothing (see `findEmptyLoad`). */
const loadingTags = new Set([
  'img',
  'script',
  'video',
  'audio',
  'source',
  'track',
  'embed',
  'input',
  'link',
]);

/** A link found during the walk, resolved in `finish`. */
interface PendingLink {
  link: ExtractedLink;
  /** In main content: a download link here counts as a signal. */
  counted: boolean;
  /** Has a `download` attribute. */
  download: boolean;
}

/**
 * Whether a link is a series' previous or next page (`rel="prev"`, `rel="next"`): a
 * template's pagination (Starlight's "Next page" in the footer of `<main>`), so navigation
 * wherever it sits, never a link written in the content.
 */
function isPaginationRel(rel: readonly string[]): boolean {
  return rel.includes('next') || rel.includes('prev') || rel.includes('previous');
}

/**
 * A reference that is not a link a reader follows (a CSS `url()`, a meta refresh, a social
 * image): no rel, target, hreflang or scope of its own, and never a download or a content
 * signal.
 */
function referenceOnly(
  link: Pick<
    ExtractedLink,
    'element' | 'attribute' | 'kind' | 'href' | 'text' | 'placement' | 'position'
  > &
    Pick<Partial<ExtractedLink>, 'mixedContent'>,
): PendingLink {
  // Note: the keys in the order every other link has them: the cache's encoding keeps it.
  const { element, attribute, kind, href, text, placement, position, mixedContent } = link;
  return {
    link: {
      element,
      attribute,
      kind,
      href,
      url: null,
      scope: 'other',
      rel: [],
      target: null,
      hreflang: null,
      text,
      textSource: 'none',
      placement,
      position,
      ...(mixedContent === undefined ? {} : { mixedContent }),
    },
    counted: false,
    download: false,
  };
}

/** Collects everything one walk over the tree finds. */
class PageCollector {
  private readonly input: ExtractPageInput;
  private readonly pending: PendingLink[] = [];
  private readonly ids = new Set<string>();
  private readonly facts = createEmptyFacts();
  private readonly signals = createEmptySignals();
  private readonly jsonLdTypes = new Set<string>();
  private readonly text: string[] = [];
  private baseHref: string | null = null;
  private canonicalHref: string | null = null;
  private readonly hreflangHrefs: { lang: string; href: string }[] = [];
  private refresh: MetaRefresh | null = null;
  private assetMeta: string | null = null;
  private assetBody: string | null = null;
  private assetHtml: string | null = null;
  private mainLang: string | null = null;
  private flattened: FlattenedTree | null = null;
  private readonly fast: FastPathState | null;
  /** Offsets (in the parsed text) of the cut tags and bodies found as the cuts expect. */
  private readonly confirmedTags = new Set<number>();
  private readonly confirmedBodies = new Set<number>();
  /** The file's text as written, to locate `url()`s in `style` attributes. */
  private readonly html: string;
  private readonly lines: LineIndex;
  private readonly emptyResources: EmptyResource[] = [];
  private upgradesInsecureRequests = false;
  /** Facts about the children of `<picture>`, `<video>` and `<audio>`, noted at the parent. */
  private readonly parentFacts = new WeakMap<Element, ParentFacts>();

  constructor(input: ExtractPageInput, fast: FastPathState | null, html: string) {
    this.input = input;
    this.fast = fast;
    this.html = html;
    this.lines = fast?.lines ?? createLineIndex(html);
  }

  /**
   * Visit every node once, in document order. An explicit stack of children lists
   * instead of `unist-util-visit`, which builds an ancestor list for every node.
   */
  walk(tree: Root, flattened: FlattenedTree | null): void {
    this.flattened = flattened;
    const stack: WalkFrame[] = [{ children: tree.children, context: rootWalkContext, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const { children, context } = frame;
      if (frame.next >= children.length) {
        stack.pop();
        continue;
      }
      const index = frame.next++;
      const node = children[index]!;
      if (context.counted && index > 0) {
        // Words on either side of a block element's end are separate words.
        const previous = children[index - 1]!;
        if (previous.type === 'element' && isWordBoundaryTag(previous.tagName)) {
          this.text.push(' ');
        }
      }
      if (node.type === 'text') {
        if (context.counted) this.text.push(node.value);
        continue;
      }
      if (node.type !== 'element') continue;
      let own = enterWalkContext(context, node);
      if (own.counted && !own.inChart && isChartElement(node)) {
        this.signals.charts++;
        own = { ...own, inChart: true };
      }
      this.readElement(node, own);
      if (!skippedTags.has(node.tagName)) {
        if (node.children.length > 0)
          stack.push({ children: node.children, context: own, next: 0 });
      } else if (node.tagName === 'template' && node.content) {
        // A declarative shadow root is rendered, unlike other templates: its links are real.
        if (isShadowRoot(node)) {
          stack.push({ children: node.content.children, context: own, next: 0 });
        } else if (this.fast) {
          this.confirmCutsIn(node.content.children);
        }
      }
    }
  }

  /**
   * Whether every cut of the fast path was found as expected: each cut tag starts an
   * element, each cut body is the sentinel as raw text. Always true on the plain path.
   */
  confirmedCuts(): boolean {
    if (!this.fast) return true;
    const { cutTags, cutBodies } = this.fast.prepared;
    return this.confirmedTags.size === cutTags.size && this.confirmedBodies.size === cutBodies.size;
  }

  /** Note the cuts an element confirms: it starts where a cut tag was, or holds a cut body. */
  private confirmCuts(element: Element, offset: number): void {
    const { cutTags, cutBodies } = this.fast!.prepared;
    if (cutTags.has(offset)) this.confirmedTags.add(offset);
    if (cutBodies.has(offset)) {
      const only = element.children.length === 1 ? element.children[0]! : null;
      if (only?.type === 'text' && only.value === bodySentinel) this.confirmedBodies.add(offset);
    }
  }

  /** Confirm the cuts inside template content, which the walk does not read. */
  private confirmCutsIn(nodes: readonly (RootContent | ElementContent)[]): void {
    const stack = [...nodes];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type !== 'element') continue;
      const offset = node.position?.start.offset;
      if (offset !== undefined) this.confirmCuts(node, offset);
      stack.push(...node.children);
      if (node.content) stack.push(...node.content.children);
    }
  }

  private readElement(element: Element, context: WalkContext): void {
    if (this.fast) {
      const offset = element.position?.start.offset;
      if (offset !== undefined) this.confirmCuts(element, offset);
    }
    const tag = element.tagName;
    const id = readAttribute(element, 'id');
    if (id) this.ids.add(id);
    if (tag === 'a') {
      const name = readAttribute(element, 'name');
      if (name) this.ids.add(name);
    }
    this.readFacts(element, context);

    const rel = readTokens(element, 'rel');
    const references = listReferences(element, rel);
    // Note: only images and sources need their parent; a lookup per element costs.
    const parent =
      tag === 'img' || tag === 'source'
        ? (this.parentFacts.get(element) ?? noParentFacts)
        : noParentFacts;
    if (tag === 'picture' || tag === 'video' || tag === 'audio') this.noteChildren(element);
    if (references.length > 0) {
      const position = this.positionOf(element);
      const target = readAttribute(element, 'target');
      const hreflang = readNonBlank(element, 'hrefLang');
      const download = tag === 'a' && readAttribute(element, 'download') !== null;
      // All references of one element are of one kind.
      const { text, textSource } =
        references[0]!.kind === 'navigation'
          ? chooseAnchorText(element)
          : chooseResourceText(element);
      for (const reference of references) {
        const link: ExtractedLink = {
          element: tag,
          attribute: reference.attribute,
          kind: reference.kind,
          href: reference.href,
          url: null,
          scope: 'other',
          rel,
          target,
          hreflang,
          text,
          textSource,
          placement:
            reference.kind === 'navigation' && isPaginationRel(rel)
              ? 'nav'
              : context.scope.placement,
          position,
        };
        if (reference.kind === 'resource') {
          const mixed = classifyMixedContent(element, reference.attribute, rel, parent);
          if (mixed) link.mixedContent = mixed;
        }
        this.pending.push({ link, counted: context.counted, download });
      }
    }
    const empty = loadingTags.has(tag) ? findEmptyLoad(element, rel, parent.pictureSources) : null;
    if (empty) {
      this.emptyResources.push({
        element: tag,
        attribute: empty.attribute,
        reason: empty.reason,
        rel: tag === 'link' ? rel : [],
        text: chooseResourceText(element).text,
        placement: context.scope.placement,
        position: this.positionOf(element),
      });
    }
    const style = readAttribute(element, 'style');
    if (style !== null && mayReferenceUrls(style)) this.readStyleAttribute(element, style, context);
    if (tag === 'style') this.readStyleElement(element, context);
    if (context.counted) {
      if (isWordBoundaryTag(tag)) this.text.push(' ');
      countElementSignals(this.signals, element);
    }
  }

  /**
   * Note what the children of a `<picture>`, `<video>` or `<audio>` need to know of it: an
   * image in a picture is chosen from a set (and has one when a `<source srcset>` is there),
   * a source of CORS media is fetched with CORS.
   */
  private noteChildren(element: Element): void {
    const picture = element.tagName === 'picture';
    const corsMedia = !picture && readAttribute(element, 'crossOrigin') !== null;
    // Note: a source with `media` or `type` is chosen only where it matches; elsewhere the
    // `<img>` is the fallback, so only an unconditional source stands in for its `src`.
    const pictureSources =
      picture &&
      element.children.some(
        (child) =>
          child.type === 'element' &&
          child.tagName === 'source' &&
          trimAsciiWhitespace(readAttribute(child, 'srcSet') ?? '') !== '' &&
          readAttribute(child, 'media') === null &&
          readAttribute(child, 'type') === null,
      );
    const facts: ParentFacts = { inPicture: picture, corsMedia, pictureSources };
    for (const child of element.children) {
      if (child.type === 'element') this.parentFacts.set(child, facts);
    }
  }

  /**
   * The `url()`s of a `style` attribute, resolved against the page (and `<base>`) like its
   * other URLs, each at its own line and column (at the attribute's when character
   * references make the value differ from what is written).
   */
  private readStyleAttribute(element: Element, style: string, context: WalkContext): void {
    const start = this.originalStart(element);
    const span = start === null ? null : findAttributeValue(this.html, start, 'style');
    // Note: the parser turns CR LF into LF; the value as written has the same tokens, at
    // the offsets of the file.
    if (span !== null && normalizeNewlines(span.raw) === style) {
      for (const reference of listCssReferences(span.raw)) {
        const offset = span.start + reference.offset;
        this.addCssReference(element.tagName, 'style', reference, offset, element, context);
      }
      return;
    }
    for (const reference of listCssReferences(style)) {
      const offset = span === null ? null : span.start;
      this.addCssReference(element.tagName, 'style', reference, offset, element, context);
    }
  }

  /** The `url()`s and `@import`s of a `<style>` element whose type is CSS. */
  private readStyleElement(element: Element, context: WalkContext): void {
    const type = readAttribute(element, 'type');
    if (type !== null && !/^\s*(?:text\/css)?\s*$/i.test(type)) return;
    const first = element.children[0];
    if (first?.type !== 'text') return;
    const text = collectSubtreeTextRaw(element);
    // A body the fast path cut holds no URL (see `readsRawText`).
    if ((this.fast && text === bodySentinel) || !mayReferenceUrls(text)) return;
    // Note: the text as written, where it is one text (not in SVG, where it is markup):
    // the parser turns CR LF into LF, so offsets in its text are not the file's.
    const from = this.toOriginal(first.position?.start.offset);
    const to = this.toOriginal(first.position?.end.offset);
    const whole = element.children.length === 1 && from !== null && to !== null;
    const css = whole ? this.html.slice(from, to) : text;
    for (const reference of listCssReferences(css)) {
      const offset = whole ? from + reference.offset : null;
      this.addCssReference('style', reference.construct, reference, offset, element, context);
    }
  }

  /**
   * A reference of inline CSS as a resource link. Left out: fragment-only URLs
   * (`url(#gradient)` names an element of the page) and relative URLs in custom properties
   * (they resolve where `var()` uses them, maybe in another stylesheet).
   */
  private addCssReference(
    tag: string,
    attribute: string,
    reference: CssReference,
    offset: number | null,
    element: Element,
    context: WalkContext,
  ): void {
    const href = trimAsciiWhitespace(reference.href);
    if (href === '' || href.startsWith('#')) return;
    if (reference.inCustomProperty && isPathRelative(href)) return;
    this.pending.push(
      referenceOnly({
        element: tag,
        attribute,
        kind: 'resource',
        href,
        text: '',
        placement: context.scope.placement,
        position:
          offset === null
            ? this.positionOf(element)
            : { type: 'source', ...this.lines.locate(offset) },
        mixedContent: classifyCssMixedContent(reference.destination),
      }),
    );
  }

  /** Where an element's start tag begins in the file as written, or null when unknown. */
  private originalStart(element: Element): number | null {
    return this.toOriginal(element.position?.start.offset);
  }

  /** An offset of the parsed text in the file as written. */
  private toOriginal(offset: number | undefined): number | null {
    if (offset === undefined) return null;
    return this.fast ? originalOffset(this.fast.prepared, offset) : offset;
  }

  private readFacts(element: Element, context: WalkContext): void {
    switch (element.tagName) {
      case 'html':
        this.facts.lang ??= readNonBlank(element, 'lang');
        this.assetHtml ??= readAttribute(element, 'dataLinkReportAsset');
        break;
      case 'body':
        this.assetBody ??= readAttribute(element, 'dataLinkReportAsset');
        break;
      case 'main':
        if (!context.inSvg) this.mainLang ??= readNonBlank(element, 'lang');
        break;
      case 'base':
        this.baseHref ??= readAttribute(element, 'href');
        break;
      case 'title':
        if (!context.inSvg && this.facts.title === null) {
          this.facts.title = collectSubtreeText(element.children).text;
        }
        break;
      case 'h1':
        if (this.facts.h1 === null) {
          const { text, alts } = collectSubtreeText(element.children);
          this.facts.h1 = text !== '' ? text : alts.join(' ');
        }
        break;
      case 'meta':
        this.readMeta(element, context);
        break;
      case 'link': {
        const rel = readTokens(element, 'rel');
        const href = readNonBlank(element, 'href');
        if (href === null) break;
        if (rel.includes('canonical')) this.canonicalHref ??= href;
        const lang = readNonBlank(element, 'hrefLang');
        if (rel.includes('alternate') && lang !== null) this.hreflangHrefs.push({ lang, href });
        break;
      }
      case 'script':
        if (readAttribute(element, 'type')?.trim().toLowerCase() === 'application/ld+json') {
          collectJsonLdTypes(collectSubtreeTextRaw(element), this.jsonLdTypes);
        }
        break;
    }
  }

  private readMeta(element: Element, context: WalkContext): void {
    const content = readAttribute(element, 'content');
    if (content === null || trimAsciiWhitespace(content) === '') {
      // A social image tag without a URL: social sites show no image.
      const social = readSocialMetaName(element);
      if (social !== null) {
        this.emptyResources.push({
          element: 'meta',
          attribute: 'content',
          reason: content === null ? 'missing' : 'empty',
          rel: [],
          text: social,
          placement: context.scope.placement,
          position: this.positionOf(element),
        });
      }
      return;
    }
    const name = readAttribute(element, 'name')?.trim().toLowerCase();
    if (name === 'robots') {
      const directives = parseRobotsDirectives(content);
      this.facts.robots.noindex ||= directives.noindex;
      this.facts.robots.nofollow ||= directives.nofollow;
    } else if (name === 'generator') {
      this.facts.generator ??= foldWhitespace(content);
    } else if (name === 'link-report:asset') {
      this.assetMeta ??= content;
    }
    const social = readSocialMetaName(element);
    if (social !== null) this.addSocialImage(element, social, content, context);
    const httpEquiv = readAttribute(element, 'httpEquiv')?.trim().toLowerCase();
    // Note: browsers apply a policy <meta> only as a child of <head> (HTML, "http-equiv
    // content-security-policy"); in <body>, or inside a <noscript> (text when scripts run),
    // it does nothing.
    if (
      httpEquiv === 'content-security-policy' &&
      !context.inBody &&
      !context.inNoscript &&
      upgradesInsecureRequests(content)
    ) {
      this.upgradesInsecureRequests = true;
    }
    if (httpEquiv !== 'refresh') return;
    const refresh = parseMetaRefresh(content);
    if (refresh === null) return;
    this.refresh ??= refresh;
    if (refresh.url === null) return;
    this.pending.push(
      referenceOnly({
        element: 'meta',
        attribute: 'content',
        kind: 'metadata',
        href: refresh.url,
        text: '',
        placement: context.scope.placement,
        position: this.positionOf(element),
      }),
    );
  }

  /**
   * The file a social metadata tag names (`og:image`): a resource, with the tag's name as
   * its text, so findings can say which tag it is.
   */
  private addSocialImage(
    element: Element,
    name: string,
    content: string,
    context: WalkContext,
  ): void {
    const href = trimAsciiWhitespace(content);
    if (href === '') return;
    this.pending.push(
      referenceOnly({
        element: 'meta',
        attribute: 'content',
        kind: 'resource',
        href,
        text: name,
        placement: context.scope.placement,
        position: this.positionOf(element),
      }),
    );
  }

  /**
   * Where an element starts in the file as written. On the fast path the parser saw the
   * text with cuts, so its offset is mapped back and turned into a line and column.
   */
  private positionOf(element: Element): Position {
    const start = element.position?.start;
    if (!start) return { type: 'unavailable' };
    if (!this.fast || start.offset === undefined) {
      return { type: 'source', line: start.line, column: start.column };
    }
    const offset = originalOffset(this.fast.prepared, start.offset);
    return { type: 'source', ...this.fast.lines.locate(offset) };
  }

  /** Resolve every URL against the document's base URL and assemble the result. */
  finish(): PageLinks {
    const { internalOrigins, sitePath } = this.input;
    const base = resolveBaseUrl(this.input.url, this.baseHref);
    const resolveLink = createLinkResolver(base, internalOrigins, sitePath);
    const resolve = (href: string) => resolveLink(href).url;
    const links: ExtractedLink[] = [];
    for (const { link, counted, download } of this.pending) {
      const resolved = resolveLink(link.href);
      link.url = resolved.url;
      link.scope = resolved.scope;
      links.push(link);
      if (
        counted &&
        link.kind === 'navigation' &&
        (download || isDownloadUrl(link.url ?? link.href))
      ) {
        this.signals.downloads++;
      }
    }

    const facts = this.facts;
    facts.canonical = this.canonicalHref === null ? null : resolve(this.canonicalHref);
    for (const { lang, href } of this.hreflangHrefs) {
      const url = resolve(href);
      if (url !== null) facts.hreflang.push({ lang, url });
    }
    // A refresh without a URL reloads the page: not a redirect, so not a refresh fact.
    const refreshUrl = this.refresh?.url == null ? null : resolve(this.refresh.url);
    facts.refresh = refreshUrl === null ? null : { url: refreshUrl, delay: this.refresh!.delay };
    facts.jsonLdTypes = [...this.jsonLdTypes].sort();
    facts.base = this.baseHref === null || base === null ? null : base.href;
    // Only a language other than the document's says anything about the content.
    facts.contentLang =
      this.mainLang !== null && this.mainLang.toLowerCase() !== facts.lang?.toLowerCase()
        ? this.mainLang
        : null;

    this.signals.words = countWords(this.text.join(''));
    this.signals.assetOverride =
      normalizeAssetOverride(this.assetMeta) ??
      normalizeAssetOverride(this.assetBody) ??
      normalizeAssetOverride(this.assetHtml);

    const page: PageLinks = {
      file: this.input.file,
      url: this.input.url,
      links,
      ids: [...this.ids],
      facts,
      signals: this.signals,
    };
    if (this.emptyResources.length > 0) page.emptyResources = this.emptyResources;
    if (this.upgradesInsecureRequests) page.upgradesInsecureRequests = true;
    if (this.flattened) page.problems = [describeFlattened(this.flattened)];
    return page;
  }
}

/**
 * Whether a Content-Security-Policy holds the `upgrade-insecure-requests` directive
 * (directive names are case-insensitive). https://www.w3.org/TR/upgrade-insecure-requests/
 */
function upgradesInsecureRequests(policy: string): boolean {
  return policy.split(/[;,]/).some(
    (directive) =>
      directive
        .trim()
        .split(/[\t\n\f\r ]+/)[0]!
        .toLowerCase() === 'upgrade-insecure-requests',
  );
}

/** Text with CR LF and CR turned into LF, as the HTML parser reads it. */
function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** A URL that resolves against the document's path: not absolute, root- or scheme-relative. */
function isPathRelative(href: string): boolean {
  return !href.startsWith('/') && !/^[a-z][a-z\d+.-]*:/i.test(href);
}

/** What `unparsed-page` says about a page nested deeper than browsers nest elements. */
function describeFlattened({ deepest, elements, links }: FlattenedTree): string {
  const count = (n: number, one: string, many: string) =>
    `${formatCount(n)} ${n === 1 ? one : many}`;
  const level = formatCount(maxElementDepth);
  return (
    `elements are nested ${formatCount(deepest)} levels deep: as in Chromium, which nests no deeper than ${level} levels, ` +
    `the ${count(elements, 'element', 'elements')} below level ${formatCount(maxElementDepth + 1)} were read as children of the element at level ${level}, ` +
    `so ${count(links, 'link', 'links')} among them ${links === 1 ? 'was' : 'were'} checked without what encloses them (navigation or footer, text in nested elements); look for unclosed tags`
  );
}

/** The raw text of a script or style element (its text children, unfolded). */
function collectSubtreeTextRaw(element: Element): string {
  let text = '';
  for (const child of element.children) {
    if (child.type === 'text') text += child.value;
  }
  return text;
}
