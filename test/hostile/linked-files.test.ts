/**
 * Stylesheets and manifests are written by strangers too (a theme, a copied manifest): each
 * is read once, within its size limit, an `@import` chain or cycle is followed once per
 * file, and JSON nested to exhaust a parser is a finding, not a crash.
 */
import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const site = 'https://example.com';

describe('linked files built to blow up the work', () => {
  it('200 stylesheets that import each other in a ring, loaded by 20 pages', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) {
      files[`css/s${i}.css`] = `@import "s${(i + 1) % 200}.css"; a{background:url(/m${i % 3}.png)}`;
    }
    for (let i = 0; i < 20; i++) {
      files[`p${i}/index.html`] = page('', '<link rel="stylesheet" href="/css/s0.css">');
    }
    const { report } = await runLinkReport({ dir: await writeSite(files), site });
    const broken = report.findings.filter((f) => f.type === 'broken-resource');
    // One finding per reference in a file, not one per page that loads it.
    expect(broken).toHaveLength(200);
    expect(broken[0]!.message).toContain('(loaded by 20 pages)');
  });

  it('a manifest nested 200,000 arrays deep', async () => {
    const dir = await writeSite({
      'index.html': page('', '<link rel="manifest" href="/m.json">'),
      'm.json': `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
    });
    const { report } = await runLinkReport({ dir, site });
    expect(report.findings.map((f) => [f.type, f.details])).toEqual([
      [
        'unreadable-resource',
        {
          target: '/m.json',
          file: '/m.json',
          kind: 'manifest',
          reason: 'it is nested too deeply to read as JSON',
        },
      ],
    ]);
  });

  it('a stylesheet of 20,000 url()s to one missing file', async () => {
    const dir = await writeSite({
      'index.html': page('', '<link rel="stylesheet" href="/a.css">'),
      'a.css': 'a{background:url(/gone.png)}\n'.repeat(20_000),
    });
    const { report } = await runLinkReport({ dir, site });
    expect(report.findings.filter((f) => f.type === 'broken-resource')).toHaveLength(20_000);
    expect(report.groups.filter((g) => g.type === 'broken-resource')).toHaveLength(1);
  });
});
