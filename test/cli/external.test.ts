import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parse-args.js';
import { answer, startServer } from '../helpers/http-server.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { cli } from './helpers.js';

/** A site linking to these URLs, and a fresh cache folder. */
async function siteLinking(urls: readonly string[]): Promise<{ dir: string; cache: string }> {
  const dir = await writeSite({
    'index.html': page(urls.map((url) => `<a href="${url}">a link</a>`).join('\n')),
  });
  return { dir, cache: await makeTempDir('cache-') };
}

const quietRules = ['--severity', 'localhost-link=off', '--severity', 'insecure-outbound=off'];

describe('the CLI and outbound links', () => {
  it('maps --check-external and the --external-* flags to the external option', () => {
    const { options } = parseCliArgs([
      '--check-external',
      '--external-cache',
      '2h',
      '--external-cache-errors',
      '10m',
      '--external-concurrency',
      '8',
      '--external-per-host',
      '1',
      '--external-timeout',
      '5s',
      '--external-retries',
      '3',
      '--external-max-retry-wait',
      '1500',
      '--external-skip',
      'linkedin.com/**',
      '--external-skip',
      '/^https:\\/\\/localhost/',
      '--external-only-hosts',
      'example.org',
      '--external-offline',
      '--external-treat-as-ok',
      '403,999',
      '--external-fragments',
      '--external-header',
      'docs.example.com=Authorization: Bearer abc:def',
      '--external-header',
      'docs.example.com=X-Team: docs',
      '--external-allow-private-hosts',
      '--external-affiliate-host',
      'partner.example',
      '--external-affiliate-param',
      'ref',
    ]);
    expect(options.external).toEqual({
      check: true,
      cache: '2h',
      cacheErrors: '10m',
      concurrency: 8,
      perHost: 1,
      timeout: '5s',
      retries: 3,
      maxRetryWait: 1500,
      skip: ['linkedin.com/**', /^https:\/\/localhost/],
      onlyHosts: ['example.org'],
      offline: true,
      treatAsOk: [403, 999],
      checkFragments: true,
      headers: { 'docs.example.com': { Authorization: 'Bearer abc:def', 'X-Team': 'docs' } },
      allowPrivateHosts: true,
      affiliates: { hosts: ['partner.example'], params: ['ref'] },
    });
    expect(parseCliArgs(['--no-check-external']).options.external).toEqual({ check: false });
    expect(parseCliArgs([]).options.external).toBeUndefined();
  });

  it('stops with exit code 2 and a message naming the flag for bad values', async () => {
    const bad = [
      [
        ['--external-concurrency', 'many'],
        '--external-concurrency: expected a whole number, got "many"',
      ],
      [['--external-header', 'no-colon'], '--external-header expects <host>=<Name>: <value>'],
      [
        ['--external-timeout', '5x'],
        'external.timeout: expected milliseconds, or "500ms", "10s", "2m" (got "5x")',
      ],
      [['--external-per-host', '0'], 'external.perHost: Too small'],
    ] as const;
    for (const [args, message] of bad) {
      const result = await cli(['test/fixtures/cli/broken-site', ...args]);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
    }
  });

  it('says outbound links were not checked, and how to check them, when the check is off', async () => {
    const { dir } = await siteLinking(['https://example.org/']);
    const result = await cli([dir, '--site', 'https://example.com']);
    expect(result.stdout.split('\n')[1]).toBe(
      'Outbound links not checked: turn the check on with external: { check: true } or --check-external',
    );
  });

  it('checks outbound URLs with --check-external and prints the summary line, then reuses the cache', async () => {
    const server = await startServer((req, res) => answer(res, req.url === '/gone' ? 404 : 200));
    const { dir, cache } = await siteLinking([`${server.origin}/a`, `${server.origin}/gone`]);
    const args = [
      dir,
      '--site',
      'https://example.com',
      '--check-external',
      '--external-allow-private-hosts',
      '--cache',
      cache,
      ...quietRules,
    ];
    const first = await cli(args);
    expect(first.status).toBe(0);
    const requests = server.requests.length;
    expect(first.stdout.split('\n')[1]).toBe(
      `Outbound URLs: 2 checked (0 from cache, ${requests} requests), 1 broken, 0 unverified`,
    );
    expect(first.stdout).toContain(`links to ${server.origin}/gone, which answers 404 Not Found`);

    const second = await cli(args);
    expect(second.stdout.split('\n')[1]).toBe(
      'Outbound URLs: 2 checked (2 from cache, 0 requests), 1 broken, 0 unverified',
    );
    expect(server.requests).toHaveLength(requests);

    // Broken outbound links fail only when asked.
    const strict = await cli([...args, '--fail-on', 'broken-external']);
    expect(strict.status).toBe(1);
  });

  it('reads external from the config file, and a flag wins over its key', async () => {
    const server = await startServer((_req, res) => answer(res, 999));
    const { dir, cache } = await siteLinking([`${server.origin}/in/someone`]);
    const config = path.join(cache, 'link-report.config.json');
    await writeFile(
      config,
      JSON.stringify({
        site: 'https://example.com',
        severity: { 'localhost-link': 'off', 'insecure-outbound': 'off' },
        external: { check: true, allowPrivateHosts: true, treatAsOk: [999], cache: '0s' },
      }),
    );
    const fromFile = await cli([dir, '--config', config, '--cache', cache, '--format', 'json']);
    expect(JSON.parse(fromFile.stdout).outbound.check.urls[0].status).toBe('ok');
    const flag = await cli([
      dir,
      '--config',
      config,
      '--cache',
      cache,
      '--format',
      'json',
      '--external-treat-as-ok',
      '403',
    ]);
    expect(JSON.parse(flag.stdout).outbound.check.urls[0].status).toBe('unverified');
  });

  it('prints progress lines to a log for longer checks, and none with --quiet', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const { dir, cache } = await siteLinking(
      Array.from({ length: 25 }, (_, i) => `${server.origin}/${i}`),
    );
    const args = [
      dir,
      '--check-external',
      '--external-allow-private-hosts',
      '--cache',
      cache,
      '--external-cache',
      '0s',
    ];
    const result = await cli(args);
    expect(result.stderr).toContain('Checking 25 outbound URLs…\n');
    expect(result.stderr).toContain('Checked 25/25 outbound URLs\n');
    const quiet = await cli([...args, '--quiet']);
    expect(quiet.stderr).not.toContain('outbound URLs');
  });
});
