import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { readHostRedirects } from '../../src/site/host-redirects.js';
import { page, writeSite } from '../helpers/site-folder.js';

const redirectsFile = [
  '# Host redirects, as on Netlify and Cloudflare Pages',
  '/showcase/            /resources/showcase/',
  '/:lang/showcase/      /:lang/resources/showcase/',
  '/blog/*               /posts/:splat   301',
  '/api/*                https://api.example.com/:splat  200',
  '/old-page/            /gone/          301!',
  '/fr/*                 /fr/:splat      302  Language=fr',
  '/search  q=:q         /results/       301',
  '/:lang/*              /:lang/404/     404',
  '/*                    /index.html     200',
  'not-a-rule',
].join('\n');

async function site() {
  return writeSite({
    'index.html': page(
      [
        '<a href="/showcase/">Showcase</a>',
        '<a href="/de/showcase/">Schaufenster</a>',
        '<a href="/blog/first/">First post</a>',
        '<a href="/blog/never-written/">A post that is not there</a>',
        '<a href="/api/status">API status</a>',
        '<a href="/docs/start/">Docs</a>',
        '<a href="/toml/">TOML</a>',
        '<a href="/nowhere/">Nowhere</a>',
        // Matched by `/:lang/* /:lang/404/ 404`: served as an error page, so still broken.
        '<a href="/de/nothing-here/">Nothing</a>',
      ].join('\n'),
    ),
    'resources/showcase/index.html': page('<a href="/">Home</a>'),
    'de/resources/showcase/index.html': page('<a href="/">Home</a>'),
    'posts/first/index.html': page('<a href="/">Home</a>'),
    'guide/start/index.html': page('<a href="/">Home</a>'),
    'b/index.html': page('<a href="/">Home</a>'),
    _redirects: redirectsFile,
    'netlify.toml':
      '[[redirects]]\nfrom = "/toml/"\nto = "/b/"\nstatus = 301\n\n[[redirects]]\nfrom = "/country/"\nto = "/b/"\nconditions = { Country = ["us"] }\n',
    'vercel.json': JSON.stringify({
      redirects: [{ source: '/docs/:path*', destination: '/guide/:path*', permanent: true }],
      rewrites: [{ source: '/(.*)', destination: '/index.html' }],
    }),
  });
}

describe('host redirect files', () => {
  it('reads _redirects, netlify.toml and vercel.json, and says which rules it did not apply', async () => {
    const dir = await site();
    const { rules, notes } = await readHostRedirects({ dir, root: dir });
    expect(rules.map((rule) => [rule.from, rule.to, rule.status, rule.origin])).toEqual([
      ['/showcase/', '/resources/showcase/', 301, '_redirects:2'],
      ['/[lang]/showcase/', '/[lang]/resources/showcase/', 301, '_redirects:3'],
      ['/blog/[...splat]', '/posts/[splat]', 301, '_redirects:4'],
      ['/api/[...splat]', 'https://api.example.com/[splat]', 200, '_redirects:5'],
      ['/old-page/', '/gone/', 301, '_redirects:6'],
      ['/toml/', '/b/', 301, 'netlify.toml [[redirects]] #1'],
      ['/docs/[...path]', '/guide/[path]', 308, 'vercel.json redirects[0]'],
    ]);
    expect(notes).toEqual([
      '_redirects:11: not read: expected "from to [status]", got "not-a-rule"',
      // netlify.toml's rules come after _redirects' own.
      '_redirects:9 serves an error page, and 1 redirect rule(s) after it are applied to links as written: the host takes the first rule that matches, so where they overlap it serves the error page instead',
      'host redirect rules not applied to links: 3 with conditions (query, country, language, role, cookie or header), 1 catch-all rewrites (a single-page app fallback), 1 with regular expressions',
    ]);
  });

  it('says nothing of error-page rules that come last (Starlight)', async () => {
    const dir = await writeSite({
      _redirects: [
        '/showcase/          /resources/showcase/',
        '/:lang/*            /:lang/404/     404',
        '/*                  /404/           404',
      ].join('\n'),
    });
    const { rules, notes } = await readHostRedirects({ dir, root: dir });
    expect(rules.map((rule) => rule.from)).toEqual(['/showcase/']);
    expect(notes).toEqual([]);
  });

  it('treats a link to a host redirect as redirected, and reports what leads nowhere', async () => {
    const dir = await site();
    const { report } = await runLinkReport({ dir, root: dir, site: 'https://example.com' });
    const rows = report.findings
      .filter((f) => f.link || f.type === 'broken-redirect')
      .map((f) => `${f.type} ${f.link?.href ?? f.message}`);
    expect(rows).toEqual([
      'broken-redirect the redirect /old-page/ → /gone/ (_redirects:6) ends at /gone/, which does not exist in the build',
      'redirected-link /showcase/',
      'redirected-link /de/showcase/',
      'redirected-link /blog/first/',
      'broken-link /blog/never-written/',
      'redirected-link /docs/start/',
      'redirected-link /toml/',
      'broken-link /nowhere/',
      'broken-link /de/nothing-here/',
    ]);
    const gone = report.findings.find((f) => f.link?.href === '/blog/never-written/')!;
    expect(gone.message).toBe(
      'links to /blog/never-written/, which redirects to /posts/never-written/, which does not exist in the build',
    );
  });
});
