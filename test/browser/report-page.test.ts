/// <reference lib="dom" />
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../core/site-folder.js';
import { browserUnavailableReason, launchChromium } from './chromium.js';

const unavailable = browserUnavailableReason();

describe.skipIf(unavailable !== null)('the report page in Chromium', () => {
  let browser: Browser;
  let reportUrl: string;

  beforeAll(async () => {
    const site = await writeSite({
      'index.html': page(
        '<a href="/a/">Alpha page</a> <a href="/b/">Beta page</a> <a href="/missing/"><img src="x.png" alt="<script>window.__pwned = 1</script>"></a> <a href="/zzz/">"><img src=x onerror="window.__pwned=2"></a>',
      ),
      'a/index.html': page('<a href="/">Home</a> <a href="/b/">Beta</a>'),
      'b/index.html': page('<a href="/">Home</a>'),
      'x.png': '',
    });
    const { report } = await runLinkReport({
      dir: site,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    const out = await mkdtemp(path.join(tmpdir(), 'link-report-html-'));
    await writeFile(path.join(out, 'index.html'), renderHtmlReport(report));
    reportUrl = pathToFileURL(path.join(out, 'index.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no network requests and runs no script from the site', async () => {
    const context = await browser.newContext();
    const pageHandle = await context.newPage();
    const requests: string[] = [];
    pageHandle.on('request', (request) => requests.push(request.url()));
    await pageHandle.goto(reportUrl);
    expect(requests).toEqual([reportUrl]);
    expect(
      await pageHandle.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    expect(await pageHandle.locator('#findings-table').textContent()).toContain('/missing/');
    await context.close();
  });

  it('shows every table without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const pageHandle = await context.newPage();
    await pageHandle.goto(reportUrl);
    expect(await pageHandle.locator('#pages-table tbody tr').count()).toBe(3);
    expect(await pageHandle.locator('button.sort').first().isVisible()).toBe(false);
    await context.close();
  });

  it('sorts a table when a column header is clicked, and filters rows by text', async () => {
    const context = await browser.newContext();
    const pageHandle = await context.newPage();
    await pageHandle.goto(reportUrl);
    const column = (n: number) =>
      pageHandle.$$eval(`#pages-table tbody tr:not([hidden]) td:nth-child(${n})`, (cells) =>
        cells.map((c) => c.textContent),
      );
    await pageHandle.locator('#pages-table button.sort', { hasText: /^Page$/ }).click();
    expect(await column(1)).toEqual(['/b/', '/a/', '/']);
    await pageHandle.locator('#pages-table button.sort', { hasText: /^Page$/ }).click();
    expect(await column(1)).toEqual(['/', '/a/', '/b/']);
    await pageHandle.locator('#pages-table button.sort', { hasText: 'Linking pages' }).click();
    expect(await column(4)).toEqual(['2', '2', '1']);
    await pageHandle.locator('#pages-table button.sort', { hasText: 'Linking pages' }).click();
    expect(await column(4)).toEqual(['1', '2', '2']);
    await pageHandle.locator('input[data-filter="pages-table"]').fill('/a/');
    expect(await column(1)).toEqual(['/a/']);
    await context.close();
  });

  it('is readable on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const pageHandle = await context.newPage();
    await pageHandle.goto(reportUrl);
    const overflow = await pageHandle.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
