/**
 * The report folder can never replace the site: not through reportDir, not through a
 * symbolic link, not by writing over files the tool did not write.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOptions, runLinkReport, writeReportFiles } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

async function site() {
  const dir = await writeSite({
    'index.html': page('<a href="/about/">About</a>'),
    'about/index.html': page('<a href="/">Home</a>'),
  });
  const { report } = await runLinkReport({ dir, site: 'https://example.com' });
  return { dir, report };
}

describe('reportDir', () => {
  it.each(['.', './', './.', 'a/..', '', '/abs', '../out', 'C:\\\\x', '\\\\server\\\\share'])(
    'refuses %j, which is not a folder inside the output',
    (reportDir) => {
      expect(() => resolveOptions({ reportDir })).toThrow(/reportDir: /);
    },
  );

  it.each(['_link-report', 'reports/links', './links'])('accepts %j', (reportDir) => {
    expect(resolveOptions({ reportDir }).reportDir).toBe(reportDir);
  });
});

describe('writeReportFiles', () => {
  it('refuses a folder that holds pages of the site, and leaves them as they were', async () => {
    const { dir, report } = await site();
    const before = await readFile(path.join(dir, 'about/index.html'), 'utf8');
    const result = await writeReportFiles(report, {
      htmlDir: path.join(dir, 'about'),
      siteDir: dir,
      insideSite: true,
    });
    expect(result.written).toEqual([]);
    expect(result.failures).toEqual([
      {
        file: path.join(dir, 'about'),
        reason: `not written: ${path.join(dir, 'about')} holds files astro-link-report did not write (index.html), such as pages of the site; choose another report folder`,
      },
    ]);
    expect(await readFile(path.join(dir, 'about/index.html'), 'utf8')).toBe(before);
  });

  it('refuses the output folder itself, also through a symbolic link', async () => {
    const { dir, report } = await site();
    const link = path.join(path.dirname(dir), `${path.basename(dir)}-link`);
    await symlink(dir, link);
    for (const htmlDir of [dir, link]) {
      const result = await writeReportFiles(report, { htmlDir, siteDir: dir });
      expect(result.written).toEqual([]);
      expect(result.failures[0]?.reason).toMatch(/is the site's output folder/);
    }
    expect(await readFile(path.join(dir, 'index.html'), 'utf8')).toContain('/about/');
  });

  it('refuses a report folder inside the output that links to a folder outside it', async () => {
    const { dir, report } = await site();
    const outside = path.join(path.dirname(dir), `${path.basename(dir)}-elsewhere`);
    await mkdir(outside);
    await symlink(outside, path.join(dir, '_link-report'));
    const result = await writeReportFiles(report, {
      htmlDir: path.join(dir, '_link-report'),
      siteDir: dir,
      insideSite: true,
    });
    expect(result.failures[0]?.reason).toMatch(/is a symbolic link to .*outside the site's output/);
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses a JSON file that would replace a page', async () => {
    const { dir, report } = await site();
    const result = await writeReportFiles(report, {
      jsonFile: path.join(dir, 'about/index.html'),
      siteDir: dir,
    });
    expect(result.failures[0]?.reason).toMatch(/is a file of the site that astro-link-report/);
    expect(await readFile(path.join(dir, 'about/index.html'), 'utf8')).toContain('Home');
  });

  it('replaces its own earlier report, whole, and removes what an interrupted run left', async () => {
    const { dir, report } = await site();
    const htmlDir = path.join(dir, '_link-report');
    const options = { htmlDir, siteDir: dir, insideSite: true };
    expect((await writeReportFiles(report, options)).failures).toEqual([]);
    await writeFile(path.join(htmlDir, 'stale.txt'), 'from an earlier version');
    // An interrupted run: a temporary copy with the marker.
    const leftover = path.join(dir, '._link-report.tmp-123-0badf00d');
    await mkdir(leftover);
    await writeFile(
      path.join(leftover, '.astro-link-report'),
      JSON.stringify({ generator: 'astro-link-report', files: [] }),
    );
    const again = await writeReportFiles(report, options);
    expect(again.failures).toEqual([]);
    expect((await readdir(htmlDir)).sort()).toEqual([
      '.astro-link-report',
      'index.html',
      'report.json',
      'report.schema.json',
    ]);
    expect(existsSync(leftover)).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['_link-report', 'about', 'index.html']);
  });

  it('keeps the earlier report when rendering a file fails', async () => {
    const { dir, report } = await site();
    const htmlDir = path.join(dir, '_link-report');
    await writeReportFiles(report, { htmlDir, siteDir: dir, insideSite: true });
    const good = await readFile(path.join(htmlDir, 'report.json'), 'utf8');
    const broken = { ...report, pages: null } as unknown as typeof report;
    const result = await writeReportFiles(broken, { htmlDir, siteDir: dir, insideSite: true });
    expect(result.written).toEqual([]);
    expect(result.failures.map((failure) => path.basename(failure.file))).toContain('index.html');
    expect(result.failures[0]?.reason).toMatch(/; the earlier report there was kept$/);
    expect(await readFile(path.join(htmlDir, 'report.json'), 'utf8')).toBe(good);
    expect((await readdir(dir)).sort()).toEqual(['_link-report', 'about', 'index.html']);
  });
});
