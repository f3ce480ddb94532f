/**
 * Inbound links: importers for Search Console, Ahrefs, Semrush, Bing and mapped CSV exports
 * (local files, folders or URLs), their merge, and the join with the built site.
 */

export { suggestPage } from '../check/suggest.js';
export { type DecodedExport, decodeExport, type TextEncodingName } from './decode.js';
export { type DetectedTable, type DetectTableOptions, detectTable } from './detect-table.js';
export {
  type Download,
  type DownloadOptions,
  defaultInboundCacheDir,
  downloadExport,
  resolveInboundCacheDir,
} from './fetch-remote.js';
export {
  type ColumnDefinition,
  describeTable,
  getTableDefinition,
  type RecordShape,
  type TableDefinition,
  tableDefinitions,
} from './formats.js';
export {
  type JoinInboundOptions,
  joinInbound,
  type PageLookup,
  type PageLookupResult,
} from './join-inbound.js';
export { inboundFileExtensions, type LoadInboundOptions, loadInbound } from './load-sources.js';
export { mergeInboundExports } from './merge-inbound.js';
export { authorityOf, metricDefinitions, parseMetric } from './metrics.js';
export {
  type InboundSourceOption,
  inboundCacheDirSchema,
  inboundColumnsSchema,
  inboundFileSourceSchema,
  inboundOptionsSchema,
  inboundSourceSchema,
  inboundUrlSourceSchema,
  type ResolvedInboundSource,
  type SiteKindsOption,
  siteKindsSchema,
} from './options.js';
export {
  defaultExportLimits,
  type ExportLimits,
  type ParsedExport,
  type ParseExportOptions,
  parseInboundExport,
  parseInboundStream,
} from './parse-export.js';
export type { ExportRecords, SiteRow } from './read-rows.js';
export { redactUrl, secretParameterWords } from './redact.js';
export { classifySite, createSiteClassifier, defaultSiteKinds, siteKinds } from './site-kinds.js';
export type * from './types.js';
