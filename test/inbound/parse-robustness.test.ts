import { describe, expect, it } from 'vitest';
import { decodeExport } from '../../src/inbound/index.js';
import { messages, parseText, utf8bom, utf16be, utf16le } from './helpers.js';

const targetPages = 'Target page,Incoming links,Linking sites';
const expectedEverything =
  'expected Search Console "Target page,Incoming links,Linking sites" or "Target page,Internal links" or "Site,Linking pages,Target pages" or "Rank,Link text" or "Linking page,Last crawled" or "Linking page" or "Site,Links"; ' +
  'Ahrefs "Referring page URL,Target URL,Target page HTTP code,…" or "Referring page URL,Target URL,…" or "Domain,DR,Links to target,…" or "Anchor text,Ref. domains,Links to target,…" or "src_url,target_url,…" or "root_name,backlinks_count,…"; ' +
  'Semrush "Source url,Target url,Anchor,…" or "source_url,target_url,…" or "domain,authority_score,backlinks,…"; ' +
  'Moz "Source URL,Target URL,Domain Authority,…"; Majestic "Source URL,Target URL,Domain Trust Flow,…" or "Domain,Trust Flow,Citation Flow,…"; ' +
  'Bing Webmaster Tools "Source Url,Anchor text,Target Url,…" or "Domain,Backlinks Count,…". ' +
  "For a localized or other export, name its columns: { file, format: 'csv', columns: { source: '…', target: '…', anchor: '…' } }";

describe('encodings', () => {
  it('reads UTF-8 with a BOM without leaking it into the first header', () => {
    const result = parseText(utf8bom(`${targetPages}\nhttps://example.com/,1,1\n`));
    expect(result.summary).toMatchObject({
      status: 'ok',
      encoding: 'utf-8-bom',
      table: 'search-console-top-target-pages',
    });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const text = 'Site,Linking pages,Target pages\r\nbücher.example,2,1\r\n';
    for (const [bytes, encoding] of [
      [utf16le(text), 'utf-16le'],
      [utf16be(text), 'utf-16be'],
    ] as const) {
      const result = parseText(bytes);
      expect(result.summary).toMatchObject({
        status: 'ok',
        encoding,
        table: 'search-console-top-linking-sites',
      });
      expect(result.records.sites.map((row) => row.site)).toEqual(['xn--bcher-kva.example']);
    }
  });

  it('reads UTF-16 LE without a BOM, with a warning', () => {
    const result = parseText(utf16le('Rank,Link text\n1,café\n', false));
    expect(result.summary.encoding).toBe('utf-16le');
    expect(result.records.linkingText.map((row) => row.text)).toEqual(['café']);
    expect(messages(result)).toEqual([
      'export.csv: has no byte order mark; read as UTF-16 LE from its byte pattern',
    ]);
  });

  it('reads text that is not UTF-8 as Windows-1252, with a warning', () => {
    const bytes = Buffer.concat([
      Buffer.from('Rank,Link text\n1,caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    const result = parseText(bytes);
    expect(result.summary.encoding).toBe('windows-1252');
    expect(result.records.linkingText.map((row) => row.text)).toEqual(['café']);
    expect(result.summary.problems.map((problem) => [problem.severity, problem.reason])).toEqual([
      [
        'warning',
        'is not valid UTF-8; read as Windows-1252. Save it as UTF-8 to be sure accents are right',
      ],
    ]);
  });

  it('decodes bytes to text with normalized line endings', () => {
    expect(decodeExport(Buffer.from('a,b\r\n1,2\r3,4\n'))).toEqual({
      ok: true,
      text: 'a,b\n1,2\n3,4\n',
      encoding: 'utf-8',
      warning: null,
    });
  });
});

describe('files that are not CSV', () => {
  it('refuses an empty file, naming the header it expected', () => {
    for (const text of ['', '\n\n  \n']) {
      const result = parseText(text);
      expect(result.summary.status).toBe('failed');
      expect(messages(result)).toEqual([
        'export.csv: empty file, expected a CSV header such as "Target page,Incoming links,Linking sites" (Search Console: Top target pages) or a backlinks export of Ahrefs, Semrush, Moz, Majestic or Bing',
      ]);
    }
  });

  it('refuses an HTML page saved as .csv', () => {
    const result = parseText(
      '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body></body></html>\n',
    );
    expect(messages(result)).toEqual(['export.csv: looks like an HTML page, not a CSV export']);
    expect(result.summary.status).toBe('failed');
  });

  it('refuses a ZIP archive (an .xlsx workbook)', () => {
    const bytes = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
      Buffer.from('[Content_Types].xml'),
    ]);
    expect(messages(parseText(bytes))).toEqual([
      'export.csv: is a ZIP archive (an .xlsx workbook is one), not a CSV export: download the table as CSV',
    ]);
  });

  it('refuses a binary file', () => {
    const bytes = Uint8Array.from({ length: 512 }, (_, index) => (index * 37) % 256);
    expect(messages(parseText(bytes))).toEqual([
      'export.csv: is a binary file, not a CSV export (it contains NUL bytes)',
    ]);
    const noNul = Uint8Array.from({ length: 512 }, (_, index) => 1 + ((index * 37) % 255));
    expect(parseText(noNul).summary.problems[0]?.reason).toMatch(
      /^is a binary file, not a CSV export/,
    );
  });

  it('refuses unknown headers, listing what it found and what it expected', () => {
    const result = parseText('Page,Backlinks,Domains\nhttps://example.com/,1,1\n');
    expect(messages(result)).toEqual([
      `export.csv: unrecognized header "Page", "Backlinks", "Domains" on line 1; ${expectedEverything}`,
    ]);
  });

  it('refuses an unknown localized header and suggests mapping its columns', () => {
    // A made-up localized drill-down header: only the real French `Site,Liens` is built in.
    const result = parseText('Website,Verweise\nexample.org,3\n');
    expect(result.summary.problems[0]?.reason).toBe(
      `unrecognized header "Website", "Verweise" on line 1; ${expectedEverything}`,
    );
  });
});

describe('CSV shapes', () => {
  it('reads tab- and semicolon-delimited files', () => {
    for (const delimiter of ['\t', ';']) {
      const text = `Target page${delimiter}Incoming links${delimiter}Linking sites\nhttps://example.com/a,b${delimiter}3${delimiter}2\n`;
      const result = parseText(text);
      expect(result.summary.delimiter).toBe(delimiter);
      expect(result.records.targets.map((row) => [row.targetUrl, row.incomingLinks])).toEqual([
        ['https://example.com/a,b', 3],
      ]);
    }
  });

  it('reads quoted fields with delimiters, quotes and newlines, and keeps line numbers right after them', () => {
    const text = 'Rank,Link text\r\n1,"say ""hi"", then\r\nleave"\r\n2,ok\r\nx,bad\r\n';
    const result = parseText(text, { allowBadRows: true });
    expect(result.records.linkingText.map((row) => [row.rank, row.text])).toEqual([
      [1, 'say "hi", then leave'],
      [2, 'ok'],
    ]);
    expect(result.summary.problems[0]?.message).toBe(
      'export.csv, line 5: expected a whole number in "Rank", found "x"',
    );
  });

  it('finds the header after preamble lines', () => {
    const text = 'Links report\nexample.com, exported 2026-05-10\n\nSite,Links\nreddit.com,4\n';
    const result = parseText(text, { target: '/pricing/' });
    expect(result.summary).toMatchObject({
      headerLine: 4,
      table: 'search-console-site-drill-down',
      rows: 1,
    });
  });

  it('reads a header-only file as a valid empty export', () => {
    const result = parseText(`${targetPages}\n`);
    expect(result.summary).toMatchObject({ status: 'ok', rows: 0, badRows: 0, problems: [] });
    expect(result.records.targets).toEqual([]);
  });

  it('skips blank lines and rows of empty cells', () => {
    const result = parseText(`${targetPages}\n\nhttps://example.com/,1,1\n,,\n`);
    expect(result.summary).toMatchObject({ status: 'ok', rows: 1, problems: [] });
  });
});

describe('bad rows', () => {
  const text = `${targetPages}\nhttps://example.com/,10,2\nhttps://example.com/a/,3\nhttps://example.com/b/,4,1,extra\nhttps://example.com/c/,5,1\n`;

  it('rejects the whole file by default, listing each bad line', () => {
    const result = parseText(text);
    expect(result.summary).toMatchObject({ status: 'failed', rows: 4, badRows: 2 });
    expect(result.records.targets).toEqual([]);
    expect(
      result.summary.problems.map((problem) => [problem.severity, problem.line, problem.message]),
    ).toEqual([
      [
        'error',
        3,
        'export.csv, line 3: expected 3 fields (Target page, Incoming links, Linking sites), found 2',
      ],
      [
        'error',
        4,
        'export.csv, line 4: expected 3 fields (Target page, Incoming links, Linking sites), found 4',
      ],
      [
        'error',
        null,
        'export.csv: 2 of 4 rows could not be read (lines 3, 4); nothing was imported from it. Line 3 (the first): expected 3 fields (Target page, Incoming links, Linking sites), found 2. Fix the export (or download it again if it was cut short), or set allowBadRows: true (--allow-bad-rows) to import the other rows',
      ],
    ]);
  });

  it('says when an extra field is a number split at an unquoted thousands separator', () => {
    const result = parseText(
      `${targetPages}\nhttps://example.com/,1,029,87\nhttps://example.com/a/,12,345,678,9\nhttps://example.com/b/,4,1,x\nhttps://example.com/c/,1,029,200\nhttps://example.com/d,y/,12,345\n`,
    );
    expect(result.summary.problems.map((problem) => problem.message).slice(0, 5)).toEqual([
      'export.csv, line 2: expected 3 fields (Target page, Incoming links, Linking sites), found 4: "1,029" looks like one number with a thousands separator, written without quotes (as a spreadsheet saves it); export the file again from the tool, or quote such numbers ("1,029")',
      'export.csv, line 3: expected 3 fields (Target page, Incoming links, Linking sites), found 5: "12,345,678" looks like one number with a thousands separator, written without quotes (as a spreadsheet saves it); export the file again from the tool, or quote such numbers ("12,345,678")',
      // Not a number: no guess.
      'export.csv, line 4: expected 3 fields (Target page, Incoming links, Linking sites), found 4',
      // Only as many fields as one too many: 1,029 links from 200 sites.
      'export.csv, line 5: expected 3 fields (Target page, Incoming links, Linking sites), found 4: "1,029" looks like one number with a thousands separator, written without quotes (as a spreadsheet saves it); export the file again from the tool, or quote such numbers ("1,029")',
      // The comma is in the URL: "y/" would be a count; no guess.
      'export.csv, line 6: expected 3 fields (Target page, Incoming links, Linking sites), found 4',
    ]);
  });

  it('imports the good rows with allowBadRows, listing the bad ones as warnings', () => {
    const result = parseText(text, { allowBadRows: true });
    expect(result.summary).toMatchObject({ status: 'ok', rows: 4, badRows: 2 });
    expect(result.records.targets.map((row) => row.targetUrl)).toEqual([
      'https://example.com/',
      'https://example.com/c/',
    ]);
    expect(result.summary.problems.map((problem) => [problem.severity, problem.line])).toEqual([
      ['warning', 3],
      ['warning', 4],
      ['warning', null],
    ]);
    expect(result.summary.problems[2]?.reason).toBe(
      '2 of 4 rows could not be read (lines 3, 4); they were skipped because allowBadRows is on',
    );
  });

  it('says a short last line may be a truncated download', () => {
    const result = parseText(
      `${targetPages}\nhttps://example.com/,10,2\nhttps://example.com/a/,3`,
      { allowBadRows: true },
    );
    expect(result.summary.problems[0]?.message).toBe(
      'export.csv, line 3: expected 3 fields (Target page, Incoming links, Linking sites), found 2; the file may be truncated',
    );
    expect(result.records.targets).toHaveLength(1);
  });

  it('reports a quote left open by a truncated download', () => {
    const result = parseText('Rank,Link text\n1,fine\n2,"cut off here\n', { allowBadRows: true });
    expect(result.records.linkingText.map((row) => row.text)).toEqual(['fine']);
    expect(result.summary.problems[0]?.message).toBe(
      'export.csv, line 3: a quoted field opened on this line is never closed, so the rest of the file could not be read; the file may be truncated',
    );
  });

  it('says how far an unclosed quote reaches', () => {
    const result = parseText('Rank,Link text\n1,"open\n2,b\n3,c\n', { allowBadRows: true });
    expect(result.summary.problems[0]?.message).toBe(
      'export.csv, line 2: a quoted field opened on this line is never closed, so the rest of the file (to line 4) could not be read; the file may be truncated',
    );
    expect(result.records.linkingText).toEqual([]);
  });

  it('lists at most 20 bad lines one by one and all of them in the summary', () => {
    const rows = Array.from({ length: 25 }, (_, index) => `https://example.com/${index}/,x,1`);
    const result = parseText([targetPages, ...rows].join('\n'));
    expect(result.summary.problems).toHaveLength(21);
    expect(result.summary.problems[20]?.reason).toBe(
      `25 of 25 rows could not be read (lines ${Array.from({ length: 25 }, (_, index) => index + 2).join(', ')}); nothing was imported from it. Line 2 (the first): expected a whole number in "Incoming links", found "x". Fix the export (or download it again if it was cut short), or set allowBadRows: true (--allow-bad-rows) to import the other rows`,
    );
  });

  it('leaves an unreadable date empty with one warning per column', () => {
    const text =
      'Linking page,Last crawled\nhttps://a.example/,yesterday\nhttps://b.example/,05/10/2026\nhttps://c.example/,2026-05-09\n';
    const result = parseText(text);
    expect(result.summary.status).toBe('ok');
    expect(result.records.samples.map((row) => row.lastCrawled)).toEqual([
      null,
      null,
      '2026-05-09',
    ]);
    expect(messages(result)).toEqual([
      'export.csv, line 2: 2 values in "Last crawled" are not a date (first on line 2: "yesterday"); left empty',
    ]);
  });
});

describe('issue 12 robustness', () => {
  it('reads BOM-less UTF-16 whose text is not ASCII, by the pattern of its NUL bytes', () => {
    // Cyrillic and CJK text: U+0400 and U+4E00 put a NUL on the other side of the pair.
    const text = 'Rank,Link text\n1,Ѐкспорт ссылок\n2,一覧 ページ\n3,ok\n';
    for (const [bytes, encoding] of [
      [utf16le(text, false), 'utf-16le'],
      [utf16be(text).subarray(2), 'utf-16be'],
    ] as const) {
      const result = parseText(bytes);
      expect(result.summary).toMatchObject({ status: 'ok', encoding });
      expect(result.records.linkingText.map((row) => row.text)).toEqual([
        'Ѐкспорт ссылок',
        '一覧 ページ',
        'ok',
      ]);
    }
  });

  it('says how far it looked when the header comes after line 20', () => {
    const preamble = Array.from({ length: 25 }, (_, index) => `Note ${index + 1}`).join('\n');
    const result = parseText(`${preamble}\n${targetPages}\nhttps://example.com/,1,1\n`);
    expect(result.summary.problems[0]?.reason).toMatch(
      /^unrecognized header "Note 1" on line 1 \(looked at the first 20 non-empty lines, to line 20: a header further down is not searched for\); expected /,
    );
  });

  it('rejects a URL cell with a line break, naming its line', () => {
    const result = parseText(
      `${targetPages}\nhttps://example.com/a,1,1\n"https://example.com/b\nhttps://evil.example/",2,1\n`,
    );
    expect(result.summary.status).toBe('failed');
    expect(result.summary.problems[0]?.message).toBe(
      'export.csv, line 3: the URL in "Target page" spans lines (a line break inside a quoted cell), found "https://example.com/b\\nhttps://evil.example/"; expected one absolute http(s) URL',
    );
  });
});
