/**
 * Regression tests for the redirect advice on lost backlink targets, on built sites (a folder
 * of HTML through `runLinkReport`), with the slugs of real sites where the advice was wrong.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const header = 'Target page,Incoming links,Linking sites';

/** Build `files`, export Search Console's Top target pages for `targets`, and run the report. */
async function run(files: Record<string, string>, targets: string[], options = {}) {
  const dir = await writeSite(files);
  const csv = [header, ...targets.map((target) => `https://example.com${target},5,2`)].join('\n');
  const exportFile = path.join(dir, '..', `${path.basename(dir)}-targets.csv`);
  await writeFile(exportFile, `${csv}\n`);
  const { report } = await runLinkReport({
    dir,
    site: 'https://example.com',
    options: { inbound: [exportFile], reportDir: false, ...options },
  });
  return report;
}

const html = (title: string) => page(`<h1>${title}</h1><a href="/">Home</a>`);

describe('redirects suggested for lost backlink targets', () => {
  it('never sends a lost film article to another film that shares the boilerplate of its slug', async () => {
    const report = await run(
      {
        'index.html': html('Home'),
        'film/index.html': html('Film'),
        'film/arrival-2016-movie-plot-ending-explained/index.html': html('Arrival'),
        'film/interstellar-2014-movie-plot-ending-explained/index.html': html('Interstellar'),
      },
      ['/film/predestination-2014-movie-plot-ending-explained/'],
    );
    const [lost] = report.inbound?.lost ?? [];
    expect(lost).toMatchObject({
      target: '/film/predestination-2014-movie-plot-ending-explained/',
      suggestion: null,
      match: null,
      redirect: null,
      fallback: '/film/',
    });
    const finding = report.findings.find((item) => item.type === 'lost-backlink-target');
    expect(finding?.hint).toBe(
      'No close match among the built pages: restore the page, or redirect it to the page with the same content. Fallback: the section index /film/ (not the same content; a mass redirect there reads as a soft 404).',
    );
  });

  it('sends an .html URL to the page built from the same slug, not a sibling sharing words', async () => {
    const report = await run(
      {
        'index.html': html('Home'),
        'articles/types-of-sutures/index.html': html('Types of sutures'),
        'articles/types-of-needles/index.html': html('Types of needles'),
      },
      ['/articles/types-of-sutures.html'],
    );
    expect(report.inbound?.lost).toMatchObject([
      {
        target: '/articles/types-of-sutures.html',
        suggestion: '/articles/types-of-sutures/',
        match: 'same-page',
        redirect: {
          entry: "'/articles/types-of-sutures.html': '/articles/types-of-sutures/'",
        },
      },
    ]);
  });

  it('follows a section that moved to another folder', async () => {
    const report = await run(
      {
        'index.html': html('Home'),
        'posts/index.html': html('Posts'),
        'posts/why-static-sites-win/index.html': html('Why static sites win'),
        'posts/why-dynamic-sites-lose/index.html': html('Why dynamic sites lose'),
      },
      ['/blog/why-static-sites-win/'],
    );
    expect(report.inbound?.lost).toMatchObject([
      { suggestion: '/posts/why-static-sites-win/', match: 'same-slug', fallback: null },
    ]);
  });

  it('lists backlinks to existing files and tells a missing file to be restored', async () => {
    const report = await run(
      {
        'index.html': html('Home'),
        'files/annual-report-2025.pdf': '%PDF-1.7',
        'img/chart.png': 'png',
      },
      ['/files/annual-report-2025.pdf', '/img/chart.png', '/files/brochure.pdf'],
    );
    expect(report.inbound?.files.map((file) => [file.path, file.incomingLinks])).toEqual([
      ['/files/annual-report-2025.pdf', 5],
      ['/img/chart.png', 5],
    ]);
    expect(report.inbound?.totals).toMatchObject({ incomingLinks: 10, filesWithBacklinks: 2 });
    expect(report.inbound?.lost).toMatchObject([
      { target: '/files/brochure.pdf', kind: 'file', suggestion: null, fallback: null },
    ]);
    const finding = report.findings.find((item) => item.type === 'lost-backlink-target');
    expect(finding?.hint).toBe(
      'No close match among the built files: restore the file, or redirect it to the file with the same content.',
    );
  });

  it('uses the movedPaths option for renames no rule can guess', async () => {
    const report = await run(
      { 'index.html': html('Home'), 'plans/index.html': html('Plans') },
      ['/pricing/'],
      { movedPaths: { '/pricing/': '/plans/' } },
    );
    expect(report.inbound?.lost).toMatchObject([
      { suggestion: '/plans/', match: 'mapped', redirect: { entry: "'/pricing/': '/plans/'" } },
    ]);
  });
});

describe('linking sites of a built site', () => {
  it('reads a renamed internal drill-down as internal links, never as a linking site', async () => {
    const dir = await writeSite({
      'index.html': html('Home'),
      'pricing/index.html': html('Pricing'),
    });
    const file = path.join(dir, '..', `${path.basename(dir)}-links.csv`);
    await writeFile(file, 'Linking page\nhttps://example.com/\nhttps://www.example.com/blog/\n');
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { inbound: [{ file, target: '/pricing/' }], reportDir: false },
    });
    expect(report.inbound?.sources[0]).toMatchObject({
      table: 'search-console-internal-drill-down',
      internalRows: 2,
    });
    expect(report.inbound?.linkingSites).toEqual([]);
    expect(report.inbound?.totals.linkingSites).toBe(0);
    expect(report.findings.find((f) => f.type === 'inbound-source-warning')?.message).toMatch(
      /every linking page \(2\) is on this site \(example\.com\): read as Search Console's internal drill-down/,
    );
  });

  it('counts a Search Console site and the link rows of its hosts as one linking site', async () => {
    const dir = await writeSite({
      'index.html': html('Home'),
      'pricing/index.html': html('Pricing'),
    });
    const sitesFile = path.join(dir, '..', `${path.basename(dir)}-sites.csv`);
    const linksFile = path.join(dir, '..', `${path.basename(dir)}-links.csv`);
    await writeFile(sitesFile, 'Site,Linking pages,Target pages\nblogspot.com,2,1\ncsdn.net,1,1\n');
    await writeFile(
      linksFile,
      [
        'Source url,Target url,Anchor',
        'https://someone.blogspot.com/2026/01/post.html,https://example.com/pricing/,pricing',
        'https://another.blogspot.com/p/links.html,https://example.com/pricing/,example',
        'https://blog.csdn.net/u/article/1,https://example.com/,example',
      ].join('\n'),
    );
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { inbound: [sitesFile, linksFile], reportDir: false },
    });
    expect(
      report.inbound?.linkingSites.map((site) => [site.site, site.hosts, site.linkingPages]),
    ).toEqual([
      ['blogspot.com', ['another.blogspot.com', 'blogspot.com', 'someone.blogspot.com'], 2],
      ['csdn.net', ['blog.csdn.net', 'csdn.net'], 1],
    ]);
    expect(report.inbound?.totals.linkingSites).toBe(2);
    const pricing = report.pages.find((p) => p.path === '/pricing/');
    expect(pricing?.inbound).toMatchObject({ linkingSites: 1, referringDomains: ['blogspot.com'] });
  });
});
