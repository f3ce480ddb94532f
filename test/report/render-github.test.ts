import { beforeAll, describe, expect, it } from 'vitest';
import { renderGithubSummary, runLinkReport } from '../../src/index.js';
import type { Report } from '../../src/report/model/report-schema.js';
import { markdownCode, markdownText } from '../../src/report/render/render-github.js';
import { page, writeSite } from '../helpers/site-folder.js';

describe('the GitHub job summary', () => {
  let report: Report;
  let summary: string;

  beforeAll(async () => {
    const site = await writeSite({
      'index.html': page(
        [
          '<a href="/%C3%BCber-uns/">Über uns</a>',
          '<a href="/about/">here</a>',
          '<a href="/missing/">Missing</a>',
        ].join('\n'),
      ),
      'about/index.html': page('<a href="/">Home</a>\n<a href="/über-uns/">click here</a>'),
      'über-uns/index.html': page(
        [
          '<a href="/">Home</a>',
          '<img src="/gone.png" alt="x">',
          '<a href="/a|b/">Pipe</a>',
          '<a href="/tick`s/">Tick</a>',
          '<a href="/about/">here</a>',
        ].join('\n'),
      ),
    });
    ({ report } = await runLinkReport({
      dir: site,
      site: 'https://example.com',
      options: { reportDir: false },
    }));
    summary = renderGithubSummary(report);
  });

  const rows = () => summary.split('\n').filter((line) => /^\| (error|warning|info) /.test(line));

  it('lists error causes first, then warnings, the most pages first, then by page and line', () => {
    const severities = rows().map((line) => line.split(' | ')[0]!.slice(2));
    expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a < b ? -1 : 1)));
    expect(severities[0]).toBe('error');
    expect(severities).toContain('warning');
    const errors = rows()
      .filter((line) => line.startsWith('| error'))
      .map((line) => line.split(' | ')[2]);
    expect(errors).toEqual(['/', '/über-uns/', '/über-uns/', '/über-uns/']);
    const warnings = rows()
      .filter((line) => line.startsWith('| warning'))
      .map((line) => line.split(' | ')[2]);
    // "here" to /about/ on two pages is one cause; the page is shown decoded.
    expect(warnings).toEqual(['/ and 1 more', '/about/']);
    expect(summary).toContain(
      '| warning | `generic-anchor` | /about/ | `/über-uns/` (7:1) | links to /über-uns/ with the generic text "click here" |',
    );
    // Within a page, by line: the image (line 10) before the links on lines 11 and 12.
    const lines = rows()
      .filter((line) => line.startsWith('| error') && line.includes('/über-uns/ |'))
      .map((line) => Number(/\((\d+):\d+\)/.exec(line)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    const reversed = renderGithubSummary({ ...report, findings: [...report.findings].reverse() });
    expect(reversed).toBe(summary);
  });

  it('escapes HTML, pipes and backticks, and shows paths decoded', () => {
    const image = rows().find((line) => line.includes('gone.png'))!;
    expect(image).toContain('&lt;img src&gt; loads /gone.png');
    expect(image).not.toContain('<img');
    const pipe = rows().find((line) => line.includes('/a'))!;
    expect(pipe).toContain('`/a\\|b/`');
    // Every row has exactly five cells: no unescaped pipe splits one.
    for (const line of rows()) expect(line.split(/(?<!\\)\|/)).toHaveLength(7);
    const tick = rows().find((line) => line.includes('tick'))!;
    expect(tick).toContain('``/tick`s/``');
    expect(summary).toContain('| /über-uns/ |');
    expect(summary).not.toContain('%C3%BC');
  });

  it('writes safe Markdown for any text', () => {
    expect(markdownText('<script>alert(1)</script> a|b *x* _y_ [l](u) & `c`')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; a\\|b \\*x\\* \\_y\\_ \\[l\\](u) &amp; \\`c\\`',
    );
    expect(markdownText('line\nbreak')).toBe('line break');
    expect(markdownCode('/a/')).toBe('`/a/`');
    expect(markdownCode('a``b')).toBe('```a``b```');
    expect(markdownCode('`x')).toBe('`` `x ``');
    expect(markdownCode('a|b')).toBe('`a\\|b`');
  });
});
