import { spawnSync } from 'node:child_process';
import { chmod, mkdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, copyFixture, createTempDir, fixture, runBin } from './helpers.js';

let temp: Awaited<ReturnType<typeof createTempDir>>;
beforeAll(async () => {
  temp = await createTempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

describe('exit code 0: nothing at the fail level', () => {
  it('passes an Eleventy-style site (x/index.html, x.html, 404.html)', async () => {
    const result = await cli([fixture('eleventy-site'), '--site', 'https://example.com']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^6 pages, \d+ internal links, 0 outbound links; 0 errors/);
    expect(result.stdout).toContain('No findings at the fail level (fail-on: error).');
  });

  it('passes a Jekyll-style site of x.html files and guesses the file build format', async () => {
    const result = await cli([fixture('jekyll-site'), '--site', 'https://example.com']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'note: build format guessed from the files: file (2 pages as x.html, 0 pages as x/index.html)',
    );
  });

  it('passes a Hugo-style site served under a nested base with --base', async () => {
    const result = await cli([
      fixture('docs-base-site'),
      '--base',
      '/docs/',
      '--site',
      'https://example.com',
    ]);
    expect(result.stdout).toContain('0 errors');
    expect(result.status).toBe(0);
  });

  it('passes a broken site with --fail-on none', async () => {
    expect((await cli([fixture('broken-site'), '--fail-on', 'none'])).status).toBe(0);
  });

  it('passes when --severity turns the failing findings down or off', async () => {
    const result = await cli([
      fixture('broken-site'),
      '--severity',
      'broken-link=warning',
      '--severity',
      'broken-fragment=off',
      '--severity',
      'broken-resource=info',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 errors, 2 warnings');
    expect(result.stdout).not.toContain('broken-fragment');
  });

  it('passes when --fail-on lists only types that are not found', async () => {
    expect(
      (await cli([fixture('broken-site'), '--fail-on', 'redirected-link,orphan-page'])).status,
    ).toBe(0);
  });

  it('passes when --ignore-links skips the broken links (glob and regex)', async () => {
    const result = await cli([
      fixture('broken-site'),
      '--ignore-links',
      '/missing/**',
      '--ignore-links',
      '/#team$/',
      '--ignore-links',
      '/img/*',
    ]);
    expect(result.stdout).toContain('0 errors');
    expect(result.status).toBe(0);
  });

  it('passes when --ignore-pages leaves out the page with the broken links', async () => {
    expect((await cli([fixture('broken-site'), '--ignore-pages', '/'])).status).toBe(0);
  });

  it('passes a broken fragment with --no-fragments and --fail-on broken-fragment', async () => {
    expect(
      (await cli([fixture('broken-site'), '--no-fragments', '--fail-on', 'broken-fragment']))
        .status,
    ).toBe(0);
  });
});

describe('exit code 1: findings at the fail level', () => {
  it('fails on broken links by default', async () => {
    const result = await cli([fixture('broken-site')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('3 findings at the fail level (fail-on: error).');
  });

  it('fails on the finding types listed in --fail-on', async () => {
    const result = await cli([fixture('broken-site'), '--fail-on', 'broken-fragment']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1 finding at the fail level (fail-on: broken-fragment).');
  });

  it('fails on a nested base site checked without --base', async () => {
    const result = await cli([fixture('docs-base-site')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('links to /docs/guide/, which does not exist in the build');
  });

  it('fails on a warning raised to an error with --severity', async () => {
    const dir = path.join(temp.dir, 'warning-site');
    await mkdir(path.join(dir, 'old'), { recursive: true });
    await mkdir(path.join(dir, 'new'), { recursive: true });
    const page = (body: string) => `<!doctype html><title>Page</title><main>${body}</main>\n`;
    await writeFile(
      path.join(dir, 'index.html'),
      page('<a href="/old/">The old page</a> <a href="/new/">The new page</a>'),
    );
    await writeFile(
      path.join(dir, 'old/index.html'),
      '<meta http-equiv="refresh" content="0;url=/new/">\n',
    );
    await writeFile(path.join(dir, 'new/index.html'), page('<a href="/">The home page</a>'));
    const plain = await cli([dir, '--site', 'https://example.com']);
    expect(plain.stdout).toContain('warning redirected-link');
    expect(plain.status).toBe(0);
    expect(
      (await cli([dir, '--site', 'https://example.com', '--severity', 'redirected-link=error']))
        .status,
    ).toBe(1);
    expect((await cli([dir, '--site', 'https://example.com', '--fail-on', 'warning'])).status).toBe(
      1,
    );
  });
});

describe('exit code 2: usage, configuration or input errors', () => {
  it('reports a missing folder', async () => {
    const result = await cli(['test/fixtures/cli/does-not-exist']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^astro-link-report: Cannot read the build output .*does-not-exist: no such folder\n$/,
    );
  });

  it('reports a file given instead of a folder', async () => {
    const result = await cli([`${fixture('eleventy-site')}/index.html`]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/index\.html: not a folder/);
  });

  it('defaults to ./dist and says so when it is missing', async () => {
    const result = await cli([], { cwd: temp.dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `Cannot read the build output ${path.join(temp.dir, 'dist')}: no such folder`,
    );
  });

  it('checks ./dist when no folder is given', async () => {
    const cwd = path.join(temp.dir, 'default-dir');
    await copyFixture('broken-site', path.join(cwd, 'dist'));
    const result = await cli(['--format', 'github'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error file=dist/index.html,line=11,col=23,');
  });

  it('reports a folder with no HTML files', async () => {
    const result = await cli([fixture('no-html')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      'astro-link-report: no .html files found in test/fixtures/cli/no-html (is it the build output folder?)\n',
    );
  });

  it('reads a file too large to read whole up to the limit, and fails on it naming it', async () => {
    const dir = await copyFixture('eleventy-site', path.join(temp.dir, 'large-file'));
    // Note: a sparse file; it takes no disk space, and Node refuses to read files over 2 GiB
    // whole. A small limit keeps the test fast.
    await writeFile(path.join(dir, 'huge.html'), '');
    await truncate(path.join(dir, 'huge.html'), 3 * 1024 ** 3);
    const result = await cli([dir, '--html-max-bytes', '64K', '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { type: string; message: string }[] };
    expect(
      report.findings.filter((f) => f.type === 'page-too-large').map((f) => f.message),
    ).toEqual([
      'huge.html is 3 GiB, more than the 64 KiB of htmlLimits.maxBytes: only its first 64 KiB were checked (its links and ids after them were not read, and links to its ids are not checked)',
    ]);
  });

  // Note: root reads files whatever their mode. As root, the bin runs under setpriv without
  // the capabilities that bypass file permissions; without setpriv the case cannot be made.
  const isRoot = process.getuid?.() === 0;
  const prefix = isRoot
    ? [
        'setpriv',
        '--bounding-set=-dac_override,-dac_read_search',
        '--inh-caps=-dac_override,-dac_read_search',
      ]
    : [];
  const canDropPrivileges =
    !isRoot || spawnSync(prefix[0]!, [...prefix.slice(1), process.execPath, '-e', '']).status === 0;
  it.skipIf(process.platform === 'win32' || !canDropPrivileges)(
    'reports an unreadable file, naming it (as root: under setpriv without CAP_DAC_OVERRIDE)',
    async () => {
      const dir = await copyFixture('eleventy-site', path.join(temp.dir, 'unreadable'));
      const file = path.join(dir, 'about/index.html');
      await chmod(file, 0o000);
      const result = runBin([dir], { prefix });
      await chmod(file, 0o644);
      expect(result.status).toBe(2);
      expect(result.stderr).toBe(`astro-link-report: Cannot read ${file}: permission denied\n`);
    },
  );
});

describe('--workers', () => {
  it('parses in worker threads with the same findings as in process', async () => {
    const inProcess = await cli([fixture('broken-site'), '--format', 'json', '--workers', '0']);
    const threaded = await cli([fixture('broken-site'), '--format', 'json', '--workers', '2']);
    expect(threaded.status).toBe(1);
    const findings = (result: { stdout: string }) =>
      JSON.parse(result.stdout).findings.map(
        (f: { type: string; link: { href: string } | null }) => [f.type, f.link?.href],
      );
    expect(findings(threaded)).toEqual(findings(inProcess));
    expect(findings(threaded)).toContainEqual(['broken-link', '/missing/']);
  });

  it('rejects a value that is not a whole number', async () => {
    const result = await cli([fixture('broken-site'), '--workers', 'many']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--workers: expected a whole number from 0 to 64, got "many"');
  });
});

describe('--asset', () => {
  it('rejects an unknown asset type with the allowed ones (exit 2)', async () => {
    const result = await cli([fixture('broken-site'), '--asset', '/x/**=widget']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /assets\.\/x\/\*\*: Invalid option: expected one of "tool"\|"research"/,
    );
  });
});
