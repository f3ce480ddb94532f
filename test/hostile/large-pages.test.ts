/**
 * A 200 MB HTML file used to exhaust memory (reading a page takes about 80 times its size).
 * Each HTML file is read up to `htmlLimits.maxBytes` only: a larger one is checked as far as
 * the limit and is a `page-too-large` error, since the rest of it is not checked. The tests
 * use a small limit, not 200 MB, to stay fast.
 */
import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { cli, fixture } from '../cli/helpers.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const site = 'https://example.com';

/** A page of `count` sections, each with an id and a link to a missing page. */
function bigPage(count: number): string {
  const sections = Array.from(
    { length: count },
    (_, i) => `<h2 id="s${i}">Section ${i}</h2><p><a href="/missing-${i}/">missing ${i}</a></p>`,
  );
  return page(sections.join('\n'));
}

describe('an HTML file over the size limit', () => {
  it('is checked up to the limit, reported as an error, and links to its ids are not judged', async () => {
    const html = bigPage(2_000);
    const dir = await writeSite({
      'big/index.html': html,
      'index.html': page('<a href="/big/#s5">early</a><a href="/big/#s1999">late</a>'),
    });
    const maxBytes = 32 * 1024;
    const { report } = await runLinkReport({ dir, site, options: { htmlLimits: { maxBytes } } });
    const tooLarge = report.findings.filter((finding) => finding.type === 'page-too-large');
    expect(tooLarge.map((finding) => [finding.severity, finding.page, finding.details])).toEqual([
      [
        'error',
        '/big/',
        { file: 'big/index.html', bytes: Buffer.byteLength(html), limit: maxBytes },
      ],
    ]);
    expect(tooLarge[0]?.message).toMatch(
      /^big\/index\.html is \d+\.\d KiB, more than the 32 KiB of htmlLimits\.maxBytes: only its first 32 KiB were checked/,
    );
    // The links within the first 32 KiB are checked, the ones after it are not read.
    const broken = report.findings.filter((finding) => finding.type === 'broken-link');
    const expected =
      Buffer.from(html).subarray(0, maxBytes).toString().split('<a href="/missing-').length - 1;
    expect(broken.length).toBeGreaterThan(100);
    expect(broken.length).toBeLessThanOrEqual(expected);
    expect(broken.length).toBeGreaterThanOrEqual(expected - 1);
    expect(report.findings.some((finding) => finding.type === 'broken-fragment')).toBe(false);
  });

  it('is read whole at the default limit, and never cached when cut', async () => {
    const html = bigPage(200);
    const dir = await writeSite({ 'index.html': html });
    const cacheDir = await makeTempDir('cache-');
    const whole = await runLinkReport({ dir, site, cacheDir });
    expect(whole.report.findings.filter((f) => f.type === 'broken-link')).toHaveLength(200);
    const cut = await runLinkReport({
      dir,
      site,
      cacheDir,
      options: { htmlLimits: { maxBytes: 4096 } },
    });
    expect(cut.stats.fromCache).toBe(0);
    expect(cut.stats.htmlBytes).toBe(4096);
    expect(cut.report.findings.filter((f) => f.type === 'broken-link').length).toBeLessThan(60);
    const again = await runLinkReport({ dir, site, cacheDir });
    expect(again.report.findings.filter((f) => f.type === 'broken-link')).toHaveLength(200);
    expect(again.report.findings.some((f) => f.type === 'page-too-large')).toBe(false);
  });

  it('is cut at --html-max-bytes on the command line', async () => {
    // The fixture's home page is 381 bytes, its other page 260.
    const result = await cli([
      fixture('broken-site'),
      '--html-max-bytes',
      '300',
      '--format',
      'json',
    ]);
    const json = JSON.parse(result.stdout) as { findings: { type: string; file: string }[] };
    expect(json.findings.filter((f) => f.type === 'page-too-large').map((f) => f.file)).toEqual([
      'index.html',
    ]);
  });
});
