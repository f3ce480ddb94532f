/**
 * Build the report model once; every renderer (JSON, HTML, terminal, GitHub) reads it.
 */
import type { SiteAnalysis } from '../../analyze/analyze-site.js';
import type { OutboundStage } from '../../external/check-outbound.js';
import type { Finding } from '../../findings/finding.js';
import type { FindingGroup } from '../../findings/groups.js';
import type { LinkEdge, LinkGraph } from '../../graph/build-link-graph.js';
import type { CollectedInbound } from '../../inbound/collect-inbound.js';
import type { LocaleSummary } from '../../site/locales.js';
import { isOnDemandRoute, type RouteInfo } from '../../site/site-index.js';
import type { SiteUrls } from '../../site/url.js';
import { version } from '../../version.js';
import { toReportAnalysis } from './report-analysis.js';
import { toReportInbound, toReportPageInbound } from './report-inbound.js';
import { reportSchemaVersion } from './report-meta.js';
import { toReportOutbound } from './report-outbound.js';
import type { Report, ReportPage } from './report-schema.js';

/** Input of `buildReport`. */
export interface BuildReportInput {
  urls: SiteUrls;
  graph: LinkGraph;
  /** Files in the output. */
  files: number;
  /** Findings, already sorted and with severities applied. */
  findings: Finding[];
  /** The findings grouped by cause, ranked (see `groupFindings`). */
  groups: FindingGroup[];
  notes: string[];
  /** Metrics, rankings, orphans, assets and anchors from `analyzeSite`. */
  analysis: SiteAnalysis;
  /** Inbound exports joined with the site; null when none are configured. */
  inbound?: CollectedInbound | null | undefined;
  /** The time of the run, written as `generatedAt`. */
  now: Date;
  /** The site's locales, when it has several. */
  locales?: LocaleSummary | null | undefined;
  /** The outbound stage (audits and check); without it, outbound links count as not checked. */
  outbound?: OutboundStage | null | undefined;
  /** What the baseline file made of the findings; null without a baseline. */
  baseline?: Report['baseline'] | undefined;
  /** The framework's routes (the integration's); on-demand pages and endpoints are listed. */
  routes?: readonly RouteInfo[] | undefined;
}

/** Make a property that was computed on read a plain value, in its place. */
function setValue(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/** An edge into a page, as the report lists it. */
function toReportInlink(edge: LinkEdge): ReportPage['inlinks'][number] {
  return {
    from: edge.from,
    count: edge.count,
    contextual: edge.contextual,
    boilerplate: edge.boilerplate,
    follow: edge.follow,
    viaRedirect: edge.viaRedirect,
    anchors: edge.anchors,
  };
}

/** Assemble the report. Deterministic: `now` is the only input that changes between runs. */
export function buildReport(input: BuildReportInput): Report {
  const { urls, graph, findings } = input;
  const { links } = input.analysis;
  const pages: ReportPage[] = graph.pages.map((page) => {
    const counts = links.byPage.get(page.path);
    return {
      path: page.path,
      url: page.url,
      file: page.file,
      source: page.source,
      entry: page.entry,
      kind: page.kind,
      locale: page.locale,
      family: page.family,
      copyOf: page.copyOf,
      redirectTo: page.redirectTo,
      ignored: page.ignored,
      title: page.facts.title,
      h1: page.facts.h1,
      lang: page.facts.lang,
      canonical: page.facts.canonical,
      noindex: page.facts.robots.noindex,
      nofollow: page.facts.robots.nofollow,
      // Note: made when read (by the JSON writer, one page at a time), not kept: a copy of
      // every edge of a 10,000-page site was about 50 MB of the report's memory. A value assigned
      // (by code that edits the report) replaces them, as on a plain object; the lists made
      // are frozen, so that a change to one (which would be lost) throws instead.
      get inlinks() {
        return Object.freeze(
          (graph.inlinks.get(page.path) ?? []).map(toReportInlink),
        ) as ReportPage['inlinks'];
      },
      set inlinks(value) {
        setValue(this, 'inlinks', value);
      },
      outlinks: {
        get internal() {
          return Object.freeze(
            (graph.outlinks.get(page.path) ?? []).map(({ to, count }) => ({ to, count })),
          ) as ReportPage['outlinks']['internal'];
        },
        set internal(value) {
          setValue(this, 'internal', value);
        },
        outbound: counts?.outboundUrls ?? [],
        other: counts?.other ?? 0,
        resources: counts?.resources ?? 0,
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
    generatedAt: input.now.toISOString(),
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
      ...links.totals,
      findings: bySeverity,
      byType: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => (a < b ? -1 : 1))),
    },
    notes: input.notes,
    onDemandRoutes: (input.routes ?? []).filter(isOnDemandRoute).map((route) => ({
      pattern: route.pattern,
      type: route.type,
      source: route.entrypoint,
    })),
    locales: input.locales ?? null,
    pages,
    findings,
    groups: input.groups,
    outbound: toReportOutbound(links.domains, input.outbound ?? null),
    ...toReportAnalysis(input.analysis),
    inbound: toReportInbound(input.inbound ?? null),
    baseline: input.baseline ?? null,
    // Note: set by the run once the report exists (it is compared with the last run's).
    changes: null,
  };
}
