import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixture, messages, parseText, utf8bom, utf16le } from './helpers.js';

const ahrefsCommaText = () => readFile(fixture('ahrefs-backlinks.csv'), 'utf8');

/** The Ahrefs fixture re-written as Ahrefs' native export: UTF-16 LE with BOM, tab-separated, quoted. */
async function ahrefsNative(): Promise<Uint8Array> {
  const rows = parse(await ahrefsCommaText()) as string[][];
  const text = rows
    .map((row) => row.map((cell) => `"${cell.replaceAll('"', '""')}"`).join('\t'))
    .join('\r\n');
  return utf16le(`${text}\r\n`);
}

const ahrefsMetrics = [
  {
    metric: 'domain-rating',
    level: 'domain',
    value: 71.5,
    score: 71.5,
    source: 'Ahrefs Domain Rating',
  },
  { metric: 'url-rating', level: 'page', value: 12.3, score: 12.3, source: 'Ahrefs URL Rating' },
];

describe('Ahrefs backlinks', () => {
  const expectedLinks = [
    {
      sourceUrl: 'https://blog.example.org/2026/04/tools/',
      targetUrl: 'https://example.com/pricing/',
      site: 'blog.example.org',
      domain: 'example.org',
      anchor: 'the "Example" calculator',
      nofollow: false,
      sponsored: false,
      ugc: false,
      firstSeen: '2025-12-01',
      lastSeen: '2026-05-01',
      lost: false,
      targetStatus: null,
      metrics: ahrefsMetrics,
    },
    {
      sourceUrl: 'https://news.ycombinator.com/item?id=40000001',
      targetUrl: 'https://example.com/',
      site: 'news.ycombinator.com',
      domain: 'ycombinator.com',
      anchor: 'example.com',
      nofollow: true,
      sponsored: false,
      ugc: true,
      firstSeen: '2026-01-15',
      lastSeen: '2026-05-02',
      lost: false,
      targetStatus: null,
      metrics: ahrefsMetrics,
    },
    {
      sourceUrl: 'https://www.yellowpages.com/nyc/example-co',
      targetUrl: 'https://example.com/old-pricing/',
      site: 'yellowpages.com',
      domain: 'yellowpages.com',
      anchor: 'Pricing',
      nofollow: false,
      sponsored: false,
      ugc: false,
      firstSeen: '2024-03-03',
      lastSeen: '2025-06-01',
      lost: true,
      targetStatus: null,
      metrics: ahrefsMetrics,
    },
  ];

  it('reads the UTF-8 comma export: commas, quotes and emoji in fields', async () => {
    const result = parseText(await ahrefsCommaText(), { file: 'ahrefs.csv', name: 'ahrefs.csv' });
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'ahrefs-backlinks',
      title: 'Ahrefs: Backlinks',
      tool: 'ahrefs',
      rows: 3,
      delimiter: ',',
      problems: [],
    });
    expect(result.records.links).toEqual(
      expectedLinks.map((link) => ({ ...link, from: ['ahrefs.csv'] })),
    );
  });

  it('reads the native UTF-16 LE tab-separated export the same way', async () => {
    const result = parseText(await ahrefsNative(), { file: 'ahrefs.csv', name: 'ahrefs.csv' });
    expect(result.summary).toMatchObject({
      status: 'ok',
      encoding: 'utf-16le',
      delimiter: '\t',
      rows: 3,
    });
    expect(result.records.links).toEqual(
      expectedLinks.map((link) => ({ ...link, from: ['ahrefs.csv'] })),
    );
  });

  it('is recognized with format: ahrefs and refused with format: semrush', async () => {
    const text = await ahrefsCommaText();
    expect(parseText(text, { format: 'ahrefs' }).summary.table).toBe('ahrefs-backlinks');
    const wrong = parseText(text, { format: 'semrush' });
    expect(wrong.summary.status).toBe('failed');
    expect(wrong.summary.problems[0]?.reason).toBe(
      'unrecognized header "#", "Referring page title", "Referring page URL", "Language", "Platform", "Referring page HTTP code", "Domain rating", "UR", "Domain traffic", "Referring domains", "Linked domains", "External links", "Page traffic", "Keywords", "Target URL", … on line 1; ' +
        'expected Semrush "Source url,Target url,Anchor,…" or "source_url,target_url,…" or "domain,authority_score,backlinks,…". ' +
        "For a localized or other export, name its columns: { file, format: 'csv', columns: { source: '…', target: '…', anchor: '…' } }",
    );
  });
});

describe('Semrush backlinks', () => {
  it('reads the current export', async () => {
    const result = parseText(await readFile(fixture('semrush-backlinks.csv')), {
      name: 'semrush.csv',
    });
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'semrush-backlinks',
      title: 'Semrush: Backlinks',
    });
    expect(result.records.links).toEqual([
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
        metrics: [
          {
            metric: 'page-authority-score',
            level: 'page',
            value: 34,
            score: 34,
            source: 'Semrush Page Authority Score',
          },
        ],
        from: ['semrush.csv'],
      },
      {
        sourceUrl: 'https://www.reddit.com/r/webdev/comments/abc123/',
        targetUrl: 'https://example.com/blog/caf%C3%A9/',
        site: 'reddit.com',
        domain: 'reddit.com',
        anchor: 'this café post',
        nofollow: true,
        sponsored: false,
        ugc: true,
        firstSeen: '2026-02-01',
        lastSeen: '2026-05-03',
        lost: false,
        targetStatus: null,
        metrics: [
          {
            metric: 'page-authority-score',
            level: 'page',
            value: 34,
            score: 34,
            source: 'Semrush Page Authority Score',
          },
        ],
        from: ['semrush.csv'],
      },
    ]);
  });

  it('reads the older export without Sponsored, Ugc and Lost link', async () => {
    const result = parseText(await readFile(fixture('semrush-backlinks-2019.csv')), {
      name: 'old.csv',
    });
    expect(result.summary.table).toBe('semrush-backlinks');
    expect(result.records.links).toEqual([
      {
        sourceUrl: 'http://uscity.net/listing/example-co-12345',
        targetUrl: 'http://example.com/',
        site: 'uscity.net',
        domain: 'uscity.net',
        anchor: 'Example Co',
        nofollow: false,
        sponsored: null,
        ugc: null,
        firstSeen: '2019-04-02',
        lastSeen: '2019-10-30',
        lost: null,
        targetStatus: null,
        metrics: [],
        from: ['old.csv'],
      },
    ]);
  });

  it('reads a semicolon-delimited variant', async () => {
    const rows = parse(await readFile(fixture('semrush-backlinks.csv'), 'utf8')) as string[][];
    const text = rows
      .map((row) =>
        row.map((cell) => (/[;"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(';'),
      )
      .join('\n');
    const result = parseText(text);
    expect(result.summary).toMatchObject({ status: 'ok', delimiter: ';', rows: 2 });
    expect(result.records.links.map((link) => link.anchor)).toEqual([
      'the "Example" calculator',
      'this café post',
    ]);
  });
});

describe('Bing Webmaster Tools backlinks', () => {
  it('reads the pages export: UTF-8 BOM, every field quoted, CRLF', () => {
    const text =
      '"Source Url","Anchor text","Target Url"\r\n' +
      '"https://www.reddit.com/r/webdev/comments/abc123/","Example, the calculator","https://www.example.com/pricing"\r\n' +
      '"https://lobste.rs/s/xyz","","https://example.com/"\r\n';
    const result = parseText(utf8bom(text), { name: 'bing.csv' });
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'bing-backlinks',
      encoding: 'utf-8-bom',
      rows: 2,
    });
    expect(
      result.records.links.map((link) => [
        link.sourceUrl,
        link.anchor,
        link.targetUrl,
        link.nofollow,
      ]),
    ).toEqual([
      [
        'https://www.reddit.com/r/webdev/comments/abc123/',
        'Example, the calculator',
        'https://www.example.com/pricing',
        null,
      ],
      ['https://lobste.rs/s/xyz', '', 'https://example.com/', null],
    ]);
  });

  it('reads the referring domains export, with or without a scheme on the domain', () => {
    const text =
      '"Domain","Backlinks Count"\r\n"https://www.yelp.com","4"\r\n"example.net","1,204"\r\n';
    const result = parseText(utf8bom(text));
    expect(result.summary.table).toBe('bing-referring-domains');
    expect(result.records.sites.map((row) => [row.site, row.links, row.linkingPages])).toEqual([
      ['yelp.com', 4, null],
      ['example.net', 1204, null],
    ]);
  });
});

describe('generic CSV with a columns mapping', () => {
  const columns = { source: 'URL', target: 'Target URL', anchor: 'Anchor Text' };

  it('reads a legacy Moz export after its six preamble lines', async () => {
    const result = parseText(await readFile(fixture('moz-legacy.csv')), {
      name: 'moz.csv',
      format: 'csv',
      columns,
    });
    expect(result.summary).toMatchObject({
      status: 'ok',
      table: 'csv-links',
      title: 'CSV: Links (mapped columns)',
      headerLine: 7,
      rows: 2,
    });
    expect(
      result.records.links.map((link) => [
        link.sourceUrl,
        link.targetUrl,
        link.anchor,
        link.nofollow,
      ]),
    ).toEqual([
      ['https://directory.example.net/web/example', 'https://example.com/', 'Example Inc', null],
      [
        'https://forum.example.net/t/pricing/77',
        'https://example.com/pricing',
        'pricing page',
        null,
      ],
    ]);
  });

  it('maps rel flags and dates', () => {
    const text =
      'From,To,Text,NF,Sponsored?,UGC?,First,Last\n' +
      'https://a.example/x,https://example.com/,Home,yes,no,1,"May 10, 2026",10 Jun 2026\n';
    const result = parseText(text, {
      format: 'csv',
      columns: {
        source: 'From',
        target: 'to',
        anchor: 'Text',
        nofollow: 'NF',
        sponsored: 'Sponsored?',
        ugc: 'UGC?',
        firstSeen: 'First',
        lastSeen: 'Last',
      },
    });
    expect(result.records.links[0]).toMatchObject({
      anchor: 'Home',
      nofollow: true,
      sponsored: false,
      ugc: true,
      firstSeen: '2026-05-10',
      lastSeen: '2026-06-10',
    });
  });

  it('takes the target from the options when the file has no target column', () => {
    const text = 'Page\nhttps://a.example/x\n';
    const result = parseText(text, {
      format: 'csv',
      columns: { source: 'Page' },
      target: '/pricing/',
    });
    expect(result.summary.table).toBe('csv-links');
    expect(result.records.links.map((link) => [link.sourceUrl, link.targetUrl])).toEqual([
      ['https://a.example/x', '/pricing/'],
    ]);
  });

  it('maps localized Search Console headers with format: search-console', () => {
    const text = 'Page cible,Liens entrants,Sites associés\nhttps://example.com/,12,3\n';
    const result = parseText(text, {
      format: 'search-console',
      columns: {
        target: 'Page cible',
        incomingLinks: 'Liens entrants',
        linkingSites: 'Sites associés',
      },
    });
    expect(result.summary.table).toBe('search-console-top-target-pages');
    expect(result.records.targets[0]).toMatchObject({
      targetUrl: 'https://example.com/',
      incomingLinks: 12,
      linkingSites: 3,
    });
  });

  it('says which mapped columns are missing and what the header has', () => {
    const result = parseText('URL,Anchor Text\nhttps://a.example/,x\n', { format: 'csv', columns });
    expect(messages(result)).toEqual([
      'export.csv: none of the first 20 lines has all the columns named in columns: missing "Target URL"; line 1 has "URL", "Anchor Text"',
    ]);
  });

  it("refuses format: 'csv' without columns", () => {
    const result = parseText('URL\nhttps://a.example/\n', { format: 'csv' });
    expect(result.summary.problems[0]?.reason).toBe(
      "format 'csv' needs a columns mapping, e.g. columns: { source: 'URL', target: 'Target URL', anchor: 'Anchor Text' }",
    );
  });

  it('refuses a mapping that fits no table', () => {
    const result = parseText('A,B\n1,2\n', { format: 'csv', columns: { anchor: 'A' } });
    expect(result.summary.problems[0]?.reason).toMatch(
      /^the columns mapping \{ anchor \} fits no CSV table: map source and target/,
    );
  });

  it('ignores the target option with a warning when the table has a target column', async () => {
    const result = parseText(await readFile(fixture('semrush-backlinks.csv')), {
      target: '/pricing/',
    });
    expect(result.summary.status).toBe('ok');
    expect(messages(result)).toEqual([
      'export.csv: target "/pricing/" is ignored: this table has its own "Target url" column',
    ]);
    expect(result.records.links.map((link) => link.targetUrl)).toEqual([
      'https://example.com/pricing/',
      'https://example.com/blog/caf%C3%A9/',
    ]);
  });
});
