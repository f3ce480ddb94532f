import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  compareRuns,
  createSnapshot,
  describeChanges,
  readSnapshot,
  snapshotFile,
  writeSnapshot,
} from '../../src/history/run-history.js';
import { runLinkReport } from '../../src/index.js';
import { runAfterChange } from '../helpers/baseline-runs.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const site = 'https://example.com';

async function snapshotOf(files: Record<string, string>, now: string) {
  const dir = await writeSite(files);
  const { report } = await runLinkReport({ dir, site, now: new Date(now) });
  return createSnapshot(report);
}

const before = {
  'index.html': page('<a href="/a/">A</a> <a href="/old/">Old</a>'),
  'a/index.html': page('<a href="/">Home</a>'),
  'b/index.html': page('<a href="/">Home</a>'),
  'c/index.html': page('<a href="/">Home</a>'),
};
const after = {
  'index.html': page(
    '<a href="/a/">A</a> <a href="/b/">B</a> <a href="/b/">B again</a> <a href="/new-broken/">New</a>',
  ),
  'a/index.html': page('<a href="/">Home</a>'),
  'b/index.html': page('<a href="/">Home</a>'),
  'd/index.html': page('<a href="/">Home</a>'),
};

describe('compareRuns', () => {
  it('says what changed between two runs of a site', async () => {
    const changes = compareRuns(
      await snapshotOf(before, '2026-11-30T10:00:00Z'),
      await snapshotOf(after, '2026-12-01T10:00:00Z'),
    );
    expect(changes.since).toBe('2026-11-30T10:00:00.000Z');
    // Note: errors first, then warnings; an orphan is a warning.
    expect(changes.findings.added.map((f) => [f.type, f.page, f.target])).toEqual([
      ['broken-link', '/', '/new-broken/'],
      ['orphan-page', '/d/', ''],
    ]);
    expect(changes.findings.fixed.map((f) => [f.type, f.page, f.target])).toEqual([
      ['broken-link', '/', '/old/'],
      ['orphan-page', '/b/', ''],
      ['orphan-page', '/c/', ''],
    ]);
    expect(changes.orphans.added).toEqual(['/d/']);
    expect(changes.orphans.removed).toEqual(['/b/']);
    expect(changes.pages).toEqual({
      added: ['/d/'],
      removed: ['/c/'],
      addedCount: 1,
      removedCount: 1,
    });
    expect(changes.contextualInlinks[0]).toEqual({ path: '/b/', before: 0, after: 2 });
    expect(describeChanges(changes)).toBe(
      'since the last run (2026-11-30T10:00:00.000Z): +2 new, −3 fixed, 1 new orphan, 1 page no longer orphaned, 1 page added, 1 page removed',
    );
  });

  it('says nothing when nothing changed', async () => {
    const snapshot = await snapshotOf(before, '2026-11-30T10:00:00Z');
    const changes = compareRuns(snapshot, snapshot);
    expect(changes.findings.addedCount + changes.findings.fixedCount).toBe(0);
    expect(describeChanges(changes)).toBeNull();
  });
});

describe('compareRuns when an inbound source was not read in one of the runs', () => {
  const pages = {
    'index.html': page('<a href="/pricing/">Pricing</a>'),
    'pricing/index.html': page('<a href="/">Home</a>'),
  };
  const sites = 'Site,Linking pages,Target pages\nreddit.com,12,4\nnews.ycombinator.com,3,2\n';
  // Note: /old-page/ is not built: a lost-backlink-target finding made from this export.
  const targets =
    'Target page,Incoming links,Linking sites\nhttps://example.com/pricing/,9,4\nhttps://example.com/old-page/,5,2\n';

  // Note: both runs of a test read the same files, as a project's runs do.
  let exports = '';
  beforeEach(async () => {
    exports = await makeTempDir('exports-');
  });

  // Note: the project root is the exports' folder, so sources are named `sites.csv`.
  async function runWith(files: Record<string, string>, now: string, entries?: string[]) {
    const dir = await writeSite(pages);
    for (const [name, text] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(exports, name)), { recursive: true });
      await writeFile(path.join(exports, name), text);
    }
    const { report } = await runLinkReport({
      dir,
      site,
      root: exports,
      now: new Date(now),
      options: { reportDir: false, inbound: entries ?? Object.keys(files) },
    });
    return { report, snapshot: createSnapshot(report) };
  }

  it('does not call its linking sites lost, nor its findings fixed', async () => {
    const first = await runWith(
      { 'sites.csv': sites, 'targets.csv': targets },
      '2026-11-30T10:00:00Z',
    );
    expect(first.report.findings.map((f) => f.type)).toContain('lost-backlink-target');
    // The same files, but the linking sites export is now damaged.
    const second = await runWith(
      { 'sites.csv': 'garbage\u0000\u0001,,\n', 'targets.csv': targets },
      '2026-12-01T10:00:00Z',
    );
    const changes = compareRuns(first.snapshot, second.snapshot);
    const file = 'sites.csv';
    expect(changes.linkingSites).toBeNull();
    expect(changes.inboundNotCompared).toBe(`${file} was read in the last run, not in this one`);
    expect(changes.findings.added.map((f) => f.type)).toEqual(['inbound-source-failed']);
    expect(changes.findings.fixed).toEqual([]);
    expect(describeChanges(changes)).toBe(
      `since the last run (2026-11-30T10:00:00.000Z): +1 new; inbound data not compared (${file} was read in the last run, not in this one)`,
    );
  });

  it('tells the files of one folder entry apart', async () => {
    const folder = ['gsc/'];
    const first = await runWith(
      { 'gsc/sites.csv': sites, 'gsc/targets.csv': targets },
      '2026-11-30T10:00:00Z',
      folder,
    );
    const second = await runWith(
      { 'gsc/sites.csv': 'garbage\u0000\u0001,,\n', 'gsc/targets.csv': targets },
      '2026-12-01T10:00:00Z',
      folder,
    );
    const changes = compareRuns(first.snapshot, second.snapshot);
    expect(changes.inboundNotCompared).toBe(
      'gsc/sites.csv was read in the last run, not in this one',
    );
    expect(changes.linkingSites).toBeNull();
    expect(changes.findings.fixed).toEqual([]);
  });

  it('compares them when both runs read the same sources', async () => {
    const first = await runWith({ 'sites.csv': sites }, '2026-11-30T10:00:00Z');
    const fewer = 'Site,Linking pages,Target pages\nreddit.com,12,4\n';
    const second = await runWith({ 'sites.csv': fewer }, '2026-12-01T10:00:00Z');
    const changes = compareRuns(first.snapshot, second.snapshot);
    expect(first.snapshot.inboundRead).toEqual(['sites.csv']);
    expect(changes.inboundNotCompared).toBeNull();
    expect(changes.linkingSites).toEqual({ added: [], lost: ['ycombinator.com'] });
  });

  it('says a source read in this run and not the last one', async () => {
    const first = await runWith({ 'sites.csv': sites }, '2026-11-30T10:00:00Z');
    const second = await runWith(
      { 'sites.csv': sites, 'targets.csv': targets },
      '2026-12-01T10:00:00Z',
    );
    const changes = compareRuns(first.snapshot, second.snapshot);
    expect(changes.inboundNotCompared).toBe('targets.csv is read in this run, not in the last one');
    expect(changes.findings.added).toEqual([]);
    expect(changes.linkingSites).toBeNull();
  });
});

describe('snapshot files', () => {
  it('round-trip, one per output folder', async () => {
    const cache = await makeTempDir('cache-');
    const file = snapshotFile(cache, '/srv/site/dist');
    expect(file).not.toBe(snapshotFile(cache, '/srv/other/dist'));
    const snapshot = await snapshotOf(before, '2026-11-30T10:00:00Z');
    await writeSnapshot(file, snapshot);
    expect(await readSnapshot(file)).toEqual(snapshot);
  });

  it('a missing one is null, a damaged one a note', async () => {
    const cache = await makeTempDir('cache-');
    const file = path.join(cache, 'runs', 'x.json');
    expect(await readSnapshot(file)).toBeNull();
    await writeSnapshot(file, await snapshotOf(before, '2026-11-30T10:00:00Z'));
    await writeFile(file, '{"generator":"astro-link-report","version":99}');
    expect(await readSnapshot(file)).toEqual({
      note: expect.stringMatching(
        /from another version or damaged; changes since it are not shown/,
      ),
    });
  });
});

describe('the report page', () => {
  it('shows the baseline and the changes since the last run', async () => {
    const { renderHtmlReport } = await import('../../src/index.js');
    const { report } = await runAfterChange(before, after, 'lb.json', site);
    const html = renderHtmlReport(report);
    const section = html.slice(
      html.indexOf('<section id="changes"'),
      html.indexOf('</section>', html.indexOf('<section id="changes"')),
    );
    expect(section).toContain('Baseline file <code>lb.json</code>');
    expect(section).toMatch(/<span class="value">2<\/span><span class="label">New<\/span>/);
    expect(section).toContain('Compared with the run of');
    expect(section).toContain('/new-broken/');
    expect(html).toMatch(/class="badge badge-baseline-new">new</);
    expect(html).toMatch(/class="badge badge-baseline-known">known</);
  });
});
