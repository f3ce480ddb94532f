import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { cli } from './helpers.js';

const site = ['--site', 'https://example.com'];

async function legacySite() {
  const dir = await writeSite({
    'index.html': page('<a href="/old/">Old</a> <a href="/docs/">Docs</a>'),
    'docs/index.html': page('<a href="/">Home</a> <a href="#gone">Gone</a>'),
  });
  const work = await makeTempDir('work-');
  return { dir, work, baseline: path.join(work, 'lb.json') };
}

async function breakOneMore(dir: string) {
  await writeFile(
    path.join(dir, 'index.html'),
    page('<a href="/old/">Old</a> <a href="/docs/">Docs</a> <a href="/pricing/">Pricing</a>'),
  );
}

describe('--baseline', () => {
  it('--update-baseline accepts every finding, and the run passes', async () => {
    const { dir, baseline } = await legacySite();
    const { status, stderr, stdout } = await cli([
      dir,
      ...site,
      '--baseline',
      baseline,
      '--update-baseline',
    ]);
    expect(status).toBe(0);
    expect(stdout + stderr).toContain(
      `baseline ${path.relative(process.cwd(), baseline)} written: 2 finding(s) accepted`,
    );
    const file = JSON.parse(await readFile(baseline, 'utf8'));
    expect(file.findings.map((f: { type: string }) => f.type).sort()).toEqual([
      'broken-fragment',
      'broken-link',
    ]);
  });

  it('lists and fails on new findings only, and says what it accepted and what is fixed', async () => {
    const { dir, baseline } = await legacySite();
    await cli([dir, ...site, '--baseline', baseline, '--update-baseline']);
    await breakOneMore(dir);
    await writeFile(path.join(dir, 'docs/index.html'), page('<a href="/">Home</a>'));
    const { status, stdout } = await cli([dir, ...site, '--baseline', baseline, '--no-cache']);
    expect(status).toBe(1);
    expect(stdout).toContain('/pricing/');
    expect(stdout).not.toMatch(/broken-link {2}<a href="\/old\/">/);
    expect(stdout).toMatch(/Baseline .*lb\.json: 1 new, 1 known \(1 cause, not listed\), 1 fixed/);
    expect(stdout).toContain('1 finding at the fail level');
  });

  it('marks findings in the JSON, and SARIF results with their baselineState', async () => {
    const { dir, baseline } = await legacySite();
    await cli([dir, ...site, '--baseline', baseline, '--update-baseline']);
    await breakOneMore(dir);
    const json = await cli([
      dir,
      ...site,
      '--baseline',
      baseline,
      '--format',
      'json',
      '--no-cache',
    ]);
    const report = JSON.parse(json.stdout) as Report;
    expect(report.findings.map((f) => [f.link?.href, f.baseline])).toEqual([
      ['/old/', 'known'],
      ['/pricing/', 'new'],
      ['#gone', 'known'],
    ]);
    expect(report.baseline).toMatchObject({
      known: 2,
      new: 1,
      fixedCount: 0,
      exists: true,
      updated: false,
    });
    const sarif = JSON.parse(
      (await cli([dir, ...site, '--baseline', baseline, '--format', 'sarif', '--no-cache'])).stdout,
    );
    const states = sarif.runs[0].results.map(
      (r: { baselineState: string; message: { text: string } }) => [
        r.message.text.includes('/pricing/') ? 'pricing' : 'old',
        r.baselineState,
      ],
    );
    expect(states).toEqual(
      expect.arrayContaining([
        ['pricing', 'new'],
        ['old', 'unchanged'],
      ]),
    );
  });

  it('annotates only new causes for GitHub', async () => {
    const { dir, baseline } = await legacySite();
    await cli([dir, ...site, '--baseline', baseline, '--update-baseline']);
    await breakOneMore(dir);
    const { stdout } = await cli([
      dir,
      ...site,
      '--baseline',
      baseline,
      '--format',
      'github',
      '--no-cache',
    ]);
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toContain('/pricing/');
  });

  it('treats every finding as new, with a note, while the file does not exist', async () => {
    const { dir, baseline } = await legacySite();
    const { status, stdout } = await cli([dir, ...site, '--baseline', baseline, '--no-cache']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/baseline .*lb\.json does not exist yet: every finding counts as new/);
  });

  it('refuses a file that is not a baseline, naming it', async () => {
    const { dir, work } = await legacySite();
    const file = path.join(work, 'package.json');
    await writeFile(file, '{"name":"site"}');
    const read = await cli([dir, ...site, '--baseline', file]);
    expect(read.status).toBe(2);
    expect(read.stderr).toContain(`baseline ${file}: generator:`);
    const update = await cli([dir, ...site, '--baseline', file, '--update-baseline']);
    expect(update.status).toBe(2);
    expect(update.stderr).toMatch(/not written: .*package\.json exists and is not a baseline/);
    expect(await readFile(file, 'utf8')).toBe('{"name":"site"}');
  });

  it('--update-baseline needs --baseline', async () => {
    const { dir } = await legacySite();
    const { status, stderr } = await cli([dir, ...site, '--update-baseline']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/updateBaseline: needs the baseline option/);
  });
});

describe('changes since the last run', () => {
  it('are in the summary and the JSON on the second run with the same cache', async () => {
    const { dir, work } = await legacySite();
    const cache = path.join(work, 'cache');
    const first = await cli([dir, ...site, '--cache', cache, '--format', 'json']);
    expect((JSON.parse(first.stdout) as Report).changes).toBeNull();
    await breakOneMore(dir);
    const second = await cli([dir, ...site, '--cache', cache]);
    expect(second.stdout).toMatch(/^Changes since the last run \(.+\): \+1 new$/m);
    const third = JSON.parse(
      (await cli([dir, ...site, '--cache', cache, '--format', 'json'])).stdout,
    ) as Report;
    expect(third.changes?.findings.addedCount).toBe(0);
  });

  it('are not kept with --no-cache', async () => {
    const { dir } = await legacySite();
    await cli([dir, ...site, '--no-cache']);
    const again = JSON.parse(
      (await cli([dir, ...site, '--no-cache', '--format', 'json'])).stdout,
    ) as Report;
    expect(again.changes).toBeNull();
  });
});
