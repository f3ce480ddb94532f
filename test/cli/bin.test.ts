/**
 * The real bin, spawned: what only a process shows (its exit code, a closed pipe). The
 * other CLI tests call `runCli` in process.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createReportJsonSchema } from '../../src/report/model/report-schema.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { binPath, fixture, repoRoot, runBin } from './helpers.js';

describe('the astro-link-report bin', () => {
  it('exits 1 on findings at the fail level, 0 without, 2 on a usage error', () => {
    expect(runBin([fixture('broken-site')]).status).toBe(1);
    expect(runBin([fixture('eleventy-site')]).status).toBe(0);
    const usage = runBin(['--no-such-flag']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('unknown option --no-such-flag');
  });

  it('stops quietly when the reader closes the pipe early', () => {
    const result = spawnSync(
      'sh',
      ['-c', `'${process.execPath}' '${binPath}' ${fixture('broken-site')} | head -c 10`],
      { cwd: repoRoot, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toHaveLength(10);
    expect(result.stderr).toBe('');
  });

  it('warns at once, even with --quiet, when the heap may not last the run, and goes on', () => {
    // Note: the preload holds 64 MB from the first page on; 128 MB holds the run, not twice that.
    const ballast = pathToFileURL(path.join(repoRoot, 'test/helpers/heap-ballast.mjs')).href;
    const small = runBin([fixture('eleventy-site'), '-q', '--no-cache'], {
      env: { NODE_OPTIONS: `--import=${ballast} --max-old-space-size=128 --max-semi-space-size=1` },
    });
    expect(small.status).toBe(0);
    expect(small.stderr).toMatch(
      /^astro-link-report: warning: this run may run out of memory: after reading 6 pages the heap holds \d+ MB, (6[4-9]|7\d) MB of them this run's, .* allows this process \d+ MB\. .*NODE_OPTIONS=--max-old-space-size=\d+\n$/,
    );
    expect(small.stdout).toContain('note: this run may run out of memory');
    const normal = runBin([fixture('eleventy-site'), '-q', '--no-cache']);
    expect(normal.status).toBe(0);
    expect(normal.stderr).toBe('');
    expect(normal.stdout).not.toContain('run out of memory');
  });

  it("writes the package's report.schema.json into the report folder, equal to the schema", async () => {
    const htmlDir = path.join(await makeTempDir('bin-'), 'report');
    expect(runBin([fixture('eleventy-site'), '--html', htmlDir, '-q']).status).toBe(0);
    const written = readFileSync(path.join(htmlDir, 'report.schema.json'), 'utf8');
    expect(written).toBe(readFileSync(path.join(repoRoot, 'dist/report.schema.json'), 'utf8'));
    expect(JSON.parse(written)).toEqual(createReportJsonSchema());
  });
});
