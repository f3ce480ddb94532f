import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { version } from '../../src/version.js';
import { answer, delay, startServer } from '../helpers/http-server.js';
import { checkLinks } from './helpers.js';

describe('the outbound check, against local servers', () => {
  it('reports a response slower than the timeout as timeout, after trying GET too', async () => {
    const server = await startServer(async (_req, res) => {
      await delay(1000);
      answer(res, 200);
    });
    const { byUrl } = await checkLinks([`${server.origin}/slow`], { external: { timeout: 250 } });
    const result = byUrl.get(`${server.origin}/slow`)!;
    expect(result.status).toBe('timeout');
    expect(result.reason).toBe('gave no complete answer within 0.25 s');
    expect(server.requests.map((request) => request.method)).toEqual(['HEAD', 'GET']);
  });

  it('waits for Retry-After (seconds) before retrying a 429, and the retry succeeds', async () => {
    const server = await startServer((_req, res) => {
      if (server.requests.length === 1) answer(res, 429, { 'retry-after': '1' });
      else answer(res, 200);
    });
    const { byUrl } = await checkLinks([`${server.origin}/limited`], {
      external: { maxRetryWait: '2s' },
    });
    expect(byUrl.get(`${server.origin}/limited`)!.status).toBe('ok');
    const [first, second] = server.requests;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
  });

  it('does not wait for a Retry-After longer than maxRetryWait: the URL is unverified at once', async () => {
    const server = await startServer((_req, res) => answer(res, 429, { 'retry-after': '3600' }));
    const { byUrl } = await checkLinks([`${server.origin}/limited`], {
      external: { maxRetryWait: '1s' },
    });
    const result = byUrl.get(`${server.origin}/limited`)!;
    expect(result.status).toBe('unverified');
    expect(result.reason).toContain(
      'asked to wait 3600 s (Retry-After), longer than external.maxRetryWait',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('reports a 429 that lasts through every retry as unverified (rate limited), never broken', async () => {
    const server = await startServer((_req, res) => answer(res, 429));
    const { byUrl, result } = await checkLinks([`${server.origin}/limited`], {
      external: { retries: 2, maxRetryWait: 20 },
    });
    const entry = byUrl.get(`${server.origin}/limited`)!;
    expect(entry.status).toBe('unverified');
    expect(entry.reason).toBe(
      'rate limited: the server answered 429 Too Many Requests after 2 retries',
    );
    // HEAD, then GET and two retries.
    expect(server.requests.map((request) => request.method)).toEqual(['HEAD', 'GET', 'GET', 'GET']);
    expect(result.report.findings.map((finding) => finding.type)).toEqual(['unverified-external']);
  });

  it('retries a 503 with backoff, and reports success when a retry answers', async () => {
    const server = await startServer((_req, res) =>
      answer(res, server.requests.length < 3 ? 503 : 200),
    );
    const { byUrl } = await checkLinks([`${server.origin}/flaky`], { external: { retries: 2 } });
    expect(byUrl.get(`${server.origin}/flaky`)!.status).toBe('ok');
    expect(server.requests.map((request) => request.method)).toEqual(['HEAD', 'GET', 'GET']);
  });

  it('uses GET when HEAD answers 405, and when HEAD answers 404 or 403 wrongly', async () => {
    const server = await startServer((req, res) => {
      if (req.method === 'HEAD')
        answer(res, req.url === '/405' ? 405 : req.url === '/404' ? 404 : 403);
      else answer(res, 200, { 'content-type': 'text/html' }, '<p>fine</p>');
    });
    const urls = ['/405', '/404', '/403'].map((path) => `${server.origin}${path}`);
    const { byUrl, result } = await checkLinks(urls);
    for (const url of urls) {
      expect(byUrl.get(url)).toMatchObject({ status: 'ok', code: 200, method: 'GET' });
    }
    expect(result.report.findings).toEqual([]);
  });

  it('follows a redirect chain, records it, and suggests the URL its permanent redirects end at', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/old') answer(res, 301, { location: '/moved' });
      else if (req.url === '/moved') answer(res, 302, { location: `${server.origin}/today` });
      else answer(res, 200);
    });
    const { byUrl, result } = await checkLinks([`${server.origin}/old#part`]);
    const entry = byUrl.get(`${server.origin}/old`)!;
    expect(entry.status).toBe('redirected');
    expect(entry.chain).toEqual([
      { url: `${server.origin}/old`, status: 301 },
      { url: `${server.origin}/moved`, status: 302 },
    ]);
    expect(entry.redirect).toMatchObject({
      kind: 'permanent',
      destination: `${server.origin}/moved`,
      finalUrl: `${server.origin}/today`,
      suggestion: `${server.origin}/moved`,
    });
    const [finding] = result.report.findings;
    expect(finding).toMatchObject({ type: 'redirected-external', severity: 'info' });
    expect(finding!.message).toBe(
      `links to ${server.origin}/old#part, which redirects permanently (301) to ${server.origin}/moved (then redirects temporarily to ${server.origin}/today)`,
    );
    // The link's fragment is kept in the suggestion.
    expect(finding!.hint).toBe(`Link to ${server.origin}/moved#part directly.`);
  });

  it('reports a temporary redirect in the report, without a finding', async () => {
    const server = await startServer((req, res) =>
      req.url === '/latest' ? answer(res, 302, { location: '/v3/' }) : answer(res, 200),
    );
    const { byUrl, result } = await checkLinks([`${server.origin}/latest`]);
    expect(byUrl.get(`${server.origin}/latest`)).toMatchObject({
      status: 'redirected',
      redirect: { kind: 'temporary', suggestion: null, finalUrl: `${server.origin}/v3/` },
    });
    expect(result.report.findings).toEqual([]);
  });

  it('makes no suggestion when a permanent redirect ends on the home page', async () => {
    const server = await startServer((req, res) =>
      req.url === '/gone' ? answer(res, 301, { location: '/' }) : answer(res, 200),
    );
    const { result } = await checkLinks([`${server.origin}/gone`]);
    const [finding] = result.report.findings;
    expect(finding!.details).toMatchObject({ suggestion: null });
    expect(finding!.hint).toBe(
      `It redirects to the home page of ${server.origin.slice(7)}, so the page may be gone: open both and link to the page that replaced it, or remove the link.`,
    );
  });

  it('detects a redirect loop and reports it broken, with the loop', async () => {
    const server = await startServer((req, res) =>
      answer(res, 302, { location: req.url === '/a' ? '/b' : '/a' }),
    );
    const { byUrl, result } = await checkLinks([`${server.origin}/a`]);
    const entry = byUrl.get(`${server.origin}/a`)!;
    expect(entry.status).toBe('broken');
    expect(entry.reason).toBe(
      `redirects in a loop (${server.origin}/a → ${server.origin}/b → ${server.origin}/a)`,
    );
    expect(result.report.findings.map((finding) => finding.type)).toEqual(['broken-external']);
  });

  it('sends back the cookie a redirect sets, so set-cookie-and-return is not a loop', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/article' && !req.headers.cookie?.includes('seen=1')) {
        answer(res, 302, { location: '/consent', 'set-cookie': 'seen=1; Path=/; HttpOnly' });
      } else if (req.url === '/consent') {
        answer(res, 302, { location: '/article' });
      } else {
        answer(res, 200);
      }
    });
    const { byUrl } = await checkLinks([`${server.origin}/article`]);
    expect(byUrl.get(`${server.origin}/article`)!.status).toBe('redirected');
  });

  it('classifies 404 and 410 as broken, 500 as a server error, 999 and 403 as unverified', async () => {
    const server = await startServer((req, res) => answer(res, Number(req.url!.slice(1))));
    const statuses = [404, 410, 500, 999, 403];
    const { byUrl, result } = await checkLinks(
      statuses.map((status) => `${server.origin}/${status}`),
      { external: { retries: 1, maxRetryWait: 10 } },
    );
    expect(statuses.map((status) => byUrl.get(`${server.origin}/${status}`)!.status)).toEqual([
      'broken',
      'broken',
      'server-error',
      'unverified',
      'unverified',
    ]);
    expect(byUrl.get(`${server.origin}/404`)!.reason).toBe('answers 404 Not Found');
    expect(byUrl.get(`${server.origin}/500`)!.reason).toBe(
      'the server answered 500 Internal Server Error after 1 retry',
    );
    expect(byUrl.get(`${server.origin}/999`)!.reason).toBe(
      'the server answered 999 with a bot block, as LinkedIn sends automated requests',
    );
    expect(byUrl.get(`${server.origin}/403`)!.reason).toBe(
      'the server answered 403 Forbidden, as many servers answer automated checks',
    );
    const types = result.report.findings.map((finding) => [finding.type, finding.severity]);
    expect(types.filter(([type]) => type === 'broken-external')).toHaveLength(2);
    expect(types.filter(([type]) => type === 'unverified-external')).toEqual([
      ['unverified-external', 'info'],
      ['unverified-external', 'info'],
      ['unverified-external', 'info'],
    ]);
    // Broken outbound links are warnings: the build does not fail unless the user asks.
    expect(result.failing).toEqual([]);
  });

  it('counts a bot wall as unverified, also when it answers 503', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/challenge')
        answer(res, 503, { 'cf-mitigated': 'challenge', server: 'cloudflare' });
      else
        answer(
          res,
          403,
          { 'content-type': 'text/html' },
          '<title>Just a moment...</title><div id="challenge-platform"></div>',
        );
    });
    const { byUrl } = await checkLinks([`${server.origin}/challenge`, `${server.origin}/page`], {
      external: { retries: 0 },
    });
    expect(byUrl.get(`${server.origin}/challenge`)).toMatchObject({
      status: 'unverified',
      reason: 'the server answered 503 Service Unavailable with a Cloudflare challenge',
    });
    expect(byUrl.get(`${server.origin}/page`)!.reason).toBe(
      'the server answered 403 Forbidden with a Cloudflare challenge',
    );
  });

  it('reports a connection reset after retries as unverified, not broken', async () => {
    const server = await startServer((req) => {
      req.socket.destroy();
    });
    const { byUrl } = await checkLinks([`${server.origin}/reset`], {
      external: { retries: 1, maxRetryWait: 10 },
    });
    expect(byUrl.get(`${server.origin}/reset`)).toMatchObject({
      status: 'unverified',
      reason: 'the connection was dropped (ECONNRESET)',
    });
    expect(server.requests.map((request) => request.method)).toEqual(['HEAD', 'GET', 'GET']);
  });

  it('reports a refused connection to a loopback port as broken', async () => {
    const port = await closedPort();
    const { byUrl } = await checkLinks([`http://127.0.0.1:${port}/`]);
    expect(byUrl.get(`http://127.0.0.1:${port}/`)).toMatchObject({
      status: 'broken',
      reason: 'refuses connections (ECONNREFUSED)',
    });
  });

  it('does not call a host that does not resolve broken when no public host answered: the network may be down', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const { byUrl, result } = await checkLinks([
      `https://no-such-host.invalid/page`,
      `${server.origin}/`,
    ]);
    expect(byUrl.get('https://no-such-host.invalid/page')).toMatchObject({
      status: 'unverified',
      reason:
        'its host name did not resolve (ENOTFOUND), and no host on a public address answered during that check: the network may have been down',
    });
    expect(result.report.notes).toContain(
      '1 outbound URL(s) had a host name that did not resolve or a refused connection, but no host on a public address answered in this run: the machine may be offline, so they are reported as unverified, not broken',
    );
  });

  it('keeps the per-host limit: never more requests in flight to one host than perHost', async () => {
    const server = await startServer(async (_req, res) => {
      await delay(40);
      answer(res, 200);
    });
    const links = Array.from({ length: 12 }, (_, i) => `${server.origin}/page-${i}`);
    const { stats } = await checkLinks(links, { external: { perHost: 2, concurrency: 10 } });
    expect(stats.byStatus.ok).toBe(12);
    expect(server.inFlight.max).toBe(2);
    expect(server.maxConnections).toBeLessThanOrEqual(2);
  });

  it('keeps the global limit over all hosts', async () => {
    const shared = { now: 0, max: 0 };
    const servers = await Promise.all(
      Array.from({ length: 6 }, () =>
        startServer(
          async (_req, res) => {
            await delay(40);
            answer(res, 200);
          },
          { shared },
        ),
      ),
    );
    const links = servers.flatMap((server) => [1, 2, 3].map((i) => `${server.origin}/${i}`));
    const { stats } = await checkLinks(links, { external: { perHost: 2, concurrency: 3 } });
    expect(stats.byStatus.ok).toBe(18);
    expect(shared.max).toBe(3);
  });

  it('checks a URL once however many pages link to it', async () => {
    const server = await startServer((_req, res) => answer(res, 404));
    const link = `<a href="${server.origin}/missing">a</a>`;
    const { writeSite, page } = await import('../helpers/site-folder.js');
    const dir = await writeSite({
      'index.html': page(link),
      'a/index.html': page(`${link}${link}`),
      'b/index.html': page(`<a href="${server.origin}/missing#x">b</a>`),
    });
    const { byUrl, result } = await checkLinks(dir);
    expect(byUrl.get(`${server.origin}/missing`)).toMatchObject({
      pages: ['/', '/a/', '/b/'],
      links: 4,
    });
    expect(server.requests).toHaveLength(2); // HEAD and GET, once
    expect(result.report.findings.filter((f) => f.type === 'broken-external')).toHaveLength(4);
  });

  it('names the tool, its version and its URL in the User-Agent, and sends a host its own headers only', async () => {
    const other = await startServer((_req, res) => answer(res, 200));
    const own = await startServer((req, res) =>
      req.url === '/to-other'
        ? answer(res, 301, { location: `${other.origin}/landing` })
        : answer(res, 200),
    );
    await checkLinks([`${own.origin}/page`, `${own.origin}/to-other`], {
      external: { headers: { localhost: { Authorization: 'Bearer secret' } } },
    });
    expect(own.requests[0]!.headers['user-agent']).toBe(
      `astro-link-report/${version} (+https://www.npmjs.com/package/astro-link-report)`,
    );
    // Both test servers are on localhost; headers are per host name, so the second server
    // (a different port of the same name) gets them too, and a redirect elsewhere would not.
    expect(own.requests.every((request) => request.headers.authorization === 'Bearer secret')).toBe(
      true,
    );
  });

  it('does not send a host the headers of another host, also not after a redirect', async () => {
    const target = await startServer((_req, res) => answer(res, 200), { ipOrigin: true });
    const own = await startServer((_req, res) =>
      answer(res, 301, { location: `${target.origin}/landing` }),
    );
    await checkLinks([`${own.origin}/moved`], {
      external: { headers: { localhost: { Authorization: 'Bearer secret' } } },
    });
    expect(own.requests[0]!.headers.authorization).toBe('Bearer secret');
    expect(target.requests).toHaveLength(1);
    expect(target.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('makes no request to a second run thanks to the cache, and says the results came from it', async () => {
    const server = await startServer((req, res) => answer(res, req.url === '/gone' ? 410 : 200));
    const links = [`${server.origin}/a`, `${server.origin}/gone`];
    const first = await checkLinks(links);
    const requests = server.requests.length;
    expect(first.stats).toMatchObject({ checked: 2, fromCache: 0 });
    const second = await checkLinks(links, { cacheDir: first.cacheDir });
    expect(server.requests).toHaveLength(requests);
    expect(second.stats).toMatchObject({ checked: 2, fromCache: 2, requests: 0 });
    expect(second.byUrl.get(`${server.origin}/gone`)).toMatchObject({
      status: 'broken',
      fromCache: true,
    });
  });

  it('keeps server errors for cacheErrors and answers for cache', async () => {
    const server = await startServer((req, res) => answer(res, req.url === '/down' ? 503 : 200));
    const links = [`${server.origin}/up`, `${server.origin}/down`];
    const external = { cache: '1d', cacheErrors: '0s', retries: 0 };
    const first = await checkLinks(links, { external });
    server.requests.length = 0;
    await checkLinks(links, { external, cacheDir: first.cacheDir });
    expect(server.requests.map((request) => request.path)).toEqual(['/down', '/down']);
  });

  it('makes no requests when offline: uncached URLs are unchecked', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const { byUrl, stats, result } = await checkLinks([`${server.origin}/a`], {
      external: { offline: true },
    });
    expect(server.requests).toEqual([]);
    expect(byUrl.get(`${server.origin}/a`)).toMatchObject({ status: 'unchecked', checkedAt: null });
    expect(stats).toMatchObject({ checked: 0, requests: 0 });
    expect(result.report.notes).toContain(
      'outbound links: offline, so no requests were made; 1 URL(s) without a cached result are unchecked',
    );
  });

  it('uses cached results of any age when offline', async () => {
    const server = await startServer((_req, res) => answer(res, 404));
    const first = await checkLinks([`${server.origin}/a`], { external: { cache: '0s' } });
    server.requests.length = 0;
    const offline = await checkLinks([`${server.origin}/a`], {
      external: { cache: '0s', offline: true },
      cacheDir: first.cacheDir,
    });
    expect(server.requests).toEqual([]);
    expect(offline.byUrl.get(`${server.origin}/a`)).toMatchObject({
      status: 'broken',
      fromCache: true,
    });
  });

  it('requests nothing on a local address by default, and lists the URL as skipped', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const { byUrl } = await checkLinks([`${server.origin}/a`], {
      external: { allowPrivateHosts: false },
    });
    expect(server.requests).toEqual([]);
    expect(byUrl.get(`${server.origin}/a`)).toMatchObject({
      status: 'skipped',
      reason: 'a local host name, not requested (external.allowPrivateHosts)',
    });
  });

  it('skips URLs matched by skip (globs and regular expressions) and outside onlyHosts', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const host = server.origin.slice('http://'.length);
    const { byUrl } = await checkLinks(
      [
        `${server.origin}/private/x`,
        `${server.origin}/tracking?id=1`,
        `${server.origin}/kept`,
        'https://elsewhere.example/',
      ],
      { external: { skip: [`${host}/private/**`, /tracking\?/], onlyHosts: ['localhost'] } },
    );
    expect(byUrl.get(`${server.origin}/private/x`)!.reason).toBe(
      `matched external.skip (${host}/private/**)`,
    );
    expect(byUrl.get(`${server.origin}/tracking?id=1`)!.reason).toBe(
      'matched external.skip (/tracking\\?/)',
    );
    expect(byUrl.get('https://elsewhere.example/')!.reason).toBe(
      'not on a host of external.onlyHosts',
    );
    expect(byUrl.get(`${server.origin}/kept`)!.status).toBe('ok');
    expect(server.requests.map((request) => request.path)).toEqual(['/kept']);
  });

  it('counts statuses listed in treatAsOk as ok', async () => {
    const server = await startServer((_req, res) => answer(res, 999));
    const { byUrl, result } = await checkLinks([`${server.origin}/in/someone`], {
      external: { treatAsOk: [999] },
    });
    expect(byUrl.get(`${server.origin}/in/someone`)).toMatchObject({
      status: 'ok',
      reason: 'answered 999, listed in external.treatAsOk',
    });
    expect(result.report.findings).toEqual([]);
  });

  it('lists an outbound href that is not a valid URL, reported once as invalid-url', async () => {
    const { byUrl, result } = await checkLinks(['https://exa mple.com/']);
    expect(byUrl.get('https://exa mple.com/')).toMatchObject({ status: 'invalid-url' });
    expect(result.report.findings.map((finding) => [finding.type, finding.message])).toEqual([
      [
        'invalid-url',
        'links to https://exa mple.com/, which is not a valid URL: its host "exa mple.com" holds a space, which no host name may hold',
      ],
    ]);
  });

  it('does not check fragments unless checkFragments is on', async () => {
    const server = await startServer((_req, res) =>
      answer(res, 200, { 'content-type': 'text/html' }, '<h2 id="a">A</h2>'),
    );
    const { byUrl, result } = await checkLinks([`${server.origin}/doc#missing`]);
    expect(byUrl.get(`${server.origin}/doc`)).toMatchObject({
      fragments: [{ fragment: 'missing', found: null }],
      fragmentsNote: 'external.checkFragments is off',
    });
    expect(server.requests.map((request) => request.method)).toEqual(['HEAD']);
    expect(result.report.findings).toEqual([]);
  });

  it('checks fragments against the ids of the linked HTML page with checkFragments', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/file.pdf') answer(res, 200, { 'content-type': 'application/pdf' }, '%PDF');
      else
        answer(
          res,
          200,
          { 'content-type': 'text/html; charset=utf-8' },
          '<h2 id="usage">Usage</h2><h2 id="user-content-install">Install</h2><a name="old"></a>',
        );
    });
    const links = [
      '/doc#usage',
      '/doc#install',
      '/doc#old',
      '/doc#gone',
      '/doc#L10-L20',
      '/file.pdf#intro',
    ].map((path) => `${server.origin}${path}`);
    const { byUrl, result } = await checkLinks(links, { external: { checkFragments: true } });
    expect(byUrl.get(`${server.origin}/doc`)!.fragments).toEqual([
      { fragment: 'gone', found: false },
      { fragment: 'install', found: true },
      { fragment: 'old', found: true },
      { fragment: 'usage', found: true },
    ]);
    expect(byUrl.get(`${server.origin}/file.pdf`)).toMatchObject({
      fragments: [{ fragment: 'intro', found: null }],
      fragmentsNote: 'not an HTML page (application/pdf)',
    });
    expect(result.report.findings.map((finding) => finding.message)).toEqual([
      `links to ${server.origin}/doc#gone, but that page has no element with id "gone"`,
    ]);
    expect(server.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('finds an outbound fragment as written first, then percent-decoded, as browsers do', async () => {
    const server = await startServer((_req, res) =>
      answer(
        res,
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        '<h2 id="a%20b">Encoded id</h2><h2 id="c d">Spaced id</h2><h2 id="faq">FAQ</h2>',
      ),
    );
    const links = ['/doc#a%20b', '/doc#c%20d', '/doc#faq:~:text=free', '/doc#e%20f'].map(
      (path) => `${server.origin}${path}`,
    );
    const { byUrl, result } = await checkLinks(links, { external: { checkFragments: true } });
    expect(byUrl.get(`${server.origin}/doc`)!.fragments).toEqual([
      { fragment: 'a%20b', found: true },
      { fragment: 'c%20d', found: true },
      { fragment: 'e%20f', found: false },
      { fragment: 'faq', found: true },
    ]);
    expect(result.report.findings.map((finding) => finding.link?.href)).toEqual([
      `${server.origin}/doc#e%20f`,
    ]);
  });

  it('reports progress: a start call, then one per URL requested', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const calls: [number, number][] = [];
    await checkLinks([`${server.origin}/a`, `${server.origin}/b`], {
      onExternalProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
