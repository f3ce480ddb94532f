/**
 * The page's references, from the elements the app read in the live DOM, with the core's
 * own rules: which attribute of which element is a reference and of what kind
 * (`listReferences`), how `srcset` splits, how a meta refresh reads, how a URL resolves and
 * whether it is this site's (`resolveLink`). So a link means here what it means to the build.
 */
import type { Element } from 'hast';
import { listReferences } from '../../src/extract/link-references.js';
import { parseMetaRefresh } from '../../src/extract/meta-refresh.js';
import { resolveLink } from '../../src/extract/resolve-link.js';
import type { ExtractedLink } from '../../src/extract/types.js';
import type { ToolbarElement } from './protocol.js';

/** A reference and the element it is on. */
export interface PageReference {
  element: number;
  link: ExtractedLink;
}

/** What `readReferences` found. */
export interface ReadReferences {
  references: PageReference[];
  /** Scripts and styles the dev server injects (Vite's client, the toolbar): not listed. */
  devOnly: number;
}

/** hast property names of the attributes the app sends. */
const properties: Record<string, string> = {
  href: 'href',
  src: 'src',
  srcset: 'srcSet',
  poster: 'poster',
  data: 'data',
  action: 'action',
  'xlink:href': 'xLinkHref',
  type: 'type',
};

/**
 * Turn the app's elements into references, resolved against the document's base URL.
 * @param internalOrigins the site's origins and the dev server's
 * @param sitePath the site's `base`
 */
export function readReferences(
  elements: readonly ToolbarElement[],
  baseUri: string,
  internalOrigins: readonly string[],
  sitePath: string,
): ReadReferences {
  const base = URL.parse(baseUri);
  const references: PageReference[] = [];
  let devOnly = 0;
  elements.forEach((element, index) => {
    const rel = tokens(element.attributes.rel);
    for (const raw of rawReferencesOf(element, rel)) {
      const resolved = resolveLink(raw.href, base, internalOrigins, sitePath);
      if (resolved.scope === 'internal' && raw.kind === 'resource' && isDevModule(resolved.url)) {
        devOnly++;
        continue;
      }
      references.push({
        element: index,
        link: {
          element: element.tag,
          attribute: raw.attribute,
          kind: raw.kind,
          href: raw.href,
          url: resolved.url,
          scope: resolved.scope,
          rel,
          target: element.attributes.target ?? null,
          hreflang: element.attributes.hreflang ?? null,
          text: element.text,
          textSource: element.text ? 'text' : 'none',
          placement: element.placement,
          // Note: there is no built HTML to point into; where it is written comes from Astro.
          position: { type: 'unavailable' },
        },
      });
    }
  });
  return { references, devOnly };
}

function rawReferencesOf(element: ToolbarElement, rel: string[]) {
  if (element.tag === 'meta') {
    if (element.attributes['http-equiv']?.trim().toLowerCase() !== 'refresh') return [];
    const refresh = parseMetaRefresh(element.attributes.content ?? '');
    if (refresh?.url == null) return [];
    return [{ attribute: 'content', kind: 'metadata' as const, href: refresh.url }];
  }
  const hast: Element = { type: 'element', tagName: element.tag, properties: {}, children: [] };
  for (const [name, value] of Object.entries(element.attributes)) {
    const property = properties[name];
    if (property) hast.properties[property] = value;
  }
  return listReferences(hast, rel);
}

function tokens(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\t\n\f\r ]+/)
    .filter(Boolean)
    .map((token) => token.toLowerCase());
}

/**
 * Vite's client and the modules it serves by id (`/@vite/client`, `/@id/…`: the dev
 * toolbar): the dev server adds them to every page; no page writes them.
 */
function isDevModule(url: string | null): boolean {
  if (url === null) return false;
  const { pathname } = new URL(url);
  return /(^|\/)@(vite|id)\//.test(pathname);
}
