/**
 * Build the report model once; every renderer (JSON, HTML, terminal, GitHub) reads it.
 */
import type { SiteAnalysis } from '../../analyze/analyze-site.js';
import type { Finding } from '../../findings/definitions.js';
import type { LinkGraph } from '../../graph/build-link-graph.js';
import type { CollectedInbound } from '../../inbound/collect-inbound.js';
import type { SitePage } from '../../site/site-index.js';
import type { SiteUrls } from '../../site/url.js';
import { version } from '../../version.js';
import { toReportAnalysis } from './report-analysis.js';
import { toReportInbound, toReportPageInbound } from './report-inbound.js';
import { type Report, type ReportPage, reportSchemaVersion } from './report-schema.js';

/** Input of `buildReport`. */
export interface BuildReportInput {
  urls: SiteUrls;
  graph: LinkGraph;
  /** Files in the output. */
  files: number;
  /** Findings, already sorted and with severities applied. */
  findings: Finding[];
  notes: string[];
  /** Metrics, rankings, orphans, assets and anchors from `analyzeSite`. */
  analysis: SiteAnalysis;
  /** Inbound exports joined with the site; null when none are configured. */
  inbound?: CollectedInbound | null | undefined;
}

/** Assemble the report. Deterministic but for `generatedAt`. */
export function buildReport(input: BuildReportInput): Report {
  const { urls, graph, findings } = input;
  let internalLinks = 0;
  let outboundLinks = 0;
  let otherLinks = 0;
  let resources = 0;
  const domains = new Map<
    string,
    Report['outbound']['domains'][number] & { pageSet: Set<string> }
  >();
  const pages: ReportPage[] = graph.pages.map((page) => {
    const outbound = new Map<string, { url: string; count: number; rel: Set<string> }>();
    let other = 0;
    let pageResources = 0;
    for (const link of page.links) {
      if (link.kind !== 'navigation') {
        pageResources += 1;
        continue;
      }
      if (link.scope === 'internal') internalLinks += 1;
      else if (link.scope === 'other') other += 1;
      else if (link.url) {
        outboundLinks += 1;
        const entry = outbound.get(link.url) ?? { url: link.url, count: 0, rel: new Set<string>() };
        entry.count += 1;
        for (const token of link.rel) entry.rel.add(token);
        outbound.set(link.url, entry);
        countDomain(domains, page.path, link.url, link.rel);
      }
    }
    otherLinks += other;
    resources += pageResources;
    return {
      path: page.path,
      url: page.url,
      file: page.file,
      source: page.source,
      kind: page.kind,
      redirectTo: page.redirectTo,
      ignored: page.ignored,
      title: page.facts.title,
      h1: page.facts.h1,
      lang: page.facts.lang,
      canonical: page.facts.canonical,
      noindex: page.facts.robots.noindex,
      nofollow: page.facts.robots.nofollow,
      inlinks: (graph.inlinks.get(page.path) ?? []).map(
        ({ to: _to, contextualAnchors: _contextual, ...edge }) => edge,
      ),
      outlinks: {
        internal: (graph.outlinks.get(page.path) ?? []).map(({ to, count }) => ({ to, count })),
        outbound: [...outbound.values()]
          .map((entry) => ({ url: entry.url, count: entry.count, rel: [...entry.rel].sort() }))
          .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)),
        other,
        resources: pageResources,
      },
      metrics: input.analysis.metrics.get(page.path)!,
      inbound: toReportPageInbound(input.inbound ?? null, page.path),
    };
  });

  const bySeverity = { error: 0, warning: 0, info: 0 };
  const byType: Record<string, number> = {};
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    byType[finding.type] = (byType[finding.type] ?? 0) + 1;
  }

  return {
    schemaVersion: reportSchemaVersion,
    generator: { name: 'astro-link-report', version },
    generatedAt: generatedAt(),
    site: {
      site: urls.siteKnown ? urls.origin : null,
      siteKnown: urls.siteKnown,
      base: urls.base,
      trailingSlash: urls.trailingSlash,
      buildFormat: urls.buildFormat,
    },
    summary: {
      pages: graph.pages.length,
      files: input.files,
      internalLinks,
      outboundLinks,
      otherLinks,
      resources,
      findings: bySeverity,
      byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    notes: input.notes,
    pages,
    findings,
    outbound: {
      domains: [...domains.values()]
        .map(({ pageSet, ...domain }) => ({ ...domain, pages: pageSet.size }))
        .sort((a, b) => b.links - a.links || (a.domain < b.domain ? -1 : 1)),
    },
    ...toReportAnalysis(input.analysis),
    inbound: toReportInbound(input.inbound ?? null),
  };
}

function countDomain(
  domains: Map<string, Report['outbound']['domains'][number] & { pageSet: Set<string> }>,
  page: SitePage['path'],
  url: string,
  rel: readonly string[],
): void {
  const parsed = new URL(url);
  const domain = parsed.hostname;
  const entry = domains.get(domain) ?? {
    domain,
    links: 0,
    pages: 0,
    nofollow: 0,
    sponsored: 0,
    ugc: 0,
    insecure: 0,
    pageSet: new Set<string>(),
  };
  entry.links += 1;
  entry.pageSet.add(page);
  if (rel.includes('nofollow')) entry.nofollow += 1;
  if (rel.includes('sponsored')) entry.sponsored += 1;
  if (rel.includes('ugc')) entry.ugc += 1;
  if (parsed.protocol === 'http:') entry.insecure += 1;
  domains.set(domain, entry);
}

/** Now, or `SOURCE_DATE_EPOCH` (seconds) for reproducible builds. */
function generatedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString();
  return new Date().toISOString();
}
