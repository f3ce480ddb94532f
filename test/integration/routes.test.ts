import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { IntegrationResolvedRoute } from 'astro';
import { describe, expect, it } from 'vitest';
import { toRouteInfos } from '../../integration/routes.js';

const outDir = path.resolve('/site/dist');
const file = (name: string) => pathToFileURL(path.join(outDir, name));

function pageRoute(pattern: string): IntegrationResolvedRoute {
  return {
    pattern,
    patternRegex: new RegExp(`^${pattern}/?$`),
    entrypoint: `src/pages${pattern === '/' ? '/index' : pattern}.astro`,
    type: 'page',
    isPrerendered: true,
    pathname: pattern,
    params: [],
    segments: [],
    origin: 'project',
    generate: () => pattern,
    redirect: undefined,
    redirectRoute: undefined,
    fallbackRoutes: [],
  } as unknown as IntegrationResolvedRoute;
}

describe('routes from Astro', () => {
  it('tells an i18n fallback copy from the page when Astro 5 lists both under the page’s route', () => {
    // Astro 5: the assets of /about hold the French fallback copy too, with no route of its own.
    const infos = toRouteInfos(
      [pageRoute('/about')],
      new Map([['/about', [file('about/index.html'), file('fr/about/index.html')]]]),
      outDir,
      { build: { format: 'directory' } as never, trailingSlash: 'ignore' },
    );
    expect(infos.map((info) => [info.type, info.files])).toEqual([
      ['fallback', ['fr/about/index.html']],
      ['page', ['about/index.html']],
    ]);
    expect(infos[0]!.entrypoint).toBe('src/pages/about.astro');
  });

  it('keeps every file of a dynamic route, and a page route’s one file', () => {
    const dynamic = {
      ...pageRoute('/blog/[slug]'),
      pathname: undefined,
    } as IntegrationResolvedRoute;
    const infos = toRouteInfos(
      [dynamic, pageRoute('/')],
      new Map([
        ['/blog/[slug]', [file('blog/a/index.html'), file('blog/b/index.html')]],
        ['/', [file('index.html')]],
      ]),
      outDir,
      { build: { format: 'directory' } as never, trailingSlash: 'ignore' },
    );
    expect(infos.map((info) => [info.type, info.files])).toEqual([
      ['page', ['blog/a/index.html', 'blog/b/index.html']],
      ['page', ['index.html']],
    ]);
  });
});
