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
export { checkLinks, resolveReferences } from './check/check-links.js';
export { extractPage } from './extract/extract-page.js';
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
} from './extract/types.js';
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
} from './findings/definitions.js';
export { buildLinkGraph, type LinkEdge, type LinkGraph } from './graph/build-link-graph.js';
export { type CollectedInbound, collectInbound } from './inbound/collect-inbound.js';
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
export {
  type LinkReportOptions,
  linkReportOptionsSchema,
  type ResolvedLinkReportOptions,
  resolveOptions,
} from './options.js';
export { buildReport } from './report/model/build-report.js';
export {
  createReportJsonSchema,
  type Report,
  type ReportPage,
  reportSchema,
  reportSchemaVersion,
} from './report/model/report-schema.js';
export { renderGithubAnnotations, renderGithubSummary } from './report/render/render-github.js';
export { type RenderHtmlOptions, renderHtmlReport } from './report/render/render-html.js';
export { renderJsonReport } from './report/render/render-json.js';
export {
  renderFindingsByPage,
  renderSummaryLine,
  renderTerminalReport,
  type TerminalOptions,
} from './report/render/render-terminal.js';
export { type WriteReportResult, writeReportFiles } from './report/reporters/write-report.js';
export {
  findingsAtFailLevel,
  type LinkReportInput,
  type LinkReportResult,
  runLinkReport,
} from './run-link-report.js';
export { discoverFiles, OutputDirError } from './site/discover.js';
export {
  createSiteIndex,
  type PageKind,
  type PathTarget,
  type RedirectRule,
  type RouteInfo,
  type SiteIndex,
  type SitePage,
} from './site/site-index.js';
export {
  createSiteUrls,
  fileToUrlPath,
  pageKey,
  type SiteShape,
  type SiteUrls,
} from './site/url.js';
export { createSourceLocator, type SourceLocation } from './sources/locate-in-source.js';
export { version } from './version.js';
