import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { fixture, messages, parseText } from './helpers.js';

async function parseFixture(name: string, options: Parameters<typeof parseText>[1] = {}) {
  const bytes = await readFile(fixture(name));
  const fileName = name.split('/').at(-1)!;
  return parseText(bytes, { file: name, name, fileName, ...options });
}

describe('Search Console tables', () => {
  it('reads Top target pages (external links)', async () => {
    const result = await parseFixture('gsc/example.com-Top target pages-2026-05-10.csv');
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'search-console-top-target-pages',
      title: 'Search Console: Top target pages (external links)',
      tool: 'search-console',
      rows: 5,
      badRows: 0,
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
      problems: [],
    });
    expect(result.records.targets).toEqual([
      {
        targetUrl: 'https://example.com/',
        incomingLinks: 1029,
        linkingSites: 87,
        internalLinks: null,
        from: ['gsc/example.com-Top target pages-2026-05-10.csv'],
      },
      expect.objectContaining({
        targetUrl: 'https://example.com/pricing/',
        incomingLinks: 412,
        linkingSites: 40,
      }),
      expect.objectContaining({
        targetUrl: 'http://www.example.com/blog/caf%C3%A9/',
        incomingLinks: 35,
      }),
      expect.objectContaining({ targetUrl: 'https://example.com/old-pricing/', incomingLinks: 18 }),
      expect.objectContaining({
        targetUrl: 'https://example.com/docs/index.html',
        incomingLinks: 9,
      }),
    ]);
  });

  it('tells the internal Top target pages file apart by its header, though its name is the same', async () => {
    const result = await parseFixture('gsc/example.com-Top target pages-2026-05-10 (1).csv');
    expect(result.summary.table).toBe('search-console-top-target-pages-internal');
    expect(result.summary.title).toBe('Search Console: Top target pages (internal links)');
    // This file has no final newline.
    expect(
      result.records.targets.map((row) => [row.targetUrl, row.internalLinks, row.incomingLinks]),
    ).toEqual([
      ['https://example.com/', 240, null],
      ['https://example.com/pricing/', 188, null],
      ['https://example.com/blog/caf%C3%A9/', 31, null],
    ]);
  });

  it('reads Top linking sites', async () => {
    const result = await parseFixture('gsc/example.com-Top linking sites-2026-05-10.csv');
    expect(result.summary.table).toBe('search-console-top-linking-sites');
    expect(
      result.records.sites.map((row) => [row.site, row.linkingPages, row.targetPages, row.links]),
    ).toEqual([
      ['reddit.com', 12, 4, null],
      ['ycombinator.com', 3, 2, null],
      ['example.org', 7, 3, null],
      ['yellowpages.com', 1, 1, null],
    ]);
    // Sites are counted by registrable domain; the host is kept for display.
    expect(result.records.sites.map((row) => row.hosts)).toEqual([
      ['reddit.com'],
      ['news.ycombinator.com'],
      ['blog.example.org'],
      ['yellowpages.com'],
    ]);
  });

  it('reads Top linking text, with (empty) as the empty string', async () => {
    const result = await parseFixture('gsc/example.com-Top linking text-2026-05-10.csv');
    expect(result.summary.table).toBe('search-console-top-linking-text');
    expect(result.records.linkingText.map((row) => [row.rank, row.text])).toEqual([
      [1, 'example'],
      [2, ''],
      [3, 'pricing calculator'],
    ]);
  });

  it('reads Latest links with their crawl dates, query strings kept', async () => {
    const result = await parseFixture('gsc/example.com-Latest links-2026-05-10.csv');
    expect(result.summary.table).toBe('search-console-latest-links');
    expect(result.records.samples).toEqual([
      {
        linkingPage: 'http://uscity.net/listing/example-co-12345',
        site: 'uscity.net',
        domain: 'uscity.net',
        lastCrawled: '2026-05-08',
        from: ['gsc/example.com-Latest links-2026-05-10.csv'],
      },
      expect.objectContaining({
        linkingPage: 'https://blog.example.org/2026/04/tools/?replytocom=118055',
        site: 'blog.example.org',
        domain: 'example.org',
        lastCrawled: '2026-05-06',
      }),
      expect.objectContaining({ site: 'reddit.com', lastCrawled: '2026-05-02' }),
    ]);
  });

  it('reads More sample links as samples without a target', async () => {
    const result = await parseFixture('gsc/example.com-More sample links-2026-05-10.csv');
    expect(result.summary.table).toBe('search-console-sample-links');
    expect(result.summary.delimiter).toBeNull();
    expect(result.records.samples.map((row) => [row.linkingPage, row.lastCrawled])).toEqual([
      ['https://news.ycombinator.com/item?id=40000001', null],
      ['https://www.yellowpages.com/nyc/example-co', null],
    ]);
    expect(result.records.links).toEqual([]);
  });

  it('turns linking pages into links when the user names their target', async () => {
    const result = await parseFixture('gsc/example.com-More sample links-2026-05-10.csv', {
      target: '/pricing/',
    });
    expect(result.records.samples).toEqual([]);
    expect(
      result.records.links.map((link) => [
        link.sourceUrl,
        link.targetUrl,
        link.anchor,
        link.nofollow,
      ]),
    ).toEqual([
      ['https://news.ycombinator.com/item?id=40000001', '/pricing/', null, null],
      ['https://www.yellowpages.com/nyc/example-co', '/pricing/', null, null],
    ]);
  });

  it('keeps a comma inside a linking page URL of a single-column table', () => {
    const result = parseText('Linking page\nhttps://example.org/a,b/c\n');
    expect(result.records.samples.map((row) => row.linkingPage)).toEqual([
      'https://example.org/a,b/c',
    ]);
  });

  it('reads the Top sites linking to this page drill-down with the target from the options', async () => {
    const result = await parseFixture(
      'drill-down/example.com-Top sites linking to this page-2026-05-10.csv',
      {
        target: '/pricing/',
      },
    );
    expect(result.summary.table).toBe('search-console-site-drill-down');
    expect(result.records.targetSites).toEqual([
      {
        site: 'reddit.com',
        targetUrl: '/pricing/',
        links: 5,
        from: ['drill-down/example.com-Top sites linking to this page-2026-05-10.csv'],
      },
      expect.objectContaining({ site: 'example.org', targetUrl: '/pricing/', links: 2 }),
    ]);
  });

  it('reads the French drill-down header Site,Liens', async () => {
    const result = await parseFixture(
      'drill-down/example.com-Top sites linking to this page-2026-05-10-fr.csv',
      {
        target: 'https://example.com/pricing/',
      },
    );
    expect(result.summary.table).toBe('search-console-site-drill-down');
    expect(result.records.targetSites.map((row) => [row.site, row.links, row.targetUrl])).toEqual([
      ['lemonde.fr', 3, 'https://example.com/pricing/'],
      ['reddit.com', 1, 'https://example.com/pricing/'],
    ]);
  });

  it('refuses a drill-down without a target, saying how to give one', async () => {
    const name = 'drill-down/example.com-Top sites linking to this page-2026-05-10.csv';
    const result = await parseFixture(name);
    expect(result.summary.status).toBe('failed');
    expect(result.summary.table).toBe('search-console-site-drill-down');
    expect(messages(result)).toEqual([
      `${name}: is a "Top sites linking to this page" drill-down (Search Console): it has no target URL column. Say which page it belongs to: { file: '…', target: '/pricing/' } (on the command line: --inbound 'file.csv=/pricing/')`,
    ]);
    expect(result.records.targetSites).toEqual([]);
  });

  it('tells Your pages linking to this page from More sample links by the title in the file name', async () => {
    const name = 'drill-down/example.com-Your pages linking to this page-2026-05-10.csv';
    const result = await parseFixture(name, { target: '/pricing/' });
    expect(result.summary.table).toBe('search-console-internal-drill-down');
    expect(result.records.internalLinks.map((row) => [row.sourceUrl, row.targetUrl])).toEqual([
      ['https://example.com/', '/pricing/'],
      ['https://example.com/blog/', '/pricing/'],
    ]);
    expect(result.records.links).toEqual([]);

    const same = await readFile(fixture(name));
    const renamed = parseText(same, { file: 'links.csv', fileName: 'links.csv' });
    expect(renamed.summary.table).toBe('search-console-sample-links');
  });

  it('reads a renamed internal drill-down as internal links when every linking page is the site itself', async () => {
    const name = 'drill-down/example.com-Your pages linking to this page-2026-05-10.csv';
    const bytes = await readFile(fixture(name));
    const result = parseText(bytes, {
      file: 'links.csv',
      fileName: 'links.csv',
      siteHosts: ['example.com'],
    });
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'search-console-internal-drill-down',
      title: 'Search Console: Your pages linking to this page',
      internalRows: 2,
    });
    expect(result.records.samples).toEqual([]);
    expect(messages(result)).toEqual([
      `links.csv: every linking page (2) is on this site (example.com): read as Search Console's internal drill-down ("Your pages linking to this page"), internal links, not backlinks. Give its target to join it: { file, target: '/page/' }`,
    ]);
  });

  it('never counts a row linking from the site itself as a backlink, and says so once', () => {
    const text =
      'Source url,Target url,Anchor\nhttps://www.example.com/blog/,https://example.com/pricing/,pricing\nhttps://other.example/,https://example.com/pricing/,pricing\nhttps://example.com/about/,https://example.com/,home\n';
    const result = parseText(text, { siteHosts: ['example.com'] });
    expect(result.records.links.map((link) => link.sourceUrl)).toEqual(['https://other.example/']);
    expect(result.summary.internalRows).toBe(2);
    expect(messages(result)).toEqual([
      "export.csv: 2 of 3 rows link from this site's own pages (example.com): internal links, not backlinks, so they are not counted",
    ]);
  });

  it('accepts counts with thousands separators when quoted', () => {
    const result = parseText(
      'Target page,Incoming links,Linking sites\nhttps://example.com/,"1,029","1 204"\n',
    );
    expect(result.summary.status).toBe('ok');
    expect(result.records.targets[0]).toMatchObject({ incomingLinks: 1029, linkingSites: 1204 });
  });

  it('reports a non-numeric count with its line and column', () => {
    const result = parseText(
      'Target page,Incoming links,Linking sites\nhttps://example.com/,12,3\nhttps://example.com/a/,n/a,3\n',
    );
    expect(result.summary.status).toBe('failed');
    expect(messages(result)).toEqual([
      'export.csv, line 3: expected a whole number in "Incoming links", found "n/a"',
      'export.csv: 1 of 2 rows could not be read (line 3); nothing was imported from it. Line 3: expected a whole number in "Incoming links", found "n/a". Fix the export (or download it again if it was cut short), or set allowBadRows: true (--allow-bad-rows) to import the other rows',
    ]);
    expect(result.records.targets).toEqual([]);
  });

  it('reports a target page that is not an URL', () => {
    const result = parseText('Target page,Internal links\n/pricing/,4\n', { allowBadRows: true });
    expect(messages(result)).toEqual([
      'export.csv, line 2: expected an absolute http(s) URL in "Target page", found "/pricing/"',
      'export.csv: 1 of 1 rows could not be read (line 2); they were skipped because allowBadRows is on',
    ]);
  });

  it('reports a site that is not a domain', () => {
    const result = parseText('Site,Linking pages,Target pages\nnot a domain,1,1\n');
    expect(result.summary.problems[0]?.reason).toBe(
      'expected a domain such as example.com in "Site", found "not a domain"',
    );
  });
});
