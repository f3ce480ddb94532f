/**
 * The quality of the sites that link: links by quality band, the followed share, the anchor
 * mix, and toxic candidates with the reasons. It never decides for the user: candidates are
 * listed with why, and `disavow-candidates.txt` is a file to review, not an action taken.
 */
import { getDomain } from 'tldts';
import { normalizeAnchorText } from '../analyze/anchors.js';
import { compare } from './merge-inbound.js';
import { authorityOf } from './metrics.js';
import { registrableDomain } from './parse-values.js';
import type { InboundData, LinkingSite, QualityMetric } from './types.js';

/** A quality band of the linking site's authority (0–100). */
export type QualityBand = 'very-high' | 'high' | 'medium' | 'low' | 'very-low' | 'unknown';

/** The bands, best first, with the scores they hold. */
export const qualityBands: readonly { band: QualityBand; min: number; label: string }[] = [
  { band: 'very-high', min: 80, label: '80–100' },
  { band: 'high', min: 60, label: '60–79' },
  { band: 'medium', min: 40, label: '40–59' },
  { band: 'low', min: 20, label: '20–39' },
  { band: 'very-low', min: 0, label: '0–19' },
  { band: 'unknown', min: Number.NaN, label: 'no metric' },
];

/** What an anchor text is, for the anchor mix. */
export type AnchorKind = 'branded' | 'exact-match' | 'url' | 'generic' | 'empty' | 'other';

/** Why a linking site is a toxic candidate. */
export interface ToxicReason {
  code: 'flagged-spam' | 'spam-score' | 'many-links-low-authority';
  /** The sentence, naming the tool and the value. */
  text: string;
}

/** A linking site that may be toxic, with the reasons. */
export interface ToxicCandidate {
  /** The registrable domain (what a `domain:` line of the disavow file names). */
  site: string;
  hosts: string[];
  links: number | null;
  /** The site's authority, when an export gives one. */
  authority: QualityMetric | null;
  reasons: ToxicReason[];
  /**
   * The domains a disavow file names for it: the site itself, or, for a shared platform (a
   * private suffix of the Public Suffix List, such as blogspot.com or github.io), each of its
   * hosts' own domains, never the whole platform.
   */
  disavow: string[];
  /** Whether the site is a shared platform whose hosts belong to different owners. */
  platform: boolean;
}

/** The thresholds for toxic candidates (the `toxicLinks` option). */
export interface ToxicThresholds {
  /** A Spam Score (Moz, percent) above this makes a candidate. */
  spamScore: number;
  /** At least this many links from one site… */
  manyLinks: number;
  /** …whose authority is below this, make a candidate. */
  lowAuthority: number;
}

/** The defaults of `toxicLinks`. */
export const defaultToxicThresholds: ToxicThresholds = {
  spamScore: 60,
  manyLinks: 50,
  lowAuthority: 10,
};

/** The report's "Backlink quality". */
export interface BacklinkQuality {
  /** Live link rows to this site's URLs (lost links excluded), the links counted below. */
  links: number;
  bands: { band: QualityBand; range: string; links: number; sites: number }[];
  /** Which metric banded how many links (the first of each link's authority metrics). */
  bandedBy: { source: string; links: number }[];
  /** Followed links, and links marked nofollow, ugc or sponsored (a link may carry several). */
  rel: {
    followed: number;
    notFollowed: number;
    nofollow: number;
    ugc: number;
    sponsored: number;
    /** Links whose export does not say (Search Console, Bing). */
    unknown: number;
  };
  anchors: {
    /** What was counted: link rows, an anchor export (weighted by its link counts), or nothing. */
    basis: 'links' | 'anchor-export' | 'none';
    /** The brand terms an anchor is compared with. */
    brandTerms: string[];
    mix: { kind: AnchorKind; links: number; examples: string[] }[];
  };
  thresholds: ToxicThresholds;
  /** Sorted by links (descending), then site. */
  toxic: ToxicCandidate[];
}

/** What the assessment needs besides the data. */
export interface AssessQualityOptions {
  /** Hosts of this site without `www.`; empty when the site is not known. */
  siteHosts: readonly string[];
  /** Extra brand names (the `brandTerms` option); the site's domain name is always one. */
  brandTerms?: readonly string[] | undefined;
  genericAnchors: readonly string[];
  /** The title and h1 of the page a target URL names, for exact-match anchors. */
  titlesOf?: ((targetUrl: string) => readonly string[]) | undefined;
  thresholds?: Partial<ToxicThresholds> | undefined;
}

const examplesPerKind = 5;

/** Assess the quality of the links in `data`. */
export function assessBacklinkQuality(
  data: InboundData,
  options: AssessQualityOptions,
): BacklinkQuality {
  const thresholds = { ...defaultToxicThresholds, ...options.thresholds };
  const own = new Set(options.siteHosts);
  const sites = new Map(data.linkingSites.map((site) => [site.site, site]));
  const links = data.links.filter((link) => link.lost !== true && isOwnTarget(link.targetUrl, own));

  const bandCounts = new Map<QualityBand, { links: number; sites: Set<string> }>();
  const bandedBy = new Map<string, number>();
  const rel = { followed: 0, notFollowed: 0, nofollow: 0, ugc: 0, sponsored: 0, unknown: 0 };
  for (const link of links) {
    const authority =
      authorityOf(link.metrics) ?? authorityOf(sites.get(link.domain)?.metrics ?? []);
    const band = bandOf(authority?.score ?? null);
    const count = bandCounts.get(band) ?? { links: 0, sites: new Set<string>() };
    count.links++;
    count.sites.add(link.domain);
    bandCounts.set(band, count);
    if (authority) bandedBy.set(authority.source, (bandedBy.get(authority.source) ?? 0) + 1);
    if (link.nofollow === null && link.ugc === null && link.sponsored === null) rel.unknown++;
    else if (link.nofollow || link.ugc || link.sponsored) {
      rel.notFollowed++;
      if (link.nofollow) rel.nofollow++;
      if (link.ugc) rel.ugc++;
      if (link.sponsored) rel.sponsored++;
    } else rel.followed++;
  }

  const brandTerms = brandTermsOf(options.siteHosts, options.brandTerms ?? []);
  const classify = createAnchorClassifier(brandTerms, options.genericAnchors);
  const mix = new Map<AnchorKind, { links: number; examples: Set<string> }>();
  const add = (kind: AnchorKind, text: string, weight: number) => {
    const entry = mix.get(kind) ?? { links: 0, examples: new Set<string>() };
    entry.links += weight;
    if (entry.examples.size < examplesPerKind) entry.examples.add(text);
    mix.set(kind, entry);
  };
  const withAnchors = links.filter((link) => link.anchor !== null);
  let basis: BacklinkQuality['anchors']['basis'] = 'none';
  if (withAnchors.length > 0) {
    basis = 'links';
    for (const link of withAnchors) {
      const text = link.anchor ?? '';
      add(classify(text, options.titlesOf?.(link.targetUrl) ?? []), text, 1);
    }
  } else if (data.anchors.length > 0) {
    basis = 'anchor-export';
    for (const row of data.anchors) {
      if (row.lost === true) continue;
      add(classify(row.text, []), row.text, row.links ?? 1);
    }
  }
  const kinds: AnchorKind[] = ['branded', 'exact-match', 'url', 'generic', 'empty', 'other'];

  return {
    links: links.length,
    bands: qualityBands.map(({ band, label }) => ({
      band,
      range: label,
      links: bandCounts.get(band)?.links ?? 0,
      sites: bandCounts.get(band)?.sites.size ?? 0,
    })),
    bandedBy: [...bandedBy.entries()]
      .map(([source, count]) => ({ source, links: count }))
      .sort((a, b) => b.links - a.links || compare(a.source, b.source)),
    rel,
    anchors: {
      basis,
      brandTerms,
      mix: kinds
        .filter((kind) => mix.has(kind))
        .map((kind) => ({
          kind,
          links: mix.get(kind)!.links,
          examples: [...mix.get(kind)!.examples],
        })),
    },
    thresholds,
    toxic: findToxicCandidates(data.linkingSites, thresholds),
  };
}

/**
 * The domain that one owner controls: the registrable domain with the Public Suffix List's
 * private section too (`someone.blogspot.com`, `user.github.io`; `blog.csdn.net` is `csdn.net`).
 */
function ownerDomain(host: string): string {
  return getDomain(host, { allowPrivateDomains: true }) ?? host;
}

/** The band of an authority score. */
export function bandOf(score: number | null): QualityBand {
  if (score === null) return 'unknown';
  return qualityBands.find((band) => score >= band.min)?.band ?? 'very-low';
}

function isOwnTarget(targetUrl: string, own: ReadonlySet<string>): boolean {
  if (targetUrl.startsWith('/') || own.size === 0) return true;
  try {
    return own.has(new URL(targetUrl).host.replace(/^www\./, ''));
  } catch {
    return false;
  }
}

/** The brand terms: the site's domain name (`example` for example.com) and the option's. */
function brandTermsOf(siteHosts: readonly string[], extra: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const host of siteHosts) {
    const domain = registrableDomain(host);
    const name = domain.split('.')[0] ?? '';
    if (name.length >= 3) terms.add(name);
  }
  for (const term of extra) {
    const folded = normalizeAnchorText(term);
    if (folded) terms.add(folded);
  }
  return [...terms].sort(compare);
}

/**
 * Classify an anchor: `empty`; `url` (a URL or a bare domain); `branded` (holds a brand term as
 * a word, or the brand spelled without spaces); `generic` (the genericAnchors list);
 * `exact-match` (the target page's title, h1 or slug words); else `other`.
 */
function createAnchorClassifier(
  brandTerms: readonly string[],
  genericAnchors: readonly string[],
): (text: string, titles: readonly string[]) => AnchorKind {
  const generic = new Set(genericAnchors.map(normalizeAnchorText));
  const brands = brandTerms.map((term) => ({
    term,
    words: new RegExp(`(?:^|[^\\p{L}\\p{N}])${escapeRegex(term)}(?:$|[^\\p{L}\\p{N}])`, 'u'),
  }));
  return (text, titles) => {
    const folded = normalizeAnchorText(text);
    if (folded === '') return 'empty';
    if (
      /^(?:https?:\/\/|www\.)\S+$|^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/\S*)?$/i.test(
        text.trim(),
      )
    )
      return 'url';
    const compact = folded.replace(/[^\p{L}\p{N}]+/gu, '');
    if (
      brands.some(
        (brand) =>
          brand.words.test(folded) || compact === brand.term.replace(/[^\p{L}\p{N}]+/gu, ''),
      )
    )
      return 'branded';
    if (generic.has(folded)) return 'generic';
    if (titles.some((title) => normalizeAnchorText(title) === folded)) return 'exact-match';
    return 'other';
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Linking sites flagged by a tool, over the spam threshold, or many links with low authority. */
function findToxicCandidates(
  sites: readonly LinkingSite[],
  thresholds: ToxicThresholds,
): ToxicCandidate[] {
  const candidates: ToxicCandidate[] = [];
  for (const site of sites) {
    const reasons: ToxicReason[] = [];
    if (site.spam === true) {
      reasons.push({
        code: 'flagged-spam',
        text: 'flagged as spam by the exporting tool (Ahrefs "Is spam")',
      });
    }
    const spam = site.metrics
      .filter((metric) => metric.metric === 'spam-score')
      .sort((a, b) => b.score - a.score)[0];
    if (spam && spam.score > thresholds.spamScore) {
      reasons.push({
        code: 'spam-score',
        text: `${spam.source} ${spam.value}% (over ${thresholds.spamScore}%)`,
      });
    }
    const authority = authorityOf(site.metrics);
    if (
      authority &&
      authority.score < thresholds.lowAuthority &&
      (site.links ?? 0) >= thresholds.manyLinks
    ) {
      reasons.push({
        code: 'many-links-low-authority',
        text: `${site.links} links from a site with ${authority.source} ${authority.value} (at least ${thresholds.manyLinks} links, authority below ${thresholds.lowAuthority})`,
      });
    }
    if (reasons.length > 0) {
      const owners = [...new Set(site.hosts.map(ownerDomain))].sort(compare);
      const platform = owners.some((owner) => owner !== site.site);
      candidates.push({
        site: site.site,
        hosts: site.hosts,
        links: site.links,
        authority,
        reasons,
        // Note: disavowing blogspot.com would disavow every blog on it.
        disavow: platform ? owners.filter((owner) => owner !== site.site) : [site.site],
        platform,
      });
    }
  }
  return candidates.sort((a, b) => (b.links ?? -1) - (a.links ?? -1) || compare(a.site, b.site));
}
