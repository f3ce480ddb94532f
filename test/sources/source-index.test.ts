import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { createSourceIndex, scanValues } from '../../src/sources/source-index.js';
import { i18nOf, page, writeSite } from '../helpers/site-folder.js';

const values = (text: string, markdown: boolean) => scanValues(text, markdown).map((v) => v.value);

describe('scanValues', () => {
  it('reads Markdown links, reference definitions, frontmatter and JSX props, not code', () => {
    const markdown = [
      '---',
      'title: Post',
      'heroImage: /images/hero.png',
      '---',
      'Don\'t miss [the guide](/guide/ "Guide") — it\'s good, and `[not a link](/code-span/)`.',
      '',
      '```js',
      "const sidebar = [{ link: '/fenced/' }];",
      '```',
      '',
      "<a href=\"/html/\">x</a> <SidebarPreview config={[{ label: 'Shop', link: '/shop/' }]} />",
      '[ref]: /reference/',
    ].join('\n');
    const found = values(markdown, true);
    expect(found).toEqual(
      expect.arrayContaining(['/images/hero.png', '/guide/', '/html/', '/shop/', '/reference/']),
    );
    expect(found).not.toContain('/fenced/');
    expect(found).not.toContain('/code-span/');
  });

  it('reads attributes, strings and template literals in components', () => {
    const component = [
      '---',
      "const home = '/home/';",
      '---',
      "<a href={`/template/`}>It's here</a> <a href=/bare/>b</a>",
      "<p>Don't link '/prose/'</p>",
      "<script>const href = item.link.length > 0 ? item.link : '#_';</script>",
    ].join('\n');
    const found = values(component, false);
    expect(found).toEqual(expect.arrayContaining(['/home/', '/template/', '/bare/', '#_']));
    expect(found).not.toContain('/prose/');
  });
});

describe('createSourceIndex', () => {
  it('gives each page the content entry of its own locale, and the default one to a fallback copy', async () => {
    const root = await writeSite({
      'src/content/docs/guides/pages.mdx': 'English',
      'src/content/docs/de/guides/pages.mdx': 'Deutsch',
      'src/content/docs/ru/reference/route-data.mdx': 'Русский',
      'src/content/docs/reference/route-data.mdx': 'English',
      'src/content/blog/first-post.md': 'A post',
      'src/content/blog/astro/index.md': 'A post in a folder',
      'src/pages/about.md': 'A page, not an entry',
    });
    const index = await createSourceIndex(root, path.join(root, 'src'));
    expect(index.entryFor('/guides/pages/')).toBe('src/content/docs/guides/pages.mdx');
    expect(index.entryFor('/de/guides/pages/')).toBe('src/content/docs/de/guides/pages.mdx');
    // No Danish translation: the fallback copy shows the English entry.
    expect(index.entryFor('/da/guides/pages/')).toBe('src/content/docs/guides/pages.mdx');
    expect(index.entryFor('/ru/reference/route-data/')).toBe(
      'src/content/docs/ru/reference/route-data.mdx',
    );
    expect(index.entryFor('/blog/first-post/')).toBe('src/content/blog/first-post.md');
    expect(index.entryFor('/blog/astro/')).toBe('src/content/blog/astro/index.md');
    // A tag page is not the post named like the tag.
    expect(index.entryFor('/tags/first-post/')).toBeNull();
    expect(index.entryFor('/about/')).toBeNull();
  });
});

describe('where a link is written', () => {
  it('locates a broken link in a shared component once, for every page that shows it', async () => {
    const footer = '<a href="/changelog/">Changelog</a>';
    const dir = await writeSite({
      'index.html': page(`<a href="/a/">A</a>${footer}`),
      'a/index.html': page(`<a href="/">Home</a>${footer}`),
      'b/index.html': page(`<a href="/a/">A</a>${footer}`),
    });
    const root = await writeSite({
      'src/components/Footer.astro':
        '---\n---\n<footer>\n  <a href="/changelog/">Changelog</a>\n</footer>\n',
      'src/pages/index.astro':
        '---\nimport Footer from "../components/Footer.astro";\n---\n<Footer />\n',
    });
    const { report } = await runLinkReport({ dir, root, srcDir: path.join(root, 'src') });
    const broken = report.findings.filter((f) => f.type === 'broken-link');
    expect(broken).toHaveLength(3);
    for (const finding of broken) {
      expect(finding.writtenAt).toEqual({
        file: 'src/components/Footer.astro',
        line: 4,
        column: 12,
      });
    }
    const groups = report.groups.filter((group) => group.type === 'broken-link');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      count: 3,
      pages: ['/', '/a/', '/b/'],
      target: '/changelog/',
    });
  });

  it("locates a translation's link in its own locale's entry, not in another language's", async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/ru/reference/route-data/">ru</a>'),
      'reference/route-data/index.html': page(
        '<h2 id="sidebarlink-type">Type</h2><a href="#sidebarlink-type">ok</a>',
      ),
      'ru/reference/route-data/index.html': page(
        '<h2 id="тип-sidebarlink">Тип</h2>\n<a href="#sidebarlink-type">ссылка</a>',
      ),
    });
    const root = await writeSite({
      'src/content/docs/reference/route-data.mdx':
        '## Type\n\n<a href="#sidebarlink-type">ok</a>\n',
      'src/content/docs/ru/reference/route-data.mdx':
        '## Тип\n\nТекст.\n\n<a href="#sidebarlink-type">ссылка</a>\n',
    });
    const { report } = await runLinkReport({ dir, root, srcDir: path.join(root, 'src') });
    const fragment = report.findings.find((f) => f.type === 'broken-fragment')!;
    expect(fragment.page).toBe('/ru/reference/route-data/');
    expect(fragment.writtenAt).toEqual({
      file: 'src/content/docs/ru/reference/route-data.mdx',
      line: 5,
      column: 10,
    });
    expect(report.pages.find((p) => p.path === '/ru/reference/route-data/')?.entry).toBe(
      'src/content/docs/ru/reference/route-data.mdx',
    );
  });

  it("gives a locale's fallback home page the entry of the page it copies", async () => {
    // Starlight with every locale prefixed and no French home page: /fr/ shows the English
    // content (<main lang="en">), built by the package's route, from en/index.mdx.
    const home = (lang: string) =>
      `<!doctype html>\n<html lang="${lang}">\n<head><title>t</title></head>\n<body>\n` +
      '<main lang="en">\n<a href="/guides/example/">Example Guide</a>\n</main>\n</body>\n</html>\n';
    const dir = await writeSite({
      'en/index.html': home('en'),
      'fr/index.html': home('fr'),
      'en/about/index.html': home('en'),
      'fr/about/index.html': home('fr'),
    });
    const root = await writeSite({
      'src/content/docs/en/about.md': 'About',
      // An untranslated copy kept as its own entry: it stays that page's entry.
      'src/content/docs/fr/about.md': 'About',
      'src/content/docs/en/index.mdx':
        '---\ntitle: Welcome\nhero:\n  actions:\n    - text: Example Guide\n      link: /guides/example/\n---\n',
      'src/content/docs/fr/guides/example.md': '# Exemple\n',
    });
    const { report } = await runLinkReport({
      dir,
      root,
      srcDir: path.join(root, 'src'),
      i18n: i18nOf('en', ['en', 'fr'], true),
    });
    const fr = report.pages.find((p) => p.path === '/fr/')!;
    expect(fr.copyOf).toBe('/en/');
    expect(fr.entry).toBe('src/content/docs/en/index.mdx');
    const frAbout = report.pages.find((p) => p.path === '/fr/about/')!;
    expect(frAbout.copyOf).toBe('/en/about/');
    expect(frAbout.entry).toBe('src/content/docs/fr/about.md');
    const broken = report.findings.filter(
      (f) => f.type === 'broken-link' && !f.page?.endsWith('/about/'),
    );
    expect(broken.map((f) => f.page)).toEqual(['/en/', '/fr/']);
    for (const finding of broken) {
      expect(finding.writtenAt).toEqual({
        file: 'src/content/docs/en/index.mdx',
        line: 6,
        column: 13,
      });
    }
    const groups = report.groups.filter(
      (group) => group.type === 'broken-link' && group.pages.includes('/fr/'),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ pages: ['/en/', '/fr/'], target: '/guides/example/' });
  });

  it('names the entry, not a route from a workspace package, as where a page is written', async () => {
    // The Starlight docs: @astrojs/starlight is a workspace package next to the site.
    const dir = await writeSite({ 'guides/a/index.html': page('<a href="/missing/">Gone</a>') });
    const root = await writeSite({ 'src/content/docs/guides/a.md': '[Gone](/missing/)\n' });
    const { report } = await runLinkReport({
      dir,
      root,
      srcDir: path.join(root, 'src'),
      sources: new Map([
        ['guides/a/index.html', '../packages/starlight/routes/static/index.astro'],
      ]),
    });
    const broken = report.findings.find((f) => f.type === 'broken-link')!;
    expect(report.pages[0]!.source).toBe('../packages/starlight/routes/static/index.astro');
    expect(broken.source).toBe('src/content/docs/guides/a.md');
    expect(broken.writtenAt).toEqual({ file: 'src/content/docs/guides/a.md', line: 1, column: 8 });
  });

  it("does not take the layout's links to a URL for the content entry's link to it", async () => {
    const dir = await writeSite({
      'blog/first-post/index.html': page(
        [
          '<nav><a href="/">Home</a> <a href="/gone/">Gone</a></nav>',
          '<main><p>See <a href="/gone/">the old page</a>.</p>',
          '<p><img src="/favicon.svg" alt="Our logo"></p></main>',
        ].join('\n'),
        '<link rel="icon" href="/favicon.svg">',
      ),
      'index.html': page('<a href="/blog/first-post/">Post</a>'),
    });
    const root = await writeSite({
      'src/content/blog/first-post.md':
        '---\ntitle: First\n---\n\nSee [the old page](/gone/).\n\n![Our logo](/favicon.svg)\n',
      'src/components/Nav.astro':
        '<nav>\n  <a href="/">Home</a>\n  <a href="/gone/">Gone</a>\n</nav>\n',
      'src/layouts/Base.astro':
        '<html>\n  <head>\n    <link rel="icon" href="/favicon.svg" />\n  </head>\n</html>\n',
    });
    const { report } = await runLinkReport({ dir, root, srcDir: path.join(root, 'src') });
    const at = (type: string, element: string, placement: string) =>
      report.findings.find(
        (f) => f.type === type && f.link?.element === element && f.link.placement === placement,
      )?.writtenAt;
    expect(at('broken-link', 'a', 'nav')).toEqual({
      file: 'src/components/Nav.astro',
      line: 3,
      column: 12,
    });
    expect(at('broken-link', 'a', 'content')).toEqual({
      file: 'src/content/blog/first-post.md',
      line: 5,
      column: 20,
    });
    expect(at('broken-resource', 'link', 'content')).toEqual({
      file: 'src/layouts/Base.astro',
      line: 3,
      column: 28,
    });
    expect(at('broken-resource', 'img', 'content')).toEqual({
      file: 'src/content/blog/first-post.md',
      line: 7,
      column: 13,
    });
    // Two places to fix: two causes, not one.
    expect(report.groups.filter((group) => group.type === 'broken-link')).toHaveLength(2);
  });

  it('gives each of two places in one component its own link on the page', async () => {
    const nav = '<nav><a href="/gone/">Gone</a></nav>';
    const dir = await writeSite({
      'index.html': page(`<header>${nav}</header><main><a href="/a/">A</a></main>${nav}`),
      'a/index.html': page(`<header>${nav}</header><main><a href="/">Home</a></main>${nav}`),
    });
    const root = await writeSite({
      'src/components/Menu.astro': [
        '<header>',
        '  <nav><a href="/gone/">Gone</a></nav>',
        '</header>',
        '<slot />',
        '<nav class="mobile">',
        '  <a href="/gone/">Gone</a>',
        '</nav>',
        '',
      ].join('\n'),
    });
    const { report } = await runLinkReport({ dir, root, srcDir: path.join(root, 'src') });
    const broken = report.findings.filter((f) => f.type === 'broken-link');
    expect(broken).toHaveLength(4);
    const lines = (pagePath: string) =>
      broken.filter((f) => f.page === pagePath).map((f) => f.writtenAt?.line);
    expect(lines('/')).toEqual([2, 6]);
    expect(lines('/a/')).toEqual([2, 6]);
    // Two places to fix, each on both pages.
    const groups = report.groups.filter((group) => group.type === 'broken-link');
    expect(groups.map((group) => [group.writtenAt?.line, group.count])).toEqual([
      [2, 2],
      [6, 2],
    ]);
  });

  it("places a link of a Markdown aside (Starlight's :::note) in the entry", async () => {
    const dir = await writeSite({
      'guide/index.html': page(
        '<main><p>Intro</p><aside class="note"><p>See <a href="/gone/">the old guide</a>.</p></aside></main>',
      ),
      'index.html': page('<a href="/guide/">Guide</a>'),
    });
    const root = await writeSite({
      'src/content/docs/guide.md':
        '# Guide\n\nIntro\n\n:::note\nSee [the old guide](/gone/).\n:::\n',
    });
    const { report } = await runLinkReport({ dir, root, srcDir: path.join(root, 'src') });
    const broken = report.findings.find((f) => f.type === 'broken-link');
    expect(broken?.link?.placement).toBe('aside');
    expect(broken?.writtenAt).toEqual({ file: 'src/content/docs/guide.md', line: 6, column: 21 });
  });

  it('says nothing when several components write the same href', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/gone/">x</a>') });
    const root = await writeSite({
      'src/components/A.astro': '<a href="/gone/">x</a>',
      'src/components/B.astro': '<a href="/gone/">x</a>',
    });
    const { report } = await runLinkReport({ dir, root, srcDir: path.join(root, 'src') });
    expect(report.findings.find((f) => f.type === 'broken-link')?.writtenAt).toBeNull();
  });
});
