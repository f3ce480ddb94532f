// Side by side with the standalone link checkers, on the same generated site, paired run by
// run (A B C A B C …) so a busy machine does not decide the ratios:
//
//   sudo apt-get install -y linklint
//   npm install --prefix /tmp/peers check-html-links
//   npm run build && node bench/compare.mjs --pages 1000 --runs 3 \
//     --check-html-links /tmp/peers/node_modules/.bin/check-html-links
//
// Each tool runs as its README says on the site folder: astro-link-report's CLI with
// `--format json -q > /dev/null` (cold: an empty cache folder each run, as on a fresh CI
// machine; and with --no-cache), `linklint -root SITE -doc OUT -limit 1000000 -quiet -silent /@`,
// `check-html-links SITE`. Prints medians of wall time, CPU and peak RSS (GNU time) and
// the ratios of the medians. A peer that is not installed is left out, with a message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSiteOnce } from './page-cache.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    seed: { type: 'string', default: '42' },
    'check-html-links': { type: 'string' },
    linklint: { type: 'string', default: 'linklint' },
  },
});
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'dist', 'src', 'cli', 'bin.js');
const site = path.join(here, 'sites', `site-${values.pages}-seed-${values.seed}`);
if (!existsSync(`${site}.manifest.json`)) {
  const generated = spawnSync(
    process.execPath,
    [path.join(here, 'gen-site.mjs'), values.pages, '--out', site, '--seed', values.seed],
    { stdio: 'inherit' },
  );
  if (generated.status !== 0) process.exit(1);
}
readSiteOnce(site);
const work = mkdtempSync(path.join(tmpdir(), 'link-report-compare-'));
const gnuTime = ['/usr/bin/time', '/bin/time'].find((file) => existsSync(file));
const quote = (arg) => `'${arg.replaceAll("'", "'\\''")}'`;

const tools = [
  {
    name: 'astro-link-report (cold)',
    before: () => rmSync(path.join(work, 'cache'), { recursive: true, force: true }),
    command: [
      process.execPath,
      bin,
      site,
      '--format',
      'json',
      '-q',
      '--cache',
      path.join(work, 'cache'),
    ],
  },
  {
    name: 'astro-link-report --no-cache',
    command: [process.execPath, bin, site, '--format', 'json', '-q', '--no-cache'],
  },
];
if (spawnSync('sh', ['-c', `command -v ${quote(values.linklint)}`]).status === 0) {
  tools.push({
    name: 'linklint',
    before: () => rmSync(path.join(work, 'linklint'), { recursive: true, force: true }),
    command: [
      values.linklint,
      '-root',
      site,
      '-doc',
      path.join(work, 'linklint'),
      '-limit',
      '1000000',
      '-quiet',
      '-silent',
      '/@',
    ],
  });
} else {
  console.log('linklint is not installed (apt-get install -y linklint): left out');
}
const chl = values['check-html-links'];
if (chl && existsSync(chl)) {
  tools.push({ name: 'check-html-links', command: [chl, site] });
} else {
  console.log(
    'check-html-links left out: npm install --prefix /tmp/peers check-html-links, then pass --check-html-links /tmp/peers/node_modules/.bin/check-html-links',
  );
}

/** One run: wall seconds, and CPU seconds and peak RSS (MiB) when GNU time is there. */
function measure(tool) {
  tool.before?.();
  const shell = `${tool.command.map(quote).join(' ')} > /dev/null 2> ${quote(path.join(work, 'stderr'))}`;
  const timed = gnuTime ? [gnuTime, '-f', '%U %S %M', 'sh', '-c', shell] : ['sh', '-c', shell];
  const start = performance.now();
  const result = spawnSync(timed[0], timed.slice(1), { encoding: 'utf8' });
  const wall = (performance.now() - start) / 1000;
  const [user, system, rss] = gnuTime
    ? result.stderr.trim().split('\n').pop().split(' ').map(Number)
    : [Number.NaN, 0, Number.NaN];
  return { wall, cpu: user + system, rss: rss / 1024 };
}

const runs = Number(values.runs);
const results = new Map(tools.map((tool) => [tool.name, []]));
for (let run = 0; run < runs; run++) {
  for (const tool of tools) results.get(tool.name).push(measure(tool));
}
rmSync(work, { recursive: true, force: true });

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const medians = new Map(
  [...results].map(([name, list]) => [
    name,
    {
      wall: median(list.map((r) => r.wall)),
      cpu: median(list.map((r) => r.cpu)),
      rss: median(list.map((r) => r.rss)),
      walls: list.map((r) => r.wall.toFixed(2)).join(' '),
    },
  ]),
);
console.log(
  `\n${values.pages} pages (${path.relative(process.cwd(), site)}), ${runs} paired runs, medians:\n`,
);
console.log('| tool | wall | CPU | peak RSS | wall runs |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, m] of medians) {
  console.log(
    `| ${name} | ${m.wall.toFixed(2)} s | ${m.cpu.toFixed(2)} s | ${Math.round(m.rss)} MiB | ${m.walls} |`,
  );
}
const ours = medians.get('astro-link-report (cold)');
for (const peer of ['linklint', 'check-html-links']) {
  const theirs = medians.get(peer);
  if (!theirs) continue;
  console.log(
    `\nastro-link-report (cold) / ${peer}: wall ${(ours.wall / theirs.wall).toFixed(2)}×, CPU ${(ours.cpu / theirs.cpu).toFixed(2)}×, peak RSS ${(ours.rss / theirs.rss).toFixed(2)}×`,
  );
}
