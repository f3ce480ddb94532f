/**
 * The adoption story, on a real `astro build`: a site with 60 broken links commits
 * a baseline, and the next change fails only on the link it broke; fixing old ones is said.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { buildAstroSite, copyFixtureSite } from './build-fixture.js';

const page = 'src/pages/index.astro';

describe('a baseline in the integration', () => {
  it('lets a site with 60 broken links adopt the check, then fails only on a new one', async () => {
    const root = await copyFixtureSite('many-broken');
    const build = (options: Parameters<typeof linkReport>[0]) =>
      buildAstroSite(
        root,
        [linkReport({ reportDir: '_link-report', ...options })],
        {},
        '_link-report',
      );

    // Without a baseline the build fails on the 60 links.
    const strict = await build({});
    expect(strict.error?.message).toMatch(/^astro-link-report: 60 problems fail/);

    const written = await build({ baseline: 'link-report.baseline.json', updateBaseline: true });
    expect(written.error).toBeNull();
    const baseline = JSON.parse(
      await readFile(path.join(root, 'link-report.baseline.json'), 'utf8'),
    );
    expect(baseline.findings).toHaveLength(60);

    const known = await build({ baseline: 'link-report.baseline.json' });
    expect(known.error).toBeNull();
    expect(known.report?.baseline).toMatchObject({ known: 60, new: 0, fixedCount: 0 });
    expect(known.report?.findings.every((f) => f.baseline === 'known')).toBe(true);

    // The pull request: one old link fixed, one new link broken.
    const source = await readFile(path.join(root, page), 'utf8');
    await writeFile(
      path.join(root, page),
      source
        .replace('length: 60', 'length: 59')
        .replace('</ul>', '</ul>\n      <a href="/pricing/">Pricing</a>'),
    );
    const next = await build({ baseline: 'link-report.baseline.json' });
    expect(next.error?.message).toMatch(/^astro-link-report: 1 problem fails/);
    expect(next.error?.message).toContain('/pricing/');
    expect(next.error?.message).not.toContain('/missing-');
    expect(next.report?.baseline).toMatchObject({ known: 59, new: 1, fixedCount: 1 });
    expect(next.report?.baseline?.fixed.map((entry) => entry.target)).toEqual(['/missing-59/']);
  });
});
