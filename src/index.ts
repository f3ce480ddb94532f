/**
 * The public API of astro-link-report's core (`astro-link-report/api`). Re-exports only.
 */

export { type AnalyzeSiteInput, analyzeSite, type SiteAnalysis } from './analyze/analyze-site.js';
export { type AssetType, assetTypes } from './analyze/asset-rules.js';
export { defaultGenericAnchors } from './analyze/options.js';
export { checkLinks } from './check/check-links.js';
export { defineConfig, type LinkReportConfig } from './config.js';
export {
  type CheckOutboundInput,
  checkOutbound,
  type OutboundStage,
} from './external/check-outbound.js';
export type { ExternalOptions, ExternalOptionsInput } from './external/options.js';
export { type ExternalStatus, externalStatuses } from './external/types.js';
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
// Findings.
export {
  type DetailsOf,
  type FindingCategory,
  type FindingType,
  findingCategories,
  findingDefinitions,
  findingDocsSlug,
  findingTypes,
  findingTypesIn,
} from './findings/definitions.js';
export { type FailOn, findingsAtFailLevel } from './findings/fail-level.js';
export {
  compareFindings,
  createFinding,
  type Finding,
  type FindingLink,
  type SourceLocation,
} from './findings/finding.js';
export { type FindingGroup, groupFindings, type PageImpact } from './findings/groups.js';
export {
  type FailLevel,
  failLevels,
  type Severity,
  type SeverityLevel,
  severities,
  severityLevels,
} from './findings/severity.js';
export { buildLinkGraph, type LinkEdge, type LinkGraph } from './graph/build-link-graph.js';
export {
  type ResolvedReference,
  ResolvedReferences,
  resolveReferences,
} from './graph/resolve-references.js';
export {
  applyBaseline,
  type Baseline,
  type BaselineEntry,
  BaselineError,
  type BaselineResult,
  createBaseline,
  readBaseline,
  writeBaseline,
} from './history/baseline.js';
export { type FindingIdentity, identityOf } from './history/finding-identity.js';
export {
  compareRuns,
  createSnapshot,
  type RunChanges,
  type RunSnapshot,
} from './history/run-history.js';
export {
  classifySite,
  defaultSiteKinds,
  type InboundData,
  type JoinedInbound,
  joinInbound,
  loadInbound,
  parseInboundExport,
  resolveInboundCacheDir,
} from './inbound/index.js';
export { nearestName } from './option-issues.js';
export {
  type IgnoreLinkFunction,
  type IgnoreLinkInfo,
  type IgnorePageFunction,
  type IgnorePageInfo,
  type LinkReportOptions,
  linkReportOptionsSchema,
  type ResolvedLinkReportOptions,
  resolveOptions,
} from './options.js';
// The report: model, schema, renderers and reporters.
export { buildReport } from './report/model/build-report.js';
export {
  createReportJsonSchema,
  type Report,
  type ReportPage,
  reportSchema,
  reportSchemaUrl,
  reportSchemaVersion,
  reportSiteSchema,
} from './report/model/report-schema.js';
export { renderGithubAnnotations, renderGithubSummary } from './report/render/render-github.js';
export { type RenderHtmlOptions, renderHtmlReport } from './report/render/render-html.js';
export { renderJsonReport } from './report/render/render-json.js';
export { renderJunitReport } from './report/render/render-junit.js';
export { type MarkdownOptions, renderMarkdownReport } from './report/render/render-markdown.js';
export { renderSarifReport, type SarifOptions } from './report/render/render-sarif.js';
export {
  renderFailureMessage,
  renderFailureSummary,
  renderGroups,
  renderOutboundLine,
  renderSummaryLine,
  renderTerminalReport,
  renderVerdict,
  type TerminalOptions,
} from './report/render/render-terminal.js';
export { renderTimings } from './report/render/render-timings.js';
export type { LocationRoots } from './report/render/result-location.js';
export { createBuildLogReporter } from './report/reporters/build-log.js';
export {
  createGithubAnnotationsReporter,
  createGithubSummaryReporter,
} from './report/reporters/github.js';
export {
  createGithubOutputReporter,
  type GithubOutputOptions,
} from './report/reporters/github-output.js';
export {
  type FormatReporterOptions,
  formatReporters,
  type OutputFormat,
  outputFormats,
  type ReportFileFormat,
  reportFileFormats,
  reportFileNames,
} from './report/reporters/index.js';
export { createJsonReporter } from './report/reporters/json.js';
export { createJunitReporter } from './report/reporters/junit.js';
export { createMarkdownReporter } from './report/reporters/markdown.js';
export {
  createReportFilesReporter,
  type ReportFilesOptions,
  type ReportFilesReporter,
  showPath,
} from './report/reporters/report-files.js';
export {
  type ReportFile,
  type ReportFileContext,
  type ReportFileText,
  reportFolderFiles,
} from './report/reporters/report-folder-files.js';
export type {
  FinishedRun,
  OutputStream,
  Reporter,
  ReporterContext,
  RunLog,
} from './report/reporters/reporter.js';
export { type ReporterFailure, runReporters } from './report/reporters/run-reporters.js';
export { createSarifReporter } from './report/reporters/sarif.js';
export { createTextReporter } from './report/reporters/terminal.js';
export {
  type WriteReportOptions,
  type WriteReportResult,
  writeReportFiles,
} from './report/reporters/write-report.js';
// The whole run.
export {
  type LinkReportInput,
  type LinkReportResult,
  type RunStage,
  type RunStats,
  runLinkReport,
} from './run-link-report.js';
// Each stage on its own.
export { discoverFiles, OutputDirError } from './site/discover.js';
export type { I18nConfig, LocaleSummary } from './site/locales.js';
export type { RedirectRule } from './site/redirects.js';
export {
  createSiteIndex,
  type PageKind,
  type RouteInfo,
  type SiteIndex,
  type SitePage,
} from './site/site-index.js';
export {
  buildFormats,
  createSiteUrls,
  type SiteShape,
  type SiteUrls,
  trailingSlashValues,
} from './site/url.js';
export { runStartTime } from './util/run-time.js';
export { escapeForTerminal } from './util/untrusted-text.js';
export { version } from './version.js';
