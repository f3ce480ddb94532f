/**
 * Shared data shapes of the pipeline: what extraction yields per HTML file.
 *
 * Every stage returns data; these types are the contract between them.
 */

/** Where something is in a built HTML file. 1-based line and column. */
export type Position = { type: 'source'; line: number; column: number } | { type: 'unavailable' };

/** Where a link sits in its page's layout. `content` is `<main>`/`<article>` or none of the others. */
export type Placement = 'nav' | 'header' | 'footer' | 'aside' | 'content';

/** Where a link's anchor text came from. */
export type AnchorSource = 'text' | 'alt' | 'aria-label' | 'title' | 'none';

/**
 * What a reference does:
 * - `navigation`: `<a href>`, `<area href>`: a link a reader follows (graph edges).
 * - `resource`: images, scripts, stylesheets, icons, media, iframes, objects, form actions.
 * - `metadata`: `<link rel=canonical|alternate|…>` and `<meta http-equiv=refresh>`: pages named
 *   by the page's head, checked like links but not counted as inlinks.
 */
export type LinkKind = 'navigation' | 'resource' | 'metadata';

/**
 * Where a resolved URL points:
 * - `internal`: this site (its origin, or its www/apex twin, or relative).
 * - `outbound`: another http(s) origin.
 * - `other`: `mailto:`, `tel:`, `javascript:`, `data:` and any other scheme; counted, never checked.
 */
export type LinkScope = 'internal' | 'outbound' | 'other';

/** One URL reference found in a built HTML file. */
export interface ExtractedLink {
  /** Lower-case tag name: `a`, `img`, `link`, `meta`, … */
  element: string;
  /** Attribute the URL came from: `href`, `src`, `srcset`, `poster`, `data`, `action`, `content`. */
  attribute: string;
  kind: LinkKind;
  /** The URL as written (for `srcset`, one candidate's URL; trimmed of surrounding whitespace). */
  href: string;
  /** Absolute URL after resolving against the page URL and `<base href>`; `null` when unparseable. */
  url: string | null;
  scope: LinkScope;
  /** Lower-cased `rel` tokens (`nofollow`, `sponsored`, `ugc`, `noopener`, `stylesheet`, …). */
  rel: string[];
  target: string | null;
  hreflang: string | null;
  /** Accessible text, whitespace folded; empty when none. */
  text: string;
  textSource: AnchorSource;
  placement: Placement;
  position: Position;
  /**
   * How a browser treats this request when an https page makes it over http (W3C Mixed
   * Content): `upgradeable` (images, audio, video: fetched over https instead) or
   * `blockable` (scripts, stylesheets, frames, fonts, …: not loaded). Absent for what the
   * page does not fetch itself: links, forms, metadata (`og:image`).
   */
  mixedContent?: MixedContentClass;
}

/** How a browser treats a request over http from an https page: see `ExtractedLink.mixedContent`. */
export type MixedContentClass = 'upgradeable' | 'blockable';

/** An element that exists to load a resource and loads nothing (`<img src="">`). */
export interface EmptyResource {
  /** Lower-case tag name. */
  element: string;
  /** The attribute that should hold the URL: `src`, `srcset` or `href`. */
  attribute: string;
  /** `empty`: the attribute is blank; `missing`: it is not there. */
  reason: 'empty' | 'missing';
  /** The `rel` of a `<link>`, lower-cased; empty for other elements. */
  rel: string[];
  /** An image's alt text, whitespace folded; a social `<meta>`'s name (`og:image`); else empty. */
  text: string;
  placement: Placement;
  position: Position;
}

/** Facts about a page read from its head and body. */
export interface PageFacts {
  title: string | null;
  h1: string | null;
  lang: string | null;
  /**
   * The `lang` of the page's `<main>`, when it differs from the document's: the language of
   * the content itself (a translation's fallback copy shows the default language's content
   * under its own locale's `<html lang>`, as Starlight writes it).
   */
  contentLang: string | null;
  /** Absolute canonical URL, resolved. */
  canonical: string | null;
  robots: { noindex: boolean; nofollow: boolean };
  /** `<meta http-equiv="refresh">`: absolute target URL and delay in seconds. */
  refresh: { url: string; delay: number } | null;
  hreflang: { lang: string; url: string }[];
  /** Every `@type` found in JSON-LD blocks (also inside `@graph`), sorted, unique. */
  jsonLdTypes: string[];
  /** `<meta name="generator">` content, e.g. `Astro v7.3.5`. */
  generator: string | null;
  /**
   * The document's base URL when a `<base href>` sets one (relative links resolve against
   * it, not the page's URL); null without one.
   */
  base?: string | null;
}

/**
 * Counts that classify linkable assets. Counted in main content (see `Placement`), except
 * `assetOverride`, which comes from `<meta name="link-report:asset">` or a
 * `data-link-report-asset` attribute on `<html>` or `<body>`.
 */
export interface ContentSignals {
  /** Words of visible text in main content (scripts, styles and templates excluded). */
  words: number;
  /** `h2`–`h3` headings in main content. */
  sections: number;
  tables: number;
  /** `<tr>` rows in those tables. */
  tableRows: number;
  /** Charts: `<svg>`/`<img>`/`<figure>`/`<canvas>` whose role, class, id, alt or caption names a chart, graph, plot or diagram. */
  charts: number;
  /** Links to data or document files (`.csv`, `.xlsx`, `.json`, `.pdf`, `.zip`, …) or `a[download]`. */
  downloads: number;
  forms: number;
  /** `input` (not hidden), `select`, `textarea`. */
  inputs: number;
  buttons: number;
  canvas: number;
  /** Astro client islands (`<astro-island>`). */
  islands: number;
  images: number;
  /** Images declared at least 800 px wide or 600 px tall. */
  largeImages: number;
  /** `<dt>` terms in definition lists. */
  definitions: number;
  codeBlocks: number;
  assetOverride: string | null;
}

/** Everything one HTML file yields: the "defines" (ids, facts) and the "uses" (links). */
export interface PageLinks {
  /** Path of the file relative to the output folder, `/`-separated. */
  file: string;
  /** Absolute URL the page is served at. */
  url: string;
  links: ExtractedLink[];
  /** Fragment targets: every `id`, and `a[name]`, in document order, unique. */
  ids: string[];
  facts: PageFacts;
  signals: ContentSignals;
  /**
   * Why the file could not be read as written, e.g. elements nested deeper than 512 levels,
   * or a charset that is not known. Absent when the file was read normally.
   */
  problems?: string[];
  /** Elements that load nothing (`<img src="">`); absent when there are none. */
  emptyResources?: EmptyResource[];
  /**
   * The page's own Content-Security-Policy (`<meta http-equiv>`) says
   * `upgrade-insecure-requests`: its http requests are made over https. Absent when not.
   */
  upgradesInsecureRequests?: true;
  /**
   * The file is larger than `htmlLimits.maxBytes`: only its first `read` bytes were read
   * (links, ids and text after them are missing). Absent when it was read whole.
   */
  truncated?: { read: number; bytes: number };
}
