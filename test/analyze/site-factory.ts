/**
 * Build small sites for analysis tests: pages described in a few words, turned into
 * `SitePage`s, a site index, resolved references and the link graph, as the pipeline does.
 */

import { createEmptySignals } from '../../src/extract/content-signals.js';
import type { ContentSignals, ExtractedLink, Placement } from '../../src/extract/types.js';
import { buildLinkGraph, type LinkGraph } from '../../src/graph/build-link-graph.js';
import { type ResolvedReference, resolveReferences } from '../../src/graph/resolve-references.js';
import type { RedirectRule } from '../../src/site/redirects.js';
import {
  createSiteIndex,
  type PageKind,
  type SiteIndex,
  type SitePage,
} from '../../src/site/site-index.js';
import { pageKey } from '../../src/site/url.js';

export const origin = 'https://example.com';

/** A link: an href, or its details. */
export type LinkSpec =
  | string
  | {
      href: string;
      text?: string;
      placement?: Placement;
      rel?: string[];
      element?: string;
      kind?: ExtractedLink['kind'];
    };

/** A page in a few words. */
export interface PageSpec {
  path: string;
  kind?: PageKind;
  title?: string | null;
  h1?: string | null;
  links?: LinkSpec[];
  noindex?: boolean;
  nofollow?: boolean;
  ignored?: boolean;
  signals?: Partial<ContentSignals>;
  jsonLdTypes?: string[];
  redirectTo?: string;
  /** `<html lang>`. @default 'en' */
  lang?: string;
  contentLang?: string | null;
}

/** A built test site. */
export interface TestSite {
  pages: SitePage[];
  index: SiteIndex;
  references: ResolvedReference[];
  graph: LinkGraph;
}

/** The signals of a page with nothing on it. */
export const emptySignals = createEmptySignals;

/** Turn a page description into a `SitePage`. */
export function createPage(spec: PageSpec): SitePage {
  const url = new URL(spec.path, origin).href;
  const links = (spec.links ?? []).map((link, i): ExtractedLink => {
    const detail = typeof link === 'string' ? { href: link } : link;
    let resolved: URL | null = null;
    try {
      resolved = new URL(detail.href, url);
    } catch {
      resolved = null;
    }
    const scope =
      resolved === null || (resolved.protocol !== 'http:' && resolved.protocol !== 'https:')
        ? 'other'
        : resolved.origin === origin
          ? 'internal'
          : 'outbound';
    const text = detail.text ?? `link to ${detail.href}`;
    return {
      element: detail.element ?? 'a',
      attribute: 'href',
      kind: detail.kind ?? 'navigation',
      href: detail.href,
      url: resolved?.href ?? null,
      scope,
      rel: detail.rel ?? [],
      target: null,
      hreflang: null,
      text,
      textSource: text === '' ? 'none' : 'text',
      placement: detail.placement ?? 'content',
      position: { type: 'source', line: i + 1, column: 1 },
    };
  });
  return {
    file: fileOf(spec.path),
    url,
    links,
    ids: [],
    facts: {
      title: spec.title === undefined ? `Title of ${spec.path}` : spec.title,
      h1: spec.h1 ?? null,
      lang: spec.lang ?? 'en',
      contentLang: spec.contentLang ?? null,
      canonical: null,
      robots: { noindex: spec.noindex ?? false, nofollow: spec.nofollow ?? false },
      refresh: spec.redirectTo ? { url: new URL(spec.redirectTo, origin).href, delay: 0 } : null,
      hreflang: [],
      jsonLdTypes: spec.jsonLdTypes ?? [],
      generator: null,
    },
    signals: { ...emptySignals(), ...spec.signals },
    path: spec.path,
    key: pageKey(spec.path),
    kind:
      spec.kind ?? (spec.redirectTo ? 'redirect' : spec.path === '/404/' ? 'not-found' : 'page'),
    source: null,
    entry: null,
    redirectTo: spec.redirectTo ?? null,
    ignored: spec.ignored ?? false,
    idSet: new Set(),
    locale: null,
    family: spec.path,
    copyOf: null,
  };
}

/** Build a site as the pipeline does: index, references, graph. Pages are sorted by file. */
export function buildSite(specs: PageSpec[], redirects: RedirectRule[] = []): TestSite {
  const pages = specs
    .map(createPage)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const index = createSiteIndex({ base: '/', pages, files: new Set(), redirects });
  const references = resolveReferences(index);
  const graph = buildLinkGraph(index, references);
  return { pages, index, references, graph };
}

function fileOf(path: string): string {
  if (path === '/') return 'index.html';
  return path.endsWith('/') ? `${path.slice(1)}index.html` : `${path.slice(1)}.html`;
}
