/**
 * Facts about the resources an element loads, beyond their URLs: the social and app
 * metadata that names files (`og:image`), how a browser treats each request when an https
 * page makes it over http (W3C Mixed Content), and elements that load nothing.
 */
import type { Element } from 'hast';
import type { CssDestination } from './css-references.js';
import { readAttribute, readTokens, trimAsciiWhitespace } from './html-attributes.js';
import { lazySources } from './html-reads.js';
import { parseSrcset } from './srcset.js';
import type { MixedContentClass } from './types.js';

/**
 * `<meta>` names (or `property` values) whose content is the URL of a file the page stands
 * for on social sites: Open Graph images, videos and audio (with their `:url` and
 * `:secure_url` forms), and Twitter card images. https://ogp.me/#structured
 */
export const socialMetaNames: ReadonlySet<string> = new Set([
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:video',
  'og:video:url',
  'og:video:secure_url',
  'og:audio',
  'og:audio:url',
  'og:audio:secure_url',
  'twitter:image',
  'twitter:image:src',
]);

/**
 * The social metadata name of a `<meta>`: its `property` (Open Graph's attribute) or its
 * `name` (Twitter's), lower-cased, when it is one of `socialMetaNames`.
 */
export function readSocialMetaName(element: Element): string | null {
  for (const property of ['property', 'name']) {
    const value = readAttribute(element, property)?.trim().toLowerCase();
    if (value && socialMetaNames.has(value)) return value;
  }
  return null;
}

/** `<link rel>` keywords that make the link load its `href`. */
const loadingRels = new Set([
  'stylesheet',
  'icon',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
]);

/** `<link rel=preload as>` values whose request is an image, audio or video. */
const mediaDestinations = new Set(['image', 'audio', 'video']);

/** What the walk knows of an element's parent for mixed content: `<picture>`, CORS media. */
export interface ResourceParent {
  /** The element is a child of `<picture>`: its image is chosen from a set. */
  inPicture: boolean;
  /** The parent `<video>`/`<audio>` has `crossorigin`: its `<source>` requests use CORS. */
  corsMedia: boolean;
}

/**
 * How a browser treats a request an element makes, when an https page makes it over http
 * (W3C Mixed Content, Level 2): images (not chosen from a set, not CORS), audio and video
 * are upgradeable (fetched over https instead, or failing); everything else is blockable.
 * Navigation (`<a>`, forms) and metadata are no requests of the page: `undefined`.
 * https://w3c.github.io/webappsec-mixed-content/#category-upgradeable
 * @param element the element
 * @param attribute the attribute the URL is in
 * @param rel its lower-cased `rel` tokens
 */
export function classifyMixedContent(
  element: Element,
  attribute: string,
  rel: readonly string[],
  parent: ResourceParent,
): MixedContentClass | undefined {
  const cors = () => readAttribute(element, 'crossOrigin') !== null;
  switch (element.tagName) {
    case 'img': {
      // Note: an `<img>` with `srcset` or in `<picture>` loads "imageset" requests,
      // which are blocked, not upgraded; so is a CORS request (`crossorigin`).
      const imageset = parent.inPicture || readAttribute(element, 'srcSet') !== null;
      return imageset || cors() ? 'blockable' : 'upgradeable';
    }
    case 'source':
      if (attribute === 'srcset') return 'blockable';
      return parent.corsMedia ? 'blockable' : 'upgradeable';
    case 'video':
      if (attribute === 'poster') return 'upgradeable';
      return cors() ? 'blockable' : 'upgradeable';
    case 'audio':
      return cors() ? 'blockable' : 'upgradeable';
    case 'input':
    case 'image':
      return 'upgradeable';
    case 'link': {
      if (rel.includes('stylesheet') || rel.includes('manifest')) return 'blockable';
      if (rel.includes('preload')) {
        const as = readAttribute(element, 'as')?.trim().toLowerCase() ?? '';
        return mediaDestinations.has(as) ? 'upgradeable' : 'blockable';
      }
      if (rel.includes('modulepreload') || rel.includes('prefetch')) return 'blockable';
      // Icons are images.
      if (rel.some((token) => token.endsWith('icon') || token.endsWith('icon-precomposed'))) {
        return 'upgradeable';
      }
      return undefined;
    }
    case 'script':
    case 'iframe':
    case 'embed':
    case 'object':
    case 'track':
    case 'use':
      return 'blockable';
    default:
      return undefined;
  }
}

/** How a CSS reference is treated as mixed content: images are upgradeable, fonts and imports not. */
export function classifyCssMixedContent(destination: CssDestination): MixedContentClass {
  return destination === 'image' ? 'upgradeable' : 'blockable';
}

/** Why an element loads nothing. */
export interface EmptyLoad {
  /** The attribute that should hold the URL. */
  attribute: string;
  /**
   * `empty`: it is there and blank; `missing`: it is not there (an `<img>` without `src` and
   * `srcset`, a `<link rel=stylesheet>` without `href`).
   */
  reason: 'empty' | 'missing';
}

/**
 * Whether an element that exists to load a resource loads nothing: a blank `src` on an
 * image, script, media element, `<source>` of media, `<track>`, `<embed>` or image input; a
 * blank or missing `href` on a `<link>` that loads one (stylesheet, icon, manifest,
 * preload); an `<img>` with neither `src` nor `srcset`. Not: an `<img>` a lazy-loading
 * script fills (`data-src`, `data-srcset`, …), an `<img>` in a `<picture>` with a
 * `<source srcset>` that has no `media` and no `type` (which then always gives the image), an empty `<iframe src>` (it shows `about:blank`, often on purpose: a
 * script fills it), an `<object>` without `data` (it shows its fallback content).
 * @param pictureSources whether the element's parent is a `<picture>` with an unconditional
 *   `<source srcset>`
 */
export function findEmptyLoad(
  element: Element,
  rel: readonly string[],
  pictureSources: boolean,
): EmptyLoad | null {
  const blank = (property: string) => {
    const value = readAttribute(element, property);
    return value !== null && trimAsciiWhitespace(value) === '';
  };
  switch (element.tagName) {
    case 'img': {
      // Note: an image candidate from srcset (or a picture's source) is chosen before src,
      // so an empty src beside one loads that candidate (HTML, "update the image data").
      const srcset = readAttribute(element, 'srcSet');
      if (srcset !== null && parseSrcset(srcset).length > 0) return null;
      if (pictureSources) return null;
      if (blank('src')) return { attribute: 'src', reason: 'empty' };
      if (readAttribute(element, 'src') !== null) return null;
      for (const name of lazySources) {
        if (readAttribute(element, dataProperty(name)) !== null) return null;
      }
      return { attribute: srcset === null ? 'src' : 'srcset', reason: 'missing' };
    }
    case 'script':
    case 'video':
    case 'audio':
    case 'source':
    case 'track':
    case 'embed':
      return blank('src') ? { attribute: 'src', reason: 'empty' } : null;
    case 'input':
      return readTokens(element, 'type')[0] === 'image' && blank('src')
        ? { attribute: 'src', reason: 'empty' }
        : null;
    case 'link': {
      if (!rel.some((token) => loadingRels.has(token))) return null;
      if (readAttribute(element, 'href') === null) return { attribute: 'href', reason: 'missing' };
      return blank('href') ? { attribute: 'href', reason: 'empty' } : null;
    }
    default:
      return null;
  }
}

/** `data-lazy-src` → `dataLazySrc`, as hast names data attributes. */
function dataProperty(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}
