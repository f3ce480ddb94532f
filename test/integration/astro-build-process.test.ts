import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { fixtureRoot, privateReportFolder } from './build-fixture.js';

const astroBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'bin/astro.mjs',
);

describe('astro build in a child process', () => {
  function astroBuild(extraEnv: NodeJS.ProcessEnv = {}, cwd?: string) {
    if (!existsSync(new URL('../../dist/integration/index.js', import.meta.url))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
    }
    const root = fixtureRoot('process-broken-link');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      ...extraEnv,
    };
    delete env.NODE_ENV;
    if (!('GITHUB_ACTIONS' in extraEnv)) delete env.GITHUB_ACTIONS;
    if (!('GITHUB_STEP_SUMMARY' in extraEnv)) delete env.GITHUB_STEP_SUMMARY;
    if (!('GITHUB_WORKSPACE' in extraEnv)) delete env.GITHUB_WORKSPACE;
    const result = spawnSync(process.execPath, [astroBin, 'build', '--root', root], {
      cwd: cwd ?? path.resolve(root, '../../..'),
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: result.status, output: result.stdout + result.stderr, stdout: result.stdout };
  }

  it('exits with code 1 and lists the broken link first, grouped by cause, without a stack trace', () => {
    const { status, output } = astroBuild();
    expect(status, output).toBe(1);
    const lines = output.split('\n').map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''));
    const start = lines.indexOf(
      '[ERROR] [astro-link-report] 1 problem(s) on 1 page(s), from 1 cause, fail the build:',
    );
    expect(start, output).toBeGreaterThan(-1);
    expect(lines.slice(start + 2, start + 6)).toEqual([
      'error   broken-link  <a href="/pricing/">pricing</a>  links to /pricing/, which does not exist in the build',
      // Astro minifies the built line; the source line is where the user fixes the link.
      '        written at src/pages/index.astro:8:62',
      '        on / (src/pages/index.astro, test/fixtures/process-broken-link/dist/index.html:1:157)',
      '        hint: Fix the href, or add a page or a redirect for this URL.',
    ]);
    expect(output).toContain(
      'astro-link-report: 1 problem fails the build (listed above): broken-link /pricing/ on /.',
    );
    expect(output).not.toContain('Stack trace');
    expect(output).not.toContain('::error');
    // It says what it does while it works, and where the report is (not in the output).
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[astro-link-report\] Checking 2 pages…$/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^\[astro-link-report\] Checked 2 pages in \d+\.\d\d s\.$/),
    );
    expect(lines).toContain(
      '[astro-link-report] Report: test/fixtures/process-broken-link/.astro/integrations/astro-link-report/index.html (not deployed; astro dev serves it at /_link-report/index.html)',
    );
  });

  it('annotates the broken link and writes a job summary under GitHub Actions', async () => {
    const summary = path.join(await makeTempDir('gh-summary-'), 'summary.md');
    const { status, stdout } = astroBuild({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(status).toBe(1);
    const annotations = stdout.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toHaveLength(1);
    // On the source line, so the annotation shows on the pull request's diff.
    expect(annotations[0]).toMatch(
      /^::error file=test\/fixtures\/process-broken-link\/src\/pages\/index\.astro,line=8,col=62,title=broken-link on \/::\/: links to \/pricing\/, which does not exist in the build \(source: src\/pages\/index\.astro\)%0AFix the href/,
    );
    const markdown = readFileSync(summary, 'utf8');
    expect(markdown).toContain('## Link report');
    expect(markdown).toContain('| error | `broken-link` | / | `/pricing/`');
  });

  it('annotates relative to the repository root when the build runs in the site folder', () => {
    const root = fixtureRoot('process-broken-link');
    const repo = path.resolve(root, '../../..');
    const { stdout } = astroBuild({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo }, root);
    const annotation = stdout.split('\n').find((line) => line.startsWith('::error'));
    expect(annotation).toMatch(
      /^::error file=test\/fixtures\/process-broken-link\/src\/pages\/index\.astro,line=8,col=62,/,
    );
    // The report is kept out of the output (it is not deployed), in Astro's folder for integrations.
    expect(existsSync(path.join(root, 'dist/_link-report'))).toBe(false);
    const report = JSON.parse(
      readFileSync(path.join(privateReportFolder(root), 'report.json'), 'utf8'),
    );
    expect(report.findings[0].writtenAt).toEqual({
      file: 'src/pages/index.astro',
      line: 8,
      column: 62,
    });
  });
});
