import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { buildAstroSite, copyFixtureSite, privateReportFolder } from './build-fixture.js';

/** Every folder under `dir` that holds the tool's marker file. */
async function reportFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries
    .filter((entry) => path.basename(entry) === '.astro-link-report')
    .map((entry) => path.dirname(entry));
}

describe('the report, private by default', () => {
  it('is kept out of the output, in .astro/integrations/astro-link-report/, with page links to the built files', async () => {
    const root = await copyFixtureSite('broken-link');
    const { error, report, dir } = await buildAstroSite(root, [
      linkReport({ failOn: 'none', reporters: ['junit', 'sarif', 'markdown'] }),
    ]);
    expect(error).toBeNull();
    expect(report!.summary.findings.error).toBe(1);
    // Nothing of the report is deployed.
    expect(await reportFolders(dir)).toEqual([]);
    const folder = privateReportFolder(root);
    expect((await readdir(folder)).sort()).toEqual([
      '.astro-link-report',
      'index.html',
      'junit.xml',
      'report.json',
      'report.sarif',
      'report.schema.json',
      'summary.md',
    ]);
    // Opened from disk, every page link opens a built file.
    const html = await readFile(path.join(folder, 'index.html'), 'utf8');
    const hrefs = [...html.matchAll(/<a class="path" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toContain('../../../dist/index.html');
    for (const href of hrefs) {
      const file = fileURLToPath(new URL(href, pathToFileURL(`${folder}/`)));
      expect(existsSync(file), href).toBe(true);
    }
  });

  it('is published into the output when reportDir names a folder there', async () => {
    const root = await copyFixtureSite('broken-link');
    const { dir } = await buildAstroSite(
      root,
      [linkReport({ failOn: 'none', reportDir: '_link-report' })],
      {},
      '_link-report',
    );
    expect(await reportFolders(dir)).toEqual(['_link-report']);
    expect(existsSync(privateReportFolder(root))).toBe(false);
    const html = await readFile(path.join(dir, '_link-report/index.html'), 'utf8');
    expect(html).toContain('<a class="path" href="/">');
  });
});
