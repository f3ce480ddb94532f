/// <reference lib="dom" />
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtmlReport, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { browserUnavailableReason, launchChromium } from './chromium.js';

const unavailable = browserUnavailableReason();

describe.skipIf(unavailable !== null)('the report page in Chromium', () => {
  let browser: Browser;
  let reportUrl: string;
  let longUrl: string;

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
    const out = await makeTempDir('report-html-');
    await writeFile(path.join(out, 'index.html'), renderHtmlReport(report));
    reportUrl = pathToFileURL(path.join(out, 'index.html')).href;

    // 520 pages with long paths: the first 500 rows, and layout at 1280 px.
    const segment = 'a-rather-long-article-slug-about-links';
    const files: Record<string, string> = {
      'index.html': page(
        Array.from(
          { length: 520 },
          (_, i) => `<a href="/${segment}/${segment}/page-${i}/">Page ${i}</a>`,
        ).join('\n'),
      ),
    };
    for (let i = 0; i < 520; i++)
      files[`${segment}/${segment}/page-${i}/index.html`] = page('<a href="/">Home</a>');
    const longSite = await writeSite(files);
    const { report: longReport } = await runLinkReport({
      dir: longSite,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    await writeFile(path.join(out, 'long.html'), renderHtmlReport(longReport));
    longUrl = pathToFileURL(path.join(out, 'long.html')).href;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no network requests and runs no script from the site', async () => {
    const context = await browser.newContext();
    const pageHandle = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    pageHandle.on('request', (request) => requests.push(request.url()));
    pageHandle.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await pageHandle.goto(reportUrl);
    expect(requests).toEqual([reportUrl]);
    // Its own scripts and style run under its Content-Security-Policy; nothing else would.
    expect(
      await pageHandle
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content'),
    ).toMatch(/^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+'; style-src 'sha256-/);
    await pageHandle.locator('#findings-table button.sort').first().click();
    expect(errors).toEqual([]);
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
    const paths = () =>
      pageHandle.$$eval('#pages-table tbody tr:not([hidden]) td:nth-child(1) a.path', (cells) =>
        cells.map((c) => c.textContent),
      );
    const column = (n: number) =>
      pageHandle.$$eval(`#pages-table tbody tr:not([hidden]) td:nth-child(${n})`, (cells) =>
        cells.map((c) => c.textContent),
      );
    // Text sorts A to Z first, numbers largest first.
    await pageHandle.locator('#pages-table button.sort', { hasText: /^Page$/ }).click();
    expect(await paths()).toEqual(['/', '/a/', '/b/']);
    await pageHandle.locator('#pages-table button.sort', { hasText: /^Page$/ }).click();
    expect(await paths()).toEqual(['/b/', '/a/', '/']);
    await pageHandle.locator('#pages-table button.sort', { hasText: 'Linking pages' }).click();
    expect(await column(2)).toEqual(['2', '2', '1']);
    await pageHandle.locator('#pages-table button.sort', { hasText: 'Linking pages' }).click();
    expect(await column(2)).toEqual(['1', '2', '2']);
    await pageHandle.locator('input[data-filter="pages-table"]').fill('/a/');
    // The filter waits for a pause in typing.
    await pageHandle.waitForFunction(
      () => document.querySelectorAll('#pages-table tbody tr:not([hidden])').length === 1,
    );
    expect(await paths()).toEqual(['/a/']);
    expect(await pageHandle.locator('#pages .table-status span').textContent()).toBe(
      '1 of 3 rows match.',
    );
    await pageHandle.locator('input[data-filter="pages-table"]').fill('');
    await pageHandle.waitForFunction(
      () => document.querySelectorAll('#pages-table tbody tr:not([hidden])').length === 3,
    );
    expect(await pageHandle.locator('#pages .table-status').isVisible()).toBe(false);
    await context.close();
  });

  it('filters once per pause in typing, from text read once per row', async () => {
    const context = await browser.newContext();
    const pageHandle = await context.newPage();
    await pageHandle.goto(reportUrl);
    const hiddenRightAway = await pageHandle.evaluate(() => {
      const input = document.querySelector('input[data-filter="pages-table"]') as HTMLInputElement;
      for (const value of ['/', '/b', '/b/']) {
        input.value = value;
        input.dispatchEvent(new Event('input'));
      }
      return document.querySelectorAll('#pages-table tbody tr[hidden]').length;
    });
    // Nothing is filtered while typing goes on; the filter runs after a 150 ms pause.
    expect(hiddenRightAway).toBe(0);
    await pageHandle.waitForFunction(
      () => document.querySelectorAll('#pages-table tbody tr[hidden]').length === 2,
    );
    const cached = await pageHandle.$$eval('#pages-table tbody tr', (rows) =>
      rows.map((row) => typeof (row as unknown as { _text?: string })._text),
    );
    expect(cached).toEqual(['string', 'string', 'string']);
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
    const layout = await pageHandle.evaluate(() => {
      const title = document.querySelector('h1')!;
      const nav = document.querySelector('nav.toc')!.getBoundingClientRect();
      const summary = document.querySelector('#summary h2')!.getBoundingClientRect();
      // Table cells are cards here: every shown cell has a label and some content.
      const cells = [...document.querySelectorAll('main td')].filter(
        (cell) => (cell as HTMLElement).offsetParent !== null,
      );
      return {
        titleFits: title.scrollWidth <= title.clientWidth,
        gap: summary.top - nav.bottom,
        emptyCells: cells.filter((cell) => cell.textContent === '').length,
        unlabelled: cells.filter(
          (cell) => getComputedStyle(cell, '::before').content.replace(/"/g, '') === '',
        ).length,
        cells: cells.length,
        // Column headers are for screen readers only here: none may show over the cards.
        shownHeaders: [...document.querySelectorAll('thead')].filter((head) => {
          const rect = head.getBoundingClientRect();
          return rect.width > 1 || rect.height > 1;
        }).length,
      };
    });
    expect(layout.titleFits).toBe(true);
    expect(layout.gap).toBeLessThan(60);
    expect(layout.cells).toBeGreaterThan(10);
    expect(layout.emptyCells).toBe(0);
    expect(layout.unlabelled).toBe(0);
    expect(layout.shownHeaders).toBe(0);
    await context.close();
  });

  it('fits the pages table in a 1280 px window, wrapping paths at slashes', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const pageHandle = await context.newPage();
    await pageHandle.goto(longUrl);
    const layout = await pageHandle.evaluate(() => {
      const wrap = document.querySelector('#pages .table-wrap')!;
      const code = document.querySelector('#pages-table a.path code') as HTMLElement;
      const range = document.createRange();
      range.selectNodeContents(code);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      return {
        overflow: wrap.scrollWidth - wrap.clientWidth,
        pageColumn: (document.querySelector('#pages-table td') as HTMLElement).offsetWidth,
        lines: lines.size,
      };
    });
    expect(layout.overflow).toBeLessThanOrEqual(0);
    expect(layout.pageColumn).toBeGreaterThanOrEqual(250);
    // A path of three long segments wraps at most at its two inner slashes.
    expect(layout.lines).toBeLessThanOrEqual(3);
    await context.close();
  });

  it('shows the first 500 rows of a long table, and all of them on request', async () => {
    const context = await browser.newContext();
    const pageHandle = await context.newPage();
    await pageHandle.goto(longUrl);
    const shown = () => pageHandle.locator('#pages-table tbody tr:not([hidden])').count();
    expect(await shown()).toBe(500);
    expect(await pageHandle.locator('#pages .table-status span').textContent()).toBe(
      'Showing 500 of 521 rows.',
    );
    await pageHandle.locator('#pages button.show-all').click();
    expect(await shown()).toBe(521);
    await pageHandle.locator('input[data-filter="pages-table"]').fill('page-51');
    await pageHandle.waitForFunction(
      () => document.querySelectorAll('#pages-table tbody tr:not([hidden])').length === 11,
    );
    await context.close();
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(longUrl);
    expect(await plain.locator('#pages-table tbody tr:visible').count()).toBe(521);
    expect(await plain.locator('label.filter').first().isVisible()).toBe(false);
    await noScript.close();
  });
});
