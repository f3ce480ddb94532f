/**
 * Run the whole pipeline on a small site whose links point at local test servers, with the
 * outbound check on.
 */
import type { ExternalOptionsInput } from '../../src/external/options.js';
import { type LinkReportOptions, type LinkReportResult, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Outbound options for tests: local servers allowed, short waits. */
export const fastExternal = {
  check: true,
  allowPrivateHosts: true,
  timeout: 1000,
  maxRetryWait: 100,
  retries: 1,
} satisfies ExternalOptionsInput;

/** Options of `checkLinks`. */
export interface CheckOptions {
  external?: ExternalOptionsInput;
  options?: LinkReportOptions;
  /** The run's cache folder; a fresh one by default, `null` for none. */
  cacheDir?: string | null;
  onExternalProgress?: (done: number, total: number) => void;
}

/** What a check gave: the run, and each URL's result by URL. */
export interface CheckedSite {
  result: LinkReportResult;
  byUrl: Map<string, LinkReportResult['report']['outbound']['check']['urls'][number]>;
  stats: NonNullable<LinkReportResult['report']['outbound']['check']['stats']>;
  cacheDir: string | null;
}

/** A site of one page with these links (`href`s, or whole `<a>` elements). */
export async function siteWithLinks(links: readonly string[]): Promise<string> {
  const body = links
    .map((link) => (link.startsWith('<') ? link : `<a href="${link}">a link</a>`))
    .join('\n');
  return writeSite({ 'index.html': page(body) });
}

/** Check a site folder (or the links of a one-page site). */
export async function checkLinks(
  site: string | readonly string[],
  check: CheckOptions = {},
): Promise<CheckedSite> {
  const dir = typeof site === 'string' ? site : await siteWithLinks(site);
  const cacheDir = check.cacheDir === undefined ? await makeTempDir('cache-') : check.cacheDir;
  const result = await runLinkReport({
    dir,
    site: 'https://example.com',
    cacheDir: cacheDir ?? undefined,
    onExternalProgress: check.onExternalProgress,
    options: {
      ...check.options,
      severity: { 'localhost-link': 'off', 'insecure-outbound': 'off', ...check.options?.severity },
      external: { ...fastExternal, ...check.external },
    },
  });
  const { check: outbound } = result.report.outbound;
  return {
    result,
    byUrl: new Map(outbound.urls.map((entry) => [entry.url, entry])),
    stats: outbound.stats!,
    cacheDir,
  };
}
