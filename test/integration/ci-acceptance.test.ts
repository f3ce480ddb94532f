import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { junitErrors, sarifErrors } from '../helpers/ci-schemas.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { fixtureRoot, privateReportFolder } from './build-fixture.js';

const astroBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'bin/astro.mjs',
);

/** Read a GITHUB_OUTPUT file written in the `name<<delimiter` form. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const [, name, , value] of text.matchAll(pattern)) outputs[name!] = value!;
  return outputs;
}

describe('a broken link in a shared component, in CI', () => {
  it('is one error on the component’s line: in the log, as an annotation, in SARIF and JUnit; with failOn none the build passes and nothing is deployed', async () => {
    if (!existsSync(new URL('../../dist/integration/index.js', import.meta.url))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
    }
    // Note: the acceptance test, as a user runs it: a real `astro build` in a child
    // process (about 2 s), with GitHub Actions' environment.
    const root = fixtureRoot('component-broken-link');
    const repo = path.resolve(root, '../../..');
    const temp = await makeTempDir('ci-acceptance-');
    const githubOutput = path.join(temp, 'output');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: repo,
      GITHUB_OUTPUT: githubOutput,
      GITHUB_STEP_SUMMARY: path.join(temp, 'summary.md'),
    };
    delete env.NODE_ENV;
    const result = spawnSync(process.execPath, [astroBin, 'build', '--root', root], {
      cwd: repo,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(0);

    // The log lists the error, once, where it is written.
    const lines = output.split('\n').map((line) => line.replace(/^\d\d:\d\d:\d\d /, ''));
    expect(lines).toContain(
      '[WARN] [astro-link-report] 1 error cause(s) that do not fail the build (failOn: none):',
    );
    expect(output.match(/written at src\/components\/Header\.astro:7:14/g)).toHaveLength(1);

    // One annotation, on the component's line: it shows on the pull request's diff.
    const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(
      /^::error file=test\/fixtures\/component-broken-link\/src\/components\/Header\.astro,line=7,col=14,title=broken-link on 3 pages::/,
    );

    // The report, and every CI format, stay out of the output.
    const folder = privateReportFolder(root);
    const dist = path.join(root, 'dist');
    expect(
      readdirSync(dist, { recursive: true }).filter((f) =>
        String(f).includes('.astro-link-report'),
      ),
    ).toEqual([]);
    const sarif = readFileSync(path.join(folder, 'report.sarif'), 'utf8');
    expect(sarifErrors(sarif)).toEqual([]);
    const errors = JSON.parse(sarif).runs[0].results.filter(
      (r: { level: string }) => r.level === 'error',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/component-broken-link/src/components/Header.astro' },
      region: { startLine: 7, startColumn: 14 },
    });
    const junit = readFileSync(path.join(folder, 'junit.xml'), 'utf8');
    expect(await junitErrors(junit)).toEqual([]);
    expect(junit).toContain('failures="0"');

    // Step outputs for a workflow to gate or comment on.
    expect(readOutputs(readFileSync(githubOutput, 'utf8'))).toEqual({
      errors: '3',
      warnings: expect.stringMatching(/^\d+$/),
      failing: '0',
      failed: 'false',
      report:
        'test/fixtures/component-broken-link/.astro/integrations/astro-link-report/index.html',
    });
  });
});
