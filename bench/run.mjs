// Benchmark: generate a synthetic static site and time the whole pipeline on it.
// Usage: npm run bench [-- --pages 5000 --links 60]
// The site is written to bench/sites/ (gitignored) and reused between runs.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runLinkReport } from '../dist/src/index.js';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '5000' },
    links: { type: 'string', default: '60' },
    runs: { type: 'string', default: '3' },
    workers: { type: 'string' },
  },
});
const pages = Number(values.pages);
const linksPerPage = Number(values.links);
const runs = Number(values.runs);
const here = path.dirname(fileURLToPath(import.meta.url));
const dir = path.join(here, 'sites', `site-${pages}-${linksPerPage}`);

// A deterministic pseudo-random sequence, so every run measures the same site.
let seed = 42;
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

async function generateSite() {
  const sections = ['blog', 'docs', 'guides', 'news', 'tools'];
  const pathOf = (i) => (i === 0 ? '/' : `/${sections[i % sections.length]}/page-${i}/`);
  for (let i = 0; i < pages; i++) {
    const links = [];
    for (let j = 0; j < linksPerPage; j++) {
      const target = Math.floor(random() * pages);
      if (j % 10 === 0)
        links.push(
          `<a href="https://example.org/ref/${target}" rel="nofollow">reference ${target}</a>`,
        );
      else
        links.push(`<a href="${pathOf(target)}#section-${j % 5}">Read about topic ${target}</a>`);
    }
    const body = Array.from(
      { length: 5 },
      (_, s) =>
        `<h2 id="section-${s}">Section ${s}</h2><p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(8)}</p><p>${links.slice(s * (linksPerPage / 5), (s + 1) * (linksPerPage / 5)).join(' ')}</p>`,
    ).join('\n');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page ${i}</title>
<link rel="stylesheet" href="/styles.css"><link rel="canonical" href="https://example.com${pathOf(i)}"></head>
<body><header><nav><a href="/">Home</a> <a href="/blog/page-5/">Blog</a> <a href="/docs/page-1/">Docs</a></nav></header>
<main><h1>Page ${i}</h1><img src="/img/hero.png" alt="Hero">${body}</main>
<footer><a href="/">Home</a> <a href="/tools/page-4/">Tools</a></footer></body></html>`;
    const file = i === 0 ? path.join(dir, 'index.html') : path.join(dir, pathOf(i), 'index.html');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  await mkdir(path.join(dir, 'img'), { recursive: true });
  await writeFile(path.join(dir, 'img', 'hero.png'), '');
  await writeFile(path.join(dir, 'styles.css'), 'body{}');
}

if (!existsSync(path.join(dir, 'index.html'))) {
  console.log(
    `Generating ${pages} pages with ${linksPerPage} links each in ${path.relative(process.cwd(), dir)} …`,
  );
  await generateSite();
}

const times = [];
let report;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  ({ report } = await runLinkReport({
    dir,
    site: 'https://example.com',
    workers: values.workers === undefined ? undefined : Number(values.workers),
    options: { reportDir: false },
  }));
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
const memory = process.memoryUsage();
console.log(
  JSON.stringify(
    {
      pages: report.summary.pages,
      links: report.summary.internalLinks + report.summary.outboundLinks,
      runs,
      workers: values.workers ?? 'auto',
      medianMs: Math.round(median),
      pagesPerSecond: Math.round((report.summary.pages / median) * 1000),
      linksPerSecond: Math.round(
        ((report.summary.internalLinks + report.summary.outboundLinks) / median) * 1000,
      ),
      maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      heapUsedMiB: Math.round(memory.heapUsed / 1024 / 1024),
      findings: report.summary.findings,
    },
    null,
    2,
  ),
);
