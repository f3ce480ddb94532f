import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
