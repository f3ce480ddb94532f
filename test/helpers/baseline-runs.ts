import { type LinkReportResult, runLinkReport } from '../../src/index.js';
import { writeFiles, writeSite } from './site-folder.js';
import { makeTempDir } from './temp-dir.js';

/**
 * A site adopting a baseline, then changing: the first run over `before` writes the
 * baseline file `baseline` (and the run history), `after` is written over the site, and the
 * second run compares with both.
 * @returns the second run's result
 */
export async function runAfterChange(
  before: Record<string, string>,
  after: Record<string, string>,
  baseline: string,
  site = 'https://example.com',
): Promise<LinkReportResult> {
  const dir = await writeSite(before);
  const cacheDir = await makeTempDir('cache-');
  const root = await makeTempDir('work-');
  await runLinkReport({ dir, site, root, cacheDir, options: { baseline, updateBaseline: true } });
  await writeFiles(dir, after);
  return runLinkReport({ dir, site, root, cacheDir, options: { baseline } });
}
