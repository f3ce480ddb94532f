import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.js';
import { buildAstroSite } from './build-fixture.js';

/**
 * The example site, built with its own astro.config.mjs (the integration with the sample
 * Search Console export): what the README promises a newcomer sees.
 */
describe('the example site', () => {
  let report: Report;

  beforeAll(async () => {
    const build = await buildAstroSite(
      fileURLToPath(new URL('../../example-site/', import.meta.url)),
      [],
    );
    expect(build.error).toBeNull();
    report = build.report!;
  });

  it('has no broken links', () => {
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names the orphan, first as an orphan with backlinks', () => {
    expect(report.orphans.orphans.map((o) => o.path)).toEqual(['/press-kit/']);
    expect(
      report.findings.filter((f) => f.type === 'orphan-with-backlinks').map((f) => f.page),
    ).toEqual(['/press-kit/']);
  });

  it('classifies the tool, research and guide pages as linkable assets with their signals', () => {
    const byPath = new Map(report.assets.pages.map((asset) => [asset.path, asset]));
    expect(byPath.get('/tools/anchor-text-checker/')?.type).toBe('tool');
    expect(byPath.get('/research/internal-link-study/')?.type).toBe('research');
    expect(byPath.get('/guides/link-building/')?.type).toBe('guide');
    expect(byPath.get('/research/internal-link-study/')?.signals.map((s) => s.id)).toContain(
      'data-tables',
    );
  });

  it('ranks the guide, the research page and the blog index at the top of contextual inlinks', () => {
    const top = report.rankings.contextualInlinks.slice(0, 3).map((entry) => entry.path);
    expect([...top].sort()).toEqual([
      '/blog/',
      '/guides/link-building/',
      '/research/internal-link-study/',
    ]);
  });

  it('flags the generic and empty anchors once each, on the English page and its French copy', () => {
    const causes = report.groups
      .filter((g) => g.type === 'generic-anchor')
      .map((g) => [
        report.findings.find((f) => f.group === g.id)?.link?.text,
        g.pages.length,
        g.copies,
      ]);
    expect(causes.sort()).toEqual([
      ['Read more', 2, 1],
      ['click here', 2, 1],
      ['here', 2, 1],
    ]);
    expect(report.groups.filter((g) => g.type === 'empty-anchor')).toHaveLength(1);
  });

  it('knows the French pages: one translation, the rest fallback copies counted with their English page', () => {
    expect(report.locales).toMatchObject({ source: 'config', defaultLocale: 'en' });
    const byPath = new Map(report.pages.map((p) => [p.path, p]));
    expect(byPath.get('/fr/')).toMatchObject({ locale: 'fr', family: '/', copyOf: null });
    expect(byPath.get('/fr/about/')).toMatchObject({
      locale: 'fr',
      family: '/about/',
      copyOf: '/about/',
    });
    // One asset per piece of content, with its French copy as detail.
    const guide = report.assets.pages.filter((a) => a.path.endsWith('/guides/link-building/'));
    expect(guide.map((a) => [a.path, a.translations.map((t) => t.path)])).toEqual([
      ['/guides/link-building/', ['/fr/guides/link-building/']],
    ]);
    expect(report.orphans.orphans.map((o) => [o.path, o.translations])).toEqual([
      ['/press-kit/', ['/fr/press-kit/']],
    ]);
  });

  it('recognizes every Search Console file by its header and joins targets across http/https, www and slashes', () => {
    expect(report.inbound!.sources.map((s) => [s.table, s.status])).toEqual([
      ['search-console-latest-links', 'ok'],
      ['search-console-top-linking-sites', 'ok'],
      ['search-console-top-linking-text', 'ok'],
      ['search-console-top-target-pages-internal', 'ok'],
      ['search-console-top-target-pages', 'ok'],
    ]);
    // https://www…/ (131), https://anchorline.example/ (28) and http://www…/ (9) are one page.
    const home = report.pages.find((p) => p.path === '/')!;
    expect(home.inbound!.incomingLinks).toBe(131 + 28 + 9);
    expect(home.inbound!.targetUrls).toHaveLength(3);
    // …/guides/link-building (no slash) and /old-guide/ (a redirect) reach the guide.
    const guide = report.pages.find((p) => p.path === '/guides/link-building/')!;
    expect(guide.inbound!.incomingLinks).toBe(97 + 6 + 11);
  });

  it('lists the lost backlink target with no close match and its section as a fallback', () => {
    expect(report.inbound!.lost.map((l) => [l.target, l.redirect !== null, l.fallback])).toEqual([
      ['/blog/internal-linking-checklist/', false, '/blog/'],
    ]);
    expect(report.findings.find((f) => f.type === 'lost-backlink-target')?.hint).toMatch(
      /^No close match among the built pages: .* Fallback: the section index \/blog\//,
    );
  });
});
