import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings/finding.js';
import { runLinkReport } from '../../src/index.js';
import { renderGroups } from '../../src/report/render/render-terminal.js';
import { page, writeSite } from '../helpers/site-folder.js';

/** `line:column` of a finding's link. */
function at(finding: Finding): string {
  const position = finding.link!.position;
  return position.type === 'source' ? `${position.line}:${position.column}` : '?';
}

describe('the terminal list of causes', () => {
  it('names every place a cause is on a page, so none of its findings is hidden', async () => {
    const links = [1, 2, 3, 4, 5, 6].map((n) => `<a href="/gone/">${n}</a>`);
    const dir = await writeSite({
      'index.html': page(links.join('\n')),
      'about/index.html': page('<a href="/gone/">once</a>'),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    const groups = report.groups.filter((group) => group.type === 'broken-link');
    expect(groups).toHaveLength(1);
    const broken = (path: string) =>
      report.findings.filter((finding) => finding.type === 'broken-link' && finding.page === path);
    const home = broken('/').map(at);
    const about = broken('/about/').map(at);
    expect(home).toHaveLength(6);
    expect(about).toHaveLength(1);

    const text = renderGroups(groups, report.findings, { outDir: 'dist', color: false });
    const on = text.split('\n').find((line) => line.trimStart().startsWith('on '));
    expect(on).toBe(
      `        on 2 pages: / (dist/index.html:${home[0]}, ${home.slice(1, 4).join(', ')} and 2 more here), ` +
        `/about/ (dist/about/index.html:${about[0]})`,
    );
  });
});
