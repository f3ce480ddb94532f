import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyFixture, createTempDir, repoRoot, runBin } from './helpers.js';

let temp: Awaited<ReturnType<typeof createTempDir>>;
beforeAll(async () => {
  temp = await createTempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

const brokenSite = path.join(repoRoot, 'test/fixtures/cli/broken-site');

/** A fresh folder holding one config file; returns the folder. */
async function withConfig(name: string, file: string, content: string): Promise<string> {
  const cwd = path.join(temp.dir, name);
  await mkdir(path.dirname(path.join(cwd, file)), { recursive: true });
  await writeFile(path.join(cwd, file), content);
  return cwd;
}

describe('config file', () => {
  it('reads link-report.config.mjs from the current folder, and a flag overrides it', async () => {
    const cwd = await withConfig(
      'mjs',
      'link-report.config.mjs',
      `export default {
  dir: ${JSON.stringify(brokenSite)},
  site: 'https://example.com',
  failOn: 'none',
  ignore: { links: [/^\\/img\\//] },
};\n`,
    );
    const fromFile = await cli(['--format', 'json'], { cwd });
    expect(fromFile.status).toBe(0);
    const report = JSON.parse(fromFile.stdout);
    expect(report.site.site).toBe('https://example.com');
    expect(report.findings.map((finding: { type: string }) => finding.type)).not.toContain(
      'broken-resource',
    );
    expect(report.summary.findings.error).toBe(2);

    const overridden = await cli(['--fail-on', 'error'], { cwd });
    expect(overridden.status).toBe(1);
    expect(overridden.stdout).toContain('2 findings at the fail level (fail-on: error).');
  });

  it('reads link-report.config.json, and flags win field by field', async () => {
    const cwd = await withConfig(
      'json',
      'link-report.config.json',
      JSON.stringify({
        $schema: 'ignored',
        dir: brokenSite,
        failOn: ['broken-fragment'],
        severity: { 'broken-fragment': 'warning', 'broken-link': 'warning' },
      }),
    );
    expect((await cli([], { cwd })).status).toBe(1);
    const result = await cli(['--severity', 'broken-fragment=off', '--format', 'json'], { cwd });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.summary.byType['broken-fragment']).toBeUndefined();
    // The file's severity for broken-link still applies.
    expect(
      report.findings.find((finding: { type: string }) => finding.type === 'broken-link').severity,
    ).toBe('warning');
  });

  it('takes the folder from the command line over the one in the file', async () => {
    const cwd = await withConfig(
      'dir-flag',
      'link-report.config.json',
      JSON.stringify({ dir: 'nowhere' }),
    );
    expect((await cli([brokenSite, '--fail-on', 'none'], { cwd })).status).toBe(0);
    expect((await cli([], { cwd })).stderr).toContain(
      `${path.join(cwd, 'nowhere')}: no such folder`,
    );
  });

  it('reads the file given with --config', async () => {
    const cwd = await withConfig(
      'explicit',
      'settings/links.mjs',
      `export default { dir: ${JSON.stringify(brokenSite)}, failOn: 'none' };\n`,
    );
    expect((await cli(['--config', 'settings/links.mjs'], { cwd })).status).toBe(0);
  });

  it('writes the report into the output folder when the file sets reportDir', async () => {
    const dir = await copyFixture('eleventy-site', path.join(temp.dir, 'report-dir-site'));
    const cwd = await withConfig(
      'report-dir',
      'link-report.config.json',
      JSON.stringify({ dir, reportDir: 'links' }),
    );
    expect((await cli([], { cwd })).status).toBe(0);
    expect(existsSync(path.join(dir, 'links/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'links/report.json'))).toBe(true);
    // The report page is not analyzed as a page of the site on the next run.
    expect(JSON.parse((await cli(['--format', 'json'], { cwd })).stdout).summary.pages).toBe(6);
  });
});

describe('broken config file (exit code 2)', () => {
  it('reports a syntax error with the file name', async () => {
    const cwd = await withConfig(
      'syntax',
      'link-report.config.mjs',
      'export default { failOn: ;\n',
    );
    // Note: the real bin, so Node.js (not the test runner) loads the module.
    const result = runBin([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^astro-link-report: link-report\.config\.mjs could not be loaded: .*Unexpected token/,
    );
  });

  it('reports invalid JSON with the file name', async () => {
    const cwd = await withConfig('bad-json', 'link-report.config.json', '{ "failOn": "none", }');
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^astro-link-report: link-report\.config\.json is not valid JSON: /,
    );
  });

  it('reports a file that is not an object', async () => {
    const cwd = await withConfig('array', 'link-report.config.json', '["broken-link"]');
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'astro-link-report: link-report.config.json: expected an object of options, got an array\n',
    );
  });

  it('reports a module without a default export', async () => {
    const cwd = await withConfig(
      'no-default',
      'link-report.config.mjs',
      "export const failOn = 'none';\n",
    );
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('link-report.config.mjs has no default export');
  });

  it('reports an unknown option, naming it', async () => {
    const cwd = await withConfig(
      'unknown',
      'link-report.config.json',
      JSON.stringify({ failOn: 'none', colour: true }),
    );
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^astro-link-report: link-report\.config\.json: unknown key "colour"; the keys are dir, site, base, .*failOn/,
    );
  });

  it('says which key a mistyped one was meant to be, among the options and the site keys', async () => {
    for (const [key, meant] of [
      ['failon', 'failOn'],
      ['bse', 'base'],
      ['ignor', 'ignore'],
    ]) {
      const cwd = await withConfig(`typo-${key}`, 'link-report.config.json', `{ "${key}": 1 }`);
      const result = await cli([brokenSite], { cwd });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(
        `astro-link-report: link-report.config.json: unknown key "${key}" (did you mean "${meant}"?)\n`,
      );
    }
  });

  it('reports an invalid option value with the allowed values', async () => {
    const cwd = await withConfig(
      'bad-value',
      'link-report.config.json',
      JSON.stringify({ trailingSlash: 'sometimes' }),
    );
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'astro-link-report: link-report.config.json: trailingSlash must be one of always, never, ignore (got "sometimes")\n',
    );
  });

  it('reports an invalid core option value', async () => {
    const cwd = await withConfig(
      'bad-fail-on',
      'link-report.config.json',
      JSON.stringify({ failOn: 'sometimes' }),
    );
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('  - failOn: ');
    expect(result.stderr).toContain('(got "sometimes")');
  });

  it('reports a missing --config file', async () => {
    const result = await cli([brokenSite, '--config', 'no-such.config.json'], { cwd: temp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'astro-link-report: cannot read no-such.config.json: no such file\n',
    );
  });

  it('refuses two config files in the same folder', async () => {
    const cwd = await withConfig('both', 'link-report.config.json', '{}');
    await writeFile(path.join(cwd, 'link-report.config.mjs'), 'export default {};\n');
    const result = await cli([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'found both link-report.config.mjs and link-report.config.json',
    );
  });
});
