/**
 * The link policy rules, off by default (`linkPolicy`): how internal links are written.
 * - `relative-link-policy`: `relativeLinks: 'forbid'` reports links written relative to the
 *   page (`../about/`, `setup/`: RFC 3986's relative-path references), with the root-relative
 *   form to write; `'require'` reports links written root-relative (`/about/`) or absolute,
 *   with the relative form. Same-page links (`#top`, `?q`) are never reported.
 * - `absolute-self-link`: `absoluteSelfLinks: 'forbid'` reports links written with the site's
 *   own origin (`https://example.com/about/`, `//example.com/about/`), with the root-relative
 *   form.
 * Only navigational links (`a`, `area`) are checked: a canonical URL or `og:url` must be
 * absolute.
 */
import type { ExtractedLink } from '../extract/types.js';
import type { Finding } from '../findings/finding.js';
import type { ResolvedLinkReportOptions } from '../options.js';
import type { SitePage } from '../site/site-index.js';
import { hasUnsafeCharacter } from '../util/untrusted-text.js';
import type { LinkIgnorer } from './ignore.js';
import { createLinkFinding } from './link-finding.js';

/** Input of `checkLinkPolicy`. */
export interface CheckLinkPolicyInput {
  pages: readonly SitePage[];
  policy: ResolvedLinkReportOptions['linkPolicy'];
  isIgnoredLink: LinkIgnorer;
}

/** How an href is written. */
type Written = 'relative' | 'root-relative' | 'absolute' | 'same-page';

/** Check every internal navigational link against the link policy. */
export function checkLinkPolicy(input: CheckLinkPolicyInput): Finding[] {
  const { relativeLinks, absoluteSelfLinks } = input.policy;
  if (relativeLinks === 'allow' && absoluteSelfLinks === 'allow') return [];
  const findings: Finding[] = [];
  for (const page of input.pages) {
    if (page.kind === 'redirect' || page.ignored) continue;
    for (const link of page.links) {
      if (link.kind !== 'navigation' || link.scope !== 'internal' || link.url === null) continue;
      if (input.isIgnoredLink(link, page)) continue;
      const written = describeHref(link.href);
      if (written === 'same-page') continue;
      const target = new URL(link.url);
      if (absoluteSelfLinks === 'forbid' && written === 'absolute') {
        findings.push(
          createLinkFinding('absolute-self-link', page, link, {
            suggestion: rootRelative(target, link.href),
          }),
        );
      }
      if (relativeLinks === 'forbid' && written === 'relative') {
        findings.push(
          createLinkFinding('relative-link-policy', page, link, {
            policy: 'forbid',
            written,
            suggestion: rootRelative(target, link.href),
            reason: null,
          }),
        );
      }
      if (relativeLinks === 'require' && written !== 'relative') {
        const { suggestion, reason } = relativeForm(page, link, target);
        findings.push(
          createLinkFinding('relative-link-policy', page, link, {
            policy: 'require',
            written,
            suggestion,
            reason,
          }),
        );
      }
    }
  }
  return findings;
}

/** RFC 3986's kinds of reference, with fragment- and query-only ones apart. */
function describeHref(href: string): Written {
  if (href === '' || href.startsWith('#') || href.startsWith('?')) return 'same-page';
  if (/^[a-z][a-z\d+.-]*:/i.test(href) || href.startsWith('//')) return 'absolute';
  if (href.startsWith('/')) return 'root-relative';
  return 'relative';
}

/** The href from the root: path (with base), query and fragment. */
function rootRelative(target: URL, written: string): string {
  return readable(target.pathname, written) + target.search + target.hash;
}

/**
 * The href relative to the page's folder (`../reference/api/`), checked by resolving it
 * back; none when the page has a `<base href>` (links resolve against it, not the page).
 */
function relativeForm(
  page: SitePage,
  link: ExtractedLink,
  target: URL,
): { suggestion: string | null; reason: string | null } {
  const pageUrl = new URL(page.url);
  if ((page.facts.base ?? null) !== null && page.facts.base !== pageUrl.href) {
    return {
      suggestion: null,
      reason: 'the page has a <base href>, which relative links resolve against',
    };
  }
  const from = pageUrl.pathname.split('/').slice(0, -1);
  const to = target.pathname.split('/');
  const last = to.pop() ?? '';
  let shared = 0;
  while (shared < from.length && shared < to.length && from[shared] === to[shared]) shared++;
  const segments = [
    ...new Array<string>(from.length - shared).fill('..'),
    ...to.slice(shared),
    last,
  ];
  let path = segments.join('/');
  // A first segment with a colon would read as a scheme; an empty path is the page's folder.
  if (path === '' || /^[^/]*:/.test(path)) path = `./${path}`;
  const suggestion = readable(path, link.href) + target.search + target.hash;
  const back = new URL(suggestion, pageUrl);
  if (back.pathname + back.search + back.hash !== target.pathname + target.search + target.hash) {
    return { suggestion: null, reason: 'no relative form leads to the same URL' };
  }
  return { suggestion, reason: null };
}

/**
 * A path as a person writes it: each run of escapes decoded (`/über-uns/`), unless the href
 * was written with escapes, or the run stands for what must stay escaped (`/`, `?`, `#`, `%`,
 * `\\`, spaces, control or invisible characters) or is not UTF-8.
 */
function readable(path: string, written: string): string {
  if (/%[\da-f]{2}/i.test(written)) return path;
  return path.replace(/(?:%[\da-f]{2})+/gi, (run) => {
    try {
      const decoded = decodeURIComponent(run);
      return /[\s/?#%\\]/.test(decoded) || hasUnsafeCharacter(decoded) ? run : decoded;
    } catch {
      return run;
    }
  });
}
