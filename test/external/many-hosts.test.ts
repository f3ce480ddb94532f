/**
 * The "done when", at a fifth of its size: a generated site with 600 outbound links
 * to 60 hosts, each a real server on its own port, some slow, rate limiting, flaky, lying
 * about HEAD, behind a bot wall or redirecting. The checker knows none of this; the test knows
 * which links are really broken, and checks that those and only those are reported broken. A
 * second build, in another process, reads the cache and makes no request at all (the servers
 * count them). `npm run bench:external` runs the full size (2,000 links to 300 hosts).
 *
 * Note: about 2 s, longer than most tests: it is the acceptance case of outbound checking, and
 * the rate-limited hosts make it wait for their one-second `Retry-After`.
 */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath } from '../cli/helpers.js';
import { answer, delay, startServer, type TestServer } from '../helpers/http-server.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { checkLinks } from './helpers.js';

type Kind = 'plain' | 'slow' | 'rate-limited' | 'flaky' | 'lying-head' | 'bot-wall' | 'redirecting';

/** Which kind each host is: most are plain. */
function kindOf(host: number): Kind {
  const kinds: Kind[] = ['slow', 'rate-limited', 'flaky', 'lying-head', 'bot-wall', 'redirecting'];
  return host % 20 < kinds.length ? kinds[host % 20]! : 'plain';
}

async function startHost(kind: Kind): Promise<TestServer> {
  let inFlight = 0;
  const failedOnce = new Set<string>();
  return startServer(async (req, res) => {
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
    });
    const url = req.url ?? '/';
    if (url.startsWith('/missing-')) return answer(res, 404);
    switch (kind) {
      case 'slow':
        await delay(250);
        return answer(res, 200);
      case 'rate-limited':
        // The first request is told to come back in a second, and more than 2 at once are refused.
        if (failedOnce.size === 0 || inFlight > 2) {
          failedOnce.add(url);
          return answer(res, 429, { 'retry-after': '1' });
        }
        return answer(res, 200);
      case 'flaky':
        if (!failedOnce.has(url)) {
          failedOnce.add(url);
          return answer(res, 503);
        }
        return answer(res, 200);
      case 'lying-head':
        return answer(res, req.method === 'HEAD' ? 404 : 200);
      case 'bot-wall':
        return answer(res, 403, { 'content-type': 'text/html' }, '<title>Just a moment...</title>');
      case 'redirecting':
        return url.startsWith('/new')
          ? answer(res, 200)
          : answer(res, 301, { location: `/new${url}` });
      default:
        return answer(res, 200);
    }
  });
}

const hostCount = 60;
const pageCount = 30;

describe(`a site with ${pageCount * 20} outbound links to ${hostCount} hosts`, () => {
  it('is checked without a false "broken", and a second build makes no request', async () => {
    const hosts = await Promise.all(
      Array.from({ length: hostCount }, (_, host) => startHost(kindOf(host))),
    );
    // 20 links a page; each host is linked from several pages, a URL often more than once.
    const reallyBroken = new Set<string>();
    const files: Record<string, string> = {};
    for (let pageIndex = 0; pageIndex < pageCount; pageIndex++) {
      const links: string[] = [];
      for (let j = 0; j < 20; j++) {
        const n = pageIndex * 20 + j;
        const host = hosts[n % hostCount]!;
        const missing = n % 97 === 0;
        const target = missing ? `missing-${n}` : `page-${Math.floor(n / (hostCount * 2))}`;
        const url = `${host.origin}/${target}`;
        if (missing) reallyBroken.add(url);
        links.push(`<a href="${url}">link ${n}</a>`);
      }
      files[pageIndex === 0 ? 'index.html' : `p/${pageIndex}/index.html`] = page(links.join('\n'));
    }
    const dir = await writeSite(files);
    const cacheDir = await makeTempDir('cache-');
    const external = {
      check: true,
      allowPrivateHosts: true,
      concurrency: 16,
      perHost: 2,
      timeout: '3s',
      retries: 2,
      maxRetryWait: '2s',
    };

    const { byUrl, stats, result } = await checkLinks(dir, { cacheDir, external });
    expect(result.report.summary.outboundLinks).toBe(pageCount * 20);
    const broken = [...byUrl.values()]
      .filter((entry) => entry.status === 'broken')
      .map((entry) => entry.url);
    expect(new Set(broken)).toEqual(reallyBroken);
    expect(stats.checked).toBe(stats.urls);
    expect(stats.byStatus).toMatchObject({
      timeout: 0,
      'server-error': 0,
      unchecked: 0,
      skipped: 0,
    });
    const statusOfKind = (kind: Kind) =>
      new Set(
        hosts
          .filter((_, host) => kindOf(host) === kind)
          .flatMap((host) =>
            [...byUrl.values()].filter((entry) => entry.url.startsWith(`${host.origin}/page`)),
          )
          .map((entry) => entry.status),
      );
    expect(statusOfKind('bot-wall')).toEqual(new Set(['unverified']));
    expect(statusOfKind('redirecting')).toEqual(new Set(['redirected']));
    for (const kind of ['plain', 'slow', 'rate-limited', 'flaky', 'lying-head'] as const)
      expect(statusOfKind(kind), kind).toEqual(new Set(['ok']));
    for (const host of hosts) expect(host.inFlight.max).toBeLessThanOrEqual(2);
    const requests = hosts.reduce((sum, host) => sum + host.requests.length, 0);
    expect(requests).toBe(stats.requests);

    // The second build: the CLI, in its own process, on the same cache folder.
    const config = path.join(dir, '..', `${path.basename(dir)}.config.json`);
    await writeFile(
      config,
      JSON.stringify({
        site: 'https://example.com',
        severity: { 'localhost-link': 'off', 'insecure-outbound': 'off' },
        external,
      }),
    );
    const json = `${dir}.report.json`;
    const status = await runBinAsync([
      dir,
      '--config',
      config,
      '--cache',
      cacheDir,
      '--json',
      json,
      '--quiet',
    ]);
    expect(status).toBe(0);
    expect(hosts.reduce((sum, host) => sum + host.requests.length, 0)).toBe(requests);
    const second = JSON.parse(await readFile(json, 'utf8'));
    expect(second.outbound.check.stats).toMatchObject({
      urls: stats.urls,
      checked: stats.urls,
      fromCache: stats.urls,
      requests: 0,
    });
  });
});

/** Run the bin without blocking this process: its servers must keep answering. */
function runBinAsync(args: readonly string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}
