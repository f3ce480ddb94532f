import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsAtFailLevel, renderFailureMessage } from '../../src/index.js';
import { assertValidReport, buildFixture, findingRows } from './build-fixture.js';

/** Finding types about link checking (analysis findings such as orphans are tested elsewhere). */
const checkTypes = new Set([
  'broken-link',
  'broken-fragment',
  'broken-resource',
  'redirected-link',
  'trailing-slash-mismatch',
]);

function checkRows(rows: string[]): string[] {
  return rows.filter((row) => checkTypes.has(row.split(' ')[0]!));
}

describe('the integration on fixture sites', () => {
  it('fails the build on a broken link, naming the page, source, href, position and reason', async () => {
    const { error, report } = await buildFixture('broken-link');
    expect(error).not.toBeNull();
    expect(error!.name).toMatch(/^Astro(User)?Error$/);
    expect(error!.message).toBe(
      'astro-link-report: 1 problem fails the build (listed above): broken-link /missing/ on /.',
    );
    // No stack of ours: Astro would print it as if the integration had crashed.
    expect(error!.stack).toBe('');
    // What the log lists before the error:
    const failing = findingsAtFailLevel(report!.findings, 'error');
    const lines = renderFailureMessage(report!, failing, {
      outDir: 'dist',
      reportPage: null,
    }).split('\n');
    expect(lines[0]).toBe('1 problem(s) on 1 page(s), from 1 cause, fail the build:');
    expect(lines.slice(2, 4)).toEqual([
      'error   broken-link  <a href="/missing/">the page that was never built</a>  links to /missing/, which does not exist in the build',
      '        written at src/pages/index.astro:11:34',
    ]);
    expect(lines[4]).toBe('        on / (src/pages/index.astro, dist/index.html:1:206)');
    expect(lines[5]).toBe('        hint: Fix the href, or add a page or a redirect for this URL.');
    expect((error as Error & { hint?: string }).hint).toMatch(/failOn/);
    // The report is still written, so the reader can see everything else.
    expect(checkRows(findingRows(report)).map((row) => row.replace(/ \d+:\d+$/, ''))).toEqual([
      'broken-link / /missing/',
    ]);
  });

  it('reports a link to a missing fragment', async () => {
    const { error, report } = await buildFixture('broken-fragment');
    expect(error?.message).toContain('broken-fragment');
    const finding = report!.findings.find((f) => f.type === 'broken-fragment')!;
    expect(finding).toMatchObject({
      page: '/',
      link: { href: '/about/#team' },
      details: { fragment: 'team' },
    });
    expect(checkRows(findingRows(report))).toHaveLength(1);
  });

  it('reports a missing image as a broken resource', async () => {
    const { error, report } = await buildFixture('missing-image');
    expect(error?.message).toContain('broken-resource');
    expect(checkRows(findingRows(report)).map((row) => row.replace(/ \d+:\d+$/, ''))).toEqual([
      'broken-resource / /images/nope.png',
    ]);
  });

  it('reports a link to a redirect as a redirected link and passes the build', async () => {
    const { error, report } = await buildFixture('redirect');
    expect(error).toBeNull();
    const finding = report!.findings.find((f) => f.type === 'redirected-link')!;
    expect(finding).toMatchObject({
      severity: 'warning',
      page: '/',
      link: { href: '/old/' },
      details: { destination: '/new/' },
    });
    expect(report!.pages.find((p) => p.path === '/old/')?.kind).toBe('redirect');
    expect(checkRows(findingRows(report))).toHaveLength(1);
  });

  it.each(['valid-directory', 'base-always', 'format-file', 'i18n-fallback'])(
    'finds no broken or redirected links in the valid site %s',
    async (name) => {
      const { error, report } = await buildFixture(name);
      expect(error).toBeNull();
      expect(checkRows(findingRows(report))).toEqual([]);
      expect(report!.findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
  );

  it('maps base and trailingSlash always to the served URLs', async () => {
    const { report } = await buildFixture('base-always');
    expect(report!.site).toMatchObject({ base: '/docs/', trailingSlash: 'always' });
    expect(report!.pages.every((p) => p.path.startsWith('/docs/'))).toBe(true);
    expect(report!.pages.filter((p) => p.kind === 'page').every((p) => p.path.endsWith('/'))).toBe(
      true,
    );
  });

  it('maps build.format file to extensionless URLs', async () => {
    const { report } = await buildFixture('format-file');
    expect(report!.site.buildFormat).toBe('file');
    expect(
      report!.pages
        .filter((p) => p.kind === 'page')
        .map((p) => [p.file, p.path])
        .sort(),
    ).toEqual([
      ['about.html', '/about'],
      ['blog/first-post.html', '/blog/first-post'],
      ['index.html', '/'],
    ]);
  });

  it('classifies i18n fallback redirect pages as redirects', async () => {
    const { error, report } = await buildFixture('i18n-fallback-redirect');
    expect(error).toBeNull();
    expect(checkRows(findingRows(report)).map((row) => row.replace(/ \d+:\d+$/, ''))).toEqual([
      'redirected-link /fr/ /fr/about/',
    ]);
  });

  it('checks prerendered pages of a server build in dist/client and accepts on-demand routes', async () => {
    const { error, report, dir } = await buildFixture('server-prerender');
    expect(dir.split(path.sep).filter(Boolean).slice(-2)).toEqual(['dist', 'client']);
    expect(existsSync(path.join(dir, '_link-report', 'index.html'))).toBe(true);
    expect(error?.message).toContain('/nowhere/');
    expect(checkRows(findingRows(report)).map((row) => row.replace(/ \d+:\d+$/, ''))).toEqual([
      'broken-link / /nowhere/',
    ]);
  });

  it('writes the report page and JSON into the output', async () => {
    const { dir } = await buildFixture('valid-directory', { reportDir: 'reports/links' });
    const html = await readFile(path.join(dir, 'reports/links/index.html'), 'utf8');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    const json = JSON.parse(await readFile(path.join(dir, 'reports/links/report.json'), 'utf8'));
    expect(json.schemaVersion).toBe(2);
    expect(json.pages.length).toBeGreaterThan(3);
  });

  it('does not fail when failOn is none', async () => {
    const { error, report } = await buildFixture('broken-link', { failOn: 'none' });
    expect(error).toBeNull();
    expect(report!.summary.findings.error).toBe(1);
  });

  it('validates every report against the published JSON Schema, and the check can fail', async () => {
    // buildFixture validates each report it reads; make sure the validation rejects a bad one.
    const { report } = await buildFixture('redirect');
    expect(() => assertValidReport(report)).not.toThrow();
    expect(() => assertValidReport({ ...report, schemaVersion: 1 })).toThrow(/schemaVersion/);
    expect(() => assertValidReport({ ...report, findings: [{ type: 'no-such-type' }] })).toThrow(
      /findings/,
    );
  });

  it('writes the same report as the golden file (regenerate with vitest -u)', async () => {
    process.env.SOURCE_DATE_EPOCH = '1767225600';
    try {
      const { report } = await buildFixture('valid-directory');
      // Note: the generator version changes with every release; the golden file pins the rest.
      const stable = { ...report!, generator: { ...report!.generator, version: '(version)' } };
      await expect(`${JSON.stringify(stable, null, 2)}\n`).toMatchFileSnapshot(
        '../golden/valid-directory.report.json',
      );
    } finally {
      delete process.env.SOURCE_DATE_EPOCH;
    }
  });

  it('lists the first 50 failing causes in the build error and points at the report for the rest', async () => {
    const { error, report } = await buildFixture('many-broken');
    expect(report!.summary.findings.error).toBe(60);
    expect(error!.message).toBe(
      'astro-link-report: 60 problems fail the build (listed above): broken-link /missing-0/ on /; broken-link /missing-1/ on /; broken-link /missing-2/ on /; and 57 more.',
    );
    const failing = findingsAtFailLevel(report!.findings, 'error');
    const message = renderFailureMessage(report!, failing, {
      outDir: 'dist',
      reportPage: 'dist/_link-report/index.html',
    });
    expect(message).toContain('60 problem(s) on 1 page(s), from 60 causes, fail the build');
    expect(message.match(/broken-link {2}<a href=/g)).toHaveLength(50);
    expect(message).toMatch(/…and 10 more in the report \(dist\/_link-report\/index\.html\)\.$/);
  });
});
