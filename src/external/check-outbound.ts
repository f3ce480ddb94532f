/**
 * The outbound stage of the pipeline: the audits that need no network (always), and the
 * check of every outbound URL (when `external.check` is on).
 */
import path from 'node:path';
import type { ExtractedLink } from '../extract/types.js';
import type { Finding } from '../findings/finding.js';
import type { SitePage } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';
import { auditOutboundLinks } from './audit-links.js';
import type { ExternalCheck } from './check-external.js';
import { createExternalFindings } from './external-findings.js';
import type { ExternalOptions } from './options.js';

/** Input of `checkOutbound`. */
export interface CheckOutboundInput {
  pages: readonly SitePage[];
  urls: SiteUrls;
  options: ExternalOptions;
  isIgnoredLink: (link: ExtractedLink, page: SitePage) => boolean;
  /** The run's cache folder (results go to its `external/` folder), or null for none. */
  cacheDir: string | null;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What the outbound stage found. */
export interface OutboundStage {
  findings: Finding[];
  notes: string[];
  /** The check's results, or null when `external.check` is off. */
  check: ExternalCheck | null;
  options: ExternalOptions;
}

/** Audit the outbound links, and check their URLs when asked. */
export async function checkOutbound(input: CheckOutboundInput): Promise<OutboundStage> {
  const audit = auditOutboundLinks({
    pages: input.pages,
    urls: input.urls,
    isIgnoredLink: input.isIgnoredLink,
    affiliates: input.options.affiliates,
  });
  if (!input.options.check) {
    return { findings: audit.findings, notes: audit.notes, check: null, options: input.options };
  }
  // Note: loaded only for a check: the HTTP client and its modules cost about 80 ms to load.
  const { checkExternalUrls } = await import('./check-external.js');
  const check = await checkExternalUrls({
    pages: input.pages,
    isIgnoredLink: input.isIgnoredLink,
    options: input.options,
    cacheDir: input.cacheDir ? path.join(input.cacheDir, 'external') : null,
    onProgress: input.onProgress,
  });
  return {
    findings: [...audit.findings, ...createExternalFindings(check.urls)],
    notes: [...audit.notes, ...check.notes],
    check,
    options: input.options,
  };
}
