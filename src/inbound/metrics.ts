/**
 * Quality metrics of linking pages and sites, as the tools publish them: which column role
 * holds which metric, whose scale it is, and how a cell becomes a 0–100 score. Every metric
 * of the recognized tools is published on 0–100 already (Ahrefs DR/UR, Moz DA/PA and Spam
 * Score as a percentage, Semrush Authority Score, Majestic Trust/Citation Flow), so scores
 * are the values; a value outside 0–100 is unreadable, never rescaled by guess.
 */
import type { InboundTool, MetricName, QualityMetric, QualityRole } from './types.js';

/** What a quality column holds. */
export interface MetricDefinition {
  metric: MetricName;
  level: 'domain' | 'page';
  /** The metric's name, as its tool calls it. */
  label: string;
  /** The tool that defines the scale (a mapped CSV names the column instead). */
  tool: InboundTool;
}

/** Column role → metric. */
export const metricDefinitions: Readonly<Record<QualityRole, MetricDefinition>> = {
  domainRating: {
    metric: 'domain-rating',
    level: 'domain',
    label: 'Domain Rating',
    tool: 'ahrefs',
  },
  urlRating: { metric: 'url-rating', level: 'page', label: 'URL Rating', tool: 'ahrefs' },
  domainAuthority: {
    metric: 'domain-authority',
    level: 'domain',
    label: 'Domain Authority',
    tool: 'moz',
  },
  pageAuthority: { metric: 'page-authority', level: 'page', label: 'Page Authority', tool: 'moz' },
  spamScore: { metric: 'spam-score', level: 'domain', label: 'Spam Score', tool: 'moz' },
  authorityScore: {
    metric: 'authority-score',
    level: 'domain',
    label: 'Authority Score',
    tool: 'semrush',
  },
  pageAuthorityScore: {
    metric: 'page-authority-score',
    level: 'page',
    label: 'Page Authority Score',
    tool: 'semrush',
  },
  trustFlow: { metric: 'trust-flow', level: 'domain', label: 'Trust Flow', tool: 'majestic' },
  citationFlow: {
    metric: 'citation-flow',
    level: 'domain',
    label: 'Citation Flow',
    tool: 'majestic',
  },
  sourceTrustFlow: { metric: 'trust-flow', level: 'page', label: 'Trust Flow', tool: 'majestic' },
  sourceCitationFlow: {
    metric: 'citation-flow',
    level: 'page',
    label: 'Citation Flow',
    tool: 'majestic',
  },
};

/** Every quality role. */
export const qualityRoles = Object.keys(metricDefinitions) as QualityRole[];

/**
 * Domain-level metrics that rate a linking site's authority, in the order one is chosen for
 * its quality band: the first present wins. Spam Score is a risk, not an authority: not here.
 */
export const authorityOrder: readonly MetricName[] = [
  'domain-rating',
  'domain-authority',
  'authority-score',
  'trust-flow',
];

/**
 * A metric cell → value, or `undefined` when unreadable, `null` when empty. Reads `71.5`,
 * `71,5`, `3%`, and `-`/`n/a` as empty (Moz writes `-` for no score).
 */
export function parseMetric(value: string): number | null | undefined {
  const text = value.trim();
  if (text === '' || text === '-' || /^n\/?a$/i.test(text)) return null;
  const match = /^(-?\d+(?:[.,]\d+)?)\s*%?$/.exec(text);
  if (!match) return undefined;
  const number = Number(match[1]!.replace(',', '.'));
  if (!Number.isFinite(number) || number < 0 || number > 100) return undefined;
  return number;
}

/** The metric a cell of `role` gives; `source` names the tool's scale or the mapped column. */
export function createMetric(role: QualityRole, value: number, source: string): QualityMetric {
  const definition = metricDefinitions[role];
  return {
    metric: definition.metric,
    level: definition.level,
    value,
    score: Math.round(Math.min(100, Math.max(0, value)) * 10) / 10,
    source,
  };
}

/**
 * Merge metric lists: one entry per metric and level, the larger score (two exports of one
 * site, or one site's rows from several pages), sorted by metric then level.
 */
export function mergeMetrics(
  a: readonly QualityMetric[],
  b: readonly QualityMetric[],
): QualityMetric[] {
  if (b.length === 0) return a as QualityMetric[];
  if (a.length === 0) return b as QualityMetric[];
  const byKey = new Map<string, QualityMetric>();
  for (const metric of [...a, ...b]) {
    const key = `${metric.metric} ${metric.level}`;
    const known = byKey.get(key);
    if (!known || metric.score > known.score) byKey.set(key, metric);
  }
  return [...byKey.values()].sort(compareMetrics);
}

/** Order of metric lists: by metric, then level. */
export function compareMetrics(a: QualityMetric, b: QualityMetric): number {
  return a.metric < b.metric
    ? -1
    : a.metric > b.metric
      ? 1
      : a.level < b.level
        ? -1
        : a.level > b.level
          ? 1
          : 0;
}

/** The authority of a site from its domain-level metrics (see `authorityOrder`), or null. */
export function authorityOf(metrics: readonly QualityMetric[]): QualityMetric | null {
  for (const name of authorityOrder) {
    const found = metrics.find((metric) => metric.metric === name && metric.level === 'domain');
    if (found) return found;
  }
  return null;
}
