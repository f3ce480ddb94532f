/// <reference lib="dom" />
/**
 * The dev toolbar app on a real `astro dev` of the `toolbar` fixture, after a real build of
 * it (the last report): the dev server's `page.json` endpoint, then the app in Chromium.
 * Note: about 8 s in all (a build with an adapter, a dev server, a browser, and the dev
 * server compiling each page on its first request); the three are shared by every test here.
 */
import { existsSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ToolbarElement,
  ToolbarRequest,
  ToolbarResponse,
} from '../../integration/toolbar/protocol.js';
import { browserUnavailableReason, launchChromium } from '../browser/chromium.js';
import { type AstroDev, startAstroDev } from '../helpers/astro-dev.js';
import { startServer } from '../helpers/http-server.js';
import { buildAstroSite, copyFixtureSite } from './build-fixture.js';

const integration = fileURLToPath(new URL('../../dist/integration/index.js', import.meta.url));

let root: string;
let dev: AstroDev;
let buildError: Error | null;
/** Another site, on 127.0.0.1: the last build checked the links to it. */
let other: Server;
let otherOrigin: string;
const otherRequests: string[] = [];

beforeAll(async () => {
  if (!existsSync(integration)) {
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  }
  root = await copyFixtureSite('toolbar');
  other = createServer((request, response) => {
    otherRequests.push(`${request.method} ${request.url}`);
    response.statusCode = request.url === '/gone' ? 404 : 200;
    response.end();
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  await writeFile(
    path.join(root, 'src/pages/partners.astro'),
    `<html lang="en"><head><title>Partners</title></head><body><a href="/">Home</a>
<a href="${otherOrigin}/ok">A partner</a> <a href="${otherOrigin}/gone">A gone partner</a></body></html>\n`,
  );
  await writeFile(
    path.join(root, 'astro.config.mjs'),
    `import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import linkReport from ${JSON.stringify(integration)};
export default defineConfig({
  site: 'https://toolbar.example',
  redirects: { '/old-guide/': '/guide/' },
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'fr'],
    fallback: { fr: 'en' },
    routing: { prefixDefaultLocale: false },
  },
  adapter: node({ mode: 'standalone' }),
  integrations: [
    linkReport({
      inbound: ['./seo/backlinks.csv'],
      severity: { 'nofollow-internal': 'error' },
      ignore: { links: ['/legacy/**'] },
      assets: { '/guide/': 'guide' },
      // The other site is on 127.0.0.1: the check may ask it, this once.
      external: { check: true, allowPrivateHosts: true, cache: '0s' },
    }),
  ],
});
`,
  );
  // The last build (it fails: /launch/ links to a missing page); its report is what the app
  // shows of the link graph.
  const built = await buildAstroSite(root, []);
  buildError = built.error;
  if (!built.report) throw built.error ?? new Error('the build wrote no report');
  dev = await startAstroDev(root);
});

afterAll(async () => {
  await dev?.stop();
  await new Promise((resolve) => other?.close(resolve));
});

/** An element as the app reads it from the DOM. */
function element(tag: string, attributes: Record<string, string>, text = ''): ToolbarElement {
  return { tag, attributes, text, placement: 'content', writtenAt: null };
}

function requestBody(pathname: string, elements: ToolbarElement[], ids: string[] = []) {
  const body: ToolbarRequest = {
    page: `${dev.origin}${pathname}`,
    baseUri: `${dev.origin}${pathname}`,
    title: null,
    robots: null,
    elements,
    omitted: 0,
    ids,
  };
  return body;
}

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${dev.origin}/_link-report/page.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Post a page's elements to the endpoint, as the app does. */
async function check(
  pathname: string,
  elements: ToolbarElement[],
  ids: string[] = [],
): Promise<ToolbarResponse> {
  const response = await post(requestBody(pathname, elements, ids));
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as ToolbarResponse;
}

/** Each reference as `href target finding-types`. */
function rows(response: ToolbarResponse): string[] {
  return response.references.map((ref) =>
    [ref.href, ref.target, ...ref.findings.map((f) => f.type)].join(' '),
  );
}

describe('the toolbar endpoint of astro dev', () => {
  it('checks each link against the dev server’s routes as the next build would report it', async () => {
    expect(buildError?.message).toMatch(/broken-link \/pricing-plans\/ on \/launch\//);
    const response = await check(
      '/launch/',
      [
        element('a', { href: '/guide/#install' }),
        element('a', { href: '/guide/#setup' }),
        element('a', { href: '/pricing-plans/' }),
        element('a', { href: '/old-guide/' }),
        element('a', { href: '/blog/first/' }),
        element('a', { href: '/blog/third/' }),
        element('a', { href: '/account/' }),
        element('a', { href: '/files/data.csv' }),
        element('a', { href: '/guide' }),
        element('img', { src: '/images/launch.png', srcset: '/favicon.svg 1x, /images/2x.png 2x' }),
        element('a', { href: '#here' }),
        element('a', { href: '#gone' }),
        element('a', { href: 'mailto:team@toolbar.example' }),
      ],
      ['here'],
    );
    expect(rows(response)).toEqual([
      '/guide/#install page',
      // The ids are read from the page as the dev server renders it now.
      '/guide/#setup page broken-fragment',
      '/pricing-plans/ missing broken-link',
      '/old-guide/ redirect redirected-link',
      '/blog/first/ page',
      // Only getStaticPaths() knows: the dev server was asked.
      '/blog/third/ missing broken-link',
      '/account/ on-demand',
      '/files/data.csv file',
      '/guide page',
      '/images/launch.png missing broken-resource',
      '/favicon.svg file',
      '/images/2x.png missing broken-resource',
      // Same-page fragments are looked up in the ids the app read from the live DOM.
      '#here page',
      '#gone page broken-fragment',
      'mailto:team@toolbar.example other',
    ]);
    const broken = response.references.find((ref) => ref.href === '/pricing-plans/')!;
    expect(broken.findings[0]).toMatchObject({
      severity: 'error',
      message: 'links to /pricing-plans/, which does not exist in the build',
      hint: 'Fix the href, or add a page or a redirect for this URL.',
      page: '/launch/',
    });
    expect(broken).toMatchObject({
      level: 'error',
      failing: ['broken-link'],
      tag: 'a',
      attribute: 'href',
    });
    expect(response.references.find((ref) => ref.href === '/old-guide/')).toMatchObject({
      level: 'warning',
      failing: [],
      detail: '/guide/',
    });
    expect(response.references.find((ref) => ref.href === '/account/')!.detail).toBe(
      'rendered on demand by /account: not requested',
    );
    expect(response.titles['broken-link']).toBe('Broken link');
    // A typo of an id is answered with the id meant.
    const typo = await check('/launch/', [element('a', { href: '/guide/#instal' })]);
    expect(typo.references[0]!.findings[0]!.hint).toBe('Did you mean #install?');
  });

  it('follows an i18n fallback as the dev server serves it', async () => {
    const response = await check('/fr/', [
      element('a', { href: '/fr/guide/' }),
      element('a', { href: '/fr/rien/' }),
    ]);
    // Astro's default fallbackType: a redirect to the default locale's page.
    expect(rows(response)).toEqual([
      '/fr/guide/ redirect redirected-link',
      '/fr/rien/ missing broken-link',
    ]);
    expect(response.references[0]!.detail).toBe('/guide/');
  });

  it('applies ignore.links and severity as the build does, and the last build’s noindex', async () => {
    const response = await check('/launch/', [
      element('a', { href: '/legacy/page/' }),
      element('a', { href: '/guide/', rel: 'nofollow' }),
      element('a', { href: '/drafts/' }),
    ]);
    expect(
      response.references.map((ref) => [
        ref.href,
        ref.ignored,
        ref.level,
        ...ref.findings.map((f) => `${f.severity} ${f.type}`),
      ]),
    ).toEqual([
      ['/legacy/page/', true, 'info'],
      // A warning by default, an error in this site's config.
      ['/guide/', false, 'error', 'error nofollow-internal'],
      ['/drafts/', false, 'warning', 'warning link-to-noindex'],
    ]);
  });

  it('never requests an on-demand route or an outbound URL', async () => {
    const outside = await startServer(
      (_req, res) => {
        res.end('ok');
      },
      { ipOrigin: true },
    );
    const response = await check('/launch/', [
      element('a', { href: '/account/' }),
      element('a', { href: `${outside.origin}/page` }),
      element('img', { src: `${outside.origin}/image.png` }),
    ]);
    expect(rows(response)).toEqual([
      '/account/ on-demand',
      // A rule on the link itself still applies.
      `${outside.origin}/page outbound insecure-outbound`,
      `${outside.origin}/image.png outbound`,
    ]);
    // The last build did not have these URLs, so there is no status to show.
    expect(response.references[2]).toMatchObject({ outbound: null, level: 'info' });
    expect(outside.requests).toEqual([]);
    expect(dev.output()).not.toContain('account page rendered');
  });

  it('shows an outbound link’s status from the last build’s check, without asking again', async () => {
    const asked = otherRequests.length;
    // The last build asked for both.
    expect(otherRequests.map((request) => request.split(' ')[1]).sort()).toEqual(
      expect.arrayContaining(['/gone', '/ok']),
    );
    const response = await check('/partners/', [
      element('a', { href: `${otherOrigin}/ok` }),
      element('a', { href: `${otherOrigin}/gone` }),
    ]);
    expect(response.report).toMatchObject({ status: 'ok', outboundChecked: true });
    const [ok, gone] = response.references;
    expect(ok).toMatchObject({ target: 'outbound', outbound: { status: 'ok', code: 200 } });
    expect(gone).toMatchObject({ target: 'outbound', outbound: { status: 'broken', code: 404 } });
    // The build's findings about them (with its severities), beside the live rule on the
    // link itself. (A link to 127.0.0.1 is a localhost-link: this test's other site is local.)
    const shown = (ref: (typeof response.references)[number]) => [
      ...ref.findings.map((finding) => `now: ${finding.type}`),
      ...ref.lastBuild.map((finding) => `last build: ${finding.severity} ${finding.type}`),
    ];
    expect(shown(ok!)).toEqual(['now: insecure-outbound', 'last build: error localhost-link']);
    expect(shown(gone!)).toEqual([
      'now: insecure-outbound',
      'last build: warning broken-external',
      'last build: error localhost-link',
    ]);
    expect(otherRequests.length).toBe(asked);
  });

  it('finds the resources only the dev server serves, and leaves out the scripts it adds', async () => {
    const html = await (await fetch(`${dev.origin}/launch/`)).text();
    const scripts = [...html.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => m[1]!);
    // Vite's client, the toolbar, and the page's own script at a dev URL.
    expect(scripts.length).toBeGreaterThanOrEqual(3);
    const response = await check(
      '/launch/',
      scripts.map((src) =>
        element('script', { type: 'module', src: src.replaceAll('&amp;', '&') }),
      ),
    );
    expect(rows(response)).toEqual([
      expect.stringMatching(/^\/src\/pages\/launch\.astro\?astro&type=script\S* file$/),
    ]);
    expect(response.notes).toContain(
      `${scripts.length - 1} scripts the dev server adds (Vite's client, the dev toolbar) are not listed.`,
    );
  });

  it('shows what the last report knows about the page: an orphan with backlinks', async () => {
    const response = await check('/launch/', []);
    expect(response.report).toMatchObject({
      status: 'ok',
      changed: [],
      inbound: true,
      reportPage: '/_link-report/index.html',
    });
    const facts = response.facts!;
    expect(facts.page.metrics).toMatchObject({
      linkingPages: 0,
      clickDepth: null,
      backlinks: 3,
      linkingSites: 3,
    });
    expect(facts.orphan).toMatchObject({ path: '/launch/', backlinks: 3, linkingSites: 3 });
    expect(facts.page.inbound!.backlinks.map((link) => link.anchor).sort()).toEqual([
      'launch post',
      'their launch',
      'toolbar.example',
    ]);
    // Only its French fallback (a redirect) links here: listed, not counted.
    expect(facts.page.inlinks.map((inlink) => inlink.from)).toEqual(['/fr/launch/']);
    expect(facts.inlinkKinds).toEqual({ '/fr/launch/': 'redirect' });
    // The build's findings on the page (the live check has its own for the links).
    expect(facts.findings.map((finding) => finding.type)).toContain('orphan-with-backlinks');

    const guide = (await check('/guide/', [])).facts!;
    expect(guide.orphan).toBeNull();
    // The home page, /launch/, both posts, and /fr/ (through its fallback redirect).
    expect(guide.page.metrics).toMatchObject({ clickDepth: 1, linkingPages: 5 });
    expect(guide.page.inlinks.find((inlink) => inlink.from === '/')!.anchors).toContain('guide');
    expect(guide.asset).toMatchObject({ type: 'guide', source: 'option', pattern: '/guide/' });
  });

  it('says when the report is older than the page’s source, naming the file', async () => {
    const source = path.join(root, 'src/pages/guide.astro');
    const later = new Date(Date.now() + 60_000);
    await utimes(source, later, later);
    try {
      const response = await check('/guide/', []);
      expect(response.report).toMatchObject({
        status: 'ok',
        changed: [{ file: 'src/pages/guide.astro', changedAt: expect.any(String) }],
      });
      const { changed } = response.report as { changed: { changedAt: string }[] };
      expect(Math.abs(Date.parse(changed[0]!.changedAt) - later.getTime())).toBeLessThan(1000);
    } finally {
      const earlier = new Date(Date.now() - 3_600_000);
      await utimes(source, earlier, earlier);
    }
  });

  it('asks the dev server at most 100 times per check, and says so', async () => {
    const elements = Array.from({ length: 130 }, (_, i) =>
      element('a', { href: `/blog/post-${i}/` }),
    );
    const response = await check('/launch/', elements);
    const targets = response.references.map((ref) => ref.target);
    expect(targets.filter((target) => target === 'missing').length).toBeLessThanOrEqual(100);
    expect(targets.filter((target) => target === 'unchecked').length).toBeGreaterThanOrEqual(30);
    expect(response.notes).toContain(
      'Some URLs were not asked of the dev server: one check makes at most 100 requests. Check again to go on.',
    );
  });

  it('is reached past Astro’s own middlewares, which refuse cross-site posts too', async () => {
    const get = await fetch(`${dev.origin}/_link-report/page.json`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    const crossSite = await post(requestBody('/launch/', []), { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });
});

const unavailable = browserUnavailableReason();

describe.skipIf(unavailable !== null)('the toolbar app in Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('flags the broken link on the page and shows the page’s inlinks, orphan status and backlinks', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.goto(`${dev.origin}/launch/`);
    const toolbar = page.locator('astro-dev-toolbar');
    const button = toolbar.locator('button[data-app-id="astro-link-report"]');
    // Before it is opened, the toolbar's dot says a link is broken.
    const dot = button.locator('.icon .notification');
    await expect.poll(() => dot.getAttribute('data-level'), { timeout: 15_000 }).toBe('error');
    await button.click();
    const canvas = toolbar.locator('astro-dev-toolbar-app-canvas[data-app-id="astro-link-report"]');
    const window = page.getByRole('region', { name: 'Links on this page' });
    await window.getByText('Orphan with backlinks').first().waitFor();
    const text = await window.textContent();
    expect(text).toContain(
      'No other page links here from its content, yet 3 backlinks from 3 sites arrive',
    );
    expect(text).toMatch(/Linked from\s*0 pages \(0 from their content\)/);
    // Its French fallback is a redirect page (Astro's link text): listed, not counted.
    expect(text).toContain(
      '/fr/launch/ “Redirecting from /fr/launch/ to /launch/” · a redirect, not counted',
    );
    expect(text).toMatch(/Backlinks\s*3/);
    expect(text).toMatch(/Linking sites\s*3/);
    expect(text).toContain(
      'links to /pricing-plans/, which does not exist in the build (fails the build)',
    );

    // On the page: an outline on the broken link, with a tooltip that says why.
    const highlight = canvas.locator(
      'astro-dev-toolbar-highlight[data-link-report-href="/pricing-plans/"]',
    );
    await expect.poll(() => highlight.isVisible()).toBe(true);
    expect(await highlight.getAttribute('highlight-style')).toBe('red');
    const box = (await highlight.boundingBox())!;
    const link = (await page.locator('a[href="/pricing-plans/"]').boundingBox())!;
    expect(box.x).toBeLessThanOrEqual(link.x);
    expect(box.x + box.width).toBeGreaterThanOrEqual(link.x + link.width);
    const screenshots =
      process.env.UPDATE_SCREENSHOTS === '1'
        ? fileURLToPath(new URL('../../docs/images/', import.meta.url))
        : null;
    if (screenshots) {
      await mkdir(screenshots, { recursive: true });
      await window.screenshot({ path: path.join(screenshots, 'toolbar-app.png') });
    }
    if (screenshots) {
      // The window scrolls; the page's facts are below its links.
      await window.evaluate((element) => {
        const heading = element.querySelector<HTMLElement>('#lr-page-heading')!;
        element.scrollTop = heading.offsetTop - 24;
      });
      await window.screenshot({ path: path.join(screenshots, 'toolbar-page.png') });
      await window.evaluate((element) => {
        element.scrollTop = 0;
      });
    }
    // The keyboard: the row's button moves focus to the outline, which shows its tooltip.
    await window.getByRole('button', { name: /Broken link.*\/pricing-plans\// }).press('Enter');
    const tooltip = highlight.locator('astro-dev-toolbar-tooltip');
    await expect.poll(() => tooltip.getAttribute('data-show')).toBe('true');
    expect(await tooltip.locator('.modal-main-title').first().textContent()).toContain(
      'Broken link',
    );
    expect(await tooltip.locator('.section-content').first().textContent()).toContain(
      'links to /pricing-plans/, which does not exist in the build',
    );
    if (screenshots) {
      // The outline and its tooltip, with a margin.
      const tip = (await tooltip.boundingBox())!;
      const top = Math.max(Math.min(tip.y, box.y) - 16, 0);
      const bottom = Math.max(tip.y + tip.height, box.y + box.height) + 16;
      await page.screenshot({
        path: path.join(screenshots, 'toolbar-highlight.png'),
        clip: {
          x: 0,
          y: top,
          width: Math.max(tip.x + tip.width, box.x + box.width) + 16,
          height: bottom - top,
        },
      });
    }
    // Where the link is written, from Astro's dev annotations of the element.
    expect((await tooltip.locator('.section-content').allTextContents()).join('\n')).toMatch(
      /Written at src\/pages\/launch\.astro:\d+:\d+/,
    );
    // The redirect is a warning: outlined in yellow.
    const redirect = canvas.locator(
      'astro-dev-toolbar-highlight[data-link-report-href="/old-guide/"]',
    );
    expect(await redirect.getAttribute('highlight-style')).toBe('yellow');

    // A link a script adds later is checked when the page settles.
    await page.evaluate(() => {
      const added = document.createElement('a');
      added.href = '/added-later/';
      added.textContent = 'added later';
      document.querySelector('main')!.append(added);
    });
    const later = canvas.locator(
      'astro-dev-toolbar-highlight[data-link-report-href="/added-later/"]',
    );
    await expect.poll(() => later.count(), { timeout: 10_000 }).toBe(1);
    // Closed, its outlines go with it.
    await button.click();
    await expect.poll(() => highlight.isVisible()).toBe(false);
    expect(problems).toEqual([]);
  });
});
