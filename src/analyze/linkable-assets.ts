/**
 * Linkable assets: classify pages with the rules table (`asset-rules.ts`), apply the
 * user's overrides, and cross the result with internal links and backlinks.
 */
import picomatch from 'picomatch';
import { createFinding, type Finding } from '../findings/finding.js';
import type { SitePage } from '../site/site-index.js';
import {
  type AssetRule,
  type AssetRuleInput,
  type AssetType,
  assetRules,
  assetTypes,
  pageWords,
  phraseMatcher,
} from './asset-rules.js';
import type { PageInbound, PageMetrics } from './page-metrics.js';

/** A signal that fired, with the page's own numbers. */
export interface FiredSignal {
  id: string;
  description: string;
}

/** The outcome of running the rules table on one page. */
export interface AssetClassification {
  /** The best-scoring type that matched, or `null`. */
  type: AssetType | null;
  /** The winning type's score, or `null` when no type matched. */
  score: number | null;
  /** The winning type's signals that fired. */
  signals: FiredSignal[];
}

/** Where an asset type came from. */
export type AssetSource = 'signals' | 'meta' | 'option';

/** A page classified as a linkable asset. */
export interface LinkableAsset {
  path: string;
  title: string | null;
  type: AssetType;
  source: AssetSource;
  /** The options glob that declared it, when `source` is `option`. */
  pattern: string | null;
  /** Score under the type's rule (also computed for declared assets). */
  score: number;
  /** Signals of the type's rule that fired on this page. */
  signals: FiredSignal[];
  linkingPages: number;
  contextualLinkingPages: number;
  linkScore: number | null;
  backlinks: number | null;
  linkingSites: number | null;
  /** Has backlinks; `null` without inbound data. */
  earning: boolean | null;
  /** No backlinks (an outreach candidate); `null` without inbound data. */
  underPromoted: boolean | null;
  /** Fewer than `minAssetContextualLinkingPages` pages link here from their content. */
  underLinked: boolean;
  /**
   * The other pages of its translation family (its translations and fallback copies), whose
   * numbers are added into the asset's; empty for a page in one language.
   */
  translations: {
    path: string;
    locale: string | null;
    /** A fallback copy of the asset's content, not a translation. */
    copy: boolean;
    contextualLinkingPages: number;
    backlinks: number | null;
  }[];
}

/** A page an override keeps from being an asset (`'none'`). */
export interface SuppressedAsset {
  path: string;
  source: 'meta' | 'option';
  pattern: string | null;
  /** What the rules would have made it. */
  classifiedAs: AssetType | null;
}

/** What `findLinkableAssets` found. */
export interface AssetAnalysis {
  /** Assets, grouped by type in table order, then by path. */
  pages: LinkableAsset[];
  suppressed: SuppressedAsset[];
  /** Count of assets per type, every type listed. */
  byType: Record<AssetType, number>;
}

/** Input of `findLinkableAssets`. */
export interface FindLinkableAssetsInput {
  pages: readonly SitePage[];
  home: string | null;
  metrics: ReadonlyMap<string, PageMetrics>;
  inboundOf: (page: SitePage) => PageInbound | null;
  /** The `assets` option: glob → type or `'none'`. */
  overrides: Readonly<Record<string, AssetType | 'none'>>;
}

/** An asset linked from fewer content pages than this is under-linked internally. */
export const minAssetContextualLinkingPages = 3;

/**
 * Run the rules table on one page. Each rule adds the weights of its signals that fire;
 * a type matches when the score reaches `minScore`, one of its `requires` signals fired,
 * and no `veto` word is in the URL or title. The highest score wins; ties go to the type
 * listed first in `assetTypes`.
 */
export function classifyAsset(input: AssetRuleInput): AssetClassification {
  let best: AssetClassification = { type: null, score: null, signals: [] };
  for (const rule of assetRules) {
    const { score, signals, matches } = scoreRule(rule, input);
    if (matches && (best.score === null || score > best.score))
      best = { type: rule.type, score, signals };
  }
  return best;
}

/** Score one rule on one page. */
function scoreRule(
  rule: AssetRule,
  input: AssetRuleInput,
): { score: number; signals: FiredSignal[]; matches: boolean } {
  const signals: FiredSignal[] = [];
  let score = 0;
  for (const signal of rule.signals) {
    const description = signal.test(input);
    if (description === null) continue;
    signals.push({ id: signal.id, description });
    score += signal.weight;
  }
  const vetoed = rule.veto.length > 0 && vetoMatcherOf(rule).test(pageWords(input));
  const matches =
    !vetoed && score >= rule.minScore && signals.some((s) => rule.requires.includes(s.id));
  return { score, signals, matches };
}

/**
 * Classify every content page that is not ignored, apply overrides and cross with links.
 *
 * Precedence: the first matching `assets` glob, then the page's `<meta
 * name="link-report:asset">` (or `data-link-report-asset`), then the rules. The home page
 * is never classified by the rules (a landing page is not an asset), only by overrides.
 * An override value that is not an asset type or `none` is ignored with a warning.
 */
export function findLinkableAssets(input: FindLinkableAssetsInput): {
  analysis: AssetAnalysis;
  findings: Finding[];
} {
  const patterns = Object.entries(input.overrides).map(([pattern, type]) => ({
    pattern,
    type,
    isMatch: picomatch(pattern, { dot: true }),
  }));
  const assets: LinkableAsset[] = [];
  const suppressed: SuppressedAsset[] = [];
  const findings: Finding[] = [];

  const familyMembers = new Map<string, SitePage[]>();
  for (const page of input.pages) {
    const list = familyMembers.get(page.family);
    if (list) list.push(page);
    else familyMembers.set(page.family, [page]);
  }
  for (const page of input.pages) {
    // Note: only the page that represents a translation family is classified and listed.
    const family = familyMembers.get(page.family) ?? [page];
    if ((family.find((member) => member.path === page.family) ?? family[0]) !== page) continue;
    const ruleInput: AssetRuleInput = {
      path: page.path,
      title: page.facts.title,
      h1: page.facts.h1,
      signals: page.signals,
      jsonLdTypes: page.facts.jsonLdTypes,
    };
    const classified = page.path === input.home ? null : classifyAsset(ruleInput);
    let declared: {
      type: AssetType | 'none';
      source: 'meta' | 'option';
      pattern: string | null;
    } | null = null;
    const option = patterns.find((entry) => entry.isMatch(page.path));
    if (option) declared = { type: option.type, source: 'option', pattern: option.pattern };
    const meta = page.signals.assetOverride;
    if (meta !== null && !isOverrideValue(meta)) {
      findings.push(
        createFinding('unknown-asset-override', {
          page: page.path,
          file: page.file,
          source: page.source,
          details: { page: page.path, value: meta, allowed: [...assetTypes, 'none'] },
        }),
      );
    } else if (meta !== null && declared === null) {
      declared = { type: meta, source: 'meta', pattern: null };
    }

    if (declared?.type === 'none') {
      suppressed.push({
        path: page.path,
        source: declared.source,
        pattern: declared.pattern,
        classifiedAs: classified?.type ?? null,
      });
      continue;
    }
    let type: AssetType;
    let score: number;
    let signals: FiredSignal[];
    if (declared) {
      type = declared.type;
      ({ score, signals } = scoreRule(ruleFor(type), ruleInput));
    } else if (classified?.type) {
      type = classified.type;
      score = classified.score ?? 0;
      signals = classified.signals;
    } else {
      continue;
    }
    // A translation family is one asset: its numbers add up over the family's pages.
    const members = familyMembers.get(page.family) ?? [page];
    const m = sumMetrics(members.map((member) => input.metrics.get(member.path)!));
    const inbound = sumInbound(members.map((member) => input.inboundOf(member)));
    assets.push({
      path: page.path,
      title: page.facts.title,
      type,
      source: declared?.source ?? 'signals',
      pattern: declared?.pattern ?? null,
      score,
      signals,
      linkingPages: m.linkingPages,
      contextualLinkingPages: m.contextualLinkingPages,
      linkScore: m.linkScore,
      backlinks: inbound?.backlinks ?? null,
      linkingSites: inbound?.linkingSites ?? null,
      earning: inbound ? inbound.backlinks > 0 : null,
      underPromoted: inbound ? inbound.backlinks === 0 : null,
      underLinked: m.contextualLinkingPages < minAssetContextualLinkingPages,
      translations: members
        .filter((member) => member !== page)
        .map((member) => {
          const own = input.metrics.get(member.path)!;
          return {
            path: member.path,
            locale: member.locale,
            copy: member.copyOf !== null,
            contextualLinkingPages: own.contextualLinkingPages,
            backlinks: input.inboundOf(member)?.backlinks ?? null,
          };
        })
        .sort((a, b) => compare(a.path, b.path)),
    });
  }

  assets.sort(
    (a, b) => assetTypes.indexOf(a.type) - assetTypes.indexOf(b.type) || compare(a.path, b.path),
  );
  const pageByPath = new Map(input.pages.map((page) => [page.path, page]));
  for (const asset of assets) {
    const page = pageByPath.get(asset.path)!;
    const at = { page: page.path, file: page.file, source: page.source };
    if (asset.underLinked) {
      findings.push(
        createFinding('under-linked-asset', {
          ...at,
          details: {
            page: asset.path,
            type: asset.type,
            contextualLinkingPages: asset.contextualLinkingPages,
            minimum: minAssetContextualLinkingPages,
          },
        }),
      );
    }
    if (asset.underPromoted) {
      findings.push(
        createFinding('under-promoted-asset', {
          ...at,
          details: { page: asset.path, type: asset.type },
        }),
      );
    }
  }
  const byType = Object.fromEntries(assetTypes.map((type) => [type, 0])) as Record<
    AssetType,
    number
  >;
  for (const asset of assets) byType[asset.type] += 1;
  return { analysis: { pages: assets, suppressed, byType }, findings };
}

const vetoMatchers = new WeakMap<AssetRule, RegExp>();

function vetoMatcherOf(rule: AssetRule): RegExp {
  let matcher = vetoMatchers.get(rule);
  if (!matcher) {
    matcher = phraseMatcher(rule.veto);
    vetoMatchers.set(rule, matcher);
  }
  return matcher;
}

function isOverrideValue(value: string): value is AssetType | 'none' {
  return value === 'none' || (assetTypes as readonly string[]).includes(value);
}

function ruleFor(type: AssetType): AssetRule {
  return assetRules.find((rule) => rule.type === type)!;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The link counts of a translation family's pages, added up (link score: the best). */
function sumMetrics(
  metrics: readonly PageMetrics[],
): Pick<PageMetrics, 'linkingPages' | 'contextualLinkingPages' | 'linkScore'> {
  let linkScore: number | null = null;
  for (const m of metrics) {
    if (m.linkScore !== null) linkScore = Math.max(linkScore ?? 0, m.linkScore);
  }
  return {
    linkingPages: metrics.reduce((sum, m) => sum + m.linkingPages, 0),
    contextualLinkingPages: metrics.reduce((sum, m) => sum + m.contextualLinkingPages, 0),
    linkScore,
  };
}

/** The backlinks of a translation family's pages, added up; null without inbound data. */
function sumInbound(inbound: readonly (PageInbound | null)[]): PageInbound | null {
  if (inbound.every((entry) => entry === null)) return null;
  return {
    backlinks: inbound.reduce((sum, entry) => sum + (entry?.backlinks ?? 0), 0),
    linkingSites: inbound.reduce((sum, entry) => sum + (entry?.linkingSites ?? 0), 0),
  };
}
