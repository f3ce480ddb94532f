import { describe, expect, it } from 'vitest';
import { auditOutboundLinks } from '../../src/external/audit-links.js';
import { createSiteUrls } from '../../src/site/url.js';
import { buildSite, type PageSpec } from '../analyze/site-factory.js';

const exampleUrls = createSiteUrls({
  site: 'https://example.com',
  base: '/',
  trailingSlash: 'ignore',
  buildFormat: 'directory',
});

function audit(
  specs: PageSpec[],
  options: {
    site?: string;
    hosts?: string[];
    params?: string[];
    ignore?: (href: string) => boolean;
  } = {},
) {
  const { pages } = buildSite(specs);
  const urls = options.site
    ? createSiteUrls({
        site: options.site,
        base: '/',
        trailingSlash: 'ignore',
        buildFormat: 'directory',
      })
    : exampleUrls;
  return auditOutboundLinks({
    pages,
    urls,
    isIgnoredLink: (link) => options.ignore?.(link.href) ?? false,
    affiliates: { hosts: options.hosts ?? [], params: options.params ?? [] },
  });
}

const rows = (findings: { type: string; link: { href: string } | null }[], type: string) =>
  findings.filter((finding) => finding.type === type).map((finding) => finding.link?.href);

describe('unqualified-sponsored', () => {
  it('flags affiliate hosts and parameters without rel sponsored or nofollow', () => {
    const { findings } = audit([
      {
        path: '/',
        links: [
          'https://amzn.to/3abc',
          'https://www.amazon.com/dp/B000?tag=mysite-20',
          'https://www.anrdoezrs.net/click-123',
          'https://shop.example/item?aff_id=42',
          'https://shop.example/item?utm_source=blog&utm_medium=affiliate',
          { href: 'https://amzn.to/sponsored', rel: ['sponsored', 'noopener'] },
          { href: 'https://amzn.to/nofollow', rel: ['nofollow'] },
        ],
      },
    ]);
    expect(rows(findings, 'unqualified-sponsored')).toEqual([
      'https://amzn.to/3abc',
      'https://www.amazon.com/dp/B000?tag=mysite-20',
      'https://www.anrdoezrs.net/click-123',
      'https://shop.example/item?aff_id=42',
      'https://shop.example/item?utm_source=blog&utm_medium=affiliate',
    ]);
    const first = findings.find((finding) => finding.type === 'unqualified-sponsored')!;
    expect(first.severity).toBe('warning');
    expect(first.message).toBe(
      'links to https://amzn.to/3abc, an affiliate link (amzn.to: Amazon Associates short link), without rel="sponsored"',
    );
  });

  it('does not take ref= or tag= for affiliate markers on their own (GitHub, blogs use them)', () => {
    const { findings } = audit([
      {
        path: '/',
        links: [
          'https://github.com/o/r/blob/main/x.md?ref=main',
          'https://blog.example/posts?tag=javascript',
          'https://news.example/?ref=newsletter',
          'https://shop.example/?utm_medium=email',
        ],
      },
    ]);
    expect(findings).toEqual([]);
  });

  it('adds the hosts and parameters of external.affiliates', () => {
    const { findings } = audit(
      [
        {
          path: '/',
          links: [
            'https://go.partner.example/x',
            'https://tool.example/?ref=me',
            'https://tool.example/?via=me',
            'https://tool.example/?via=other',
          ],
        },
      ],
      { hosts: ['partner.example'], params: ['ref', 'via=me'] },
    );
    expect(rows(findings, 'unqualified-sponsored')).toEqual([
      'https://go.partner.example/x',
      'https://tool.example/?ref=me',
      'https://tool.example/?via=me',
    ]);
  });

  it('counts a page-level robots nofollow, and skips ignored pages and links', () => {
    const { findings } = audit(
      [
        { path: '/', nofollow: true, links: ['https://amzn.to/a'] },
        { path: '/drafts/', ignored: true, links: ['https://amzn.to/b'] },
        { path: '/c/', links: ['https://amzn.to/c'] },
      ],
      { ignore: (href) => href === 'https://amzn.to/c' },
    );
    expect(findings).toEqual([]);
  });
});

describe('localhost-link', () => {
  it('flags links, resources and head links to local addresses as errors', () => {
    const { findings } = audit([
      {
        path: '/',
        links: [
          'http://localhost:4321/blog/',
          'http://127.0.0.1:8080/',
          'http://0.0.0.0:3000/',
          'http://192.168.1.20/admin',
          'http://[::1]/',
          { href: 'http://localhost:4321/og.png', kind: 'resource', element: 'img' },
          { href: 'http://localhost:4321/', kind: 'metadata', element: 'link' },
          'https://example.org/',
        ],
      },
    ]);
    expect(rows(findings, 'localhost-link')).toEqual([
      'http://localhost:4321/blog/',
      'http://127.0.0.1:8080/',
      'http://0.0.0.0:3000/',
      'http://192.168.1.20/admin',
      'http://[::1]/',
      'http://localhost:4321/og.png',
      'http://localhost:4321/',
    ]);
    const first = findings[0]!;
    expect(first.severity).toBe('error');
    expect(first.message).toBe(
      'links to http://localhost:4321/blog/, a local host name that readers cannot reach',
    );
    expect(findings[3]!.message).toBe(
      'links to http://192.168.1.20/admin, a loopback or private address that readers cannot reach',
    );
  });

  it('says nothing about local links when site itself is local (a development build)', () => {
    const { findings, notes } = audit(
      [{ path: '/', links: ['http://localhost:4321/x', 'http://localhost:3000/api'] }],
      { site: 'http://localhost:4321' },
    );
    expect(findings).toEqual([]);
    expect(notes).toEqual([
      'site is http://localhost:4321, a local address: links to other local addresses are not reported (localhost-link), since this is not a production build',
    ]);
  });
});
