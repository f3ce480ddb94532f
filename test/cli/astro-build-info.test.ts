import path from 'node:path';
import { describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { buildAstroSite, buildFixture, copyFixtureSite } from '../integration/build-fixture.js';
import { cli, repoRoot } from './helpers.js';

describe('the CLI on the output of an Astro build', () => {
  it('takes site settings and route source files from the report the integration left', async () => {
    const { dir } = await buildFixture('base-always', { failOn: 'none' });
    const result = await cli([path.relative(repoRoot, dir), '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.site).toMatchObject({
      site: 'https://base-always.example',
      base: '/docs/',
      trailingSlash: 'always',
      buildFormat: 'directory',
    });
    expect(report.pages.find((p: { file: string }) => p.file === 'index.html').source).toBe(
      'src/pages/index.astro',
    );
    expect(report.notes).toContainEqual(
      expect.stringMatching(/^Astro build found: .*_link-report\/report\.json$/),
    );
  });

  it('lets flags override the settings of the Astro build', async () => {
    const { dir } = await buildFixture('broken-link', { failOn: 'none' });
    const result = await cli([path.relative(repoRoot, dir), '--trailing-slash', 'never']);
    expect(result.status).toBe(1);
    // The route's source file comes from the report the build left.
    expect(result.stdout.split('\n')).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^ +on / \\(src/pages/index\\.astro, ${path.relative(repoRoot, dir).replaceAll('.', '\\.')}/index\\.html:\\d+:\\d+\\)$`,
        ),
      ),
    );
    expect(result.stdout).toContain('trailing-slash-mismatch');
  });

  it('finds the report the build kept out of the output, in the project above the folder', async () => {
    const root = await copyFixtureSite('base-always');
    const { dir, error } = await buildAstroSite(root, [linkReport()]);
    expect(error).toBeNull();
    const result = await cli([path.relative(repoRoot, dir), '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.site.base).toBe('/docs/');
    expect(report.notes).toContainEqual(
      expect.stringMatching(
        /^Astro build found: .*\.astro\/integrations\/astro-link-report\/report\.json$/,
      ),
    );
  });

  it('on a server build, accepts links to on-demand routes, given dist/ or dist/client/', async () => {
    const root = await copyFixtureSite('server-prerender');
    const { dir, error } = await buildAstroSite(root, [linkReport({ failOn: 'none' })]);
    expect(error).toBeNull();
    expect(path.basename(dir)).toBe('client');
    for (const folder of [dir, path.dirname(dir)]) {
      const result = await cli([path.relative(repoRoot, folder), '--format', 'json']);
      expect(result.status, result.stderr).toBe(1);
      const report = JSON.parse(result.stdout);
      // Only the really broken link: /dashboard/ and /api/hello are rendered on demand.
      expect(
        report.findings
          .filter((finding: { severity: string }) => finding.severity === 'error')
          .map((finding: { type: string; link: { href: string } }) => [
            finding.type,
            finding.link.href,
          ]),
      ).toEqual([['broken-link', '/nowhere/']]);
      expect(report.onDemandRoutes.map((route: { pattern: string }) => route.pattern)).toEqual(
        expect.arrayContaining(['/dashboard', '/api/hello']),
      );
      if (folder !== dir) {
        expect(report.notes).toContainEqual(
          expect.stringMatching(
            /is the output of an Astro server build: checked .*client, the files its server serves$/,
          ),
        );
      }
    }
  });

  it('run from the project, finds where a link is written in src/, as the build does', async () => {
    const root = await copyFixtureSite('component-broken-link');
    const { dir, error } = await buildAstroSite(root, [linkReport({ failOn: 'none' })]);
    expect(error).toBeNull();
    const result = await cli([path.relative(root, dir), '--format', 'json'], { cwd: root });
    const report = JSON.parse(result.stdout);
    const broken = report.findings.filter((f: { type: string }) => f.type === 'broken-link');
    expect(broken.length).toBeGreaterThan(0);
    for (const finding of broken) {
      expect(finding.writtenAt).toMatchObject({ file: 'src/components/Header.astro' });
    }
  });
});
