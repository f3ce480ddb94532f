import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type InboundSourceOption, loadInbound } from '../../src/inbound/index.js';
import { fixture, fixtures, temporaryFolder } from './helpers.js';

const mozColumns = { source: 'URL', target: 'Target URL', anchor: 'Anchor Text' };

describe('loadInbound', () => {
  it('reads a folder, files with options, and merges what they say', async () => {
    const sources: InboundSourceOption[] = [
      'gsc/',
      {
        file: 'drill-down/example.com-Top sites linking to this page-2026-05-10.csv',
        target: '/pricing/',
      },
      './ahrefs-backlinks.csv',
      { file: 'semrush-backlinks.csv' },
      { file: 'moz-legacy.csv', format: 'csv', columns: mozColumns },
    ];
    const data = await loadInbound(sources, { root: fixtures });

    expect(
      data.sources.map((source) => [source.entry, source.name, source.table, source.status]),
    ).toEqual([
      ['gsc/', 'gsc/example.com-Latest links-2026-05-10.csv', 'search-console-latest-links', 'ok'],
      [
        'gsc/',
        'gsc/example.com-More sample links-2026-05-10.csv',
        'search-console-sample-links',
        'ok',
      ],
      [
        'gsc/',
        'gsc/example.com-Top linking sites-2026-05-10.csv',
        'search-console-top-linking-sites',
        'ok',
      ],
      [
        'gsc/',
        'gsc/example.com-Top linking text-2026-05-10 (1).csv',
        'search-console-top-linking-text',
        'ok',
      ],
      [
        'gsc/',
        'gsc/example.com-Top linking text-2026-05-10.csv',
        'search-console-top-linking-text',
        'ok',
      ],
      [
        'gsc/',
        'gsc/example.com-Top target pages-2026-05-10 (1).csv',
        'search-console-top-target-pages-internal',
        'ok',
      ],
      [
        'gsc/',
        'gsc/example.com-Top target pages-2026-05-10.csv',
        'search-console-top-target-pages',
        'ok',
      ],
      [
        'drill-down/example.com-Top sites linking to this page-2026-05-10.csv',
        'drill-down/example.com-Top sites linking to this page-2026-05-10.csv',
        'search-console-site-drill-down',
        'ok',
      ],
      ['./ahrefs-backlinks.csv', 'ahrefs-backlinks.csv', 'ahrefs-backlinks', 'ok'],
      ['semrush-backlinks.csv', 'semrush-backlinks.csv', 'semrush-backlinks', 'ok'],
      ['moz-legacy.csv', 'moz-legacy.csv', 'csv-links', 'ok'],
    ]);
    expect(data.problems).toEqual([]);

    // The same link in Ahrefs and Semrush counts once and remembers both.
    const shared = data.links.filter(
      (link) => link.sourceUrl === 'https://blog.example.org/2026/04/tools/',
    );
    expect(shared).toEqual([
      {
        sourceUrl: 'https://blog.example.org/2026/04/tools/',
        targetUrl: 'https://example.com/pricing/',
        site: 'blog.example.org',
        domain: 'example.org',
        anchor: 'the "Example" calculator',
        nofollow: false,
        sponsored: false,
        ugc: false,
        firstSeen: '2025-11-20',
        lastSeen: '2026-05-05',
        lost: false,
        targetStatus: null,
        // Each tool's metrics, named by their tool.
        metrics: [
          {
            metric: 'domain-rating',
            level: 'domain',
            value: 71.5,
            score: 71.5,
            source: 'Ahrefs Domain Rating',
          },
          {
            metric: 'page-authority-score',
            level: 'page',
            value: 34,
            score: 34,
            source: 'Semrush Page Authority Score',
          },
          {
            metric: 'url-rating',
            level: 'page',
            value: 12.3,
            score: 12.3,
            source: 'Ahrefs URL Rating',
          },
        ],
        from: ['ahrefs-backlinks.csv', 'semrush-backlinks.csv'],
      },
    ]);
    expect(data.links.map((link) => [link.targetUrl, link.sourceUrl]).sort()).toEqual([
      ['https://example.com/', 'https://directory.example.net/web/example'],
      ['https://example.com/', 'https://news.ycombinator.com/item?id=40000001'],
      ['https://example.com/blog/caf%C3%A9/', 'https://www.reddit.com/r/webdev/comments/abc123/'],
      ['https://example.com/old-pricing/', 'https://www.yellowpages.com/nyc/example-co'],
      ['https://example.com/pricing', 'https://forum.example.net/t/pricing/77'],
      ['https://example.com/pricing/', 'https://blog.example.org/2026/04/tools/'],
    ]);

    // Two downloads of Top linking text are one table.
    expect(data.linkingText).toEqual([
      {
        rank: 1,
        text: 'example',
        from: [
          'gsc/example.com-Top linking text-2026-05-10 (1).csv',
          'gsc/example.com-Top linking text-2026-05-10.csv',
        ],
      },
      expect.objectContaining({ rank: 2, text: '' }),
      expect.objectContaining({ rank: 3, text: 'pricing calculator' }),
    ]);

    // Rows are per URL as written: Search Console counts each variant of a page (scheme,
    // www) separately, and the join adds the variants of a page up.
    expect(
      data.targets.map((row) => [
        row.targetUrl,
        row.incomingLinks,
        row.linkingSites,
        row.internalLinks,
      ]),
    ).toEqual([
      ['https://example.com/', 1029, 87, 240],
      ['https://example.com/pricing/', 412, 40, 188],
      ['http://www.example.com/blog/caf%C3%A9/', 35, 12, null],
      ['https://example.com/old-pricing/', 18, 6, null],
      ['https://example.com/docs/index.html', 9, 4, null],
      ['https://example.com/blog/caf%C3%A9/', null, null, 31],
    ]);

    expect(data.targetSites.map((row) => [row.site, row.targetUrl, row.links])).toEqual([
      ['example.org', '/pricing/', 2],
      ['reddit.com', '/pricing/', 5],
    ]);
    expect(data.samples.map((row) => [row.linkingPage, row.lastCrawled])).toEqual([
      ['http://uscity.net/listing/example-co-12345', '2026-05-08'],
      ['https://blog.example.org/2026/04/tools/?replytocom=118055', '2026-05-06'],
      ['https://www.reddit.com/r/webdev/comments/abc123/', '2026-05-02'],
      ['https://news.ycombinator.com/item?id=40000001', null],
      ['https://www.yellowpages.com/nyc/example-co', null],
    ]);

    expect(
      data.linkingSites.map((site) => [
        site.site,
        site.kind,
        site.linkingPages,
        site.targetPages,
        site.links,
      ]),
    ).toEqual([
      ['reddit.com', 'forum', 12, 4, 5],
      ['example.org', 'other', 7, 3, 2],
      // directory.example.net and forum.example.net are one site; its forum host names the kind.
      ['example.net', 'forum', 2, 2, 2],
      ['ycombinator.com', 'forum', 3, 2, 1],
      ['uscity.net', 'other', 1, null, null],
      // Its one link is marked lost by Ahrefs: not counted.
      ['yellowpages.com', 'directory', 1, 1, null],
    ]);
  });

  it('takes the larger count when two exports of one table disagree', async () => {
    const root = await temporaryFolder();
    const header = 'Target page,Incoming links,Linking sites\n';
    await writeFile(
      path.join(root, 'older.csv'),
      `${header}https://example.com/a/,10,4\nhttps://example.com/b/,7,1\n`,
    );
    await writeFile(path.join(root, 'newer.csv'), `${header}https://example.com/a/,12,3\n`);
    const data = await loadInbound(['older.csv', 'newer.csv'], { root });
    expect(data.targets).toEqual([
      {
        targetUrl: 'https://example.com/a/',
        incomingLinks: 12,
        linkingSites: 4,
        internalLinks: null,
        from: ['newer.csv', 'older.csv'],
      },
      {
        targetUrl: 'https://example.com/b/',
        incomingLinks: 7,
        linkingSites: 1,
        internalLinks: null,
        from: ['older.csv'],
      },
    ]);
  });

  it('classifies linking sites with the user’s site kinds', async () => {
    const data = await loadInbound(['gsc/example.com-Top linking sites-2026-05-10.csv'], {
      root: fixtures,
      siteKinds: { 'example.org': 'news', 'reddit.com': 'social' },
    });
    expect(data.linkingSites.map((site) => [site.site, site.kind])).toEqual([
      ['reddit.com', 'social'],
      ['example.org', 'news'],
      ['ycombinator.com', 'forum'],
      ['yellowpages.com', 'directory'],
    ]);
  });

  it('reports a missing file as a failed source, keeping the required flag', async () => {
    const data = await loadInbound([{ file: 'nope.csv', required: true }, 'ahrefs-backlinks.csv'], {
      root: fixtures,
    });
    expect(data.sources[0]).toMatchObject({
      name: 'nope.csv',
      status: 'failed',
      required: true,
      table: null,
    });
    expect(data.problems.map((problem) => problem.message)).toEqual([
      `nope.csv: not found (resolved to ${fixture('nope.csv')})`,
    ]);
    expect(data.sources[1]?.status).toBe('ok');
    expect(data.links).toHaveLength(3);
  });

  it('reports a folder without exports, and says which spreadsheets it skipped', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'seo'));
    await writeFile(path.join(root, 'seo', 'links.xlsx'), 'PK');
    await writeFile(path.join(root, 'seo', 'notes.md'), '# notes');
    const data = await loadInbound(['seo'], { root });
    expect(data.sources).toHaveLength(1);
    expect(data.sources[0]).toMatchObject({ name: 'seo', status: 'failed' });
    expect(data.problems.map((problem) => [problem.severity, problem.message])).toEqual([
      ['warning', 'seo/links.xlsx: skipped: only CSV exports are read (download the table as CSV)'],
      ['error', 'seo: no .csv, .tsv, .txt files in this folder'],
    ]);
  });

  it('leaves a file named by its own entry out of the folder that holds it (the README example)', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'seo/gsc'), { recursive: true });
    const drillDown = 'example.com-Top sites linking to this page-2026-11-01.csv';
    await copyFile(
      fixture('drill-down/example.com-Top sites linking to this page-2026-05-10.csv'),
      path.join(root, 'seo/gsc', drillDown),
    );
    await copyFile(
      fixture('gsc/example.com-Top linking sites-2026-05-10.csv'),
      path.join(root, 'seo/gsc/example.com-Top linking sites-2026-11-01.csv'),
    );
    const data = await loadInbound(
      ['./seo/gsc/', { file: `./seo/gsc/${drillDown}`, target: '/pricing/' }],
      { root },
    );
    expect(data.sources.map((source) => [source.entry, source.name, source.status])).toEqual([
      ['./seo/gsc/', 'seo/gsc/example.com-Top linking sites-2026-11-01.csv', 'ok'],
      [`./seo/gsc/${drillDown}`, `seo/gsc/${drillDown}`, 'ok'],
    ]);
    expect(data.problems).toEqual([]);
    expect(data.targetSites.map((row) => [row.site, row.targetUrl])).toEqual([
      ['example.org', '/pricing/'],
      ['reddit.com', '/pricing/'],
    ]);

    // A folder whose only export is named by its own entry contributes nothing, without failing.
    await rm(path.join(root, 'seo/gsc/example.com-Top linking sites-2026-11-01.csv'));
    const alone = await loadInbound(
      ['seo/gsc', { file: path.join(root, 'seo/gsc', drillDown), target: '/pricing/' }],
      { root },
    );
    expect(alone.sources.map((source) => [source.name, source.status])).toEqual([
      [`seo/gsc/${drillDown}`, 'ok'],
    ]);
    expect(alone.problems).toEqual([]);
  });

  it('reads .tsv and .txt files of a folder and fails only the bad file', async () => {
    const root = await temporaryFolder();
    await writeFile(
      path.join(root, 'a.tsv'),
      'Site\tLinking pages\tTarget pages\nexample.org\t2\t1\n',
    );
    await writeFile(path.join(root, 'b.txt'), '<html><body>Not found</body></html>');
    await copyFile(fixture('semrush-backlinks.csv'), path.join(root, 'c.CSV'));
    const data = await loadInbound(['.'], { root });
    expect(data.sources.map((source) => [source.name, source.status])).toEqual([
      ['a.tsv', 'ok'],
      ['b.txt', 'failed'],
      ['c.CSV', 'ok'],
    ]);
    expect(data.problems.map((problem) => problem.message)).toEqual([
      'b.txt: looks like an HTML page, not a CSV export',
    ]);
  });

  it('turns an invalid entry into a failed source instead of throwing', async () => {
    const data = await loadInbound(
      [{ file: 'x.csv', format: 'excel' } as unknown as InboundSourceOption],
      {
        root: fixtures,
      },
    );
    expect(data.sources[0]?.status).toBe('failed');
    expect(data.problems[0]?.reason).toBe(
      'invalid inbound entry: format: Invalid option: expected one of "auto"|"search-console"|"ahrefs"|"semrush"|"moz"|"majestic"|"bing"|"csv"',
    );
  });
});

describe('folders', () => {
  it('names the subfolders it skips and warns when it holds exports of two sites', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'seo/old'), { recursive: true });
    const header = 'Target page,Incoming links,Linking sites';
    await writeFile(
      path.join(root, 'seo/example.com-Top target pages-2026-05-10.csv'),
      `${header}\nhttps://example.com/,4,2\n`,
    );
    await writeFile(
      path.join(root, 'seo/other.org-Top target pages-2026-05-10.csv'),
      `${header}\nhttps://www.other.org/pricing/,9,3\n`,
    );
    const data = await loadInbound(['seo/'], { root });
    expect(data.problems.map((problem) => problem.message)).toEqual([
      'seo/old: skipped subfolder: a folder source reads only the files in it, not its subfolders; add "seo/old/" as an inbound entry of its own to read it',
      "seo: holds exports of 2 different sites: example.com (example.com-Top target pages-2026-05-10.csv); other.org (other.org-Top target pages-2026-05-10.csv). Keep one site's exports per folder: the others join nothing, or the wrong pages",
    ]);
    expect(data.sources.map((source) => source.status)).toEqual(['ok', 'ok']);
  });
});
