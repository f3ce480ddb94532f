/**
 * What the last build's report knows about one page: its entry of `pages[]`, its orphan,
 * island and asset entries, its findings; and whether the report is older than the page's
 * sources. The report is read once per version of `report.json` (it can be large).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../src/findings/finding.js';
import { reportSchemaVersion } from '../../src/report/model/report-meta.js';
import type { Report } from '../../src/report/model/report-schema.js';
import { pageKey } from '../../src/site/url.js';
import type { PageFacts, ReportState } from './protocol.js';

/** Inlinks listed per page; the home page of a big site has one per page. */
export const maxInlinks = 100;
/** The last build's findings listed per page. */
export const maxFindings = 100;

/** A report read from a folder. */
export interface LoadedReport {
  report: Report;
  file: string;
  writtenAt: Date;
}

/** Why there is no report to read. */
export type ReportProblem = Extract<ReportState, { status: 'missing' | 'unreadable' }>;

/** Where the report is, and how to say so when it is not. */
export interface ReportSource {
  /** The folder holding the newest `report.json`, or null. */
  folder: () => Promise<string | null>;
  /** Where a report would be, for the message when there is none. */
  expected: string;
  /** How to get (or refresh) one: `Run astro build …`. */
  hint: string;
}

/** Reads the report, again only when `report.json` changed. */
export function createReportReader(source: ReportSource) {
  let cached: { file: string; mtimeMs: number; size: number; loaded: LoadedReport } | null = null;
  return async (): Promise<LoadedReport | ReportProblem> => {
    const folder = await source.folder();
    if (folder === null) {
      return {
        status: 'missing',
        message: `No link report yet: there is no report.json in ${source.expected}.`,
        hint: source.hint,
      };
    }
    const file = path.join(folder, 'report.json');
    try {
      const info = await stat(file);
      if (cached?.file === file && cached.mtimeMs === info.mtimeMs && cached.size === info.size) {
        return cached.loaded;
      }
      const report = JSON.parse(await readFile(file, 'utf8')) as Report;
      if (report?.generator?.name !== 'astro-link-report' || !Array.isArray(report.pages)) {
        throw new Error('it is not a report of astro-link-report');
      }
      if (report.schemaVersion !== reportSchemaVersion) {
        throw new Error(
          `it has schemaVersion ${JSON.stringify(report.schemaVersion)}, and this version reads ${reportSchemaVersion}`,
        );
      }
      const loaded = { report, file, writtenAt: info.mtime };
      cached = { file, mtimeMs: info.mtimeMs, size: info.size, loaded };
      return loaded;
    } catch (error) {
      return {
        status: 'unreadable',
        message: `${file} could not be read: ${(error as Error).message}`,
        hint: source.hint,
      };
    }
  };
}

/** What `describePage` needs. */
export interface DescribePageInput {
  loaded: LoadedReport;
  /** The page's path, with base. */
  path: string;
  /** The project root: the report's source paths are relative to it. */
  root: string;
  /** The dev server's source file for the page's route, relative to the root, if any. */
  routeSource: string | null;
  hint: string;
  reportPage: string;
}

/** The report's state for this page, and its facts about it. */
export async function describePage(
  input: DescribePageInput,
): Promise<{ state: ReportState; facts: PageFacts | null }> {
  const { report } = input.loaded;
  const key = pageKey(input.path);
  const page =
    report.pages.find((candidate) => candidate.path === input.path) ??
    report.pages.find((candidate) => pageKey(candidate.path) === key) ??
    null;
  const sources = new Set(
    [input.routeSource, page?.source, page?.entry].filter((file): file is string => !!file),
  );
  const changed: { file: string; changedAt: string }[] = [];
  for (const file of sources) {
    const info = await stat(path.join(input.root, file)).catch(() => null);
    if (info && info.mtimeMs > input.loaded.writtenAt.getTime()) {
      changed.push({ file, changedAt: info.mtime.toISOString() });
    }
  }
  const state: ReportState = {
    status: 'ok',
    writtenAt: input.loaded.writtenAt.toISOString(),
    generatedAt: report.generatedAt,
    changed,
    hint: input.hint,
    reportPage: input.reportPage,
    outboundChecked: report.outbound.check.enabled,
    inbound: report.inbound !== null,
  };
  if (page === null) return { state, facts: null };
  const isThis = (entry: { path: string }) => entry.path === page.path;
  const { orphans, assets } = report;
  const findings = report.findings.filter((finding: Finding) => finding.page === page.path);
  const inlinks = page.inlinks.slice(0, maxInlinks);
  const kinds = new Map(report.pages.map((other) => [other.path, other.kind]));
  const inlinkKinds: PageFacts['inlinkKinds'] = {};
  for (const inlink of inlinks) {
    const kind = kinds.get(inlink.from);
    if (kind && kind !== 'page') inlinkKinds[inlink.from] = kind;
  }
  return {
    state,
    facts: {
      page: { ...page, inlinks },
      inlinksOmitted: Math.max(0, page.inlinks.length - maxInlinks),
      inlinkKinds,
      home: orphans.home,
      orphan:
        orphans.orphans.find((entry) => isThis(entry) || entry.translations.includes(page.path)) ??
        null,
      island: orphans.islands.find(isThis) ?? null,
      boilerplateOnly: orphans.boilerplateOnly.find(isThis) ?? null,
      excluded: orphans.excluded.find(isThis) ?? null,
      asset: assets.pages.find(isThis) ?? null,
      assetSuppressed: assets.suppressed.find(isThis) ?? null,
      findings: findings.slice(0, maxFindings),
      findingsOmitted: Math.max(0, findings.length - maxFindings),
    },
  };
}
