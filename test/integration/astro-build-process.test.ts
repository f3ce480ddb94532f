import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureRoot } from './build-fixture.js';

const astroBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'bin/astro.mjs',
);

describe('astro build in a child process', () => {
  it('exits with code 1 and prints the broken link, grouped by page', () => {
    if (!existsSync(new URL('../../dist/integration/index.js', import.meta.url))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
    }
    const root = fixtureRoot('process-broken-link');
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
    delete env.NODE_ENV;
    delete env.GITHUB_ACTIONS;
    const result = spawnSync(process.execPath, [astroBin, 'build', '--root', root], {
      cwd: path.resolve(root, '../../..'),
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(output).toContain('astro-link-report: 1 problem(s) on 1 page(s) fail the build');
    expect(output).toMatch(
      /^\/ \(src\/pages\/index\.astro, test\/fixtures\/process-broken-link\/dist\/index\.html\)$/m,
    );
    expect(output).toMatch(
      /\d+:\d+ +error +broken-link +<a href="\/pricing\/">pricing<\/a> {2}links to \/pricing\/, which does not exist in the build/,
    );
  });
});
