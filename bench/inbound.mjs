// Benchmark of the backlink import: generate an Ahrefs backlinks export (UTF-8, comma, the
// real 35-column header, invented rows) and a small site it links to, then time importing it.
//
// Usage: npm run build && node bench/inbound.mjs [--rows 200000] [--runs 3] [--mode import|run]
//   import  loadInbound + joinInbound (the import the speed target is about)
//   run     the whole pipeline on the site with the export, report files written
//
// Each run is a fresh child process, so its peak RSS is its own. The export and the site are
// written to bench/sites/ (gitignored) and reused. For one measured process with
// /usr/bin/time -v, add --child (it runs once, in this process):
//   /usr/bin/time -v node bench/inbound.mjs --child --mode import
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '3' },
    mode: { type: 'string', default: 'import' },
    child: { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const here = path.dirname(fileURLToPath(import.meta.url));
const folder = path.join(here, 'sites', `inbound-${rows}`);
const exportFile = path.join(folder, 'ahrefs-backlinks.csv');
const siteDir = path.join(folder, 'site');
const targetCount = 2000;
const builtTargets = 1800; // the rest are lost targets

const header =
  '#,Referring page title,Referring page URL,Language,Platform,Referring page HTTP code,Domain rating,UR,Domain traffic,Referring domains,Linked domains,External links,Page traffic,Keywords,Target URL,Left context,Anchor,Right context,Redirect Chain URLs,Redirect Chain status codes,Type,Content,Nofollow,UGC,Sponsored,Rendered,Raw,Lost status,Drop reason,Discovered status,First seen,Last seen,Lost,Author,Links in group';

// A deterministic pseudo-random sequence (mulberry32), so every run measures the same export.
let seed = 7;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const words = [
  'pricing',
  'guide',
  'review',
  'best',
  'tools',
  'calculator',
  'how',
  'to',
  'compare',
  'plans',
  'budget',
  'tips',
  'examples',
  'template',
  'checklist',
  'news',
  'update',
  'forum',
  'thread',
];
const targetPath = (index) => `/section-${index % 20}/article-${index}-${pick(words)}/`;
const targetPaths = Array.from({ length: targetCount }, (_, index) => targetPath(index));

function quote(cell) {
  return /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

async function generate() {
  await mkdir(folder, { recursive: true });
  const out = createWriteStream(exportFile);
  const write = (text) =>
    out.write(text) ? undefined : new Promise((resolve) => out.once('drain', resolve));
  await write(`${header}\n`);
  for (let row = 1; row <= rows; row++) {
    const domain = `site-${Math.floor(random() * 5000)}.${pick(['com', 'org', 'net', 'co.uk', 'blogspot.com'])}`;
    const host = random() < 0.3 ? `blog.${domain}` : `www.${domain}`;
    const source = `https://${host}/${pick(words)}/${Math.floor(random() * 1e6)}/${pick(words)}-${pick(words)}?ref=${row % 97}`;
    const target = `https://example.com${targetPaths[Math.floor(random() * targetCount)]}`;
    const title = `${pick(words)} ${pick(words)}, ${pick(words)} "${pick(words)}" 🚀 ${row}`;
    const anchor = random() < 0.1 ? 'click here' : `${pick(words)} ${pick(words)}`;
    const nofollow = random() < 0.3;
    const lost = random() < 0.05 ? '2026-02-01 00:00:00' : '';
    const cells = [
      String(row),
      title,
      source,
      'en',
      pick(['Blogs', 'CMS', 'Forums']),
      '200',
      (random() * 90).toFixed(1),
      (random() * 40).toFixed(1),
      String(Math.floor(random() * 1e5)),
      String(Math.floor(random() * 500)),
      String(Math.floor(random() * 200)),
      String(Math.floor(random() * 80)),
      String(Math.floor(random() * 1e4)),
      String(Math.floor(random() * 300)),
      target,
      `left, ${pick(words)}`,
      anchor,
      `${pick(words)}`,
      '',
      '',
      'text',
      'true',
      String(nofollow),
      String(random() < 0.05),
      String(random() < 0.02),
      'false',
      'true',
      '',
      '',
      '',
      `2025-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)} 02:37:34`,
      '2026-05-01 10:00:00',
      lost,
      '',
      '1',
    ];
    await write(`${cells.map(quote).join(',')}\n`);
  }
  await new Promise((resolve) => out.end(resolve));

  const page = (title, body) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  const links = targetPaths
    .slice(0, builtTargets)
    .map((target) => `<a href="${target}">${target}</a>`)
    .join(' ');
  await mkdir(siteDir, { recursive: true });
  await writeFile(path.join(siteDir, 'index.html'), page('Home', links));
  for (const target of targetPaths.slice(0, builtTargets)) {
    const file = path.join(siteDir, target, 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, page(target, '<a href="/">Home</a>'));
  }
}

async function measureOnce(mode) {
  const api = await import('../dist/src/index.js');
  const start = performance.now();
  let summary;
  if (mode === 'import') {
    const data = await api.loadInbound([exportFile], { root: folder });
    summary = {
      sources: data.sources.map((source) => ({
        status: source.status,
        rows: source.rows,
        table: source.table,
      })),
      links: data.links.length,
      linkingSites: data.linkingSites.length,
    };
  } else {
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'inbound-bench-'));
    const result = await api.runLinkReport({
      dir: siteDir,
      site: 'https://example.com',
      root: folder,
      options: { inbound: [exportFile], reportDir: false },
    });
    const reporter = api.createReportFilesReporter({ htmlDir: path.join(reportDir, 'report') });
    await reporter.report(
      { ...result, failOn: result.options.failOn, outDir: siteDir },
      { log: { info() {}, warn() {}, error() {} }, stdout: process.stdout, env: {}, cwd: folder },
    );
    await rm(reportDir, { recursive: true, force: true });
    summary = {
      incomingLinks: result.report.inbound?.totals.incomingLinks,
      lostTargets: result.report.inbound?.totals.lostTargets,
    };
  }
  const ms = performance.now() - start;
  return {
    ms: Math.round(ms),
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    summary,
  };
}

if (!existsSync(exportFile)) {
  console.error(`Generating ${rows} rows in ${path.relative(process.cwd(), exportFile)} …`);
  await generate();
}

if (values.child) {
  console.log(JSON.stringify(await measureOnce(values.mode)));
} else {
  const results = [];
  for (let run = 0; run < Number(values.runs); run++) {
    const output = execFileSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--child', '--rows', String(rows), '--mode', values.mode],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    results.push(JSON.parse(output.trim().split('\n').at(-1)));
  }
  const times = results.map((result) => result.ms).sort((a, b) => a - b);
  console.log(
    JSON.stringify(
      {
        rows,
        mode: values.mode,
        runs: results.length,
        medianMs: times[Math.floor(times.length / 2)],
        timesMs: results.map((result) => result.ms),
        maxRssMiB: Math.max(...results.map((result) => result.maxRssMiB)),
        summary: results[0].summary,
      },
      null,
      2,
    ),
  );
}
