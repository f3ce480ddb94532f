/**
 * Memory from run to run: after each run a small snapshot of the report is kept in the cache
 * folder (one per output folder), and the next run of the same site says what changed since:
 * new and fixed findings, new orphans and pages that stopped being orphans, the pages whose
 * contextual inlinks and link score moved most, assets that gained or lost backlinks, and
 * linking sites new or lost since the previous inbound data.
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type FindingType, findingTypes } from '../findings/definitions.js';
import { severities, severityRank } from '../findings/severity.js';
import type { Report } from '../report/model/report-schema.js';
import { compareIdentities, identityKey, identityOf } from './finding-identity.js';

/** Version of the snapshot's shape; a snapshot of another version is not compared. */
const snapshotVersion = 1;

/** Largest snapshot read back. */
const maxSnapshotBytes = 256 * 1024 * 1024;

/** Most entries listed per kind of change (all are counted). */
export const maxListedChanges = 100;

/** Most pages listed as moving most in inlinks or link score. */
const maxMovers = 10;

const snapshotFindingSchema = z.object({
  type: z.enum(findingTypes as [FindingType, ...FindingType[]]),
  severity: z.enum(severities),
  page: z.string().nullable(),
  target: z.string(),
  count: z.number().int().positive(),
  message: z.string(),
});

const snapshotSchema = z.object({
  generator: z.literal('astro-link-report'),
  version: z.literal(snapshotVersion),
  generatedAt: z.string(),
  findings: z.array(snapshotFindingSchema),
  orphans: z.array(z.string()),
  /** [path, contextual inlinks, link score] per content page. */
  pages: z.array(z.tuple([z.string(), z.number(), z.number().nullable()])),
  /** [path, backlinks] per linkable asset. */
  assets: z.array(z.tuple([z.string(), z.number().nullable()])),
  /** Linking sites of the inbound data; null without inbound data. */
  linkingSites: z.array(z.string()).nullable(),
  /**
   * The inbound sources read (`name` of each export whose status is ok: a file, also one of
   * a folder, or a URL); null without inbound data. Absent in snapshots of earlier versions:
   * taken as the same as this run's.
   */
  inboundRead: z.array(z.string()).nullable().optional(),
});

/** What is kept of a run. */
export type RunSnapshot = z.infer<typeof snapshotSchema>;
/** A finding (or several with one identity) in a snapshot or a change list. */
export type ChangedFinding = z.infer<typeof snapshotFindingSchema>;

/** A page whose number moved. */
export interface Mover {
  path: string;
  before: number | null;
  after: number | null;
}

/** What changed since the previous run of the same site. */
export interface RunChanges {
  /** When the previous run was. */
  since: string;
  /** Errors and warnings new since then, and those gone (counts of findings). */
  findings: {
    added: ChangedFinding[];
    fixed: ChangedFinding[];
    addedCount: number;
    fixedCount: number;
  };
  orphans: { added: string[]; removed: string[] };
  /** Content pages added and removed. */
  pages: { added: string[]; removed: string[]; addedCount: number; removedCount: number };
  /** The pages whose contextual inlinks moved most. */
  contextualInlinks: Mover[];
  /** The pages whose link score moved most (by at least 1). */
  linkScore: Mover[];
  /** Linkable assets whose backlinks changed. */
  assetBacklinks: Mover[];
  /**
   * Linking sites new and lost; null when either run had no inbound data, or when the two
   * runs read different inbound sources (see `inboundNotCompared`).
   */
  linkingSites: { added: string[]; lost: string[] } | null;
  /**
   * Why what depends on inbound data (linking sites, asset backlinks, findings made from
   * exports) is not compared: the runs read different sources, e.g. `links.csv was read in
   * the last run, not in this one`. Null when they read the same ones.
   */
  inboundNotCompared: string | null;
}

/**
 * Findings made from inbound data: they come and go with the sources read, so they are
 * compared only when both runs read the same ones.
 */
const fromInboundData = new Set<FindingType>([
  'lost-backlink-target',
  'under-promoted-asset',
  'suspicious-linking-site',
  // Note: an orphan with backlinks is an orphan-page without them: both come and go.
  'orphan-with-backlinks',
  'orphan-page',
]);

/** The snapshot of a report. */
export function createSnapshot(report: Report): RunSnapshot {
  const origin = report.site.site;
  const entries = new Map<string, ChangedFinding>();
  for (const finding of report.findings) {
    const identity = identityOf(finding, origin);
    const key = `${identityKey(identity)}\u0000${finding.severity}`;
    const entry = entries.get(key);
    if (entry) entry.count += 1;
    else {
      entries.set(key, {
        ...identity,
        severity: finding.severity,
        count: 1,
        message: finding.message,
      });
    }
  }
  return {
    generator: 'astro-link-report',
    version: snapshotVersion,
    generatedAt: report.generatedAt,
    findings: [...entries.values()].sort(compareIdentities),
    orphans: report.orphans.orphans.flatMap((orphan) => [orphan.path, ...orphan.translations]),
    pages: report.pages
      .filter((page) => page.kind === 'page')
      .map((page) => [page.path, page.metrics.contextualInlinks, page.metrics.linkScore]),
    assets: report.assets.pages.map((asset) => [asset.path, asset.backlinks]),
    linkingSites: report.inbound ? report.inbound.linkingSites.map((site) => site.site) : null,
    inboundRead: report.inbound
      ? [
          ...new Set(
            report.inbound.sources.filter((s) => s.status === 'ok').map((source) => source.name),
          ),
        ]
      : null,
  };
}

/** Compare a run with the previous one. */
export function compareRuns(previous: RunSnapshot, current: RunSnapshot): RunChanges {
  const inboundNotCompared = inboundDifference(previous, current);
  const problems = (snapshot: RunSnapshot) =>
    new Map(
      snapshot.findings
        .filter((f) => severityRank(f.severity) <= severityRank('warning'))
        .filter((f) => inboundNotCompared === null || !fromInboundData.has(f.type))
        .map((f) => [identityKey(f), f]),
    );
  const before = problems(previous);
  const after = problems(current);
  const added: ChangedFinding[] = [];
  const fixed: ChangedFinding[] = [];
  for (const [key, entry] of after) {
    const count = entry.count - (before.get(key)?.count ?? 0);
    if (count > 0) added.push({ ...entry, count });
  }
  for (const [key, entry] of before) {
    const count = entry.count - (after.get(key)?.count ?? 0);
    if (count > 0) fixed.push({ ...entry, count });
  }
  const rank = (a: ChangedFinding, b: ChangedFinding) =>
    severityRank(a.severity) - severityRank(b.severity) || compareIdentities(a, b);
  added.sort(rank);
  fixed.sort(rank);

  const pagesBefore = new Map(previous.pages.map(([p, inlinks, score]) => [p, { inlinks, score }]));
  const pagesAfter = new Map(current.pages.map(([p, inlinks, score]) => [p, { inlinks, score }]));
  const addedPages = [...pagesAfter.keys()].filter((p) => !pagesBefore.has(p));
  const removedPages = [...pagesBefore.keys()].filter((p) => !pagesAfter.has(p));
  const movers = (
    pick: (value: { inlinks: number; score: number | null }) => number | null,
    least: number,
  ) =>
    [...pagesAfter]
      .flatMap(([page, value]) => {
        const old = pagesBefore.get(page);
        if (!old) return [];
        const a = pick(old);
        const b = pick(value);
        if (a === null || b === null || Math.abs(b - a) < least) return [];
        return [{ path: page, before: a, after: b }];
      })
      .sort(byMove)
      .slice(0, maxMovers);

  const assetsBefore = new Map(inboundNotCompared === null ? previous.assets : []);
  const assetBacklinks = current.assets
    .flatMap(([asset, backlinks]) => {
      if (!assetsBefore.has(asset)) return [];
      const old = assetsBefore.get(asset) ?? null;
      return old === backlinks || (old ?? 0) === (backlinks ?? 0)
        ? []
        : [{ path: asset, before: old, after: backlinks }];
    })
    .sort(byMove)
    .slice(0, maxListedChanges);

  const orphansBefore = new Set(previous.orphans);
  const orphansAfter = new Set(current.orphans);
  return {
    since: previous.generatedAt,
    findings: {
      added: added.slice(0, maxListedChanges),
      fixed: fixed.slice(0, maxListedChanges),
      addedCount: sumCounts(added),
      fixedCount: sumCounts(fixed),
    },
    orphans: {
      added: current.orphans.filter((p) => !orphansBefore.has(p)),
      // Note: a page that is gone is not a page that stopped being an orphan.
      removed: previous.orphans.filter((p) => !orphansAfter.has(p) && pagesAfter.has(p)),
    },
    pages: {
      added: addedPages.slice(0, maxListedChanges),
      removed: removedPages.slice(0, maxListedChanges),
      addedCount: addedPages.length,
      removedCount: removedPages.length,
    },
    contextualInlinks: movers((value) => value.inlinks, 1),
    linkScore: movers((value) => value.score, 1),
    assetBacklinks,
    linkingSites:
      previous.linkingSites && current.linkingSites && inboundNotCompared === null
        ? difference(previous.linkingSites, current.linkingSites)
        : null,
    inboundNotCompared,
  };
}

/**
 * How the inbound sources read differ between two runs (`a.csv was read in the last run, not
 * in this one`), or null when they are the same, or when a run had no inbound data at all.
 */
function inboundDifference(previous: RunSnapshot, current: RunSnapshot): string | null {
  if (!previous.linkingSites || !current.linkingSites) return null;
  // Note: a snapshot of an earlier version did not say; it is taken as the same.
  if (!previous.inboundRead || !current.inboundRead) return null;
  const before = new Set(previous.inboundRead);
  const after = new Set(current.inboundRead);
  const lost = [...before].filter((entry) => !after.has(entry)).sort();
  const gained = [...after].filter((entry) => !before.has(entry)).sort();
  if (lost.length === 0 && gained.length === 0) return null;
  const names = (entries: string[]) =>
    entries.length <= 3
      ? entries.join(', ')
      : `${entries.slice(0, 3).join(', ')} and ${entries.length - 3} more`;
  const parts = [];
  if (lost.length) {
    parts.push(
      `${names(lost)} ${lost.length === 1 ? 'was' : 'were'} read in the last run, not in this one`,
    );
  }
  if (gained.length) {
    parts.push(
      `${names(gained)} ${gained.length === 1 ? 'is' : 'are'} read in this run, not in the last one`,
    );
  }
  return parts.join('; ');
}

/** The one line a terminal shows, or null when nothing changed. */
export function describeChanges(changes: RunChanges): string | null {
  const parts: string[] = [];
  const { findings, orphans } = changes;
  if (findings.addedCount) parts.push(`+${findings.addedCount} new`);
  if (findings.fixedCount) parts.push(`−${findings.fixedCount} fixed`);
  if (orphans.added.length) parts.push(plural(orphans.added.length, 'new orphan'));
  if (orphans.removed.length) {
    parts.push(`${plural(orphans.removed.length, 'page')} no longer orphaned`);
  }
  if (changes.pages.addedCount) parts.push(`${plural(changes.pages.addedCount, 'page')} added`);
  if (changes.pages.removedCount) {
    parts.push(`${plural(changes.pages.removedCount, 'page')} removed`);
  }
  if (changes.linkingSites?.added.length) {
    parts.push(plural(changes.linkingSites.added.length, 'new linking site'));
  }
  if (changes.linkingSites?.lost.length) {
    parts.push(plural(changes.linkingSites.lost.length, 'lost linking site'));
  }
  const inbound = changes.inboundNotCompared
    ? `inbound data not compared (${changes.inboundNotCompared})`
    : null;
  if (parts.length === 0 && inbound === null) return null;
  const said = [parts.join(', '), inbound].filter(Boolean).join('; ');
  return `since the last run (${changes.since}): ${said}`;
}

/** Where the snapshot of the run over one output folder is kept. */
export function snapshotFile(cacheDir: string, outputDir: string): string {
  const id = createHash('sha1').update(path.resolve(outputDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'runs', `${id}.json`);
}

/**
 * Read the previous run's snapshot.
 * @returns null when there is none; a note when there is one that cannot be used.
 */
export async function readSnapshot(file: string): Promise<RunSnapshot | { note: string } | null> {
  const info = await lstat(file).catch(() => null);
  if (!info) return null;
  if (!info.isFile() || info.size > maxSnapshotBytes) {
    return {
      note: `the previous run's snapshot ${file} is not a file of a usable size; changes since it are not shown`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return {
      note: `the previous run's snapshot ${file} is not JSON (${(error as Error).message}); changes since it are not shown`,
    };
  }
  const parsed = snapshotSchema.safeParse(data);
  if (!parsed.success) {
    return {
      note: `the previous run's snapshot ${file} is from another version or damaged; changes since it are not shown (the next run will show them)`,
    };
  }
  return parsed.data;
}

/** Keep a run's snapshot for the next run (atomically). */
export async function writeSnapshot(file: string, snapshot: RunSnapshot): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp-${randomBytes(4).toString('hex')}`;
  try {
    await writeFile(temporary, JSON.stringify(snapshot), { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

function byMove(a: Mover, b: Mover): number {
  const move = (m: Mover) => Math.abs((m.after ?? 0) - (m.before ?? 0));
  return move(b) - move(a) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

function difference(before: readonly string[], after: readonly string[]) {
  const a = new Set(before);
  const b = new Set(after);
  return {
    added: after.filter((site) => !a.has(site)).sort(),
    lost: before.filter((site) => !b.has(site)).sort(),
  };
}

function sumCounts(entries: readonly ChangedFinding[]): number {
  return entries.reduce((sum, entry) => sum + entry.count, 0);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
