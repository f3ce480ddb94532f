/**
 * Collect the distinct outbound URLs to check: each URL once (without its fragment), with
 * every link that names it, and whether it is skipped and why.
 */

import { elementFragment, percentDecode } from '../check/fragments.js';
import type { ExtractedLink } from '../extract/types.js';
import type { SitePage } from '../site/site-index.js';
import { isHostOrSubdomain } from './affiliates.js';
import { describeLocalHost } from './private-hosts.js';

/** One link to an outbound URL. */
export interface LinkUse {
  page: SitePage;
  link: ExtractedLink;
  /**
   * The fragment to find on the target page, as written (percent-encoded, a text directive
   * split off; looked up as written, then decoded), or null when there is none to check.
   */
  fragment: string | null;
}

/** An outbound URL and the links to it. */
export interface CollectedUrl {
  /** The URL without its fragment; the href as written when it does not parse. */
  url: string;
  /** The URL parses (it is an absolute http(s) URL). */
  valid: boolean;
  uses: LinkUse[];
  /** Why the URL is not requested, or null. */
  skipped: string | null;
}

/** Input of `collectOutboundUrls`. */
export interface CollectInput {
  pages: readonly SitePage[];
  isIgnoredLink: (link: ExtractedLink, page: SitePage) => boolean;
  /** The pattern of `external.skip` that matches, or null. */
  skipPattern: (url: URL) => string | null;
  onlyHosts: readonly string[];
  allowPrivateHosts: boolean;
}

/**
 * Every outbound `<a>`/`<area>` link and head link (canonical, alternates, meta refresh) of
 * the pages that are not ignored, by URL, sorted by URL. A 404 page's head links are left out:
 * they name URLs that are not meant to exist. Links matched by `ignore.links` are left out; a
 * URL with no other link is kept as skipped, so the report still lists it.
 */
export function collectOutboundUrls(input: CollectInput): CollectedUrl[] {
  const byUrl = new Map<string, { uses: LinkUse[]; ignored: LinkUse[]; valid: boolean }>();
  for (const page of input.pages) {
    if (page.ignored) continue;
    for (const link of page.links) {
      if (link.scope !== 'outbound' || link.kind === 'resource') continue;
      if (link.kind === 'metadata' && (page.kind === 'not-found' || page.kind === 'error'))
        continue;
      const parsed = link.url === null ? null : new URL(link.url);
      const fragment = parsed ? fragmentOf(parsed) : null;
      if (parsed) parsed.hash = '';
      const key = parsed ? parsed.href : link.href;
      const entry = byUrl.get(key) ?? { uses: [], ignored: [], valid: parsed !== null };
      (input.isIgnoredLink(link, page) ? entry.ignored : entry.uses).push({ page, link, fragment });
      byUrl.set(key, entry);
    }
  }
  const urls: CollectedUrl[] = [];
  for (const [url, entry] of byUrl) {
    const uses = entry.uses.length > 0 ? entry.uses : entry.ignored;
    const skipped =
      entry.uses.length === 0
        ? 'matched ignore.links'
        : entry.valid
          ? skipReason(new URL(url), input)
          : null;
    urls.push({ url, valid: entry.valid, uses, skipped });
  }
  return urls.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

function skipReason(url: URL, input: CollectInput): string | null {
  const pattern = input.skipPattern(url);
  if (pattern !== null) return `matched external.skip (${pattern})`;
  if (
    input.onlyHosts.length > 0 &&
    !input.onlyHosts.some((host) => isHostOrSubdomain(url.hostname, host))
  ) {
    return 'not on a host of external.onlyHosts';
  }
  const local = describeLocalHost(url.hostname);
  if (local && !input.allowPrivateHosts) {
    return `${local}, not requested (external.allowPrivateHosts)`;
  }
  return null;
}

/**
 * The fragment a link must find as an id (as written; a text directive after it, as in
 * `#faq:~:text=free`, split off), or null: none, empty, `#top`, only a text directive
 * (`#:~:text=`), a client-side route (`#/path`, `#!/path`), a parameter list (`#page=2` in PDFs),
 * or a code line anchor (`#L10-L20`, which GitHub and GitLab add with JavaScript).
 */
function fragmentOf(url: URL): string | null {
  const written = elementFragment(url.hash);
  if (written === null) return null;
  const fragment = percentDecode(written);
  if (fragment.toLowerCase() === 'top') return null;
  if (
    /^!?\//.test(fragment) ||
    fragment.includes('=') ||
    /^L\d+(C\d+)?(-L\d+(C\d+)?)?$/.test(fragment)
  )
    return null;
  return written;
}
