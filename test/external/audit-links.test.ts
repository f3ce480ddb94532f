import { describe, expect, it } from 'vitest';
import {
  affiliateRules,
  createAffiliateMatcher,
  isHostOrSubdomain,
} from '../../src/external/affiliates.js';
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

describe('the affiliate matcher', () => {
  /** The matcher as first written: every host, then every parameter, scanned in list order. */
  function reference(additions: { hosts: string[]; params: string[] }) {
    const { hosts, params } = affiliateRules(additions);
    return (url: URL): string | null => {
      const hostname = url.hostname.replace(/\.$/, '');
      const host = hosts.find((entry) => isHostOrSubdomain(hostname, entry.host));
      if (host) return `${host.host}: ${host.what}`;
      for (const param of params) {
        if (param.hosts && !param.hosts.some((entry) => isHostOrSubdomain(hostname, entry)))
          continue;
        for (const [name, value] of url.searchParams) {
          if (name.toLowerCase() !== param.name) continue;
          if (value.trim() === '') continue;
          if (param.values && !param.values.includes(value.toLowerCase())) continue;
          return `${name}=${value.length > 40 ? `${value.slice(0, 39)}…` : value}: ${param.what}`;
        }
      }
      return null;
    };
  }

  it('gives the answer of scanning every host and parameter, on random URLs', () => {
    // Overlapping additions: a parent of a built-in host, and a subdomain of another.
    const additions = {
      hosts: ['skimresources.com', 'x.amzn.to', 'shop.example'],
      params: ['Ref=Partner', 'cid'],
    };
    const fast = createAffiliateMatcher(additions);
    const slow = reference(additions);
    let seed = 7;
    const random = (n: number) => {
      // Note: the high bits of the generator; its low bits repeat with a short period.
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    const labels = [
      'go',
      'x',
      'www',
      'amzn',
      'to',
      'skimresources',
      'com',
      'amazon',
      'de',
      'co',
      'uk',
      'ebay',
      'shop',
      'example',
      'rover',
      'hop',
      'clickbank',
      'net',
    ];
    const names = ['tag', 'TAG', 'campid', 'aff', 'affid', 'utm_medium', 'ref', 'Ref', 'cid', 'q'];
    const values = ['', ' ', 'abc-20', 'affiliate', 'AFF', 'partner', 'x'.repeat(50)];
    // Hosts two entries match: the first listed wins.
    for (const href of [
      'https://x.amzn.to/a',
      'https://go.skimresources.com/',
      'https://a.x.amzn.to./',
    ]) {
      expect(fast(new URL(href))).toBe(slow(new URL(href)));
    }
    expect(fast(new URL('https://x.amzn.to/a'))).toBe('amzn.to: Amazon Associates short link');
    let matched = 0;
    for (let i = 0; i < 5000; i++) {
      const host = Array.from({ length: 1 + random(4) }, () => labels[random(labels.length)]).join(
        '.',
      );
      const query = Array.from(
        { length: random(4) },
        () =>
          `${names[random(names.length)]}=${encodeURIComponent(values[random(values.length)]!)}`,
      ).join('&');
      const url = new URL(
        `https://${host}${random(5) === 0 ? '.' : ''}/p${query ? `?${query}` : ''}`,
      );
      const expected = slow(url);
      if (expected !== null) matched++;
      expect(fast(url), url.href).toBe(expected);
    }
    expect(matched).toBeGreaterThan(500);
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
