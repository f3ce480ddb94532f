import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};

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
});
