/**
 * What kind of site links to you, from a domain list. A domain matches itself and its
 * subdomains (`old.reddit.com` is reddit.com); the longest matching domain wins, so
 * `news.ycombinator.com` (forum) beats a shorter entry. Users extend or override the list
 * with the `siteKinds` option.
 */
import type { SiteKind } from './types.js';

/** Every site kind, in display order. */
export const siteKinds: readonly SiteKind[] = ['social', 'forum', 'directory', 'news', 'other'];

/** The default domain list. Anything not listed (and not a forum host, below) is `other`. */
export const defaultSiteKinds: Readonly<Record<string, SiteKind>> = {
  // Social networks, profile and link-in-bio pages, media sharing, and their shorteners.
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
  'vimeo.com': 'social',
  'dailymotion.com': 'social',
  'twitch.tv': 'social',
  'tumblr.com': 'social',
  'medium.com': 'social',
  'substack.com': 'social',
  'linktr.ee': 'social',
  'about.me': 'social',
  'slideshare.net': 'social',
  'scribd.com': 'social',
  'issuu.com': 'social',
  'flickr.com': 'social',
  'behance.net': 'social',
  'dribbble.com': 'social',
  'soundcloud.com': 'social',
  'bsky.app': 'social',
  'threads.net': 'social',
  'mastodon.social': 'social',
  'vk.com': 'social',
  'ok.ru': 'social',
  'weibo.com': 'social',
  'xing.com': 'social',
  'line.me': 'social',
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
  'discourse.org': 'forum',
  'tapatalk.com': 'forum',
  'proboards.com': 'forum',
  'forumactif.com': 'forum',
  'gutefrage.net': 'forum',
  'zhihu.com': 'forum',
  'v2ex.com': 'forum',
  'habr.com': 'forum',
  'dev.to': 'forum',
  'hashnode.com': 'forum',
  // Directories, listings, maps and review sites (international).
  'yelp.com': 'directory',
  'yellowpages.com': 'directory',
  'yellowpages.ca': 'directory',
  'superpages.com': 'directory',
  'mapquest.com': 'directory',
  'manta.com': 'directory',
  'bbb.org': 'directory',
  'angi.com': 'directory',
  'foursquare.com': 'directory',
  'tripadvisor.com': 'directory',
  'trustpilot.com': 'directory',
  'producthunt.com': 'directory',
  'crunchbase.com': 'directory',
  'g2.com': 'directory',
  'capterra.com': 'directory',
  'alternativeto.net': 'directory',
  'clutch.co': 'directory',
  'kompass.com': 'directory',
  'europages.com': 'directory',
  'infobel.com': 'directory',
  'hotfrog.com': 'directory',
  'cylex.de': 'directory',
  'cylex.net': 'directory',
  'pagesjaunes.fr': 'directory',
  'pagesjaunes.ca': 'directory',
  'gelbeseiten.de': 'directory',
  'dasoertliche.de': 'directory',
  'yell.com': 'directory',
  'paginegialle.it': 'directory',
  'paginasamarillas.es': 'directory',
  'goudengids.nl': 'directory',
  'goudengids.be': 'directory',
  'herold.at': 'directory',
  'local.ch': 'directory',
  'eniro.se': 'directory',
  'gulesider.no': 'directory',
  'truelocal.com.au': 'directory',
  'yellowpages.com.au': 'directory',
  'justdial.com': 'directory',
  'sulekha.com': 'directory',
  'zomato.com': 'directory',
  'houzz.com': 'directory',
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
  'news.yahoo.com': 'news',
  'lemonde.fr': 'news',
  'lefigaro.fr': 'news',
  'spiegel.de': 'news',
  'zeit.de': 'news',
  'faz.net': 'news',
  'elpais.com': 'news',
  'corriere.it': 'news',
  'repubblica.it': 'news',
  'nos.nl': 'news',
  'nhk.or.jp': 'news',
  'asahi.com': 'news',
  'abc.net.au': 'news',
  'cbc.ca': 'news',
  'aljazeera.com': 'news',
  'timesofindia.indiatimes.com': 'news',
};

/**
 * Hosts whose first label says forum, whatever the domain (`forum.example.net`,
 * `community.vendor.com`, `discuss.project.org`): forum software is usually served there.
 */
export const forumHostLabels: readonly string[] = [
  'forum',
  'forums',
  'community',
  'discuss',
  'discussion',
  'discussions',
  'discourse',
  'board',
  'boards',
];

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
  const forum = new Set(forumHostLabels);
  return (site) => {
    const normalized = normalizeDomain(site);
    let host = normalized;
    while (host) {
      const kind = table.get(host);
      if (kind) return kind;
      const dot = host.indexOf('.');
      if (dot === -1) break;
      host = host.slice(dot + 1);
    }
    const first = normalized.split('.')[0] ?? '';
    return normalized.includes('.') && forum.has(first) ? 'forum' : 'other';
  };
}

/** The kind of one site, with the default list and optional additions. */
export function classifySite(
  site: string,
  extra: Readonly<Record<string, SiteKind>> = {},
): SiteKind {
  return createSiteClassifier(extra)(site);
}
