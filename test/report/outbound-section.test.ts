import { describe, expect, it } from 'vitest';
import { renderHtmlReport, runLinkReport } from '../../src/index.js';
import { checkLinks } from '../external/helpers.js';
import { answer, startServer } from '../helpers/http-server.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { assertValidReport } from '../integration/build-fixture.js';

/** The cell texts of a table's rows. */
function rowsOf(html: string, id: string): string[][] {
  const start = html.indexOf(`<table id="${id}"`);
  if (start === -1) throw new Error(`no table #${id}`);
  const table = html.slice(html.indexOf('<tbody>', start), html.indexOf('</table>', start));
  return table
    .split('<tr>')
    .slice(1)
    .map((row) =>
      [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((match) =>
        match[1]!
          .replaceAll('<br>', ' ')
          .replace(/<[^>]*>/g, '')
          .trim(),
      ),
    );
}

describe('the outbound section of the report', () => {
  it('says outbound links were not checked, and how to turn the check on, when it is off', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="https://example.org/">x</a>') });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.outbound.check).toEqual({
      enabled: false,
      note: 'Outbound links were not checked. Turn the check on with external: { check: true } in the options (CLI: --check-external).',
      offline: false,
      stats: null,
      urls: [],
    });
    expect(report.outbound.domains[0]!.statuses).toBeNull();
    const html = renderHtmlReport(report);
    expect(html).toContain(
      'Outbound links were not checked. Turn the check on with external: { check: true }',
    );
    expect(html).not.toContain('outbound-urls-table');
    assertValidReport(report);
  });

  it('lists every URL, problems first, with its redirect, reason and linking pages, and per-domain totals', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old') answer(res, 301, { location: '/new' });
      else answer(res, req.url === '/gone' ? 404 : 200);
    });
    const { result } = await checkLinks([
      `${server.origin}/ok`,
      `${server.origin}/gone`,
      `${server.origin}/old`,
    ]);
    const { report } = result;
    assertValidReport(report);
    const html = renderHtmlReport(report);
    const rows = rowsOf(html, 'outbound-urls-table');
    expect(rows.map((row) => [row[0], row[1]?.split(' ')[0]])).toEqual([
      ['broken', `${server.origin}/gone`],
      ['redirected', `${server.origin}/old`],
      ['ok', `${server.origin}/ok`],
    ]);
    expect(rows[1]![1]).toContain(`permanent redirect (301) to ${server.origin}/new`);
    expect(rows[1]![1]).toContain(`link to ${server.origin}/new`);
    expect(rows[0]![3]).toBe('answers 404 Not Found');
    expect(rows[0]![4]).toBe('1: /');
    const [domain] = rowsOf(html, 'outbound-table');
    // Domain, links, pages, rel and http counts, then OK, redirected, broken, unverified, not checked.
    expect(domain!.slice(-5)).toEqual(['1', '1', '1', '0', '0']);
    expect(report.outbound.domains[0]!.statuses).toMatchObject({ ok: 1, redirected: 1, broken: 1 });
  });

  it('shows what a page and a server wrote as text, never as markup', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const hostile = `${server.origin}/"><script>alert(1)</script>`;
    const dir = await writeSite({ 'index.html': page(`<a href='${hostile}'>x</a>`) });
    const { result } = await checkLinks(dir);
    const html = renderHtmlReport(result.report);
    expect(html).not.toContain('<script>alert(1)');
  });
});
