/**
 * `wrong-locale-link` (off unless `linkPolicy.localeLinks: 'forbid'`): a page in one locale
 * that links to a page of another locale, where a reader of the first language lands in the
 * second. A language switcher is not that, so these links are never reported:
 * - a link to a page of the same translation family (the page itself in another language);
 * - a link to another locale's home page (the usual language menu entry);
 * - a link marked with `hreflang` (the author says it leads to another language).
 * Fallback copies are skipped: their links are their source page's, reported there.
 */

import type { Finding } from '../findings/finding.js';
import type { ResolvedReference } from '../graph/resolve-references.js';
import type { ResolvedLinkReportOptions } from '../options.js';
import type { SitePage } from '../site/site-index.js';
import { elementFragment, findIndicatedPart } from './fragments.js';
import type { LinkIgnorer } from './ignore.js';
import { createLinkFinding } from './link-finding.js';

/** Input of `checkLocaleLinks`. */
export interface CheckLocaleLinksInput {
  pages: readonly SitePage[];
  references: Iterable<ResolvedReference>;
  policy: ResolvedLinkReportOptions['linkPolicy'];
  /** The home page's path (the default locale's), whose translations are the locales' homes. */
  home: string | null;
  isIgnoredLink: LinkIgnorer;
}

/** Check every navigational link between pages of different locales. */
export function checkLocaleLinks(input: CheckLocaleLinksInput): Finding[] {
  if (input.policy.localeLinks !== 'forbid') return [];
  const byPath = new Map(input.pages.map((page) => [page.path, page]));
  const homeFamily = input.home ? (byPath.get(input.home)?.family ?? null) : null;
  // Note: the members of each translation family, by locale, for the page to suggest.
  const families = new Map<string, Map<string, SitePage>>();
  for (const page of input.pages) {
    if (page.locale === null || page.kind !== 'page') continue;
    let members = families.get(page.family);
    if (!members) {
      members = new Map();
      families.set(page.family, members);
    }
    const current = members.get(page.locale);
    // A translation wins over a fallback copy of the same locale.
    if (!current || (current.copyOf !== null && page.copyOf === null))
      members.set(page.locale, page);
  }
  const findings: Finding[] = [];
  for (const { page, link, url, target } of input.references) {
    if (link.kind !== 'navigation' || link.hreflang !== null) continue;
    if (page.locale === null || page.copyOf !== null || page.kind !== 'page' || page.ignored)
      continue;
    const linked =
      target.status === 'page' ? target.page : target.status === 'redirect' ? target.page : null;
    if (!linked || linked.locale === null || linked.locale === page.locale) continue;
    if (linked.family === page.family || linked.family === homeFamily) continue;
    if (input.isIgnoredLink(link, page)) continue;
    const own = families.get(linked.family)?.get(page.locale) ?? null;
    // Note: the fragment is kept when the translation has its element; a text directive is
    // not, since its text is in the other language.
    const fragment = elementFragment(url.hash);
    const kept =
      own !== null &&
      fragment !== null &&
      findIndicatedPart(fragment, (id) => own.idSet.has(id)).type !== 'none'
        ? `#${fragment}`
        : '';
    findings.push(
      createLinkFinding('wrong-locale-link', page, link, {
        locale: page.locale,
        targetLocale: linked.locale,
        suggestion: own ? `${own.path}${kept}` : null,
        suggestionIsCopy: own?.copyOf != null,
      }),
    );
  }
  return findings;
}
