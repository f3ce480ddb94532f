import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { writeSite } from '../helpers/site-folder.js';

/** A page in a language, with an optional `<main lang>` (Starlight's fallback copies). */
function localized(lang: string, body: string, head = '', mainLang?: string): string {
  return `<!doctype html><html lang="${lang}"><head><title>t</title>${head}</head><body><main${mainLang ? ` lang="${mainLang}"` : ''}>\n${body}\n</main></body></html>\n`;
}

const guide = (lang: string, mainLang?: string) =>
  localized(
    lang,
    lang === 'de'
      ? `<h1>Suche</h1>${'<p>Wort </p>'.repeat(12)}<a href="/de/">Start</a>`
      : `<h1>Search</h1>${'<p>word </p>'.repeat(10)}<a href="/">Home</a>`,
    '',
    mainLang,
  );

async function multilingualSite() {
  return writeSite({
    'index.html': localized(
      'en',
      '<a href="/guides/search/">Algolia DocSearch</a> <a href="/de/">Deutsch</a> <a href="/fr/">Français</a>',
    ),
    'de/index.html': localized('de', '<a href="/de/guides/search/">Algolia DocSearch</a>'),
    'fr/index.html': localized('fr', '<a href="/fr/guides/search/">Algolia DocSearch</a>'),
    'guides/search/index.html': guide('en'),
    'de/guides/search/index.html': guide('de'),
    // No French translation: the French page copies the English content.
    'fr/guides/search/index.html': guide('fr', 'en'),
    '404.html': localized('en', 'Not found'),
    'de/404/index.html': localized('de', 'Nicht gefunden'),
  });
}

describe('locales read off the pages', () => {
  it('tells a fallback copy by the very content of its default-language page', async () => {
    const dir = await writeSite({
      'index.html': localized('en', '<a href="/guide/">Guide</a> <a href="/de/">Deutsch</a>'),
      'de/index.html': localized('de', '<h1>Start</h1><a href="/de/guide/">Anleitung</a>'),
      'guide/index.html': guide('en'),
      // Served with the English content, under <html lang="de"> (a rewrite fallback).
      'de/guide/index.html': guide('en').replace('lang="en"', 'lang="de"'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.pages.find((p) => p.path === '/de/guide/')?.copyOf).toBe('/guide/');
    expect(report.pages.find((p) => p.path === '/de/')?.copyOf).toBeNull();
  });

  it('finds locale prefixes, translation families and fallback copies', async () => {
    const dir = await multilingualSite();
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.locales).toEqual({
      source: 'paths',
      defaultLocale: 'en',
      locales: [
        { code: 'en', prefix: '', pages: 3 },
        { code: 'de', prefix: 'de', pages: 3 },
        { code: 'fr', prefix: 'fr', pages: 2 },
      ],
      families: 3,
      copies: 1,
    });
    const byPath = new Map(report.pages.map((p) => [p.path, p]));
    expect(byPath.get('/de/guides/search/')).toMatchObject({
      locale: 'de',
      family: '/guides/search/',
      copyOf: null,
    });
    expect(byPath.get('/fr/guides/search/')).toMatchObject({
      locale: 'fr',
      family: '/guides/search/',
      copyOf: '/guides/search/',
    });
    // A locale's 404 page is a 404 page, not an orphan.
    expect(byPath.get('/de/404/')?.kind).toBe('not-found');
    expect(report.orphans.orphans.map((o) => o.path)).not.toContain('/de/404/');
  });

  it('counts a translation family once: one link text to the translations of one page is not ambiguous', async () => {
    const dir = await multilingualSite();
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.findings.filter((f) => f.type === 'ambiguous-anchor')).toEqual([]);
    expect(report.anchors.sameTextDifferentTargets).toEqual([]);
    const top = report.rankings.linkingPages.find((entry) => entry.path === '/guides/search/');
    expect(top).toMatchObject({ value: 3, translations: 2 });
    expect(report.rankings.linkingPages.map((entry) => entry.path)).not.toContain(
      '/de/guides/search/',
    );
  });

  it('takes the locales from the config, with every locale prefixed, and starts click depth at the default one', async () => {
    const dir = await writeSite({
      'en/index.html': localized('en', '<a href="/en/about/">About</a>'),
      'en/about/index.html': localized('en', '<a href="/en/">Home</a>'),
      'fr/index.html': localized('fr', '<a href="/fr/about/">À propos</a>'),
      'fr/about/index.html': localized('fr', '<a href="/fr/">Accueil</a>'),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      i18n: {
        defaultLocale: 'en',
        locales: [
          { path: 'en', codes: ['en'] },
          { path: 'fr', codes: ['fr'] },
        ],
        prefixDefaultLocale: true,
      },
    });
    expect(report.locales?.source).toBe('config');
    expect(report.orphans.home).toBe('/en/');
    expect(report.pages.find((p) => p.path === '/en/about/')?.metrics.clickDepth).toBe(1);
    expect(report.pages.find((p) => p.path === '/fr/about/')?.family).toBe('/en/about/');
  });

  it('without a config, takes the default locale and the home from a root that redirects (/ → /en/)', async () => {
    const dir = await writeSite({
      'index.html':
        '<!doctype html><title>Redirecting to: /en/</title><meta http-equiv="refresh" content="2;url=/en/"><body><a href="/en/">Redirecting</a></body>',
      'en/index.html': localized('en', '<a href="/en/about/">About</a> <a href="/de/">Deutsch</a>'),
      'en/about/index.html': localized('en', '<a href="/en/">Home</a>'),
      'de/index.html': localized('de', '<a href="/de/about/">Über uns</a>'),
      'de/about/index.html': localized('de', '<a href="/de/">Start</a>'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.locales?.defaultLocale).toBe('en');
    expect(report.locales?.locales.map((locale) => locale.code)).not.toContain('und');
    expect(report.orphans.home).toBe('/en/');
    expect(report.pages.find((p) => p.path === '/de/about/')?.metrics.clickDepth).toBe(2);
  });

  it('joins pages that name each other as hreflang alternates, whatever their paths', async () => {
    const alternates =
      '<link rel="alternate" hreflang="en" href="https://example.com/pricing/"><link rel="alternate" hreflang="de" href="https://example.com/preise/">';
    const dir = await writeSite({
      'index.html': localized(
        'en',
        '<a href="/pricing/">Pricing</a> <a href="/preise/">Preise</a>',
      ),
      'pricing/index.html': localized('en', '<a href="/">Home</a>', alternates),
      'preise/index.html': localized('de', '<a href="/">Start</a>', alternates),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.pages.find((p) => p.path === '/preise/')?.family).toBe('/pricing/');
  });

  it('leaves a site in one language alone', async () => {
    const dir = await writeSite({
      'index.html': localized('en', '<a href="/docs/">Docs</a>'),
      'docs/index.html': localized('en', '<a href="/">Home</a>'),
      'go/index.html': localized('en', 'A page under a segment that looks like a language tag'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.locales).toBeNull();
    expect(report.pages.map((p) => [p.path, p.locale, p.family])).toEqual([
      ['/docs/', null, '/docs/'],
      ['/go/', null, '/go/'],
      ['/', null, '/'],
    ]);
  });
});
