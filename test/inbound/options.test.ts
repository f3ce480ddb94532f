import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  inboundCacheDirSchema,
  inboundOptionsSchema,
  siteKindsSchema,
} from '../../src/inbound/index.js';
import { resolveOptions } from '../../src/options.js';

describe('inbound options', () => {
  it('accepts paths, file sources and URL sources, with defaults', () => {
    const parsed = inboundOptionsSchema.parse([
      './seo/gsc/',
      {
        file: './seo/gsc/example.com-Top sites linking to this page-2026-11-01.csv',
        target: '/pricing/',
      },
      {
        url: 'https://docs.google.com/spreadsheets/d/abc/export?format=csv',
        format: 'search-console',
        cache: '1d',
      },
      {
        file: './seo/moz.csv',
        format: 'csv',
        columns: { source: 'URL', target: 'Target URL', anchor: 'Anchor Text' },
      },
    ]);
    expect(parsed).toEqual([
      './seo/gsc/',
      {
        file: './seo/gsc/example.com-Top sites linking to this page-2026-11-01.csv',
        target: '/pricing/',
        format: 'auto',
        required: false,
        allowBadRows: false,
      },
      {
        url: 'https://docs.google.com/spreadsheets/d/abc/export?format=csv',
        format: 'search-console',
        cache: '1d',
        required: false,
        allowBadRows: false,
      },
      {
        file: './seo/moz.csv',
        format: 'csv',
        columns: { source: 'URL', target: 'Target URL', anchor: 'Anchor Text' },
        required: false,
        allowBadRows: false,
      },
    ]);
    expect(inboundOptionsSchema.parse(undefined)).toEqual([]);
    expect(inboundOptionsSchema.parse([{ url: 'http://127.0.0.1:8080/a.csv' }])[0]).toMatchObject({
      cache: '1d',
    });
    expect(siteKindsSchema.parse(undefined)).toEqual({});
    expect(inboundCacheDirSchema.parse(undefined)).toBe('node_modules/.cache/astro-link-report');
  });

  const issuesOf = (value: unknown) =>
    (inboundOptionsSchema.safeParse(value).error as z.ZodError).issues.map((issue) => [
      issue.path.join('.'),
      issue.message,
    ]);

  it('explains a bad entry in its own terms', () => {
    expect(issuesOf([{ file: 'a.csv', format: 'excel' }])).toEqual([
      [
        '0.format',
        'Invalid option: expected one of "auto"|"search-console"|"ahrefs"|"semrush"|"moz"|"majestic"|"bing"|"csv"',
      ],
    ]);
    expect(issuesOf([{ url: 'ftp://example.com/a.csv' }])).toEqual([
      ['0.url', 'expected an absolute http(s) URL'],
    ]);
    expect(issuesOf([{ url: 'https://example.com/a.csv', cache: 'daily' }])).toEqual([
      ['0.cache', 'expected a duration such as "30m", "6h", "1d", "1w", "0s" or "*"'],
    ]);
    expect(issuesOf([{ file: 'a.csv', target: 'pricing' }])).toEqual([
      ['0.target', 'expected a path such as "/pricing/" or an absolute http(s) URL'],
    ]);
    expect(issuesOf([{ file: 'a.csv', format: 'csv' }])).toEqual([
      [
        '0.columns',
        "format 'csv' needs columns, e.g. columns: { source: 'URL', target: 'Target URL' }",
      ],
    ]);
    expect(issuesOf([{ file: 'a.csv', columns: { from: 'URL' } }])).toEqual([
      [
        '0.columns',
        'Unrecognized key: "from"; expected one of source, target, anchor, nofollow, sponsored, ugc, firstSeen, lastSeen, lost, site, links, linkingPages, targetPages, incomingLinks, linkingSites, internalLinks, rank, text, lastCrawled, linkType, lostReason, targetStatus, spam, referringDomains, dofollowLinks, domainRating, urlRating, domainAuthority, pageAuthority, spamScore, authorityScore, pageAuthorityScore, trustFlow, citationFlow, sourceTrustFlow, sourceCitationFlow',
      ],
    ]);
    expect(issuesOf([{ file: 'a.csv', columns: {} }])).toEqual([
      ['0.columns', 'name at least one column'],
    ]);
    expect(issuesOf([{ file: 'a.csv', taget: '/x/' }])).toEqual([
      [
        '0',
        'Unrecognized key: "taget"; expected one of file, format, target, columns, required, allowBadRows',
      ],
    ]);
    expect(
      issuesOf([{ url: 'https://example.com/a.csv', format: 'weird', required: 'yes' }]),
    ).toEqual([
      ['0.format', expect.stringMatching(/^Invalid option: expected one of "auto"/)],
      ['0.required', 'Invalid input: expected boolean, received string'],
    ]);
    expect(issuesOf(['ok.csv', { file: 'b.csv' }, null])).toEqual([
      ['2', 'expected a path, { file: … } or { url: … }'],
    ]);
    expect(issuesOf([42])).toEqual([['0', 'expected a path, { file: … } or { url: … }']]);
    expect(issuesOf([''])).toEqual([['0', 'expected a non-empty path']]);
  });

  it('points the options error at the field, with the value given', () => {
    const message = (inbound: unknown) => {
      try {
        resolveOptions({ inbound });
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(message([{ file: 'x', format: 'weird' }])).toContain(
      'inbound.0.format: Invalid option: expected one of "auto"|"search-console"|"ahrefs"|"semrush"|"moz"|"majestic"|"bing"|"csv" (got "weird")',
    );
    expect(message(['a.csv', { file: 'x', columns: { targetPage: 'Target' } }])).toContain(
      'inbound.1.columns: Unrecognized key: "targetPage"; expected one of source, target, anchor,',
    );
  });

  it('accepts only the documented site kinds', () => {
    expect(siteKindsSchema.parse({ 'example.org': 'news' })).toEqual({ 'example.org': 'news' });
    expect(siteKindsSchema.safeParse({ 'example.org': 'blog' }).success).toBe(false);
  });
});

describe('columns of quality metrics and formats of every tool', () => {
  it('accepts the quality columns and the moz and majestic formats', async () => {
    const { inboundSourceSchema } = await import('../../src/inbound/index.js');
    expect(
      inboundSourceSchema.parse({
        file: 'sites.csv',
        format: 'csv',
        columns: { site: 'Website', links: 'Backlinks', domainRating: 'DR', spamScore: 'Spam' },
      }),
    ).toMatchObject({ columns: { domainRating: 'DR', spamScore: 'Spam' } });
    expect(inboundSourceSchema.parse({ file: 'a.csv', format: 'moz' })).toMatchObject({
      format: 'moz',
    });
    expect(inboundSourceSchema.parse({ file: 'a.csv', format: 'majestic' })).toMatchObject({
      format: 'majestic',
    });
  });
});
