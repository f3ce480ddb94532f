/**
 * Load the configured inbound exports and join them to the built site, through the same
 * site index that resolves internal links.
 */

import { createFinding } from '../findings/finding.js';
import type { ResolvedLinkReportOptions } from '../options.js';
import type { SiteIndex } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';
import { assessBacklinkQuality, type BacklinkQuality } from './backlink-quality.js';
import type { InboundData, JoinedInbound, PageLookupResult } from './index.js';
import { joinInbound, loadInbound } from './index.js';

/** Inbound data, its join with the site, and the quality of the links. */
export interface CollectedInbound {
  data: InboundData;
  joined: JoinedInbound;
  quality: BacklinkQuality;
}

/**
 * Read every `inbound` source (never throws: a bad source is a finding) and join it.
 * @returns null when no sources are configured.
 */
export async function collectInbound(
  options: ResolvedLinkReportOptions,
  urls: SiteUrls,
  index: SiteIndex,
  root: string,
  /** Every built file (paths with base, decoded), for redirect suggestions of lost file URLs. */
  files: Iterable<string> = [],
): Promise<CollectedInbound | null> {
  if (options.inbound.length === 0) return null;
  const siteHosts = urls.siteKnown
    ? [...new Set(urls.internalOrigins.map((origin) => new URL(origin).host.replace(/^www\./, '')))]
    : [];
  const data = await loadInbound(options.inbound, {
    root,
    cacheDir: options.inboundCacheDir,
    siteKinds: options.siteKinds,
    siteHosts,
    limits: options.inboundLimits,
    timeout: options.inboundLimits.timeout,
  });
  const lookup = (pathname: string): PageLookupResult => {
    const target = index.resolvePath(pathname);
    switch (target.status) {
      case 'page':
        return { status: 'page', page: target.page.path };
      case 'redirect':
        return { status: 'redirect', destination: target.destination };
      // Note: backlinks to files (a CSV download, a PDF) land on something real: they are
      // listed as files. On-demand routes are pages the build cannot see: credited to the path.
      case 'file':
        return { status: 'file', file: target.file };
      case 'on-demand':
        return { status: 'page', page: pathname };
      case 'missing':
        return { status: 'missing' };
    }
  };
  const pages = index.pages.filter((page) => page.kind === 'page').map((page) => page.path);
  const assetFiles = [...files].filter((file) => !/\.html?$/i.test(file)).sort();
  const joined = joinInbound(data, urls, lookup, {
    pages,
    files: assetFiles,
    moved: options.movedPaths,
  });
  const matched = Object.keys(joined.byPage).length + joined.lost.length + joined.redirected.length;
  if (matched === 0 && joined.foreignTargets.length > 0) {
    // Note: an export of another property joins nothing; say so instead of an empty section.
    const hosts = [...new Set(joined.foreignTargets.map((target) => target.host))].sort();
    joined.findings.push(
      createFinding('inbound-source-warning', {
        details: {
          source: 'inbound',
          reason:
            `every target URL of the exports is on another host (${hosts.slice(0, 5).join(', ')}) than ` +
            `${urls.siteKnown ? urls.origin : 'the site (site is not configured)'}; were they downloaded for this site's property?`,
        },
      }),
    );
  }
  const titleCache = new Map<string, string[]>();
  const quality = assessBacklinkQuality(data, {
    siteHosts,
    brandTerms: options.brandTerms,
    genericAnchors: options.genericAnchors,
    thresholds: options.toxicLinks,
    titlesOf: (targetUrl) => {
      // Note: per target URL, not per link (200,000 links name a few thousand pages).
      let titles = titleCache.get(targetUrl);
      if (!titles) {
        titles = titlesOf(targetUrl, urls, index);
        titleCache.set(targetUrl, titles);
      }
      return titles;
    },
  });
  for (const candidate of quality.toxic) {
    joined.findings.push(
      createFinding('suspicious-linking-site', {
        details: {
          site: candidate.site,
          links: candidate.links,
          reasons: candidate.reasons.map((reason) => reason.text),
          codes: candidate.reasons.map((reason) => reason.code),
        },
      }),
    );
  }
  return { data, joined, quality };
}

/** The title, h1 and slug words of the page a target URL names, for exact-match anchors. */
function titlesOf(targetUrl: string, urls: SiteUrls, index: SiteIndex): string[] {
  let pathname: string;
  try {
    pathname = new URL(targetUrl, urls.origin).pathname;
  } catch {
    return [];
  }
  const target = index.resolvePath(pathname);
  const slug = decodeURIComponentSafe(pathname.split('/').filter(Boolean).at(-1) ?? '')
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ');
  if (target.status !== 'page') return slug ? [slug] : [];
  const { title, h1 } = target.page.facts;
  return [title, h1, slug].filter((text): text is string => !!text);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
