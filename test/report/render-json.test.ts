import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.js';
import { renderJsonReport, streamJsonReport } from '../../src/report/render/render-json.js';

const golden = JSON.parse(
  await readFile(new URL('../golden/valid-directory.report.json', import.meta.url), 'utf8'),
) as Report;

/** The golden report grown to `pages` pages, so it is written without indentation. */
function withPages(report: Report, pages: number): Report {
  const page = report.pages[0]!;
  return {
    ...report,
    pages: Array.from({ length: pages }, (_, i) => ({ ...page, path: `/p/${i}/` })),
  };
}

describe('the streamed JSON report', () => {
  it('joins to exactly the indented JSON of a small site', () => {
    expect([...streamJsonReport(golden)].join('')).toBe(renderJsonReport(golden));
    expect([...streamJsonReport(golden, 'https://x.example/s.json')].join('')).toBe(
      renderJsonReport(golden, 'https://x.example/s.json'),
    );
  });

  it('joins to exactly the compact JSON of a large site, in many chunks', () => {
    const large = withPages(golden, 1500);
    const chunks = [...streamJsonReport(large)];
    expect(chunks.join('')).toBe(renderJsonReport(large));
    expect(chunks.length).toBeGreaterThan(1500);
  });

  it('writes any JSON value the way JSON.stringify does', () => {
    // Values a report could hold, and the ones JSON.stringify treats specially.
    const value = fc.letrec((tie) => ({
      any: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom(null, true, false, 0, -1.5, 'a "quoted"\nline', undefined, Number.NaN),
        fc.string(),
        fc.array(tie('any'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('any'), { maxKeys: 4 }),
      ),
    })).any;
    fc.assert(
      fc.property(fc.array(value, { maxLength: 4 }), fc.boolean(), (pages, small) => {
        const report = { ...golden, pages: small ? pages : Array(1001).fill(pages) } as Report;
        expect([...streamJsonReport(report)].join('')).toBe(renderJsonReport(report));
      }),
      { numRuns: 150 },
    );
  });
});
