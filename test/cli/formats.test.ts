import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLinkReport, showPath, version, writeReportFiles } from '../../src/index.js';
import { junitErrors, sarifErrors } from '../helpers/ci-schemas.js';
import { page, writeSite } from '../helpers/site-folder.js';
import {
  ansiPattern,
  binPath,
  cli,
  copyFixture,
  createTempDir,
  fixture,
  repoRoot,
} from './helpers.js';

let temp: Awaited<ReturnType<typeof createTempDir>>;
beforeAll(async () => {
  temp = await createTempDir();
});
afterAll(async () => {
  await temp.cleanup();
});

const brokenErrors = [
  '::error file=test/fixtures/cli/broken-site/index.html,line=11,col=23,title=broken-link on /::' +
    '/: links to /missing/, which does not exist in the build%0AFix the href, or add a page or a redirect for this URL.',
  '::error file=test/fixtures/cli/broken-site/index.html,line=12,col=9,title=broken-fragment on /::' +
    '/: links to /about/#team, but that page has no element with id "team"%0A' +
    'Add an element with that id to the target page, or fix the fragment.',
  '::error file=test/fixtures/cli/broken-site/index.html,line=13,col=1,title=broken-resource on /::' +
    '/: <img src> loads /img/photo.png, which does not exist in the build%0A' +
    'Put the file in the folder served as the site root (public/ in Astro), or fix the path.',
];

describe('text format', () => {
  it('prints the summary and the findings grouped by cause, without colors when not a terminal', async () => {
    const result = await cli([fixture('broken-site'), '--site', 'https://example.com']);
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(ansiPattern);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^2 pages, 5 internal links, 0 outbound links; 3 errors, \d+ warnings?, 0 info$/,
    );
    expect(lines).toContain(
      'note: build format guessed from the files: directory (0 pages as x.html, 1 page as x/index.html); set it with --build-format',
    );
    const first = lines.findIndex((line) => line.startsWith('error '));
    expect(lines.slice(first, first + 9)).toEqual([
      'error   broken-link  <a href="/missing/">the old pricing page</a>  links to /missing/, which does not exist in the build',
      '        on / (test/fixtures/cli/broken-site/index.html:11:23)',
      '        hint: Fix the href, or add a page or a redirect for this URL.',
      'error   broken-fragment  <a href="/about/#team">the people</a>  links to /about/#team, but that page has no element with id "team"',
      '        on / (test/fixtures/cli/broken-site/index.html:12:9)',
      '        hint: Add an element with that id to the target page, or fix the fragment.',
      'error   broken-resource  <img src="/img/photo.png">  <img src> loads /img/photo.png, which does not exist in the build',
      '        on / (test/fixtures/cli/broken-site/index.html:13:1)',
      '        hint: Put the file in the folder served as the site root (public/ in Astro), or fix the path.',
    ]);
    expect(result.stdout.endsWith('\n3 findings at the fail level (fail-on: error).\n')).toBe(true);
  });

  it('says when the build format was given rather than guessed', async () => {
    const given = await cli([fixture('jekyll-site'), '--build-format', 'file']);
    expect(given.status).toBe(0);
    expect(given.stdout).toMatch(/^\d+ pages, /);
    expect(given.stdout).not.toContain('build format guessed');
    const guessed = await cli([fixture('jekyll-site')]);
    expect(guessed.stdout).toContain('note: build format guessed from the files: file');
    // A site of one index.html tells nothing, and nothing depends on it.
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    const single = await cli([dir, '--no-cache', '--site', 'https://example.com']);
    expect(single.status).toBe(0);
    expect(single.stdout).not.toContain('build format');
  });

  it('colors with FORCE_COLOR or --color, and --no-color wins over FORCE_COLOR', async () => {
    expect((await cli([fixture('broken-site')], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(
      ansiPattern,
    );
    expect((await cli([fixture('broken-site'), '--color'])).stdout).toMatch(ansiPattern);
    expect(
      (await cli([fixture('broken-site'), '--no-color'], { env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toMatch(ansiPattern);
  });

  // Note: `script` (util-linux) gives the bin a real terminal.
  const hasScript = process.platform === 'linux' && spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('colors on a terminal unless NO_COLOR is set', () => {
    const inTerminal = (env: Record<string, string>) =>
      spawnSync(
        'script',
        // Note: --quiet keeps the progress line (itself an escape sequence) out of the output.
        ['-qec', `'${process.execPath}' '${binPath}' -q ${fixture('broken-site')}`, '/dev/null'],
        {
          cwd: repoRoot,
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
        },
      );
    const colored = inTerminal({});
    expect(colored.stdout).toContain('links to /missing/');
    expect(colored.stdout).toMatch(ansiPattern);
    const plain = inTerminal({ NO_COLOR: '1' });
    expect(plain.stdout).toContain('links to /missing/');
    expect(plain.stdout).not.toMatch(ansiPattern);
  });
});

describe('json format', () => {
  it('prints the report, and nothing else, on stdout', async () => {
    const result = await cli([
      fixture('eleventy-site'),
      '--format',
      'json',
      '--site',
      'https://example.com',
    ]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.$schema).toBe(
      `https://unpkg.com/astro-link-report@${version}/dist/report.schema.json`,
    );
    expect(report.site).toEqual({
      site: 'https://example.com',
      siteKnown: true,
      base: '/',
      trailingSlash: 'ignore',
      buildFormat: 'directory',
    });
    expect(report.summary.findings.error).toBe(0);
    const pages = report.pages.map((page: { path: string; file: string; kind: string }) => [
      page.path,
      page.file,
      page.kind,
    ]);
    expect(pages).toEqual([
      ['/404', '404.html', 'not-found'],
      ['/about/', 'about/index.html', 'page'],
      ['/blog/first-post/', 'blog/first-post/index.html', 'page'],
      ['/blog/', 'blog/index.html', 'page'],
      ['/contact', 'contact.html', 'page'],
      ['/', 'index.html', 'page'],
    ]);
    expect(report.notes).toContain(
      'build format guessed from the files: directory (1 page as x.html, 3 pages as x/index.html); set it with --build-format',
    );
  });

  it('reports the findings with positions on the built files', async () => {
    const result = await cli([fixture('broken-site'), '-f', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout);
    const errors = report.findings
      .filter((finding: { severity: string }) => finding.severity === 'error')
      .map((finding: { type: string; file: string; link: { href: string; position: unknown } }) => [
        finding.type,
        finding.file,
        finding.link.href,
        finding.link.position,
      ]);
    expect(errors).toEqual([
      ['broken-link', 'index.html', '/missing/', { type: 'source', line: 11, column: 23 }],
      ['broken-fragment', 'index.html', '/about/#team', { type: 'source', line: 12, column: 9 }],
      ['broken-resource', 'index.html', '/img/photo.png', { type: 'source', line: 13, column: 1 }],
    ]);
  });

  it('reports paths with the base of a nested-base site', async () => {
    const result = await cli([fixture('docs-base-site'), '--base', '/docs/', '--format', 'json']);
    const report = JSON.parse(result.stdout);
    expect(report.site.base).toBe('/docs/');
    expect(report.pages.map((page: { path: string }) => page.path)).toEqual([
      '/docs/404',
      '/docs/guide/',
      '/docs/guide/install/',
      '/docs/',
    ]);
  });
});

describe('junit, sarif and markdown formats', () => {
  it('print JUnit XML, SARIF and Markdown on stdout, valid against their schemas', async () => {
    const args = [fixture('broken-site'), '--site', 'https://example.com', '--format'];
    const junit = await cli([...args, 'junit']);
    expect(junit.status).toBe(1);
    expect(await junitErrors(junit.stdout)).toEqual([]);
    expect(junit.stdout).toContain(
      '<testcase classname="broken-link" name="/missing/ at test/fixtures/cli/broken-site/index.html:11:23" time="0"><failure',
    );
    const sarif = await cli([...args, 'sarif']);
    expect(sarifErrors(sarif.stdout)).toEqual([]);
    const results = JSON.parse(sarif.stdout).runs[0].results;
    expect(results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'test/fixtures/cli/broken-site/index.html' },
      region: { startLine: 11, startColumn: 23 },
    });
    const markdown = await cli([...args, 'markdown']);
    expect(markdown.stdout.split('\n').slice(0, 3)).toEqual([
      '## Link report',
      '',
      '**3 findings fail the build** (failOn: error), from 3 causes.',
    ]);
  });

  it('says so when the config file lists reporters and there is no report folder', async () => {
    const cwd = path.join(temp.dir, 'reporters-no-folder');
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(cwd, 'link-report.config.json'), '{ "reporters": ["junit"] }');
    const result = await cli([path.join(repoRoot, fixture('broken-site'))], { cwd });
    expect(result.stderr).toContain(
      "astro-link-report: the config file's reporters (junit) are written into the report folder, and there is none: give --html <dir> (or reportDir), or print one with --format\n",
    );
  });

  it('writes the reporters of the config file into the --html folder', async () => {
    const cwd = path.join(temp.dir, 'reporters-config');
    await mkdir(cwd, { recursive: true });
    await writeFile(
      path.join(cwd, 'link-report.config.json'),
      JSON.stringify({ reporters: ['junit', 'sarif', 'markdown'], failOn: 'none' }),
    );
    const htmlDir = path.join(cwd, 'report');
    const result = await cli([path.join(repoRoot, fixture('broken-site')), '--html', htmlDir], {
      cwd,
    });
    expect(result.status, result.stderr).toBe(0);
    for (const file of ['junit.xml', 'report.sarif', 'summary.md']) {
      expect(existsSync(path.join(htmlDir, file)), file).toBe(true);
    }
  });
});

describe('GitHub step outputs', () => {
  it('appends the counts, the verdict and the report page to GITHUB_OUTPUT', async () => {
    const output = path.join(temp.dir, 'github-output');
    await writeFile(output, 'earlier=1\n');
    const htmlDir = path.join(temp.dir, 'outputs-report');
    const result = await cli([fixture('broken-site'), '--html', htmlDir, '--quiet'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: output },
    });
    expect(result.status).toBe(1);
    const text = await readFile(output, 'utf8');
    expect(text.startsWith('earlier=1\n')).toBe(true);
    const values = Object.fromEntries(
      [...text.matchAll(/^([\w-]+)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)].map((m) => [
        m[1],
        m[3],
      ]),
    );
    expect(values).toEqual({
      errors: '3',
      warnings: '1',
      failing: '3',
      failed: 'true',
      report: showPath(repoRoot, path.join(htmlDir, 'index.html')),
    });
  });
});

describe('github format', () => {
  it('prints one workflow command per finding, on the built file, line and column', async () => {
    const result = await cli([
      fixture('broken-site'),
      '--format',
      'github',
      '--site',
      'https://example.com',
    ]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error '))).toEqual(brokenErrors);
    expect(lines.every((line) => line.startsWith('::') || !line.includes('::'))).toBe(true);
    expect(lines.at(-2)).toMatch(/^2 pages, 5 internal links, 0 outbound links; 3 errors/);
    expect(lines.at(-1)).toBe('3 findings at the fail level (fail-on: error).');
  });

  it('prints site-level findings as annotations without a file', async () => {
    const result = await cli([fixture('broken-site'), '--format', 'github']);
    const lines = result.stdout.split('\n');
    // Errors come first, then warnings such as this one.
    expect(lines.slice(0, 3).every((line) => line.startsWith('::error '))).toBe(true);
    expect(lines[3]).toBe(
      '::warning title=site-unknown::site: site is not configured: absolute links to your own domain are treated ' +
        "as outbound%0ASet site in astro.config.mjs (e.g. site: 'https://example.com'), or pass --site to the CLI.",
    );
  });

  it('appends a job summary to GITHUB_STEP_SUMMARY', async () => {
    const summary = path.join(temp.dir, 'step-summary.md');
    await writeFile(summary, 'Earlier step\n');
    const result = await cli([fixture('broken-site'), '--format', 'github'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary },
    });
    expect(result.status).toBe(1);
    const text = await readFile(summary, 'utf8');
    expect(text.startsWith('Earlier step\n## Link report\n')).toBe(true);
    expect(text).toContain('| Severity | Type | Pages | Link | Problem |');
    expect(text).toContain(
      '| error | `broken-link` | / | `/missing/` (11:23) | links to /missing/, which does not exist in the build |',
    );
  });

  it('warns, and still reports, when GITHUB_STEP_SUMMARY cannot be written', async () => {
    const result = await cli([fixture('broken-site'), '--format', 'github'], {
      env: { GITHUB_STEP_SUMMARY: path.join(temp.dir, 'no-such-folder', 'summary.md') },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^astro-link-report: could not write the GitHub job summary: ENOENT/,
    );
    expect(result.stdout.split('\n').filter((line) => line.startsWith('::error '))).toEqual(
      brokenErrors,
    );
  });
});

describe('report files', () => {
  it('writes the JSON report with --json and the report page with --html', async () => {
    const jsonFile = path.join(temp.dir, 'out', 'report.json');
    const htmlDir = path.join(temp.dir, 'report-page');
    const result = await cli([fixture('broken-site'), '--json', jsonFile, '--html', htmlDir]);
    expect(result.status).toBe(1);
    const report = JSON.parse(await readFile(jsonFile, 'utf8'));
    expect(report.summary.findings.error).toBe(3);
    for (const file of ['index.html', 'report.json', 'report.schema.json']) {
      expect(existsSync(path.join(htmlDir, file))).toBe(true);
    }
    expect(await readFile(path.join(htmlDir, 'index.html'), 'utf8')).toContain('/missing/');
    expect(result.stderr).toContain(`Wrote ${jsonFile}\n`);
    expect(result.stderr).toContain(`Wrote ${path.join(htmlDir, 'index.html')}\n`);
  });

  it('leaves a report folder inside the output out of the next run', async () => {
    const dir = await copyFixture('eleventy-site', path.join(temp.dir, 'report-inside'));
    const run = async () =>
      JSON.parse((await cli([dir, '--format', 'json', '--html', path.join(dir, 'links')])).stdout);
    expect((await run()).summary.pages).toBe(6);
    expect(existsSync(path.join(dir, 'links/index.html'))).toBe(true);
    expect((await run()).summary.pages).toBe(6);
  });

  it('leaves out the report folder an Astro build left (_link-report)', async () => {
    const dir = await copyFixture('eleventy-site', path.join(temp.dir, 'astro-report-left'));
    const { report } = await runLinkReport({ dir });
    await writeReportFiles(report, { htmlDir: path.join(dir, '_link-report') });
    const result = await cli([dir, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary.pages).toBe(6);
  });

  it('checks a _link-report folder that this tool did not write, and refuses to replace it', async () => {
    const dir = await copyFixture('eleventy-site', path.join(temp.dir, 'not-a-report'));
    await mkdir(path.join(dir, '_link-report'));
    await writeFile(
      path.join(dir, '_link-report/index.html'),
      '<a href="/nowhere/">Nowhere at all</a>',
    );
    const result = await cli([dir, '--format', 'json', '--html', path.join(dir, '_link-report')]);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout).summary.pages).toBe(7);
    expect(result.stderr).toContain('holds files astro-link-report did not write (index.html)');
    expect(await readFile(path.join(dir, '_link-report/index.html'), 'utf8')).toBe(
      '<a href="/nowhere/">Nowhere at all</a>',
    );
  });

  it('exits 2 when a report file cannot be written, after printing the report', async () => {
    const result = await cli([
      fixture('eleventy-site'),
      '--json',
      `${fixture('no-html')}/readme.txt/report.json`,
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('No findings at the fail level');
    expect(result.stderr).toMatch(
      /^astro-link-report: could not write .*readme\.txt\/report\.json: (EEXIST|ENOTDIR)/,
    );
  });

  it('exits 2 when the JSON report would replace a folder', async () => {
    const target = path.join(temp.dir, 'a-folder');
    await mkdir(target);
    const result = await cli([fixture('eleventy-site'), '--quiet', '--json', target]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^astro-link-report: could not write .*a-folder: /);
  });

  it('refuses --html pointing at the output folder itself', async () => {
    const result = await cli([fixture('eleventy-site'), '--html', fixture('eleventy-site')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--html must not be the output folder itself');
  });
});

describe('progress', () => {
  let bigSite: string;
  beforeAll(async () => {
    bigSite = path.join(temp.dir, 'big-site');
    for (let i = 0; i < 500; i++) {
      await mkdir(path.join(bigSite, `page-${i}`), { recursive: true });
      const next = `/page-${(i + 1) % 500}/`;
      await writeFile(
        path.join(bigSite, `page-${i}`, 'index.html'),
        `<!doctype html><title>Page ${i}</title><main><a href="${next}">Page number ${(i + 1) % 500}</a></main>\n`,
      );
    }
    await writeFile(
      path.join(bigSite, 'index.html'),
      '<main><a href="/page-0/">The first page</a></main>\n',
    );
  });

  it('prints plain progress lines on stderr when it is not a terminal', async () => {
    const result = await cli([bigSite, '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).summary.pages).toBe(501);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.every((line) => /^Parsed \d+\/501 files$/.test(line))).toBe(true);
    expect(lines).toContain('Parsed 51/501 files');
    expect(lines.at(-1)).toBe('Parsed 501/501 files');
  });

  it('prints nothing with --quiet', async () => {
    const result = await cli([bigSite, '--quiet', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('prints nothing for small runs', async () => {
    expect((await cli([fixture('eleventy-site')])).stderr).toBe('');
  });
});
