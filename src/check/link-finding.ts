/**
 * Findings about one link: how the link is shown (`FindingLink`), and the target as a
 * reader would name it.
 */
import type { ExtractedLink } from '../extract/types.js';
import type { DetailsOf, FindingType } from '../findings/definitions.js';
import { createFinding, type Finding, type FindingLink } from '../findings/finding.js';
import type { SitePage } from '../site/site-index.js';

/** A link as findings show it. */
export function toFindingLink(link: ExtractedLink): FindingLink {
  return {
    href: link.href,
    url: link.url,
    element: link.element,
    attribute: link.attribute,
    text: link.text,
    placement: link.placement,
    position: link.position,
  };
}

/** Finding types about one link whose details are its target (and facts of their own). */
type LinkFindingType = {
  [T in FindingType]: DetailsOf<T> extends { target: string } ? T : never;
}[FindingType];

/** A finding about one link; `details.target` names the target as a reader would. */
export function createLinkFinding<T extends LinkFindingType>(
  type: T,
  page: SitePage,
  link: ExtractedLink,
  ...[details]: keyof Omit<DetailsOf<T>, 'target'> extends never
    ? []
    : [Omit<DetailsOf<T>, 'target'>]
): Finding<T> {
  return createFinding(type, {
    page: page.path,
    file: page.file,
    source: page.source,
    link: toFindingLink(link),
    details: { target: linkTarget(link), ...details } as unknown as DetailsOf<T>,
  });
}

/** Path, query and fragment for internal links; the URL for others; the href when unparseable. */
function linkTarget(link: ExtractedLink): string {
  if (link.url === null) return link.href;
  if (link.scope !== 'internal') return link.url;
  const url = new URL(link.url);
  return url.pathname + url.search + url.hash;
}
