/**
 * The public API of astro-link-report's core (`astro-link-report/api`). Re-exports only.
 */
export {
  type AnalyzeSiteInput,
  analyzeSite,
  type LinkScoreRun,
  type SiteAnalysis,
} from './analyze/analyze-site.js';
export type { AnchorAnalysis, LinkingTextRow } from './analyze/anchors.js';
export { type AssetRule, type AssetType, assetRules, assetTypes } from './analyze/asset-rules.js';
export {
  type AssetAnalysis,
  classifyAsset,
  type LinkableAsset,
} from './analyze/linkable-assets.js';
export { defaultGenericAnchors } from './analyze/options.js';
export type { OrphanAnalysis } from './analyze/orphans.js';
export type { PageInbound, PageMetrics } from './analyze/page-metrics.js';
export { computePageRank, toLogScores } from './analyze/page-rank.js';
export type { RankingEntry, Rankings } from './analyze/rankings.js';
export { checkLinks, resolveReferences } from './check-links.js';
export { type CollectedInbound, collectInbound } from './collect-inbound.js';
export { discoverFiles, OutputDirError } from './discover.js';
export { extractPage } from './extract/extract-page.js';
export {
  compareFindings,
  createFinding,
  type Finding,
  type FindingDetails,
  type FindingLink,
  type FindingType,
  findingDefinitions,
  findingTypes,
  type Severity,
} from './findings.js';
export { buildLinkGraph, type LinkEdge, type LinkGraph } from './graph.js';
export {
  classifySite,
  defaultSiteKinds,
  type InboundData,
  type InboundLink,
  type InboundProblem,
  type JoinedInbound,
  joinInbound,
  loadInbound,
  parseInboundExport,
  type SourceSummary,
} from './inbound/index.js';
export { createSourceLocator, type SourceLocation } from './locate-in-source.js';
export {
  type LinkReportOptions,
  linkReportOptionsSchema,
  type ResolvedLinkReportOptions,
  resolveOptions,
} from './options.js';
export { buildReport } from './report/build-report.js';
export { renderGithubAnnotations, renderGithubSummary } from './report/render-github.js';
export { type RenderHtmlOptions, renderHtmlReport } from './report/render-html.js';
export { renderJsonReport } from './report/render-json.js';
export {
  renderFindingsByPage,
  renderSummaryLine,
  renderTerminalReport,
  type TerminalOptions,
} from './report/render-terminal.js';
export {
  createReportJsonSchema,
  type Report,
  type ReportPage,
  reportSchema,
  reportSchemaVersion,
} from './report/report-schema.js';
export { type WriteReportResult, writeReportFiles } from './report/write-report.js';
export {
  findingsAtFailLevel,
  type LinkReportInput,
  type LinkReportResult,
  runLinkReport,
} from './run-link-report.js';
export {
  createSiteIndex,
  type PageKind,
  type PathTarget,
  type RedirectRule,
  type RouteInfo,
  type SiteIndex,
  type SitePage,
} from './site-index.js';
export type {
  AnchorSource,
  ContentSignals,
  ExtractedLink,
  LinkKind,
  LinkScope,
  PageFacts,
  PageLinks,
  Placement,
  Position,
} from './types.js';
export { createSiteUrls, fileToUrlPath, pageKey, type SiteShape, type SiteUrls } from './url.js';
export { version } from './version.js';
