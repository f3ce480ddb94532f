/**
 * The CLI reads an earlier report left in a build folder for the site's settings and route
 * sources. That file is as untrusted as the pages: it is validated, and an invalid one is
 * ignored with a note, never used.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { page, writeSite } from '../helpers/site-folder.js';

async function siteWithEarlierReport(site: Record<string, unknown>, file = 'index.html') {
  const dir = await writeSite({
    'index.html': page('<a href="/about/">About</a>'),
    'about/index.html': page('<a href="/">Home</a>'),
  });
  await mkdir(path.join(dir, '_link-report'));
  const earlier = {
    generator: { name: 'astro-link-report', version: '0.1.0' },
    site: {
      site: 'https://example.com/',
      siteKnown: true,
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
      ...site,
    },
    pages: [{ file, source: 'src/pages/index.astro' }],
  };
  await writeFile(path.join(dir, '_link-report', 'report.json'), JSON.stringify(earlier));
  return dir;
}

describe('an earlier report in the build folder', () => {
  it('is used when it is valid', async () => {
    const dir = await siteWithEarlierReport({});
    const { stdout } = await cli([dir, '--format', 'json']);
    const report = JSON.parse(stdout) as { site: { site: string }; notes: string[] };
    expect(report.site.site).toBe('https://example.com');
    expect(report.notes.some((note) => note.startsWith('Astro build found'))).toBe(true);
  });

  it.each([
    ['a base that leads to another host', { base: '/\\evil.example/' }, 'site.base'],
    ['a base that is a full URL', { base: 'https://evil.example/' }, 'site.base'],
    ['a javascript: site', { site: 'javascript:alert(1)' }, 'site.site'],
    ['an unknown build format', { buildFormat: 'weird' }, 'site.buildFormat'],
  ])('is ignored, with a note, when it has %s', async (_, site, field) => {
    const dir = await siteWithEarlierReport(site);
    const { stdout } = await cli([dir, '--format', 'json']);
    const report = JSON.parse(stdout) as {
      site: { site: string | null; base: string };
      notes: string[];
    };
    expect(report.site.site).toBeNull();
    expect(report.site.base).toBe('/');
    const note = report.notes.find((n) => n.startsWith('an earlier report was ignored'));
    expect(note).toContain(path.join(dir, '_link-report', 'report.json'));
    expect(note).toContain(`${field}:`);
  });

  it('is ignored when it names a page outside the output', async () => {
    const dir = await siteWithEarlierReport({}, '../../etc/passwd');
    const { stdout } = await cli([dir, '--format', 'json']);
    const report = JSON.parse(stdout) as { site: { site: string | null }; notes: string[] };
    expect(report.site.site).toBeNull();
    expect(report.notes.some((n) => n.startsWith('an earlier report was ignored'))).toBe(true);
  });
});
