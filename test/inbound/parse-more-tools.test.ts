/**
 * Every other tool's export, by its real header (fixtures with invented rows): recognized,
 * named with its tool and table, and read with its dates, rel flags, lost status, target
 * status and quality metrics.
 */
import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, messages, parseText, utf16le } from './helpers.js';

async function parseFixture(name: string, options = {}) {
  return parseText(await readFile(fixture(name)), { file: name, name, ...options });
}

const metric = (name: string, level: string, value: number, source: string) => ({
  metric: name,
  level,
  value,
  score: value,
  source,
});

describe('Moz Link Explorer backlinks', () => {
  it('is labelled Moz, not Bing, and keeps its dates and authority metrics', async () => {
    const result = await parseFixture('moz-backlinks.csv');
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'moz-backlinks',
      tool: 'moz',
      title: 'Moz: Link Explorer: Inbound links',
      problems: [],
    });
    expect(result.records.links).toEqual([
      expect.objectContaining({
        sourceUrl: 'https://reviews.example.net/best-calculators/',
        targetUrl: 'https://example.com/pricing/',
        domain: 'example.net',
        anchor: 'Example pricing',
        firstSeen: '2025-09-14',
        lastSeen: '2026-04-30',
        metrics: [
          metric('domain-authority', 'domain', 58, 'Moz Domain Authority'),
          metric('page-authority', 'page', 41, 'Moz Page Authority'),
          metric('spam-score', 'domain', 1, 'Moz Spam Score'),
        ],
      }),
      expect.objectContaining({
        domain: 'spammy.example',
        metrics: expect.arrayContaining([metric('spam-score', 'domain', 84, 'Moz Spam Score')]),
      }),
    ]);
  });

  it('reads the legacy export after its preamble, with Link Type as the rel', async () => {
    const result = await parseFixture('moz-legacy.csv');
    expect(result.summary).toMatchObject({ table: 'moz-backlinks', headerLine: 7 });
    expect(result.records.links.map((link) => [link.sourceUrl, link.nofollow])).toEqual([
      ['https://directory.example.net/web/example', false],
      ['https://forum.example.net/t/pricing/77', true],
    ]);
  });
});

describe('Ahrefs tables', () => {
  it('names the Broken backlinks table and reads the status of the target', async () => {
    const result = await parseFixture('ahrefs-broken-backlinks.csv');
    expect(result.summary).toMatchObject({
      table: 'ahrefs-broken-backlinks',
      title: 'Ahrefs: Broken backlinks',
    });
    expect(result.records.links).toEqual([
      expect.objectContaining({
        targetUrl: 'https://example.com/old-pricing/',
        targetStatus: 404,
        firstSeen: '2024-02-01',
      }),
    ]);
  });

  it('reads Referring domains in UTF-16 with its trailing-space headers, spam flags and DR', async () => {
    const rows = Papa.parse<string[]>(
      await readFile(fixture('ahrefs-referring-domains.csv'), 'utf8'),
      {
        skipEmptyLines: true,
      },
    ).data;
    const native = utf16le(
      `${rows.map((row) => row.map((cell) => `"${cell}"`).join('\t')).join('\r\n')}\r\n`,
    );
    const result = parseText(native, { file: 'refdomains.csv', name: 'refdomains.csv' });
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'ahrefs-referring-domains',
      title: 'Ahrefs: Referring domains',
      encoding: 'utf-16le',
      delimiter: '\t',
      rows: 3,
    });
    expect(
      result.records.sites.map((site) => [site.site, site.links, site.dofollowLinks, site.spam]),
    ).toEqual([
      ['example.net', 3, 3, false],
      ['spammy.example', 412, 412, true],
    ]);
    expect(result.records.sites[1]?.metrics).toEqual([
      metric('domain-rating', 'domain', 2, 'Ahrefs Domain Rating'),
    ]);
    // A referring domain the tool marks lost is not counted.
    expect(result.records.lostSites).toEqual(['example.org']);
  });

  it('reads the Anchors table with its counts', async () => {
    const result = await parseFixture('ahrefs-anchors.csv');
    expect(result.summary).toMatchObject({ table: 'ahrefs-anchors', title: 'Ahrefs: Anchors' });
    expect(
      result.records.anchors.map((row) => [row.text, row.links, row.referringDomains]),
    ).toEqual([
      ['example', 33, 14],
      ['click here', 412, 2],
      ['example.com', 9, 5],
      ['pricing calculator', 4, 3],
    ]);
  });

  it('reads the Webmaster Tools API backlinks: rel flags, ISO dates, lost reason', async () => {
    const result = await parseFixture('ahrefs-api-backlinks.csv');
    expect(result.summary).toMatchObject({
      table: 'ahrefs-api-backlinks',
      title: 'Ahrefs: Backlinks (Ahrefs Webmaster Tools API)',
    });
    expect(
      result.records.links.map((link) => [link.nofollow, link.ugc, link.firstSeen, link.lost]),
    ).toEqual([
      [false, false, '2025-09-14', false],
      [true, true, '2025-10-01', true],
    ]);
    expect(result.records.links[0]?.metrics).toEqual([
      metric('domain-rating', 'domain', 58, 'Ahrefs Domain Rating'),
    ]);
  });

  it('reads the Webmaster Tools API referring domains', async () => {
    const result = await parseFixture('ahrefs-api-referring-domains.csv');
    expect(result.summary.table).toBe('ahrefs-api-referring-domains');
    expect(result.records.sites.map((site) => [site.site, site.links, site.dofollowLinks])).toEqual(
      [
        ['example.net', 3, 3],
        ['example.net', 7, 2],
      ],
    );
  });
});

describe('Semrush API exports', () => {
  it('reads backlinks with Unix-time dates and the page authority score', async () => {
    const result = await parseFixture('semrush-api-backlinks.csv');
    expect(result.summary).toMatchObject({
      table: 'semrush-api-backlinks',
      title: 'Semrush: Backlinks (API)',
      problems: [],
    });
    expect(result.records.links[0]).toMatchObject({
      firstSeen: '2025-09-14',
      lastSeen: '2026-04-30',
      nofollow: false,
      metrics: [metric('page-authority-score', 'page', 41, 'Semrush Page Authority Score')],
    });
  });

  it('reads referring domains with their authority score', async () => {
    const result = await parseFixture('semrush-api-referring-domains.csv');
    expect(result.summary.table).toBe('semrush-api-referring-domains');
    expect(result.records.sites.map((site) => [site.site, site.links, site.metrics])).toEqual([
      ['example.net', 3, [metric('authority-score', 'domain', 52, 'Semrush Authority Score')]],
      ['spammy.example', 412, [metric('authority-score', 'domain', 4, 'Semrush Authority Score')]],
    ]);
  });
});

describe('Majestic exports', () => {
  it('reads backlinks with Trust Flow and Citation Flow of the page and the domain', async () => {
    const result = await parseFixture('majestic-backlinks.csv');
    expect(result.summary).toMatchObject({
      table: 'majestic-backlinks',
      tool: 'majestic',
      title: 'Majestic: Backlinks',
      problems: [],
    });
    expect(result.records.links[0]).toMatchObject({
      nofollow: false,
      firstSeen: '2025-09-15',
      metrics: [
        metric('citation-flow', 'domain', 44, 'Majestic Citation Flow'),
        metric('citation-flow', 'page', 35, 'Majestic Citation Flow'),
        metric('trust-flow', 'domain', 40, 'Majestic Trust Flow'),
        metric('trust-flow', 'page', 31, 'Majestic Trust Flow'),
      ],
    });
  });

  it('reads referring domains', async () => {
    const result = await parseFixture('majestic-referring-domains.csv');
    expect(result.summary).toMatchObject({
      table: 'majestic-referring-domains',
      title: 'Majestic: Referring domains',
    });
    expect(result.records.sites.map((site) => [site.site, site.links, site.firstSeen])).toEqual([
      ['example.net', 3, '2025-09-15'],
      ['spammy.example', 412, '2026-01-03'],
    ]);
  });
});

describe('mapped referring domains', () => {
  it("reads a CSV of sites with format: 'csv' and columns { site, links }", () => {
    const result = parseText(
      'Website,Backlinks,Rating\nblog.example.org,4,37\nexample.net,9,12\n',
      {
        format: 'csv',
        columns: { site: 'Website', links: 'Backlinks', domainRating: 'Rating' },
      },
    );
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'csv-sites',
      title: 'CSV: Referring domains (mapped columns)',
    });
    expect(result.records.sites.map((site) => [site.site, site.links, site.metrics])).toEqual([
      [
        'example.org',
        4,
        [metric('domain-rating', 'domain', 37, 'Domain Rating (column "Rating")')],
      ],
      [
        'example.net',
        9,
        [metric('domain-rating', 'domain', 12, 'Domain Rating (column "Rating")')],
      ],
    ]);
  });

  it('leaves a metric outside 0–100 empty with a warning, never rescaled', () => {
    const result = parseText('Site,DR\nexample.org,250\n', {
      format: 'csv',
      columns: { site: 'Site', domainRating: 'DR' },
    });
    expect(result.records.sites[0]?.metrics).toEqual([]);
    expect(messages(result)).toEqual([
      'export.csv, line 2: 1 value in "DR" is not a score from 0 to 100 (first on line 2: "250"); left empty',
    ]);
  });
});
