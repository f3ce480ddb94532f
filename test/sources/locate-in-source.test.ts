import { describe, expect, it } from 'vitest';
import { createFinding } from '../../src/index.js';
import { createSourceLocator } from '../../src/sources/locate-in-source.js';
import { writeSite } from '../helpers/site-folder.js';

const linkTo = (href: string, source: string | null) =>
  createFinding('broken-link', {
    page: '/blog/post/',
    source,
    link: {
      href,
      url: null,
      element: 'a',
      attribute: 'href',
      text: '',
      position: { type: 'unavailable' },
    },
    details: { target: href, suggestion: null },
  });

describe('createSourceLocator', () => {
  it('finds a link in the route source file, then in Markdown content', async () => {
    const root = await writeSite({
      'src/pages/blog/[id].astro': '---\n---\n<nav>\n  <a href="/missing-nav/">Nav</a>\n</nav>\n',
      'src/content/blog/post.md':
        '---\ntitle: Post\n---\n\nSee [the guide](/missing-guide/ "Guide") and\n[more](/more/).\n\n[ref]: /more/\n',
      'src/content/blog/another.md':
        'Also [the guide](/missing-guide/) and [nav](/missing-nav/).\n',
    });
    const locate = createSourceLocator(root);
    expect(await locate(linkTo('/missing-nav/', 'src/pages/blog/[id].astro'))).toEqual({
      file: 'src/pages/blog/[id].astro',
      line: 4,
      column: 12,
    });
    expect(await locate(linkTo('/missing-guide/', 'src/pages/blog/[id].astro'))).toEqual({
      file: 'src/content/blog/post.md',
      line: 5,
      column: 17,
    });
    expect(await locate(linkTo('/nowhere/', 'src/pages/blog/[id].astro'))).toBeNull();
    // The second link to the same URL is the second place it is written; reference links count.
    expect(await locate(linkTo('/more/', 'src/pages/blog/[id].astro'), 0)).toMatchObject({
      line: 6,
      column: 8,
    });
    expect(await locate(linkTo('/more/', 'src/pages/blog/[id].astro'), 1)).toMatchObject({
      line: 8,
      column: 8,
    });
    expect(await locate(linkTo('/more/', 'src/pages/blog/[id].astro'), 2)).toBeNull();
    // Another post that writes the same href is not where this page's link is.
    expect(await locate({ ...linkTo('/missing-guide/', null), page: '/blog/third/' })).toBeNull();
  });

  it('does without a source and without a content folder', async () => {
    const root = await writeSite({ 'index.html': '' });
    expect(await createSourceLocator(root)(linkTo('/x/', null))).toBeNull();
  });
});
