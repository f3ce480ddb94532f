/// <reference lib="dom" />
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../src/index.js';
import { runAfterChange } from '../helpers/baseline-runs.js';
import { page } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { browserUnavailableReason, launchChromium } from './chromium.js';

const unavailable = browserUnavailableReason();

// A site adopting a baseline: three broken links accepted, then one fixed and one new.
const before = {
  'index.html': page(
    '<a href="/guides/">Guides</a> <a href="/old-pricing/">Pricing</a> <a href="/team/">Team</a>',
  ),
  'guides/index.html': page('<a href="/">Home</a> <a href="/guides/setup/">Set-up</a>'),
  'guides/setup/index.html': page('<a href="/">Home</a> <a href="/downloads/v1.zip">v1</a>'),
  'about/index.html': page('<a href="/">Home</a>'),
};
const after = {
  'index.html': page('<a href="/guides/">Guides</a> <a href="/old-pricing/">Pricing</a>'),
  'guides/index.html': page(
    '<a href="/">Home</a> <a href="/guides/setup/">Set-up</a> <a href="/guides/deploy/">Deploy</a>',
  ),
};

describe.skipIf(unavailable !== null)('the Changes section in Chromium', () => {
  let browser: Browser;
  let reportUrl: string;

  beforeAll(async () => {
    const { report } = await runAfterChange(before, after, 'link-report.baseline.json');
    const out = await makeTempDir('report-changes-');
    await writeFile(path.join(out, 'index.html'), renderHtmlReport(report));
    reportUrl = pathToFileURL(path.join(out, 'index.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows what is new since the baseline and the last run, and marks new causes first', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const tab = await context.newPage();
    await tab.goto(reportUrl);
    const changes = tab.locator('section#changes');
    await expect.poll(() => changes.isVisible()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as a reader sees it
    const text = await changes.innerText();
    expect(text).toContain('link-report.baseline.json');
    expect(text).toContain('/guides/deploy/');
    expect(text).toContain('/team/');
    // The new broken link is listed before the known ones, with its badge.
    const badges = await tab.locator('.badge-baseline-new, .badge-baseline-known').allInnerTexts();
    expect(badges[0]).toBe('new');
    expect(badges).toContain('known');
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      const images = fileURLToPath(new URL('../../docs/images/', import.meta.url));
      await mkdir(images, { recursive: true });
      await changes.screenshot({ path: path.join(images, 'report-changes.png') });
    }
    await context.close();
  });
});
