import { describe, expect, it } from 'vitest';
import { checkLinkRules } from '../../src/check/link-rules.js';
import { buildSite, type TestSite } from '../analyze/site-factory.js';

const rulesOf = (site: TestSite) => ({
  findings: checkLinkRules({
    pages: site.pages,
    references: site.references,
    isIgnoredLink: () => false,
  }),
});

const typesOf = (
  findings: { type: string; page: string | null; link: { href: string } | null }[],
  type: string,
) => findings.filter((f) => f.type === type).map((f) => [f.page, f.link?.href]);

describe('link rules', () => {
  it('flags internal links with rel="nofollow", but not outbound ones', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          { href: '/a/', rel: ['nofollow'] },
          { href: 'https://other.example/', rel: ['nofollow', 'sponsored'] },
        ],
      },
      { path: '/a/' },
    ]);
    const { findings } = rulesOf(site);
    expect(typesOf(findings, 'nofollow-internal')).toEqual([['/', '/a/']]);
    expect(findings.find((f) => f.type === 'nofollow-internal')!.message).toBe(
      'links to /a/ with rel="nofollow"',
    );
  });

  it('flags followable links to noindex content pages', () => {
    const site = buildSite([
      {
        path: '/',
        links: ['/hidden/', { href: '/hidden-2/', rel: ['nofollow'] }, '/404/'],
      },
      { path: '/robots-nofollow/', nofollow: true, links: ['/hidden/'] },
      { path: '/hidden/', noindex: true },
      { path: '/hidden-2/', noindex: true },
      { path: '/404/', noindex: true },
    ]);
    const { findings } = rulesOf(site);
    expect(typesOf(findings, 'link-to-noindex')).toEqual([['/', '/hidden/']]);
  });

  it('flags outbound links over plain http', () => {
    const site = buildSite([
      {
        path: '/',
        links: [
          'http://insecure.example/page',
          'https://secure.example/',
          { href: 'http://img.example/x.png', kind: 'resource' },
        ],
      },
    ]);
    const { findings } = rulesOf(site);
    expect(typesOf(findings, 'insecure-outbound')).toEqual([['/', 'http://insecure.example/page']]);
    expect(findings.find((f) => f.type === 'insecure-outbound')!.message).toBe(
      'links to http://insecure.example/page over plain http',
    );
  });

  it('skips ignored pages, ignored links and redirect pages', () => {
    const site = buildSite([
      { path: '/', links: [{ href: 'http://skip.example/' }] },
      {
        path: '/drafts/',
        ignored: true,
        links: ['http://insecure.example/', { href: '/', rel: ['nofollow'] }],
      },
      { path: '/old/', redirectTo: '/', links: [{ href: '/', rel: ['nofollow'] }] },
    ]);
    const run = (isIgnoredLink: (link: { href: string }) => boolean) =>
      checkLinkRules({ pages: site.pages, references: site.references, isIgnoredLink }).map((f) => [
        f.type,
        f.page,
        f.link?.href,
      ]);
    expect(run((link) => link.href.includes('skip'))).toEqual([]);
    // Not ignored, the link on the home page is flagged; the ignored and redirect pages stay quiet.
    expect(run(() => false)).toEqual([['insecure-outbound', '/', 'http://skip.example/']]);
  });
});
