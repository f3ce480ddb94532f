/**
 * Backlink quality on a built site: bands by the linking site's authority, the followed share,
 * the anchor mix, toxic candidates with their reasons, and disavow-candidates.txt.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createReportJsonSchema,
  renderHtmlReport,
  runLinkReport,
  writeReportFiles,
} from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { fixture } from './helpers.js';

async function run(exports: string[], options = {}) {
  const dir = await writeSite({
    'index.html': page('<h1>Example</h1><a href="/pricing/">Pricing</a>', ''),
    'pricing/index.html': page('<h1>Example pricing</h1><a href="/">Home</a>'),
  });
  const root = await makeTempDir('quality-');
  for (const name of exports) await copyFile(fixture(name), path.join(root, name));
  const { report } = await runLinkReport({
    dir,
    root,
    site: 'https://example.com',
    options: { inbound: exports, reportDir: false, ...options },
  });
  return { dir, report };
}

describe('backlink quality', () => {
  it('bands links by the authority of the linking site, named by its tool', async () => {
    const { report } = await run(['moz-backlinks.csv']);
    const quality = report.inbound!.quality;
    expect(quality.links).toBe(2);
    expect(quality.bands.filter((band) => band.links > 0)).toEqual([
      { band: 'medium', range: '40–59', links: 1, sites: 1 },
      { band: 'very-low', range: '0–19', links: 1, sites: 1 },
    ]);
    expect(quality.bandedBy).toEqual([{ source: 'Moz Domain Authority', links: 2 }]);
  });

  it('counts followed and not followed links, and what the export does not say', async () => {
    const { report } = await run(['ahrefs-api-backlinks.csv']);
    // The lost link (lost_reason) is not counted.
    expect(report.inbound!.quality.rel).toEqual({
      followed: 1,
      notFollowed: 0,
      nofollow: 0,
      ugc: 0,
      sponsored: 0,
      unknown: 0,
    });
  });

  it('sorts anchors into branded, exact-match, URL, generic and other', async () => {
    const { report } = await run(['moz-backlinks.csv', 'ahrefs-backlinks.csv']);
    const mix = report.inbound!.quality.anchors;
    expect(mix.basis).toBe('links');
    expect(mix.brandTerms).toEqual(['example']);
    expect(mix.mix.map((entry) => [entry.kind, entry.links, entry.examples])).toEqual([
      ['branded', 2, ['Example pricing', 'the "Example" calculator']],
      ['url', 1, ['example.com']],
      ['generic', 1, ['click here']],
    ]);
  });

  it('weights an anchor export by its link counts when no link rows give anchors', async () => {
    const { report } = await run(['ahrefs-anchors.csv'], { brandTerms: ['Example Co'] });
    const mix = report.inbound!.quality.anchors;
    expect(mix.basis).toBe('anchor-export');
    expect(mix.brandTerms).toEqual(['example', 'example co']);
    expect(mix.mix.map((entry) => [entry.kind, entry.links])).toEqual([
      ['branded', 33],
      ['url', 9],
      ['generic', 412],
      ['other', 4],
    ]);
  });

  it('names the suspicious linking sites with the reason, and writes them to disavow-candidates.txt', async () => {
    const { dir, report } = await run(['moz-backlinks.csv', 'ahrefs-referring-domains.csv']);
    expect(report.inbound!.quality.toxic).toEqual([
      {
        site: 'spammy.example',
        hosts: ['links.spammy.example'],
        links: 412,
        authority: expect.objectContaining({ source: 'Ahrefs Domain Rating', value: 2 }),
        reasons: [
          {
            code: 'flagged-spam',
            text: 'flagged as spam by the exporting tool (Ahrefs "Is spam")',
          },
          { code: 'spam-score', text: 'Moz Spam Score 84% (over 60%)' },
          {
            code: 'many-links-low-authority',
            text: '412 links from a site with Ahrefs Domain Rating 2 (at least 50 links, authority below 10)',
          },
        ],
        disavow: ['spammy.example'],
        platform: false,
      },
    ]);
    expect(
      report.findings.filter((f) => f.type === 'suspicious-linking-site').map((f) => f.message),
    ).toEqual([
      'spammy.example links to you 412 time(s): flagged as spam by the exporting tool (Ahrefs "Is spam"); Moz Spam Score 84% (over 60%); 412 links from a site with Ahrefs Domain Rating 2 (at least 50 links, authority below 10)',
    ]);
    expect(report.notes).toContain(
      '1 referring domain marked lost by the exporting tool is not counted: example.org',
    );
    const html = renderHtmlReport(report);
    // The linking site shows its host and its metrics.
    expect(html).toContain('links.spammy.example');
    expect(html).toContain('2 (Ahrefs Domain Rating)');
    expect(html).toContain('<h2 id="backlink-quality-title">Backlink quality</h2>');
    expect(html).toContain('disavow-candidates.txt');
    expect(JSON.stringify(createReportJsonSchema())).toContain(
      'Toxic candidates with the reasons (disavow-candidates.txt): never a verdict.',
    );

    const folder = path.join(dir, '_link-report');
    const result = await writeReportFiles(report, {
      htmlDir: folder,
      siteDir: dir,
      insideSite: true,
    });
    expect(result.failures).toEqual([]);
    const text = await readFile(path.join(folder, 'disavow-candidates.txt'), 'utf8');
    expect(text.split('\n').filter((line) => !line.startsWith('#'))).toEqual([
      '',
      'domain:spammy.example',
      '',
    ]);
    expect(text).toContain('# spammy.example: flagged as spam by the exporting tool');
    expect(text).toMatch(
      /^# Disavow candidates for https:\/\/example\.com, from astro-link-report /,
    );
    // The marker lists it, so a later run may replace the folder.
    const marker = JSON.parse(await readFile(path.join(folder, '.astro-link-report'), 'utf8'));
    expect(marker.files).toContain('disavow-candidates.txt');
  });

  it('writes no disavow file when no site is a candidate', async () => {
    const { dir, report } = await run(['ahrefs-backlinks.csv']);
    expect(report.inbound!.quality.toxic).toEqual([]);
    const folder = path.join(dir, '_link-report');
    await writeReportFiles(report, { htmlDir: folder, siteDir: dir, insideSite: true });
    expect(existsSync(path.join(folder, 'index.html'))).toBe(true);
    expect(existsSync(path.join(folder, 'disavow-candidates.txt'))).toBe(false);
  });

  it('follows the toxicLinks thresholds', async () => {
    const { report } = await run(['moz-backlinks.csv'], { toxicLinks: { spamScore: 90 } });
    expect(report.inbound!.quality.toxic).toEqual([]);
  });
});

describe('backlinks listed per page', () => {
  it('lists the 25 from the sites of highest authority and counts every link', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/pricing/">Pricing</a>'),
      'pricing/index.html': page('<a href="/">Home</a>'),
    });
    const rows = Array.from(
      { length: 30 },
      (_, index) => `https://site-${index}.example/,https://example.com/pricing/,Pricing,${index}`,
    );
    const file = path.join(dir, '..', `${path.basename(dir)}-moz.csv`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      file,
      ['Source URL,Target URL,Anchor Text,Domain Authority', ...rows].join('\n'),
    );
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { inbound: [file], reportDir: false },
    });
    const pricing = report.pages.find((p) => p.path === '/pricing/')!.inbound!;
    expect(pricing.incomingLinks).toBe(30);
    expect(pricing.backlinksOmitted).toBe(5);
    expect(pricing.backlinks).toHaveLength(25);
    // The five of lowest authority (DA 0–4) are the ones left out.
    const listed = new Set(pricing.backlinks.map((link) => link.sourceUrl));
    expect([0, 1, 2, 3, 4].some((index) => listed.has(`https://site-${index}.example/`))).toBe(
      false,
    );
  });
});

describe('shared platforms', () => {
  it('never writes domain:blogspot.com: the hosts of a platform are listed, each on its own', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    const file = path.join(dir, '..', `${path.basename(dir)}-moz.csv`);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      file,
      [
        'Source URL,Target URL,Anchor Text,Domain Authority,Spam Score',
        'https://cheap-links.blogspot.com/p/1.html,https://example.com/,x,1,92%',
        'https://good-cook.blogspot.com/2026/recipe.html,https://example.com/,y,1,3%',
      ].join('\n'),
    );
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { inbound: [file], reportDir: false },
    });
    const [candidate] = report.inbound!.quality.toxic;
    expect(candidate).toMatchObject({
      site: 'blogspot.com',
      platform: true,
      disavow: ['cheap-links.blogspot.com', 'good-cook.blogspot.com'],
    });
    const folder = path.join(dir, '_link-report');
    await writeReportFiles(report, { htmlDir: folder, siteDir: dir, insideSite: true });
    const text = await readFile(path.join(folder, 'disavow-candidates.txt'), 'utf8');
    expect(text).not.toContain('domain:blogspot.com');
    expect(text).toContain('# blogspot.com is a shared platform');
    expect(text.split('\n').filter((line) => line.startsWith('domain:'))).toEqual([
      'domain:cheap-links.blogspot.com',
      'domain:good-cook.blogspot.com',
    ]);
  });
});
