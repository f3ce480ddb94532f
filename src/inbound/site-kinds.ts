/**
 * What kind of site links to you, from a domain list. A domain matches itself and its
 * subdomains (`old.reddit.com` is reddit.com); the longest matching domain wins, so
 * `news.ycombinator.com` (forum) beats a shorter entry. Users extend or override the list
 * with the `siteKinds` option.
 */
import type { SiteKind } from './types.js';

/** Every site kind, in display order. */
export const siteKinds: readonly SiteKind[] = ['social', 'forum', 'directory', 'news', 'other'];

/** The default domain list. Anything not listed is `other`. */
export const defaultSiteKinds: Readonly<Record<string, SiteKind>> = {
  // Social networks and link shorteners they use.
  'twitter.com': 'social',
  'x.com': 'social',
  't.co': 'social',
  'facebook.com': 'social',
  'fb.com': 'social',
  'instagram.com': 'social',
  'linkedin.com': 'social',
  'lnkd.in': 'social',
  'pinterest.com': 'social',
  'tiktok.com': 'social',
  'youtube.com': 'social',
  'youtu.be': 'social',
  'tumblr.com': 'social',
  'bsky.app': 'social',
  'threads.net': 'social',
  'mastodon.social': 'social',
  'vk.com': 'social',
  'weibo.com': 'social',
  't.me': 'social',
  // Forums and Q&A.
  'reddit.com': 'forum',
  'news.ycombinator.com': 'forum',
  'stackoverflow.com': 'forum',
  'stackexchange.com': 'forum',
  'superuser.com': 'forum',
  'serverfault.com': 'forum',
  'askubuntu.com': 'forum',
  'quora.com': 'forum',
  'lobste.rs': 'forum',
  'discord.com': 'forum',
  // Directories, listings and review sites.
  'yelp.com': 'directory',
  'yellowpages.com': 'directory',
  'tripadvisor.com': 'directory',
  'trustpilot.com': 'directory',
  'producthunt.com': 'directory',
  'crunchbase.com': 'directory',
  'g2.com': 'directory',
  'capterra.com': 'directory',
  'alternativeto.net': 'directory',
  'clutch.co': 'directory',
  'bbb.org': 'directory',
  'foursquare.com': 'directory',
  'manta.com': 'directory',
  'angi.com': 'directory',
  // News.
  'nytimes.com': 'news',
  'washingtonpost.com': 'news',
  'wsj.com': 'news',
  'theguardian.com': 'news',
  'bbc.com': 'news',
  'bbc.co.uk': 'news',
  'cnn.com': 'news',
  'reuters.com': 'news',
  'apnews.com': 'news',
  'bloomberg.com': 'news',
  'ft.com': 'news',
  'economist.com': 'news',
  'npr.org': 'news',
  'forbes.com': 'news',
  'techcrunch.com': 'news',
  'theverge.com': 'news',
  'wired.com': 'news',
  'arstechnica.com': 'news',
  'news.google.com': 'news',
  'lemonde.fr': 'news',
  'spiegel.de': 'news',
};

/** Normalize a domain key or host: lower case, no scheme, path, port or `www.`. */
function normalizeDomain(domain: string): string {
  let text = domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z\d+.-]*:\/\//, '');
  text = text
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
  return text.startsWith('www.') ? text.slice(4) : text;
}

/**
 * Build a classifier from the default list and the user's additions (which win on equal
 * domains, and can say `other` to undo a default).
 */
export function createSiteClassifier(
  extra: Readonly<Record<string, SiteKind>> = {},
): (site: string) => SiteKind {
  const table = new Map<string, SiteKind>();
  for (const [domain, kind] of Object.entries(defaultSiteKinds))
    table.set(normalizeDomain(domain), kind);
  for (const [domain, kind] of Object.entries(extra)) table.set(normalizeDomain(domain), kind);
  return (site) => {
    let host = normalizeDomain(site);
    while (host) {
      const kind = table.get(host);
      if (kind) return kind;
      const dot = host.indexOf('.');
      if (dot === -1) break;
      host = host.slice(dot + 1);
    }
    return 'other';
  };
}

/** The kind of one site, with the default list and optional additions. */
export function classifySite(
  site: string,
  extra: Readonly<Record<string, SiteKind>> = {},
): SiteKind {
  return createSiteClassifier(extra)(site);
}
