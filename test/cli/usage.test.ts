import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flagNames, parseCliArgs } from '../../src/cli/parse-args.js';
import { findingTypes } from '../../src/index.js';
import { cli, createTempDir, fixture, repoRoot } from './helpers.js';

// Note: boolean flags are documented in their --no- form where that is the useful one.
const allFlags = flagNames.map((flag) =>
  ['--fragments', '--color'].includes(flag) ? `--no-${flag.slice(2)}` : flag,
);

describe('help and version', () => {
  it('prints the usage, every flag, the exit codes and the finding types with --help', async () => {
    const result = await cli(['--help']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('Usage: astro-link-report [dir] [options]\n')).toBe(true);
    for (const flag of allFlags) expect(result.stdout).toContain(flag);
    expect(result.stdout).toContain('  1  findings at the fail level');
    expect(result.stdout).toContain('  2  usage, configuration or input error');
    for (const type of findingTypes) expect(result.stdout).toContain(type);
    expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(
      110,
    );
  });

  it('prints help with -h even after other flags, without running', async () => {
    const result = await cli(['does-not-exist', '--format', 'json', '-h']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: astro-link-report');
  });

  it('prints the package version with --version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const result = await cli(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${pkg.version}\n`);
  });
});

describe('invalid command lines (exit code 2)', () => {
  const cases: [string, string[], string][] = [
    [
      'an invalid --trailing-slash',
      ['--trailing-slash', 'sometimes'],
      '--trailing-slash must be one of always, never, ignore (got "sometimes")',
    ],
    [
      'an invalid --format',
      ['--format', 'xml'],
      '--format must be one of text, json, github, junit, sarif, markdown (got "xml")',
    ],
    [
      'an invalid --build-format',
      ['--build-format', 'folder'],
      '--build-format must be one of directory, file, preserve (got "folder")',
    ],
    [
      'an invalid --fail-on entry, naming that entry and what it was meant to be',
      ['--fail-on', 'broken-link,broken-lnk'],
      '--fail-on: unknown finding type "broken-lnk" (did you mean broken-link?)',
    ],
    [
      'an invalid --fail-on',
      ['--fail-on', 'eror'],
      `--fail-on must be one of error, warning, info, none, or a comma-separated list of finding types (${findingTypes.join(', ')}) (got "eror"); did you mean error?`,
    ],
    [
      'a --severity without a level',
      ['--severity', 'broken-link'],
      '--severity expects <type>=<level>, e.g. redirected-link=error (got "broken-link")',
    ],
    [
      'a --severity with an unknown level',
      ['--severity', 'broken-link=fatal'],
      '--severity: the level must be one of error, warning, info, off (got "fatal" for broken-link)',
    ],
    [
      'a --severity with an unknown type',
      ['--severity', 'dead-link=error'],
      `--severity: unknown finding type "dead-link"; the types are ${findingTypes.join(', ')}`,
    ],
    [
      'a relative --site',
      ['--site', 'example.com'],
      '--site must be an absolute http(s) URL such as https://example.com (got "example.com")',
    ],
    [
      'an invalid --ignore-links regex',
      ['--ignore-links', '/a(/'],
      '--ignore-links: invalid regular expression /a(/',
    ],
    ['an unknown flag', ['--frobnicate'], 'unknown option --frobnicate'],
    [
      'a mistyped flag, with the one meant',
      ['--fial-on', 'error'],
      'unknown option --fial-on (did you mean --fail-on?)',
    ],
    [
      'a mistyped negated flag',
      ['--no-fragmnets'],
      'unknown option --no-fragmnets (did you mean --no-fragments?)',
    ],
    [
      'a mistyped --severity type',
      ['--severity', 'redirect-link=error'],
      '--severity: unknown finding type "redirect-link" (did you mean redirected-link?)',
    ],
    ['a flag without its value', ['--site'], '--site needs a value'],
    ['a value given to a boolean flag', ['--quiet=yes'], '--quiet does not take a value'],
    ['two folders', ['one', 'two'], 'expected one output folder, got 2: one two'],
  ];
  for (const [name, args, message] of cases) {
    it(`reports ${name}`, async () => {
      const result = await cli(
        [fixture('eleventy-site'), ...args].slice(args[0] === 'one' ? 1 : 0),
      );
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`astro-link-report: ${message}`);
      expect(result.stderr).toContain('Run astro-link-report --help for usage.');
    });
  }
});

describe('--inbound', () => {
  it('joins a Search Console export folder with the site', async () => {
    const result = await cli([
      fixture('eleventy-site'),
      '--site',
      'https://example.com',
      '--inbound',
      'test/fixtures/cli/inbound/',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(
      report.inbound.sources.map((source: { table: string; status: string }) => [
        source.table,
        source.status,
      ]),
    ).toEqual([['search-console-top-target-pages', 'ok']]);
    const post = report.pages.find((page: { path: string }) => page.path === '/blog/first-post/');
    expect(post.inbound).toMatchObject({ incomingLinks: 45, linkingSites: 12 });
    expect(report.findings.map((finding: { type: string }) => finding.type)).toContain(
      'lost-backlink-target',
    );
  });

  it("gives a drill-down its target with 'file.csv=/page/', and imports good rows with --allow-bad-rows", async () => {
    const { dir: cwd, cleanup } = await createTempDir();
    try {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(
        path.join(cwd, 'example.com-Top sites linking to this page-2026-05-10.csv'),
        'Site,Links\nreddit.com,4\nnews.example.org,x\n',
      );
      const args = [
        path.join(repoRoot, fixture('eleventy-site')),
        '--site',
        'https://example.com',
        '--inbound',
        'example.com-Top sites linking to this page-2026-05-10.csv=/blog/first-post/',
        '--format',
        'json',
      ];
      const strict = JSON.parse((await cli(args, { cwd })).stdout);
      expect(strict.inbound.sources[0]).toMatchObject({ status: 'failed', badRows: 1 });
      const lenient = await cli([...args, '--allow-bad-rows'], { cwd });
      const report = JSON.parse(lenient.stdout);
      expect(report.inbound.sources[0]).toMatchObject({
        status: 'ok',
        table: 'search-console-site-drill-down',
        badRows: 1,
      });
      const post = report.pages.find((page: { path: string }) => page.path === '/blog/first-post/');
      expect(post.inbound).toMatchObject({ incomingLinks: 4, referringDomains: ['reddit.com'] });
    } finally {
      await cleanup();
    }
  });

  it('passes URLs as remote sources, required: a failed download is an error', async () => {
    const { dir: cwd, cleanup } = await createTempDir();
    try {
      const result = await cli(
        [
          path.join(repoRoot, fixture('eleventy-site')),
          '--inbound',
          'http://127.0.0.1:9/x.csv',
          '--format',
          'json',
        ],
        { cwd },
      );
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.inbound.sources).toMatchObject([
        { entry: 'http://127.0.0.1:9/x.csv', location: 'url', status: 'failed', required: true },
      ]);
      expect(
        report.findings
          .filter((finding: { type: string }) => finding.type === 'inbound-source-failed')
          .map((finding: { severity: string }) => finding.severity),
      ).toEqual(['error']);
    } finally {
      await cleanup();
    }
  });
});

describe('--cache', () => {
  it('names the cache folder, and --no-cache turns caching off', () => {
    expect(parseCliArgs(['--cache', 'tmp/links']).cache).toBe('tmp/links');
    expect(parseCliArgs(['--no-cache']).cache).toBe(false);
    expect(parseCliArgs([]).cache).toBeUndefined();
    expect(() => parseCliArgs(['--cache', ' '])).toThrow('--cache needs a non-empty value');
  });
});
