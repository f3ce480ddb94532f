/**
 * A page can be built to make a naive checker quadratic: tens of thousands of distinct
 * link texts between two pages, of ids, of links to missing fragments, ids a megabyte
 * long. Each case here would take minutes with the old list scans and O(n·m) suggestion
 * search; vitest's timeout (no timing assertion of our own) catches a return to that.
 */
import { describe, expect, it } from 'vitest';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const site = 'https://example.com';

describe('work stays bounded on pages built to blow it up', () => {
  it('40,000 distinct link texts between two pages', async () => {
    const links = Array.from({ length: 40_000 }, (_, i) => `<a href="/b/">text ${i}</a>`);
    const dir = await writeSite({
      'index.html': page(links.join('\n')),
      'b/index.html': page('<a href="/">Home</a>'),
    });
    const { report } = await runLinkReport({ dir, site });
    expect(report.summary.internalLinks).toBe(40_001);
    const inlinks = report.pages.find((p) => p.path === '/b/')?.inlinks;
    expect(inlinks?.[0]?.count).toBe(40_000);
    expect(new Set(inlinks?.[0]?.anchors).size).toBe(40_000);
  });

  it('a tag with 100,000 attributes, on the fast tree builder and the parser', async () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => `data-a${i}="${i}"`).join(' ');
    const dir = await writeSite({
      // Well formed (the fast tree builder), and with a misnested tag (rehype-parse).
      'index.html': page(`<a href="/b/" ${attributes} href="/not-b/">b</a>`),
      'c/index.html': page(`<b><i><a href="/b/" ${attributes}>b</a></b></i>`),
      'b/index.html': page('<a href="/">Home</a> <a href="/c/">C</a>'),
    });
    const { report } = await runLinkReport({ dir, site });
    expect(
      report.pages
        .find((p) => p.path === '/b/')
        ?.inlinks.map((i) => i.from)
        .sort(),
    ).toEqual(['/', '/c/']);
    // Note: about 1 s; a duplicate check that compares every pair of names takes a minute.
  }, 20_000);

  it('200,000 comments', async () => {
    const comments = Array.from({ length: 200_000 }, (_, i) => `<!-- ${i} -->`).join('');
    const dir = await writeSite({
      'index.html': page(`${comments}<a href="/b/">b</a>`),
      'b/index.html': page('<a href="/">Home</a>'),
    });
    const { report } = await runLinkReport({ dir, site });
    expect(report.pages.find((p) => p.path === '/b/')?.inlinks[0]?.from).toBe('/');
  }, 20_000);

  it('20,000 ids and 20,000 links to fragments that are not there', async () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `<h2 id="section-${i}">S ${i}</h2>`);
    const links = Array.from({ length: 20_000 }, (_, i) => `<a href="/t/#missing-${i}">m</a>`);
    const dir = await writeSite({
      'index.html': page(links.join('\n')),
      't/index.html': page(`${ids.join('\n')}<a href="/">Home</a>`),
    });
    const { report } = await runLinkReport({ dir, site });
    const broken = report.findings.filter((f) => f.type === 'broken-fragment');
    expect(broken).toHaveLength(20_000);
  });

  it('an id a megabyte long, and a link to one just like it', async () => {
    const id = 'x'.repeat(1024 * 1024);
    const dir = await writeSite({
      'index.html': page(
        `<h2 id="${id}">Long</h2><a href="#${id}y">near</a><a href="#${id}">ok</a>`,
      ),
    });
    const { report } = await runLinkReport({ dir, site });
    const broken = report.findings.filter((f) => f.type === 'broken-fragment');
    expect(broken).toHaveLength(1);
    // Note: the finding quotes the href a few times (as written, resolved, in the message):
    // linear in the page, never more.
    expect(JSON.stringify(broken[0]).length).toBeLessThan(10 * id.length);
  });
});
