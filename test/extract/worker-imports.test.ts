import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * The modules (relative to src/) and packages a module loads at run time, through its static
 * imports and re-exports; `import type` and `export type` load nothing.
 */
function runtimeGraph(entry: string): { modules: Set<string>; packages: Set<string> } {
  const modules = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    const relative = path.relative(srcDir, file).split(path.sep).join('/');
    if (modules.has(relative)) return;
    modules.add(relative);
    const text = readFileSync(file, 'utf8');
    const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
    for (const [, , typeOnly, specifier] of text.matchAll(pattern)) {
      if (typeOnly || !specifier) continue;
      if (specifier.startsWith('.')) {
        visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts')));
      } else {
        packages.add(specifier);
      }
    }
  };
  visit(path.join(srcDir, entry));
  return { modules, packages };
}

describe('the extraction worker', () => {
  // Note: every worker thread loads this graph before it parses a page; a stray import of
  // the report renderers once cost 100 MB and a second of CPU per run on 2 cores.
  it('loads only extraction, the cache and URL code, never the report, findings or options', () => {
    const { modules, packages } = runtimeGraph('extract/extract-worker.ts');
    const outside = [...modules].filter(
      (module) =>
        !/^(extract|cache)\//.test(module) &&
        ![
          'site/url.ts',
          'site/output-dir-error.ts',
          'util/detached.ts',
          'util/format-count.ts',
          'version.ts',
        ].includes(module),
    );
    expect(outside).toEqual([]);
    expect(
      [...packages].filter((name) => name === 'zod' || name.startsWith('hast-util-to-')),
    ).toEqual([]);
  });

  it('is seen through its imports by this check (the graph is not empty)', () => {
    const { modules, packages } = runtimeGraph('extract/extract-worker.ts');
    expect(modules).toContain('extract/extract-page.ts');
    expect(packages).toContain('parse5');
  });
});

describe('a CLI run', () => {
  // Note: loaded when needed, not before the first page: the report page's renderer and its
  // packages (about 50 ms) when a report page is written, the rehype-parse stack (about
  // 20 ms) when a page needs it (see parse-html.ts).
  it('does not load the report page renderer or rehype-parse before it needs them', () => {
    const { modules, packages } = runtimeGraph('cli/run-cli.ts');
    expect(modules).toContain('run-link-report.ts');
    expect(modules).toContain('extract/parse-html.ts');
    expect([...modules].filter((module) => module.startsWith('report/render/render-html'))).toEqual(
      [],
    );
    expect(
      [...packages].filter((name) =>
        ['rehype-parse', 'unified', 'vfile', 'hast-util-from-parse5', 'hast-util-to-html'].includes(
          name,
        ),
      ),
    ).toEqual([]);
  });
});
