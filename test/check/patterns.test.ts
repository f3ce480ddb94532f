import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const typesOf = (report: Awaited<ReturnType<typeof runLinkReport>>['report']) =>
  report.findings.map((f) => `${f.type} ${f.link?.href ?? JSON.stringify(f.details)}`);

describe('placeholders and ignore patterns', () => {
  it('reports a punctuation-only fragment link on its own page as a placeholder, not an error', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="#_">Andromeda</a> <a href="#!">Menu</a> <a href="#x">Typo</a>'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(typesOf(report)).toEqual([
      'placeholder-fragment #_',
      'placeholder-fragment #!',
      'broken-fragment #x',
    ]);
    const placeholder = report.findings[0]!;
    expect(placeholder.severity).toBe('info');
    expect(placeholder.message).toBe(
      'links to #_, a placeholder: no element has that id, so it goes nowhere',
    );
  });

  it('matches ignore.links globs against the href as written, and warns about a pattern that matches nothing', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<a href="#x">Typo</a> <a href="/gone/">Gone</a> <a href="https://example.org/a">Out</a>',
      ),
    });
    const { report } = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: {
        ignore: {
          links: ['#x', '/gone/**', 'https://example.org/**', '/legacy/**'],
          pages: ['/drafts/**'],
        },
      },
    });
    expect(typesOf(report)).toEqual([
      'unused-ignore-pattern {"option":"ignore.links","pattern":"/legacy/**"}',
      'unused-ignore-pattern {"option":"ignore.pages","pattern":"/drafts/**"}',
    ]);
    expect(report.findings[0]!.message).toBe(
      'the ignore.links pattern "/legacy/**" matches no link',
    );
  });

  it('says that nothing was checked when every page is ignored', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/gone/">Gone</a>') });
    const { report } = await runLinkReport({ dir, options: { ignore: { pages: ['/**'] } } });
    const nothing = report.findings.find((f) => f.type === 'nothing-checked');
    expect(nothing?.message).toBe(
      'nothing was checked: every one of the 1 pages is ignored by ignore.pages',
    );
  });
});

describe('generic anchors that name their target', () => {
  it('does not flag a table-of-contents link named like its heading, or code naming the page it links to', async () => {
    const dir = await writeSite({
      'index.html': page(
        [
          '<h2 id="details">Details</h2>',
          '<nav><a href="#details">Details</a></nav>',
          '<a href="https://developer.mozilla.org/en-US/docs/Web/HTML/Element/details"><code>&lt;details&gt;</code></a>',
          '<a href="/more/">More</a>',
          '<a href="/about/">details</a>',
        ].join('\n'),
      ),
      'more/index.html': page('<a href="/">Home</a>', ''),
      'about/index.html': page('<a href="/">Home</a>'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(
      report.findings.filter((f) => f.type === 'generic-anchor').map((f) => f.link?.href),
    ).toEqual(['/about/']);
  });

  it('shows a link text without the quotes around it', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/a/">“Plugins”</a> <a href="/b/">“Plugins”</a>'),
      'a/index.html': page('<a href="/">Home</a>'),
      'b/index.html': page('<a href="/">Home</a>'),
    });
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.anchors.sameTextDifferentTargets.map((a) => a.text)).toEqual(['Plugins']);
  });
});
