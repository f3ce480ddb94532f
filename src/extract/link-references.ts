/**
 * Which elements and attributes reference URLs, and what kind of reference each is.
 * `<meta http-equiv="refresh">` is handled with the page facts (it needs parsing).
 */
import type { Element } from 'hast';
import { readAttribute, readTokens, trimAsciiWhitespace } from './html-attributes.js';
import { parseSrcset } from './srcset.js';
import type { LinkKind } from './types.js';

/** One URL reference of an element, before resolution. */
export interface RawReference {
  /** Attribute as written in HTML: `href`, `src`, `srcset`, `xlink:href`, … */
  attribute: string;
  kind: LinkKind;
  /** The URL as written, trimmed. */
  href: string;
}

/** `<link rel>` values that name another page or document about this one. */
const metadataRels = new Set([
  'alternate',
  'author',
  'canonical',
  'help',
  'license',
  'me',
  'next',
  'prev',
]);

/**
 * Connection hints name an origin, not a resource: checking `https://fonts.gstatic.com`
 * as a URL would only produce false broken links.
 */
const hintRels = new Set(['dns-prefetch', 'preconnect']);

/** Elements with a single `src` that loads a resource. */
const srcTags = new Set(['audio', 'embed', 'script', 'track']);

/**
 * Classify a `<link>` by its `rel` tokens.
 * Any loading rel (`stylesheet`, `icon`, `preload`, `modulepreload`, `manifest`, `prefetch`,
 * …, also in `alternate stylesheet`) makes it a resource; else a metadata rel (`canonical`,
 * `alternate`, `prev`, `next`, `author`, `license`, …) makes it metadata; connection
 * hints alone are no reference at all.
 * @returns `null` when the link is only a connection hint
 */
function classifyLinkRel(rel: readonly string[]): LinkKind | null {
  if (rel.length === 0) return 'resource';
  let metadata = false;
  for (const token of rel) {
    if (metadataRels.has(token)) metadata = true;
    else if (!hintRels.has(token)) return 'resource';
  }
  return metadata ? 'metadata' : null;
}

/**
 * List the URL references an element makes, in attribute order.
 *
 * An `<a>`/`<area>` with an empty `href` is a link to the page itself and is kept. Empty
 * resource URLs (`src=""`, `srcset=""`, `action=""`, `<link href="">`) load nothing and
 * are not references.
 * @param element a hast element outside `<template>`
 * @param rel its lower-cased `rel` tokens
 */
export function listReferences(element: Element, rel: readonly string[]): RawReference[] {
  const references: RawReference[] = [];
  const add = (attribute: string, kind: LinkKind, value: string | null, keepEmpty = false) => {
    if (value === null) return;
    const href = trimAsciiWhitespace(value);
    if (href !== '' || keepEmpty) references.push({ attribute, kind, href });
  };
  const addSrcset = (value: string | null) => {
    if (value === null) return;
    for (const url of parseSrcset(value))
      references.push({ attribute: 'srcset', kind: 'resource', href: url });
  };

  const tag = element.tagName;
  switch (tag) {
    case 'a':
    case 'area': {
      const href = readAttribute(element, 'href');
      if (href !== null) add('href', 'navigation', href, true);
      // SVG 1.1 links (`<svg><a xlink:href>`).
      else add('xlink:href', 'navigation', readAttribute(element, 'xLinkHref'), true);
      break;
    }
    case 'img':
    case 'source':
      add('src', 'resource', readAttribute(element, 'src'));
      addSrcset(readAttribute(element, 'srcSet'));
      break;
    case 'link': {
      const kind = classifyLinkRel(rel);
      if (kind !== null) add('href', kind, readAttribute(element, 'href'));
      break;
    }
    case 'video':
      add('src', 'resource', readAttribute(element, 'src'));
      add('poster', 'resource', readAttribute(element, 'poster'));
      break;
    case 'object':
      add('data', 'resource', readAttribute(element, 'data'));
      break;
    case 'form':
      add('action', 'resource', readAttribute(element, 'action'));
      break;
    case 'input':
      if (readTokens(element, 'type')[0] === 'image') {
        add('src', 'resource', readAttribute(element, 'src'));
      }
      break;
    // SVG references: sprite icons (`<use href="/icons.svg#x">`) and embedded images.
    case 'use':
    case 'image': {
      const href = readAttribute(element, 'href');
      if (href !== null) add('href', 'resource', href);
      else add('xlink:href', 'resource', readAttribute(element, 'xLinkHref'));
      break;
    }
    case 'iframe':
      // Note: a srcdoc wins over src: the frame shows about:srcdoc and never requests src.
      if (readAttribute(element, 'srcDoc') === null) {
        add('src', 'resource', readAttribute(element, 'src'));
      }
      break;
    default:
      if (srcTags.has(tag)) add('src', 'resource', readAttribute(element, 'src'));
  }
  return references;
}
