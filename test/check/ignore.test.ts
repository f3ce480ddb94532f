import { describe, expect, it } from 'vitest';
import {
  type IgnoreLinkInfo,
  type IgnorePageInfo,
  type LinkReportOptions,
  runLinkReport,
} from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const site = {
  'index.html': page('<a href="/v1/old/">v1 docs</a> <a href="/gone/">gone</a>'),
  'changelog/2020/index.html': page('<a href="/v1/setup/">v1 setup</a> <a href="/gone/">gone</a>'),
  'drafts/wip/index.html':
    '<!doctype html><html><head><title>WIP</title></head><body><a href="/nowhere/">nowhere</a></body></html>',
};

/** Broken-link findings as `page href`. */
async function broken(ignore: LinkReportOptions['ignore']): Promise<string[]> {
  const dir = await writeSite(site);
  const { report } = await runLinkReport({ dir, options: { reportDir: false, ignore } });
  return report.findings
    .filter((f) => f.type === 'broken-link')
    .map((f) => `${f.page} ${f.link!.href}`)
    .sort();
}

describe('ignore', () => {
  const all = [
    '/ /gone/',
    '/ /v1/old/',
    '/changelog/2020/ /gone/',
    '/changelog/2020/ /v1/setup/',
    '/drafts/wip/ /nowhere/',
  ];

  it('leaves out links a function picks, shown the link and its page', async () => {
    const seen: [IgnoreLinkInfo, IgnorePageInfo][] = [];
    const result = await broken({
      links: (link, page) => {
        seen.push([link, page]);
        return link.href.startsWith('/v1/') && page.path === '/';
      },
    });
    expect(result).toEqual(all.filter((row) => row !== '/ /v1/old/'));
    expect(seen).toContainEqual([
      {
        href: '/v1/old/',
        url: 'https://site.invalid/v1/old/',
        element: 'a',
        attribute: 'href',
        text: 'v1 docs',
        scope: 'internal',
        kind: 'navigation',
      },
      { path: '/', file: 'index.html', title: 't' },
    ]);
  });

  it('ignores links on some pages only with { page, links }', async () => {
    expect(await broken({ links: [{ page: '/changelog/**', links: ['/v1/**'] }] })).toEqual(
      all.filter((row) => row !== '/changelog/2020/ /v1/setup/'),
    );
    // Mixed with globs that apply everywhere.
    expect(
      await broken({ links: ['/gone/', { page: ['/drafts/**'], links: [/nowhere/] }] }),
    ).toEqual(['/ /v1/old/', '/changelog/2020/ /v1/setup/']);
  });

  it('leaves out pages a function picks', async () => {
    expect(await broken({ pages: [(p) => p.title === 'WIP'] })).toEqual(
      all.filter((row) => !row.startsWith('/drafts/')),
    );
    expect(await broken({ pages: (p) => p.file.startsWith('changelog/') })).toEqual(
      all.filter((row) => !row.startsWith('/changelog/')),
    );
  });

  it('stops with a message naming the link and page when a function throws or answers no boolean', async () => {
    const dir = await writeSite(site);
    await expect(
      runLinkReport({
        dir,
        options: {
          ignore: {
            links: (link, where) => {
              if (link.href === '/gone/' && where.path === '/') throw new Error('boom');
              return false;
            },
          },
        },
      }),
    ).rejects.toThrow('ignore.links: your function threw for /gone/ on /: boom');
    await expect(
      runLinkReport({
        dir,
        options: { ignore: { pages: [(async () => true) as unknown as () => boolean] } },
      }),
    ).rejects.toThrow(
      'ignore.pages: your function must return true or false, and returned a Promise (async functions are not supported) for /',
    );
  });
});
