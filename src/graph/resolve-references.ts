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

/** What one internal URL resolved to: shared by every link to it. */
interface Resolution {
  url: URL;
  target: PathTarget;
}

/**
 * Every internal reference of a site, resolved, as something to iterate: each iteration
 * gives the references in `resolveReferences`'s order, as new objects.
 *
 * Note: kept as one shared resolution per URL and, for each page, a list aligned with its
 * links, rather than an object per reference: on 10,000 pages of the bench site the
 * 950,000 reference objects and their array were 61 MB of the heap through the graph and
 * the checks; this is 8 bytes a link. The objects an iteration makes die young.
 */
export class ResolvedReferences implements Iterable<ResolvedReference> {
  /** References in all. */
  readonly size: number;
  private readonly pages: readonly SitePage[];
  /** Per page (in `pages` order), per link: its resolution, or null (not internal). */
  private readonly resolutions: readonly (readonly (Resolution | null)[])[];

  constructor(index: SiteIndex) {
    // Note: the nav and footer links of every page name the same URLs: each is parsed and
    // resolved once, and the references share the (read-only) result.
    const resolved = new Map<string, Resolution>();
    const resolutions: (Resolution | null)[][] = [];
    let size = 0;
    for (const page of index.pages) {
      const links = page.links;
      const list = new Array<Resolution | null>(links.length);
      for (let i = 0; i < links.length; i++) {
        const link = links[i]!;
        if (link.scope !== 'internal' || link.url === null) {
          list[i] = null;
          continue;
        }
        let known = resolved.get(link.url);
        if (known === undefined) {
          const url = new URL(link.url);
          known = { url, target: index.resolvePath(url.pathname) };
          resolved.set(link.url, known);
        }
        list[i] = known;
        size++;
      }
      resolutions.push(list);
    }
    this.pages = index.pages;
    this.resolutions = resolutions;
    this.size = size;
  }

  [Symbol.iterator](): Iterator<ResolvedReference> {
    return new ReferenceIterator(this.pages, this.resolutions);
  }
}

class ReferenceIterator implements Iterator<ResolvedReference> {
  private page = 0;
  private link = 0;
  private readonly pages: readonly SitePage[];
  private readonly resolutions: readonly (readonly (Resolution | null)[])[];

  constructor(
    pages: readonly SitePage[],
    resolutions: readonly (readonly (Resolution | null)[])[],
  ) {
    this.pages = pages;
    this.resolutions = resolutions;
  }

  next(): IteratorResult<ResolvedReference> {
    while (this.page < this.pages.length) {
      const list = this.resolutions[this.page]!;
      while (this.link < list.length) {
        const index = this.link++;
        const known = list[index];
        if (known) {
          const page = this.pages[this.page]!;
          return {
            done: false,
            value: { page, link: page.links[index]!, url: known.url, target: known.target },
          };
        }
      }
      this.page++;
      this.link = 0;
    }
    return { done: true, value: undefined };
  }

  [Symbol.iterator](): Iterator<ResolvedReference> {
    return this;
  }
}

/**
 * Every internal reference of every page, resolved. Pages are visited in order, links in
 * document order, so the result is deterministic. (The run itself iterates a
 * `ResolvedReferences`, which holds the same without an object per reference.)
 */
export function resolveReferences(index: SiteIndex): ResolvedReference[] {
  return [...new ResolvedReferences(index)];
}
