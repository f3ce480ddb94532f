import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findingsAtFailLevel,
  type LinkReportInput,
  runLinkReport,
  writeReportFiles,
} from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

async function findingsOf(files: Record<string, string>, input: Partial<LinkReportInput> = {}) {
  const dir = await writeSite(files);
  const { report } = await runLinkReport({ dir, site: 'https://example.com', ...input });
  return report.findings
    .filter((f) => f.severity !== 'info')
    .filter((f) =>
      [
        'broken-link',
        'broken-fragment',
        'broken-resource',
        'redirected-link',
        'trailing-slash-mismatch',
        'unparsed-page',
      ].includes(f.type),
    )
    .map((f) => ({
      type: f.type,
      page: f.page,
      href: f.link?.href ?? null,
      at:
        f.link?.position.type === 'source'
          ? `${f.link.position.line}:${f.link.position.column}`
          : null,
      message: f.message,
      suggestion: 'suggestion' in f.details ? f.details.suggestion : null,
    }));
}

describe('checkLinks', () => {
  it('reports a link to a missing page with its position and a suggestion', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/abuot/">About</a> <a href="/about/">About</a>'),
      'about/index.html': page('<a href="/">Home</a>'),
    });
    expect(findings).toEqual([
      {
        type: 'broken-link',
        page: '/',
        href: '/abuot/',
        at: '6:1',
        message: 'links to /abuot/, which does not exist in the build',
        suggestion: '/about/',
      },
    ]);
  });

  it('reports a link to a missing fragment and suggests the id that differs only by case', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<a href="/about/#Team">Team</a> <a href="/about/#history">History</a> <a href="#top">Top</a>',
      ),
      'about/index.html': page('<h2 id="team">Team</h2><h2 id="history">History</h2>'),
    });
    expect(findings).toEqual([
      {
        type: 'broken-fragment',
        page: '/',
        href: '/about/#Team',
        at: '6:1',
        message: 'links to /about/#Team, but that page has no element with id "Team"',
        suggestion: 'team',
      },
    ]);
  });

  it('checks same-page fragments against the page itself', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<a href="#intro">Intro</a> <a href="#nowhere">Nowhere</a><p id="intro">x</p><a name="legacy"></a><a href="#legacy">L</a>',
      ),
    });
    expect(findings.map((f) => [f.type, f.href])).toEqual([['broken-fragment', '#nowhere']]);
  });

  it('reports missing images, stylesheets and scripts as broken resources', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<img src="/img/ok.png" alt=""><img src="/img/nope.png" alt="">',
        '<link rel="stylesheet" href="/missing.css"><script src="/app.js"></script>',
      ),
      'img/ok.png': '',
      'app.js': '',
    });
    expect(findings.map((f) => [f.type, f.href])).toEqual([
      ['broken-resource', '/missing.css'],
      ['broken-resource', '/img/nope.png'],
    ]);
  });

  it('reports a link to a redirect page as redirected, not broken', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/old/">Old</a>'),
      'old/index.html':
        '<!doctype html><title>Redirecting to: /new/</title><meta http-equiv="refresh" content="0;url=/new/"><meta name="robots" content="noindex">',
      'new/index.html': page('<a href="/">Home</a>'),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        type: 'redirected-link',
        href: '/old/',
        message: 'links to /old/, which redirects to /new/',
      }),
    ]);
  });

  it('uses the redirects config when no redirect page was built', async () => {
    const findings = await findingsOf(
      {
        'index.html': page('<a href="/old/">Old</a> <a href="/posts/a/">A</a>'),
        'new/index.html': page(''),
        'articles/a/index.html': page(''),
      },
      {
        redirects: [
          { from: '/old', to: '/new/' },
          { from: '/posts/[slug]', to: '/articles/[slug]' },
        ],
      },
    );
    expect(findings.map((f) => [f.type, f.href])).toEqual([
      ['redirected-link', '/old/'],
      ['redirected-link', '/posts/a/'],
    ]);
  });

  it('fills dynamic params of config redirects into the destination', async () => {
    const findings = await findingsOf(
      {
        'index.html': page('<a href="/legacy/42">Product</a>'),
        'products/42/index.html': page(''),
      },
      { redirects: [{ from: '/legacy/[id]', to: '/products/[id]' }] },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        type: 'redirected-link',
        message: 'links to /legacy/42, which redirects to /products/42',
      }),
    ]);
  });

  it('reports a link through a config redirect to a missing page as broken', async () => {
    const findings = await findingsOf(
      { 'index.html': page('<a href="/gone/">Gone</a>') },
      { redirects: [{ from: '/gone', to: '/nowhere/' }] },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        type: 'broken-link',
        message: 'links to /gone/, which redirects to /nowhere/, which does not exist in the build',
      }),
    ]);
  });

  it('says a redirect loop is a loop, not a missing page', async () => {
    const refresh = (to: string) =>
      `<!doctype html><title>Redirecting</title><meta http-equiv="refresh" content="0;url=${to}"><body></body>`;
    const dir = await writeSite({
      'index.html': page(
        '<a href="/self.html">Self</a> <a href="/one.html">One</a> <a href="/round/">Round</a>',
      ),
      'self.html': refresh('/self.html'),
      'one.html': refresh('/two.html'),
      'two.html': refresh('/one.html'),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      redirects: [
        { from: '/round', to: '/about' },
        { from: '/about', to: '/round' },
      ],
    });
    const fromHome = report.findings
      .filter((f) => f.page === '/' && (f.type === 'redirected-link' || f.type === 'broken-link'))
      .map((f) => [f.type, f.link?.href, f.message, f.hint]);
    expect(fromHome).toEqual([
      [
        'redirected-link',
        '/self.html',
        'links to /self.html, which redirects to /self.html, and on in a loop that never reaches a page',
        'Fix the redirects: from /self.html they go round in a loop. Then link to the page meant directly.',
      ],
      [
        'redirected-link',
        '/one.html',
        'links to /one.html, which redirects to /two.html, and on in a loop that never reaches a page',
        'Fix the redirects: from /one.html they go round in a loop. Then link to the page meant directly.',
      ],
      [
        'broken-link',
        '/round/',
        'links to /round/, which redirects to /about, and on in a loop that never reaches a page',
        'Fix the redirects from /round/: they go round in a loop.',
      ],
    ]);
  });

  it('reports a redirect page with a missing destination once, and the link to it as redirected', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/old/">Old</a>'),
      'old/index.html':
        '<!doctype html><title>Redirecting to: /new/</title><meta http-equiv="refresh" content="0;url=/new/"><link rel="canonical" href="/new/"><body><a href="/new/">Redirecting</a></body>',
    });
    expect(findings.map((f) => [f.type, f.page, f.href])).toEqual([
      ['redirected-link', '/', '/old/'],
      ['broken-link', '/old/', '/new/'],
    ]);
    expect(findings[0]!.message).toBe(
      'links to /old/, which redirects to /new/, which does not exist in the build',
    );
  });

  it("does not check a 404 page's canonical and alternates, only its visible links", async () => {
    const findings = await findingsOf({
      '404.html': page(
        '<a href="/missing/">x</a>',
        '<link rel="canonical" href="/404/"><link rel="alternate" hreflang="fr" href="/fr/404/">',
      ),
    });
    expect(findings.map((f) => [f.type, f.href])).toEqual([['broken-link', '/missing/']]);
  });

  it('reports a link naming an .html file that does not exist, even when the page does', async () => {
    const findings = await findingsOf(
      {
        'index.html': page(
          '<a href="/docs/index.html">Docs</a> <a href="/docs.html">Docs</a> <a href="/docs">Docs</a>',
        ),
        'docs.html': page(''),
      },
      { buildFormat: 'file' },
    );
    expect(findings.map((f) => [f.type, f.href])).toEqual([['broken-link', '/docs/index.html']]);
  });

  it('suggests a page only a typo away, not any page of similar length', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/nope/">x</a> <a href="/abuot/">y</a>'),
      'more/index.html': page(''),
      'about/index.html': page(''),
    });
    expect(findings.map((f) => [f.href, f.suggestion])).toEqual([
      ['/nope/', null],
      ['/abuot/', '/about/'],
    ]);
  });

  it('flags a trailing slash that differs from the built URL when trailingSlash is always', async () => {
    const findings = await findingsOf(
      {
        'index.html': page(
          '<a href="/about">About</a> <a href="/about/">About</a> <a href="/about/index.html">About</a>',
        ),
        'about/index.html': page(''),
      },
      { trailingSlash: 'always' },
    );
    expect(findings).toEqual([
      expect.objectContaining({
        type: 'trailing-slash-mismatch',
        href: '/about',
        message: 'links to /about, but the page is served at /about/',
      }),
    ]);
  });

  it('flags a trailing slash when trailingSlash is never', async () => {
    const findings = await findingsOf(
      {
        'index.html': page('<a href="/about/">About</a> <a href="/about">About</a>'),
        'about/index.html': page(''),
      },
      { trailingSlash: 'never' },
    );
    expect(findings.map((f) => [f.type, f.href])).toEqual([['trailing-slash-mismatch', '/about/']]);
  });

  it('accepts both slash forms for directory pages when trailingSlash is ignore', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/about/">About</a> <a href="/about">About</a>'),
      'about/index.html': page(''),
    });
    expect(findings).toEqual([]);
  });

  it('accepts links to file-format pages with and without .html, and flags a slash after them', async () => {
    const findings = await findingsOf(
      {
        'index.html': page(
          '<a href="/about">A</a> <a href="/about.html">B</a> <a href="/about/">C</a>',
        ),
        'about.html': page(''),
      },
      { buildFormat: 'file' },
    );
    expect(findings.map((f) => [f.type, f.href])).toEqual([['trailing-slash-mismatch', '/about/']]);
  });

  it('resolves relative, protocol-relative, absolute and encoded links to the same pages', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<a href="blog/">Blog</a> <a href="//example.com/blog/">Blog</a> <a href="https://www.example.com/blog/?ref=x">Blog</a> <a href="http://example.com/caf%C3%A9/">Café</a> <a href="/café/#menu">Menu</a>',
      ),
      'blog/index.html': page('<a href="../">Home</a> <a href="./">Self</a>'),
      'café/index.html': page('<h2 id="menu">Menu</h2>'),
    });
    expect(findings).toEqual([]);
  });

  it('never reports mailto, tel, javascript and data links', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<a href="mailto:a@b.c">Mail</a> <a href="tel:+1">Call</a> <a href="javascript:void 0">JS</a> <img src="data:image/png;base64,AA==" alt="">',
      ),
    });
    expect(findings).toEqual([]);
  });

  it('suggests the path with base when a link forgets the base', async () => {
    const findings = await findingsOf(
      {
        'index.html': page('<a href="/docs/guide/">Guide</a> <a href="/guide/">Guide</a>'),
        'guide/index.html': page(''),
      },
      { base: '/docs/' },
    );
    expect(findings).toEqual([
      expect.objectContaining({ type: 'broken-link', href: '/guide/', suggestion: '/docs/guide/' }),
    ]);
  });

  it('suggests the path with base through a redirect only when the redirect ends at something', async () => {
    // Astro does not add the base to redirect destinations: /docs/old-work redirects to
    // /work, which is missing, so "did you mean /docs/old-work" would send readers nowhere.
    const findings = await findingsOf(
      {
        'index.html': page('<a href="/old-work">Old work</a> <a href="/old-about">Old about</a>'),
        'work/index.html': page(''),
        'about/index.html': page(''),
      },
      {
        base: '/docs/',
        redirects: [
          { from: '/old-work', to: '/work' },
          { from: '/old-about', to: '/docs/about/' },
        ],
      },
    );
    const suggestions = Object.fromEntries(
      findings.filter((f) => f.page === '/docs/').map((f) => [f.href, f.suggestion]),
    );
    expect(suggestions).toEqual({ '/old-work': null, '/old-about': '/docs/old-about' });
  });

  it('treats absolute links to the host outside base as other sites, and root-relative ones as forgotten base', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<a href="https://octocat.github.io/">Profile</a> <a href="https://octocat.github.io/other-repo/">Other</a> <a href="//octocat.github.io/x/">X</a> <a href="https://octocat.github.io/my-repo/guide/">Guide</a> <a href="/other-repo/">Forgot base</a>',
      ),
      'guide/index.html': page(''),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://octocat.github.io',
      base: '/my-repo/',
    });
    expect(
      report.findings.filter((f) => f.type === 'broken-link').map((f) => f.link?.href),
    ).toEqual(['/other-repo/']);
    expect(report.summary.outboundLinks).toBe(3);
    expect(report.summary.internalLinks).toBe(2);
  });

  it('follows symbolic links to files and folders, as a web server does', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/alias.html">Alias</a> <a href="/shared/x/">Shared</a>'),
      'about.html': page(''),
      'real/x/index.html': page(''),
    });
    await symlink('about.html', path.join(dir, 'alias.html'));
    await symlink('real', path.join(dir, 'shared'));
    await symlink('.', path.join(dir, 'loop'));
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.pages.map((p) => p.file)).toEqual([
      'about.html',
      'alias.html',
      'index.html',
      'real/x/index.html',
      'shared/x/index.html',
    ]);
  });

  it('reads pages in the charset they declare', async () => {
    const dir = await writeSite({ 'café.html': page('') });
    const latin1 = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><main><a href="/caf\xe9">caf\xe9</a></main></body></html>',
      'latin1',
    );
    await writeFile(path.join(dir, 'index.html'), latin1);
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      buildFormat: 'file',
    });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.pages.find((p) => p.file === 'index.html')?.title).toBe('Café');
  });

  it('says when a page declares a charset it cannot read, and still checks it', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/missing/">x</a>', '<meta charset="x-bogus-8">'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.findings.map((f) => [f.type, f.message])).toEqual([
      ['unparsed-page', 'index.html: unknown charset "x-bogus-8"; read as UTF-8'],
      ['broken-link', 'links to /missing/, which does not exist in the build'],
    ]);
  });

  it('warns when every inbound target is on another host than the site', async () => {
    const dir = await writeSite({
      'index.html': page(''),
      'seo/targets.csv': 'Target page,Incoming links,Linking sites\nhttps://other.example/,10,2\n',
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      root: dir,
      options: { inbound: ['seo/targets.csv'], ignore: { pages: [] } },
    });
    expect(
      report.findings.filter((f) => f.type === 'inbound-source-warning').map((f) => f.message),
    ).toEqual([
      "inbound: every target URL of the exports is on another host (other.example) than https://example.com; were they downloaded for this site's property?",
    ]);
  });

  it('leaves out a report folder an earlier run wrote into the output', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    const first = await runLinkReport({ dir, site: 'https://example.com' });
    const written = await writeReportFiles(first.report, { htmlDir: path.join(dir, 'reports') });
    expect(written.failures).toEqual([]);
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.pages.map((p) => p.file)).toEqual(['index.html']);
    expect(report.notes).toEqual([
      'left out 1 report folder(s) written by an earlier run: reports/',
    ]);
  });

  it('checks a page that claims to be a report, and a folder named like the report', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/">Home</a>'),
      'claims/index.html': page(
        '<a href="/nowhere/">Nowhere</a>',
        '<meta name="generator" content="astro-link-report 0.1.0">',
      ),
      '_link-report/index.html': page('<a href="/gone/">Gone</a>'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.pages.map((p) => p.file)).toEqual([
      '_link-report/index.html',
      'claims/index.html',
      'index.html',
    ]);
    expect(
      report.findings.filter((f) => f.type === 'broken-link').map((f) => f.link?.href),
    ).toEqual(['/gone/', '/nowhere/']);
  });

  it('serves index.htm as a folder index', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/products/">P</a>'),
      'products/index.htm': page(''),
    });
    expect(findings).toEqual([]);
  });

  it('serves x.htm at its name only, and suggests it for the name without (the standards fixture)', async () => {
    const { report } = await runLinkReport({
      dir: 'test/fixtures/standards/htm-files',
      site: 'https://example.com',
    });
    expect(report.pages.map((p) => [p.file, p.path])).toEqual([
      ['index.html', '/'],
      ['legacy/index.htm', '/legacy/'],
      ['notes.htm', '/notes.htm'],
    ]);
    expect(
      report.findings.map((f) => [
        f.type,
        f.link?.href,
        f.type === 'broken-link' ? f.details.suggestion : null,
      ]),
    ).toEqual([
      ['broken-link', '/notes', '/notes.htm'],
      ['broken-link', '/notes.html', '/notes.htm'],
    ]);
  });

  it('reports x.htm/ and x.html/ as broken: they name a folder the site does not have', async () => {
    const findings = await findingsOf({
      'index.html': page(
        '<a href="/notes.htm/">N</a> <a href="/about.html/">A</a> <a href="/docs.htm/">D</a>',
      ),
      'notes.htm': page(''),
      'about.html': page(''),
      'docs.htm/index.html': page(''),
    });
    expect(findings.map((f) => [f.type, f.href])).toEqual([
      ['broken-link', '/notes.htm/'],
      ['broken-link', '/about.html/'],
    ]);
  });

  it('takes the base from the path of site when no base is given', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/docs/guide/">Guide</a>'),
      'guide/index.html': page(''),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com/docs/' });
    expect(report.site.base).toBe('/docs/');
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.notes).toEqual([
      'base taken from the path of site (https://example.com/docs/): /docs/',
    ]);
  });

  it('reaches translations through hreflang alternates, so they are not islands', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<a href="/about/">About</a>',
        '<link rel="alternate" hreflang="fr" href="/fr/">',
      ),
      'about/index.html': page('<a href="/">Home</a>'),
      'fr/index.html': page(
        '<a href="/fr/a/">A</a>',
        '<link rel="alternate" hreflang="en" href="/">',
      ),
      'fr/a/index.html': page('<a href="/fr/">Accueil</a>'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.findings.filter((f) => f.type === 'island-page')).toEqual([]);
    const depth = (path: string) => report.pages.find((p) => p.path === path)?.metrics.clickDepth;
    expect([depth('/fr/'), depth('/fr/a/')]).toEqual([1, 2]);
    // Alternates are not links a reader follows: they make no inlinks.
    expect(report.pages.find((p) => p.path === '/fr/')?.inlinks.map((l) => l.from)).toEqual([
      '/fr/a/',
    ]);
  });

  it('reports two files that name one page', async () => {
    const findings = await findingsOf({
      'index.html': page('<a href="/about/">A</a>'),
      'about.html': page(''),
      'about/index.html': page(''),
    });
    expect(findings).toEqual([]);
    const dir = await writeSite({
      'index.html': page(''),
      'about.html': page(''),
      'about/index.html': page(''),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(
      report.findings.filter((f) => f.type === 'duplicate-page').map((f) => f.message),
    ).toEqual(['about.html and about/index.html are both built for /about']);
  });

  it('suggests the served URL, slash included, when a link forgets the base', async () => {
    const findings = await findingsOf(
      { 'index.html': page('<a href="/about">About</a>'), 'about/index.html': page('') },
      { base: '/docs/', trailingSlash: 'always' },
    );
    expect(findings.map((f) => [f.href, f.suggestion])).toEqual([['/about', '/docs/about/']]);
  });

  it('does not report links to on-demand routes', async () => {
    const findings = await findingsOf(
      {
        'index.html': page('<a href="/api/hello">API</a> <a href="/account/settings/">Account</a>'),
      },
      {
        routes: [
          {
            pattern: '/api/hello',
            regex: /^\/api\/hello\/?$/,
            entrypoint: 'src/pages/api/hello.ts',
            type: 'endpoint',
            prerendered: false,
            redirect: null,
            files: [],
          },
          {
            pattern: '/account/[...rest]',
            regex: /^\/account(?:\/(.*?))?\/?$/,
            entrypoint: 'src/pages/account/[...rest].astro',
            type: 'page',
            prerendered: false,
            redirect: null,
            files: [],
          },
        ],
      },
    );
    expect(findings).toEqual([]);
  });

  it('names the source file of the route on findings', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/missing/">x</a>') });
    const { report } = await runLinkReport({
      dir,
      routes: [
        {
          pattern: '/',
          regex: /^\/$/,
          entrypoint: 'src/pages/index.astro',
          type: 'page',
          prerendered: true,
          redirect: null,
          files: ['index.html'],
        },
      ],
    });
    expect(report.findings.find((f) => f.type === 'broken-link')?.source).toBe(
      'src/pages/index.astro',
    );
  });

  it('leaves out links matched by ignore.links and pages matched by ignore.pages', async () => {
    const findings = await findingsOf(
      {
        'index.html': page(
          '<a href="/legacy/a">x</a> <a href="/wip/">y</a> <a href="/gone/">z</a>',
        ),
        'drafts/x/index.html': page('<a href="/nowhere/">n</a>'),
      },
      { options: { ignore: { links: ['/legacy/**', /\/wip\//], pages: ['/drafts/**'] } } },
    );
    expect(findings.map((f) => [f.type, f.page, f.href])).toEqual([['broken-link', '/', '/gone/']]);
  });

  it('says once that site is unknown, and still checks relative links', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/missing/">x</a> <a href="https://example.com/">abs</a>'),
    });
    const { report } = await runLinkReport({ dir });
    expect(report.findings.map((f) => [f.type, f.severity])).toEqual([
      ['site-unknown', 'warning'],
      ['broken-link', 'error'],
    ]);
    expect(report.notes).toEqual([]);
    expect(report.summary.outboundLinks).toBe(1);
  });

  it('lets severity change or turn off a finding type, and failOn pick what fails', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/old/">Old</a> <a href="/missing/">x</a>'),
      'old/index.html': '<meta http-equiv="refresh" content="0;url=/">',
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { severity: { 'redirected-link': 'error', 'broken-link': 'off' } },
    });
    expect(report.findings.map((f) => [f.type, f.severity])).toEqual([
      ['redirected-link', 'error'],
    ]);
    expect(findingsAtFailLevel(report.findings, 'error')).toHaveLength(1);
    expect(findingsAtFailLevel(report.findings, 'none')).toHaveLength(0);
    expect(findingsAtFailLevel(report.findings, ['broken-fragment'])).toHaveLength(0);
  });

  it('reports a page that cannot be parsed instead of dropping it', async () => {
    const findings = await findingsOf({
      'index.html': `<html><body>${'<div>'.repeat(20000)}</body></html>`,
    });
    expect(findings.map((f) => [f.type, f.page])).toEqual([['unparsed-page', '/']]);
  });
});

describe('the cache folder', () => {
  it('is used when given, and not with cache: false', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    const cacheDir = path.join(dir, '.cache');
    expect((await runLinkReport({ dir, cacheDir })).cacheDir).toBe(cacheDir);
    expect((await runLinkReport({ dir, cacheDir, options: { cache: false } })).cacheDir).toBeNull();
    expect((await runLinkReport({ dir })).cacheDir).toBeNull();
  });
});
