/**
 * What makes an outbound link look paid: hosts of affiliate networks and link shorteners
 * made for affiliates, and query parameters that carry an affiliate id. Used by the
 * `unqualified-sponsored` audit; the `external.affiliates` option adds to these lists.
 */

/** A built-in affiliate host and what it is, for the finding's message. */
export interface AffiliateHost {
  host: string;
  what: string;
}

/**
 * Hosts whose links are affiliate links (a host matches its subdomains). Only hosts that
 * exist to track affiliate clicks: a shop's own domain is not here, its affiliate parameter is.
 */
export const affiliateHosts: readonly AffiliateHost[] = [
  { host: 'amzn.to', what: 'Amazon Associates short link' },
  { host: 'amzn.eu', what: 'Amazon Associates short link' },
  { host: 'amzn.asia', what: 'Amazon Associates short link' },
  { host: 'geni.us', what: 'Geniuslink affiliate link' },
  // Commission Junction (CJ Affiliate) tracking domains.
  ...[
    'anrdoezrs.net',
    'dpbolvw.net',
    'jdoqocy.com',
    'kqzyfj.com',
    'tkqlhce.com',
    'emjcd.com',
    'qksrv.net',
    'apmebf.com',
    'afcyhf.com',
    'awltovhc.com',
    'ftjcfx.com',
    'lduhtrp.net',
    'tqlkg.com',
    'yceml.net',
  ].map((host) => ({ host, what: 'CJ Affiliate tracking link' })),
  { host: 'linksynergy.com', what: 'Rakuten Advertising tracking link' },
  { host: 'shareasale.com', what: 'ShareASale tracking link' },
  { host: 'shrsl.com', what: 'ShareASale tracking link' },
  { host: 'awin1.com', what: 'Awin tracking link' },
  { host: 'zenaps.com', what: 'Awin tracking link' },
  // Impact (impact.com) tracking domains.
  ...['7eer.net', 'evyy.net', 'ojrq.net', 'sjv.io', 'pxf.io'].map((host) => ({
    host,
    what: 'Impact tracking link',
  })),
  { host: 'prf.hn', what: 'Partnerize tracking link' },
  { host: 'hop.clickbank.net', what: 'ClickBank affiliate link' },
  { host: 'go.skimresources.com', what: 'Skimlinks tracking link' },
  { host: 'go.redirectingat.com', what: 'Skimlinks tracking link' },
  { host: 'redirect.viglink.com', what: 'Sovrn Commerce (VigLink) tracking link' },
  { host: 'track.flexlinkspro.com', what: 'FlexOffers tracking link' },
  ...['pjtra.com', 'pntra.com', 'pjatr.com', 'gopjn.com', 'pntrac.com', 'pntrs.com'].map(
    (host) => ({ host, what: 'Ascend (Pepperjam) tracking link' }),
  ),
  { host: 'avantlink.com', what: 'AvantLink tracking link' },
  { host: 'clk.tradedoubler.com', what: 'Tradedoubler tracking link' },
  { host: 'track.webgains.com', what: 'Webgains tracking link' },
  { host: 'ad.admitad.com', what: 'Admitad tracking link' },
  { host: 's.click.aliexpress.com', what: 'AliExpress Portals affiliate link' },
  { host: 'rover.ebay.com', what: 'eBay Partner Network link' },
  { host: 'rstyle.me', what: 'rewardStyle (LTK) affiliate link' },
  { host: 'liketk.it', what: 'LTK affiliate link' },
];

/** A query parameter that marks an affiliate link, optionally only with one value or on some hosts. */
export interface AffiliateParam {
  name: string;
  /** Lower-cased values that mark it; any value when absent. */
  values?: readonly string[];
  /** Hosts it means affiliate on (a host matches its subdomains); every host when absent. */
  hosts?: readonly string[];
  what: string;
}

/** Amazon's storefront domains, where `tag=` carries an Associates id. */
const amazonHosts = [
  'amazon.com',
  'amazon.ca',
  'amazon.com.mx',
  'amazon.com.br',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.it',
  'amazon.es',
  'amazon.nl',
  'amazon.se',
  'amazon.pl',
  'amazon.com.be',
  'amazon.com.tr',
  'amazon.ae',
  'amazon.sa',
  'amazon.eg',
  'amazon.in',
  'amazon.co.jp',
  'amazon.sg',
  'amazon.com.au',
];

/**
 * Parameters that carry an affiliate id.
 * Note: `ref=` and `tag=` are not here for every host: GitHub (`?ref=main`), Product Hunt and
 * blogs (`?tag=javascript`, `?ref=newsletter`) use them for things that are not payments, and
 * reporting those would be false alarms. Add them with `external.affiliates.params`.
 */
export const affiliateParams: readonly AffiliateParam[] = [
  { name: 'tag', hosts: amazonHosts, what: 'Amazon Associates tag' },
  { name: 'campid', hosts: ['ebay.com', 'ebay.co.uk', 'ebay.de'], what: 'eBay Partner Network id' },
  ...['aff', 'affid', 'aff_id', 'affiliate', 'affiliate_id', 'affiliateid', 'aff_sub'].map(
    (name) => ({ name, what: `affiliate parameter ${name}=` }),
  ),
  {
    name: 'utm_medium',
    values: ['affiliate', 'affiliates', 'aff'],
    what: 'campaign tagged utm_medium=affiliate',
  },
];

/** Whether `hostname` is `host` or one of its subdomains. */
export function isHostOrSubdomain(hostname: string, host: string): boolean {
  return hostname === host || hostname.endsWith(`.${host}`);
}

/** The user's additions (`external.affiliates`). */
export interface AffiliateAdditions {
  hosts: readonly string[];
  params: readonly string[];
}

/** The built-in hosts and parameters with the user's additions, in the order they are tried. */
export function affiliateRules(additions: AffiliateAdditions): {
  hosts: AffiliateHost[];
  params: AffiliateParam[];
} {
  return {
    hosts: [
      ...affiliateHosts,
      ...additions.hosts.map((host) => ({ host, what: 'affiliate host (external.affiliates)' })),
    ],
    params: [
      ...affiliateParams,
      ...additions.params.map((param) => {
        const [rawName = param, value] = param.split('=');
        const name = rawName.toLowerCase();
        return value === undefined
          ? { name, what: `affiliate parameter ${name}= (external.affiliates)` }
          : { name, values: [value.toLowerCase()], what: `${param} (external.affiliates)` };
      }),
    ],
  };
}

/**
 * Build the matcher: the reason a URL looks like an affiliate link (`'amzn.to: Amazon
 * Associates short link'`), or null. The first host (in `affiliateRules` order) that is the
 * hostname or one of its parents wins, else the first parameter with a value that marks it.
 */
export function createAffiliateMatcher(additions: AffiliateAdditions): (url: URL) => string | null {
  const { hosts, params } = affiliateRules(additions);
  // Note: this runs for every outbound link. Hosts are looked up by each of the hostname's
  // suffixes, and the query is read once, instead of every host and parameter scanned.
  const hostIndex = new Map<string, number>();
  hosts.forEach((entry, index) => {
    if (!hostIndex.has(entry.host)) hostIndex.set(entry.host, index);
  });
  return (url) => {
    const hostname = url.hostname.endsWith('.') ? url.hostname.slice(0, -1) : url.hostname;
    // The first listed host that is the hostname or one of its parents.
    let first = -1;
    for (let from = 0; from !== -1; ) {
      const index = hostIndex.get(from === 0 ? hostname : hostname.slice(from));
      if (index !== undefined && (first === -1 || index < first)) first = index;
      const dot = hostname.indexOf('.', from);
      from = dot === -1 ? -1 : dot + 1;
    }
    if (first !== -1) return `${hosts[first]!.host}: ${hosts[first]!.what}`;
    if (url.search === '' || url.search === '?') return null;
    const query = [...url.searchParams].map(([name, value]) => ({
      name,
      lower: name.toLowerCase(),
      value,
    }));
    for (const param of params) {
      if (param.hosts && !param.hosts.some((entry) => isHostOrSubdomain(hostname, entry))) continue;
      for (const { name, lower, value } of query) {
        if (lower !== param.name) continue;
        if (value.trim() === '') continue;
        if (param.values && !param.values.includes(value.toLowerCase())) continue;
        return `${name}=${value.length > 40 ? `${value.slice(0, 39)}…` : value}: ${param.what}`;
      }
    }
    return null;
  };
}
