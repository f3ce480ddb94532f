import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { buildAstroSite, buildFixture, fixtureRoot } from './build-fixture.js';

describe('integration options', () => {
  it('rejects a bad option when the config loads, naming the option, the value and what is allowed', () => {
    expect(() => linkReport({ failOn: 'bogus' as never })).toThrow(
      /Invalid astro-link-report options:\n {2}- failOn: expected "error", "warning", "info", "none", or a list of finding types \(broken-link, .*\) \(got "bogus"\)/,
    );
    expect(() => linkReport({ checkFragments: 'yes' as never })).toThrow(
      /checkFragments: Invalid input: expected boolean, received string \(got "yes"\)/,
    );
    expect(() => linkReport({ reportDir: 3 as never })).toThrow(
      /reportDir: Invalid input: expected a string, or false \(got 3\)/,
    );
    expect(() => linkReport({ typo: true } as never)).toThrow(/Unrecognized key: "typo"/);
    // The files of reporters need a report folder.
    expect(() => linkReport({ reportDir: false, reporters: ['sarif'] })).toThrow(
      /reporters: its files go into the report folder, and reportDir is false/,
    );
    // A typo is answered with the name meant; a bad entry of a list is named on its own.
    expect(() => linkReport({ failon: 'none' } as never)).toThrow(
      '  - (options): Unrecognized key: "failon" (did you mean "failOn"?)',
    );
    expect(() => linkReport({ failOn: ['broken-link', 'broken-lnik'] as never })).toThrow(
      /\n {2}- failOn\.1: Invalid option: not one of the \d+ allowed values \(see the README\) \(got "broken-lnik"\); did you mean "broken-link"\?$/,
    );
    expect(() => linkReport({ severity: { 'redirect-link': 'error' } as never })).toThrow(
      'severity: Unrecognized key: "redirect-link" (did you mean "redirected-link"?)',
    );
    // A level cut short is answered too.
    expect(() => linkReport({ severity: { 'orphan-page': 'warn' } as never })).toThrow(
      /severity\.orphan-page: .*\(got "warn"\); did you mean "warning"\?/,
    );
    expect(() =>
      linkReport({ ignore: { links: [{ page: 'changelog/**', links: ['/v1/**'] }] } }),
    ).toThrow(/ignore\.links\.0\.page: page globs match paths, which start with "\/"/);
    expect(() => linkReport({ ignore: { pages: ['blog/**'] } })).toThrow(
      /ignore\.pages\.0: page globs match paths, which start with "\/" \(e\.g\. "\/drafts\/\*\*"\) \(got "blog\/\*\*"\)/,
    );
  });

  it('reports a failing inbound source and still checks the links when the source is optional', async () => {
    const { error, report } = await buildFixture('valid-directory', {
      inbound: ['./seo/missing.csv'],
    });
    expect(error).toBeNull();
    const finding = report!.findings.find((f) => f.type === 'inbound-source-failed')!;
    expect(finding.severity).toBe('warning');
    expect(finding.message).toMatch(/seo\/missing\.csv/);
    expect(report!.inbound!.sources.map((s) => s.status)).toEqual(['failed']);
  });

  it('fails the build with the reason when a required inbound source cannot be read', async () => {
    const { error } = await buildFixture('valid-directory', {
      inbound: [{ file: './seo/missing.csv', required: true }],
    });
    expect(error?.message).toMatch(/inbound-source-failed/);
    expect(error?.message).toMatch(/seo\/missing\.csv/);
  });

  it('checks after integrations listed after it, such as a sitemap written in astro:build:done', async () => {
    const sitemap: AstroIntegration = {
      name: 'fake-sitemap',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          await writeFile(fileURLToPath(new URL('sitemap-index.xml', dir)), '<sitemapindex/>');
        },
      },
    };
    const { error, report } = await buildAstroSite(fixtureRoot('late-file'), [
      linkReport(),
      sitemap,
    ]);
    expect(error).toBeNull();
    expect(report!.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
