import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { renderGithubAnnotations } from '../../src/report/render/render-github.js';
import { i18nOf, writeSite } from '../helpers/site-folder.js';
import { analyzeTestSite } from './analyze-helpers.js';
import { buildSite } from './site-factory.js';

const nav = (paths: string[]) =>
  paths.map((href) => ({ href, placement: 'nav' as const, text: `nav ${href}` }));

describe('orphans', () => {
  it('finds pages that no other content page links to, and reports them', () => {
    const site = buildSite([
      { path: '/', links: ['/a/'] },
      { path: '/a/', links: ['/'] },
      { path: '/orphan/', links: ['/a/'] },
      { path: '/self/', links: ['/self/'] },
    ]);
    const { orphans, findings } = analyzeTestSite(site);
    expect(orphans.orphans.map((o) => o.path)).toEqual(['/orphan/', '/self/']);
    expect(orphans.orphans[0]).toEqual({
      path: '/orphan/',
      title: 'Title of /orphan/',
      backlinks: null,
      linkingSites: null,
      linkedPages: 1,
      translations: [],
    });
    const orphanFindings = findings.filter((f) => f.type === 'orphan-page');
    expect(orphanFindings.map((f) => f.page)).toEqual(['/orphan/', '/self/']);
    expect(orphanFindings[0]!.severity).toBe('warning');
    expect(orphanFindings[0]!.message).toBe('/orphan/ has no internal links from any other page');
  });

  it('does not count links from the 404 page or from redirect pages', () => {
    const site = buildSite([
      { path: '/', links: ['/old/'] },
      { path: '/404/', links: nav(['/', '/only-from-404/']) },
      { path: '/old/', redirectTo: '/new/', links: ['/new/', '/only-from-redirect/'] },
      { path: '/new/' },
      { path: '/only-from-404/' },
      { path: '/only-from-redirect/' },
    ]);
    const { orphans } = analyzeTestSite(site);
    expect(orphans.orphans.map((o) => o.path)).toEqual(['/only-from-404/', '/only-from-redirect/']);
  });

  it('lists the home, 404, redirect, ignored and noindex pages as excluded, with the reason', () => {
    const site = buildSite([
      { path: '/' },
      { path: '/404/' },
      { path: '/old/', redirectTo: '/' },
      { path: '/drafts/x/', ignored: true },
      { path: '/thanks/', noindex: true },
    ]);
    const { orphans, findings } = analyzeTestSite(site);
    expect(orphans.orphans).toEqual([]);
    expect(orphans.excluded).toEqual([
      { path: '/', reason: 'home', linkingPages: 0 },
      { path: '/404/', reason: 'not-found', linkingPages: 0 },
      { path: '/drafts/x/', reason: 'ignored', linkingPages: 0 },
      { path: '/old/', reason: 'redirect', linkingPages: 0 },
      { path: '/thanks/', reason: 'noindex', linkingPages: 0 },
    ]);
    expect(findings.filter((f) => f.type.startsWith('orphan'))).toEqual([]);
  });

  it('lists orphans with backlinks first, most backlinks first, as orphan-with-backlinks', () => {
    const site = buildSite([{ path: '/' }, { path: '/a/' }, { path: '/b/' }, { path: '/c/' }]);
    const inbound = new Map([
      ['/b/', { backlinks: 3, linkingSites: 2 }],
      ['/c', { backlinks: 7, linkingSites: 1 }],
    ]);
    const { orphans, findings } = analyzeTestSite(site, { inbound });
    expect(orphans.orphans.map((o) => [o.path, o.backlinks])).toEqual([
      ['/c/', 7],
      ['/b/', 3],
      ['/a/', 0],
    ]);
    const byPage = Object.fromEntries(
      findings.filter((f) => f.type.startsWith('orphan')).map((f) => [f.page, f.type]),
    );
    expect(byPage).toEqual({
      '/a/': 'orphan-page',
      '/b/': 'orphan-with-backlinks',
      '/c/': 'orphan-with-backlinks',
    });
    const withBacklinks = findings.find((f) => f.page === '/c/')!;
    expect(withBacklinks.message).toBe(
      '/c/ has 7 backlink(s) but no internal links from any other page',
    );
  });
});

describe('islands', () => {
  it('finds pages reachable only from orphans', () => {
    const site = buildSite([
      { path: '/', links: ['/a/'] },
      { path: '/a/' },
      { path: '/orphan/', links: ['/island/'] },
      { path: '/island/', links: ['/island-2/'] },
      { path: '/island-2/' },
    ]);
    const { orphans, metrics, findings } = analyzeTestSite(site);
    expect(orphans.orphans.map((o) => o.path)).toEqual(['/orphan/']);
    expect(orphans.islands).toEqual([
      {
        path: '/island-2/',
        title: 'Title of /island-2/',
        linkingPages: ['/island/'],
        reachableFromOrphans: ['/orphan/'],
        reason: 'orphans',
      },
      {
        path: '/island/',
        title: 'Title of /island/',
        linkingPages: ['/orphan/'],
        reachableFromOrphans: ['/orphan/'],
        reason: 'orphans',
      },
    ]);
    expect(metrics.get('/island/')!.clickDepth).toBeNull();
    const island = findings.find((f) => f.type === 'island-page' && f.page === '/island/')!;
    expect(island.message).toBe('/island/ is reachable only from orphan pages (/orphan/)');
  });

  it('tells pages linked only with nofollow and closed loops apart', () => {
    const site = buildSite([
      { path: '/', links: [{ href: '/nofollowed/', rel: ['nofollow'] }] },
      { path: '/nofollowed/' },
      { path: '/loop-a/', links: ['/loop-b/'] },
      { path: '/loop-b/', links: ['/loop-a/'] },
    ]);
    const { orphans } = analyzeTestSite(site);
    expect(orphans.orphans).toEqual([]);
    expect(orphans.islands.map((i) => [i.path, i.reason])).toEqual([
      ['/loop-a/', 'loop'],
      ['/loop-b/', 'loop'],
      ['/nofollowed/', 'nofollow'],
    ]);
  });

  it('finds no islands without a home page', () => {
    const site = buildSite([
      { path: '/a/', links: ['/b/'] },
      { path: '/b/', links: ['/a/'] },
    ]);
    const { orphans } = analyzeTestSite(site);
    expect(orphans.home).toBeNull();
    expect(orphans.islands).toEqual([]);
  });
});

describe('boilerplate-only pages', () => {
  it('finds pages linked only from nav, header, footer or aside, and leaves out the home page', () => {
    const site = buildSite([
      { path: '/', links: [...nav(['/about/', '/blog/']), '/blog/'] },
      {
        path: '/about/',
        links: [...nav(['/', '/about/', '/blog/']), { href: '/contact/', placement: 'footer' }],
      },
      {
        path: '/blog/',
        links: [...nav(['/', '/about/']), { href: '/contact/', placement: 'aside' }],
      },
      { path: '/contact/', links: [{ href: '/', placement: 'header' }] },
    ]);
    const { orphans, findings } = analyzeTestSite(site);
    expect(orphans.boilerplateOnly).toEqual([
      { path: '/about/', title: 'Title of /about/', linkingPages: 2, boilerplateInlinks: 2 },
      { path: '/contact/', title: 'Title of /contact/', linkingPages: 2, boilerplateInlinks: 2 },
    ]);
    const info = findings.filter((f) => f.type === 'boilerplate-only-inlinks');
    expect(info.map((f) => [f.page, f.severity])).toEqual([
      ['/about/', 'info'],
      ['/contact/', 'info'],
    ]);
  });

  it("leaves out each locale's home page, which the logo links to on every page", async () => {
    const layout = (lang: string, prefix: string, body: string) =>
      `<!doctype html>\n<html lang="${lang}">\n<head><title>t</title></head>\n<body>\n` +
      `<header><a href="${prefix}/">Logo</a> <a href="${prefix}/team/">Team</a>` +
      ` <a href="/">English</a> <a href="/de/">Deutsch</a></header>\n` +
      `<main>\n${body}\n</main>\n</body>\n</html>\n`;
    const dir = await writeSite({
      'index.html': layout('en', '', '<a href="/guide/">Guide</a>'),
      'guide/index.html': layout('en', '', 'A guide.'),
      'team/index.html': layout('en', '', 'About.'),
      'de/index.html': layout('de', '/de', '<a href="/de/guide/">Anleitung</a>'),
      'de/guide/index.html': layout('de', '/de', 'Eine Anleitung.'),
      'de/team/index.html': layout('de', '/de', 'Über uns.'),
      // A fallback copy of the English page: its content, linked by its locale's navigation.
      'fr/index.html': layout('fr', '/fr', '<a href="/fr/guide/">Guide</a>'),
      'fr/guide/index.html': layout('fr', '/fr', 'Un guide.'),
      'fr/team/index.html': layout('fr', '/fr', 'About.').replace('<main>', '<main lang="en">'),
    });
    const { report } = await runLinkReport({
      dir,
      i18n: i18nOf('en', ['en', 'de', 'fr'], false),
    });
    expect(report.pages.find((p) => p.path === '/de/')?.family).toBe('/');
    expect(report.pages.find((p) => p.path === '/fr/team/')?.copyOf).toBe('/team/');
    const info = report.findings.filter((f) => f.type === 'boilerplate-only-inlinks');
    expect(info.map((f) => f.page)).toEqual(['/de/team/', '/team/']);
    // A page and its translation are one piece of content: one cause.
    const groups = report.groups.filter((g) => g.type === 'boilerplate-only-inlinks');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      target: '/team/',
      pages: ['/team/', '/de/team/'],
      message: '/team/ is linked from 2 page(s), but never from their main content',
    });
    // Annotated on the page the cause is named after.
    const annotation = renderGithubAnnotations(report, { outDir: 'dist' })
      .split('\n')
      .find((line) => line.includes('boilerplate-only-inlinks'));
    expect(annotation).toMatch(/^::notice file=dist\/team\/index\.html,/);
  });
});
