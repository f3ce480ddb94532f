import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { writeSite } from '../helpers/site-folder.js';

function localized(lang: string, body: string, head = ''): string {
  return `<!doctype html><html lang="${lang}"><head><title>t</title>${head}</head><body><main>${body}</main></body></html>`;
}

const i18n = {
  defaultLocale: 'en',
  locales: [
    { path: 'en', codes: ['en'] },
    { path: 'fr', codes: ['fr'] },
    { path: 'de', codes: ['de'] },
  ],
  prefixDefaultLocale: false,
};

async function run(files: Record<string, string>, localeLinks: 'allow' | 'forbid' = 'forbid') {
  const dir = await writeSite(files);
  const { report } = await runLinkReport({
    dir,
    site: 'https://example.com',
    i18n,
    options: { linkPolicy: { localeLinks } },
  });
  return report.findings.filter((f) => f.type === 'wrong-locale-link');
}

const site = {
  'index.html': localized(
    'en',
    '<a href="/guide/">Guide</a> <a href="/fr/">Français</a> <a href="/de/">Deutsch</a>',
  ),
  'guide/index.html': localized(
    'en',
    '<h2 id="setup">Setup</h2><a href="/">Home</a> <a href="/fr/guide/">Français</a>',
  ),
  'about/index.html': localized('en', '<a href="/">Home</a>'),
  'fr/index.html': localized(
    'fr',
    '<a href="/fr/guide/">Guide</a> <a href="/">English</a> <a href="/de/">Deutsch</a> <a href="/guide/#setup">the English setup</a>',
  ),
  'fr/guide/index.html': localized(
    'fr',
    '<h2 id="setup">Installation</h2><a href="/fr/">Accueil</a> <a href="/guide/">English</a> <a href="/guide/#setup">the English setup</a> <a href="/about/">About us</a> <a href="/about/" hreflang="en">About (in English)</a>',
  ),
  'de/index.html': localized('de', '<a href="/de/">Start</a>'),
};

describe('wrong-locale-link', () => {
  it('is off by default', async () => {
    expect(await run(site, 'allow')).toEqual([]);
  });

  it('reports links into another locale, and not the language switcher', async () => {
    const findings = await run(site);
    // The switcher links (/ → /fr/, /fr/guide/ → /guide/, the homes) and the hreflang one are left alone.
    // From /fr/guide/, /guide/#setup is its own translation: a switcher too.
    expect(findings.map((f) => [f.page, f.link?.href])).toEqual([
      ['/fr/', '/guide/#setup'],
      ['/fr/guide/', '/about/'],
    ]);
  });

  it('suggests the page in the linking page’s locale, keeping a fragment it has', async () => {
    const [guide, about] = await run(site);
    expect(guide?.details).toMatchObject({
      locale: 'fr',
      targetLocale: 'en',
      suggestion: '/fr/guide/#setup',
    });
    expect(guide?.message).toBe('links to /guide/#setup, a page in en, from a page in fr');
    expect(guide?.hint).toBe(
      'Link to /fr/guide/#setup, the fr version; if the other language is meant, add hreflang="en" to the link.',
    );
    expect(about?.details).toMatchObject({ suggestion: null });
    expect(about?.hint).toMatch(/^No fr version of that page is built: translate it, or/);
  });

  it('says when the page to link to is a fallback copy', async () => {
    const findings = await run({
      ...site,
      // The French "about" is the English page's content, not translated yet.
      'fr/about/index.html': localized('fr', '<main lang="en"><a href="/">Home</a></main>'),
    });
    const about = findings.find((f) => f.link?.href === '/about/');
    expect(about?.details).toMatchObject({ suggestion: '/fr/about/' });
  });
});
