// Benchmark of the outbound check: a generated site whose outbound links point at local
// servers (one per "host", each on its own port of 127.0.0.1), some slow, rate limiting,
// flaky, lying about HEAD, behind a bot wall or redirecting. Times a cold check (empty cache)
// and a warm one (all from the cache), counts requests, and counts false "broken" results.
// Usage: npm run bench:external [-- --links 2000 --hosts 300 --runs 3 --concurrency 16]
// Nothing leaves the machine: every URL is on 127.0.0.1. The site goes to bench/sites/.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLinkReport } from '../dist/src/index.js';

const { values } = parseArgs({
  options: {
    links: { type: 'string', default: '2000' },
    hosts: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'per-host': { type: 'string', default: '2' },
  },
});
const links = Number(values.links);
const hostCount = Number(values.hosts);
const runs = Number(values.runs);
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, 'sites', `external-${links}-${hostCount}`);
const cacheRoot = path.join(here, 'sites', `external-${links}-${hostCount}-cache`);

const kinds = ['slow', 'rate-limited', 'flaky', 'lying-head', 'bot-wall', 'redirecting'];
const kindOf = (host) => (host % 20 < kinds.length ? kinds[host % 20] : 'plain');

let requests = 0;
function startHost(kind) {
  let inFlight = 0;
  let limitedOnce = false;
  const failed = new Set();
  const server = http.createServer((req, res) => {
    requests += 1;
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
    });
    const url = req.url ?? '/';
    const send = (status, headers = {}, body = '') => {
      res.writeHead(status, headers);
      res.end(body);
    };
    if (url.startsWith('/missing-')) return send(404);
    if (kind === 'slow') return setTimeout(() => send(200), 250);
    if (kind === 'rate-limited') {
      if (!limitedOnce || inFlight > 2) {
        limitedOnce = true;
        return send(429, { 'retry-after': '1' });
      }
      return send(200);
    }
    if (kind === 'flaky' && !failed.has(url)) {
      failed.add(url);
      return send(503);
    }
    if (kind === 'lying-head') return send(req.method === 'HEAD' ? 404 : 200);
    if (kind === 'bot-wall')
      return send(403, { 'content-type': 'text/html' }, '<title>Just a moment...</title>');
    if (kind === 'redirecting' && !url.startsWith('/new'))
      return send(301, { location: `/new${url}` });
    return send(200);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const servers = await Promise.all(
  Array.from({ length: hostCount }, (_, host) => startHost(kindOf(host))),
);
const origins = servers.map((server) => `http://localhost:${server.address().port}`);

// The site: 20 links a page; a URL is linked from several pages; every 97th link is really broken.
const reallyBroken = new Set();
await rm(dir, { recursive: true, force: true });
for (let pageIndex = 0; pageIndex * 20 < links; pageIndex++) {
  const anchors = [];
  for (let j = 0; j < 20 && pageIndex * 20 + j < links; j++) {
    const n = pageIndex * 20 + j;
    const missing = n % 97 === 0;
    const url = `${origins[n % hostCount]}/${missing ? `missing-${n}` : `page-${Math.floor(n / (hostCount * 2))}`}`;
    if (missing) reallyBroken.add(url);
    anchors.push(`<a href="${url}">link ${n}</a>`);
  }
  const file =
    pageIndex === 0
      ? path.join(dir, 'index.html')
      : path.join(dir, 'p', String(pageIndex), 'index.html');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(
    file,
    `<!doctype html><html lang="en"><head><title>Page ${pageIndex}</title></head><body><main>${anchors.join('\n')}</main></body></html>`,
  );
}

async function check(cacheDir) {
  const before = requests;
  const started = performance.now();
  const { report } = await runLinkReport({
    dir,
    site: 'https://example.com',
    cacheDir,
    options: {
      severity: { 'localhost-link': 'off', 'insecure-outbound': 'off' },
      external: {
        check: true,
        allowPrivateHosts: true,
        concurrency: Number(values.concurrency),
        perHost: Number(values['per-host']),
        timeout: '3s',
        retries: 2,
        maxRetryWait: '2s',
      },
    },
  });
  const ms = performance.now() - started;
  const { stats, urls } = report.outbound.check;
  const falseBroken = urls.filter(
    (entry) => entry.status === 'broken' && !reallyBroken.has(entry.url),
  ).length;
  const missed = [...reallyBroken].filter(
    (url) => !urls.some((entry) => entry.url === url && entry.status === 'broken'),
  ).length;
  return { ms, requests: requests - before, stats, falseBroken, missed };
}

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const cold = [];
const warm = [];
let last;
await rm(cacheRoot, { recursive: true, force: true });
for (let run = 0; run < runs; run++) {
  // Note: a new cache folder per run: the cache keeps its entries in memory for the process
  // too, so the warm run reads them from there (the test suite's many-hosts test checks a
  // second build in another process, which reads them from disk).
  const cacheDir = path.join(cacheRoot, String(run));
  const first = await check(cacheDir);
  const second = await check(cacheDir);
  cold.push(first.ms);
  warm.push(second.ms);
  last = { first, second };
  console.log(
    `run ${run + 1}: cold ${first.ms.toFixed(0)} ms (${first.requests} requests, ${first.falseBroken} false broken, ${first.missed} missed), ` +
      `warm ${second.ms.toFixed(0)} ms (${second.requests} requests)`,
  );
}
console.log(
  `${links} links, ${last.first.stats.urls} distinct URLs on ${hostCount} hosts; ` +
    `median cold ${median(cold).toFixed(0)} ms, warm ${median(warm).toFixed(0)} ms; by status ${JSON.stringify(last.first.stats.byStatus)}`,
);
for (const server of servers) {
  server.closeAllConnections();
  server.close();
}
