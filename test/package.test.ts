import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

const root = new URL('../', import.meta.url);

let packed: string[] | undefined;

/** The files `npm pack` would ship (without running prepack: `npm test` has built dist/). */
function packedFiles(): string[] {
  packed ??= listPackedFiles();
  return packed;
}

function listPackedFiles(): string[] {
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return (JSON.parse(output) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
}

describe('the package', () => {
  it('pins the public API of astro-link-report/api', () => {
    expect(Object.keys(api).sort()).toMatchSnapshot();
  });

  it('ships every file its exports and bin name (after npm run build)', () => {
    const files = [
      ...Object.values(pkg.exports).flatMap((target) =>
        typeof target === 'string' ? [target] : [target.types, target.default],
      ),
      ...Object.values(pkg.bin),
    ];
    for (const file of files) {
      expect(
        existsSync(new URL(`../${file}`, import.meta.url)),
        `${file} is missing: run npm run build`,
      ).toBe(true);
    }
  });

  it('publishes the JSON Schema of the report as built from the zod schema', () => {
    const require = createRequire(import.meta.url);
    const published = JSON.parse(
      readFileSync(require.resolve('astro-link-report/report.schema.json'), 'utf8'),
    );
    expect(published).toEqual(api.createReportJsonSchema());
  });

  it('ships no source map, and no file outside dist/ but the readme, license and package.json', () => {
    const files = packedFiles();
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => !file.startsWith('dist/')).sort()).toEqual([
      'LICENSE',
      'README.md',
      'package.json',
    ]);
  });

  it('depends on every package its published type declarations import', () => {
    const imported = new Set<string>();
    for (const file of packedFiles().filter((f) => f.endsWith('.d.ts'))) {
      // Imports only, not examples in the doc comments.
      const text = readFileSync(new URL(file, root), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
      for (const [, specifier] of text.matchAll(/from '([^'.][^']*)'/g)) {
        if (specifier!.startsWith('node:')) continue;
        const name = specifier!.startsWith('@')
          ? specifier!.split('/').slice(0, 2).join('/')
          : specifier!.split('/')[0]!;
        imported.add(name);
      }
    }
    expect(imported.size).toBeGreaterThan(0);
    for (const name of imported) {
      // Types of an untyped package come from its @types twin.
      const typed = pkg.dependencies[name] ?? pkg.dependencies[`@types/${name}`];
      const peer = pkg.peerDependencies[name];
      expect(typed ?? peer, `${name} is imported by the published .d.ts files`).toBeDefined();
    }
  });

  it('installs without Astro: astro is an optional peer, for the CLI on any static site', () => {
    expect(pkg.peerDependencies.astro).toBe('^5.0.0 || ^6.0.0 || ^7.0.0');
    expect(pkg.peerDependenciesMeta?.astro?.optional).toBe(true);
    // Only the integration entry point loads astro; the CLI and the API never do.
    const core = packedFiles().filter((f) => f.startsWith('dist/src/') && f.endsWith('.js'));
    expect(core.length).toBeGreaterThan(10);
    const loadingAstro = core.filter((file) =>
      /\bfrom ['"]astro(?:\/[^'"]*)?['"]|import\(['"]astro/.test(
        readFileSync(new URL(file, root), 'utf8'),
      ),
    );
    expect(loadingAstro).toEqual([]);
  });
});
