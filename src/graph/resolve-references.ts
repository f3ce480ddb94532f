/**
 * Resolve every internal reference (link, resource, metadata URL) of every page against the
 * site index, once: the graph, the link checks and the link rules all read the result.
 */
import type { ExtractedLink } from '../extract/types.js';
import type { PathTarget, SiteIndex, SitePage } from '../site/site-index.js';

/** A followed internal reference: the link, the page it is on and what it points at. */
export interface ResolvedReference {
  page: SitePage;
  link: ExtractedLink;
  url: URL;
  target: PathTarget;
}

/**
 * Resolve every internal reference of every page. Pages are visited in order, links in
 * document order, so the result is deterministic.
 */
export function resolveReferences(index: SiteIndex): ResolvedReference[] {
  const references: ResolvedReference[] = [];
  // Note: the nav and footer links of every page name the same URLs: each is parsed and
  // resolved once, and the references share the (read-only) result.
  const resolved = new Map<string, { url: URL; target: PathTarget }>();
  for (const page of index.pages) {
    for (const link of page.links) {
      if (link.scope !== 'internal' || link.url === null) continue;
      let known = resolved.get(link.url);
      if (known === undefined) {
        const url = new URL(link.url);
        known = { url, target: index.resolvePath(url.pathname) };
        resolved.set(link.url, known);
      }
      references.push({ page, link, url: known.url, target: known.target });
    }
  }
  return references;
}
