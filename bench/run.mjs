// Benchmark: the whole CLI (discover → report JSON written) on a generated site of pages of
// real weight (bench/gen-site.mjs: head metadata, inline scripts, styles and SVG, islands,
// code blocks; about 47 KB a page), cold and warm, checked against the site's ground truth.
//
//   npm run bench                                  # 1,000 pages, 3 cold and 3 warm runs
//   npm run bench -- --pages 10000 --runs 1 --workers 0
//
// Each run is a fresh process, as in CI. Cold: no cache. Warm: the cache of the run before,
// with 1 % of the pages changed. Prints per-stage times, pages/s, MB/s, CPU and peak RSS.
// Sites are written to bench/sites/ (gitignored) and reused.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readSiteOnce } from './page-cache.mjs';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string' },
    seed: { type: 'string', default: '42' },
    cold: { type: 'boolean', default: false },
  },
});
const pages = Number(values.pages);
const runs = Number(values.runs);
const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'dist', 'src', 'cli', 'bin.js');
const site = path.join(here, 'sites', `site-${pages}-seed-${values.seed}`);
const manifestFile = `${site}.manifest.json`;

if (!existsSync(manifestFile)) {
  console.log(`Generating ${pages} pages into ${path.relative(process.cwd(), site)} …`);
  const generated = spawnSync(
    process.execPath,
    [path.join(here, 'gen-site.mjs'), String(pages), '--out', site, '--seed', values.seed],
    { stdio: 'inherit' },
  );
  if (generated.status !== 0) process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
readSiteOnce(site);

const work = mkdtempSync(path.join(tmpdir(), 'link-report-bench-'));
const cacheDir = path.join(work, 'cache');
const reportFile = path.join(work, 'report.json');
const rusage = path.join(here, 'rusage.mjs');

/** One CLI run in a fresh process: its timings line, CPU, peak RSS and wall time. */
function runOnce(cache) {
  const args = [
    '--import',
    rusage,
    bin,
    site,
    '--site',
    manifest.site,
    '--format',
    'json',
    '-q',
    '--timings',
    ...(cache ? ['--cache', cacheDir] : ['--no-cache']),
    ...(values.workers === undefined ? [] : ['--workers', values.workers]),
  ];
  const out = openSync(reportFile, 'w');
  const start = performance.now();
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
  });
  const wall = (performance.now() - start) / 1000;
  closeSync(out);
  if (result.status !== 0 && result.status !== 1) {
    console.error(result.stderr);
    process.exit(1);
  }
  const timings = /^timings: (.*)$/m.exec(result.stderr)?.[1] ?? '';
  const usage = JSON.parse(/^bench-rusage (.*)$/m.exec(result.stderr)[1]);
  return {
    wall,
    cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    rss: usage.maxRSS / 1024,
    timings,
    stages: Object.fromEntries(
      [...timings.matchAll(/(\w+) ([\d,]+) ms/g)].map(([, stage, ms]) => [
        stage,
        Number(ms.replaceAll(',', '')),
      ]),
    ),
  };
}

/** Every page file, from the first report. */
let pageFiles = [];
const edit = /<!-- bench edit \d+ -->/;

/** Change 1 % of the pages (a comment before </body>): new content, the same findings. */
function touchOnePercent(round) {
  for (let i = round % 100; i < pageFiles.length; i += 100) {
    const file = path.join(site, pageFiles[i]);
    const html = readFileSync(file, 'utf8').replace(edit, '');
    writeFileSync(file, html.replace('</body>', `<!-- bench edit ${round} --></body>`));
  }
}

/** Undo `touchOnePercent`, so the site stays as generated. */
function restorePages() {
  for (const page of pageFiles) {
    const file = path.join(site, page);
    const html = readFileSync(file, 'utf8');
    if (edit.test(html)) writeFileSync(file, html.replace(edit, ''));
  }
}

/** Findings against the manifest's ground truth: broken links, broken fragments, orphans. */
function checkGroundTruth() {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  pageFiles = report.pages.map((page) => page.file).sort();
  const rows = (type) =>
    report.findings
      .filter((finding) => finding.type === type)
      .map((finding) => `${finding.page} ${finding.link.href}`)
      .sort();
  const expected = (pairs) => pairs.map(([from, href]) => `${from} ${href}`).sort();
  const same = (a, b) => a.length === b.length && a.every((row, i) => row === b[i]);
  const orphans = report.orphans.orphans.map((orphan) => orphan.path).sort();
  return [
    [
      'broken links',
      same(rows('broken-link'), expected(manifest.brokenInternal)),
      manifest.brokenInternal.length,
    ],
    [
      'broken fragments',
      same(rows('broken-fragment'), expected(manifest.brokenFragments)),
      manifest.brokenFragments.length,
    ],
    ['orphans', same(orphans, [...manifest.orphans].sort()), manifest.orphans.length],
  ];
}

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const mb = manifest.htmlBytes / 1e6;

function summarize(label, results) {
  const wall = median(results.map((r) => r.wall));
  const stages = Object.keys(results[0].stages)
    .map(
      (stage) =>
        `${stage} ${median(results.map((r) => r.stages[stage] ?? 0)).toLocaleString('en-US')} ms`,
    )
    .join(', ');
  console.log(
    `${label}: ${results.length} run${results.length === 1 ? '' : 's'}, median ${wall.toFixed(2)} s wall ` +
      `(${results.map((r) => r.wall.toFixed(2)).join(' ')}), ${median(results.map((r) => r.cpu)).toFixed(2)} s CPU, ` +
      `${Math.round(pages / wall).toLocaleString('en-US')} pages/s, ${(mb / wall).toFixed(1)} MB/s, ` +
      `peak RSS ${Math.round(median(results.map((r) => r.rss)))} MiB`,
  );
  console.log(`  ${stages}`);
  return wall;
}

try {
  console.log(
    `${manifest.pages.toLocaleString('en-US')} pages, ${mb.toFixed(1)} MB of HTML (${path.relative(process.cwd(), site)}), ` +
      `workers: ${values.workers ?? 'default'}`,
  );
  const cold = [];
  for (let run = 0; run < runs; run++) cold.push(runOnce(false));
  const coldWall = summarize('cold (no cache)', cold);
  const truth = checkGroundTruth();
  if (!values.cold) {
    rmSync(cacheDir, { recursive: true, force: true });
    runOnce(true); // fills the cache
    const warm = [];
    for (let run = 1; run <= runs; run++) {
      touchOnePercent(run);
      warm.push(runOnce(true));
    }
    const warmWall = summarize('warm (1 % of pages changed)', warm);
    console.log(`  warm / cold: ${(warmWall / coldWall).toFixed(2)}`);
    truth.push(...checkGroundTruth().map(([name, ok, n]) => [`${name} (warm)`, ok, n]));
    restorePages();
  }
  console.log(
    `ground truth: ${truth.map(([name, ok, n]) => `${n} ${name} ${ok ? 'as expected' : 'DIFFERENT'}`).join(', ')}`,
  );
  if (truth.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
