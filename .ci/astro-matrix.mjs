// The integration on Astro 5, 6 and 7, installed as a user installs it: the packed package
// (npm pack) goes into a scratch project per Astro version, with that astro and the
// @astrojs/node made for it; the fixture sites are copied there and built there, so the
// integration resolves astro (and astro/errors) from that install. Every version must produce
// what Astro 7 produces (the version the test suite runs on): the same findings, pages, build
// errors and report files; and Astro 7 what the fixtures README says. On each, astro dev must
// serve the report, and its toolbar app must load (its module answers 200), open in Chromium
// without a console error and outline the fixture's broken link.
// Run: node .ci/astro-matrix.mjs (after npm run build); KEEP_MATRIX=1 keeps the scratch folder.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, promisify } from 'node:util';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '..');
const installed = (name) =>
  JSON.parse(readFileSync(path.join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;

// @astrojs/node 9 is for Astro 5 (9.5.5 needs astro ^5.17.3), 10 for Astro 6 (10.1.4: ^6.3.0),
// 11 for Astro 7; Astro 7 and its adapter are the versions this repository is tested with.
const versions = [
  { name: 'astro 5', astro: '5.18.2', adapter: '9.5.5' },
  { name: 'astro 6', astro: '6.4.8', adapter: '10.1.4' },
  { name: 'astro 7', astro: installed('astro'), adapter: installed('@astrojs/node') },
];

/** Fixture sites, and the link-check findings the fixtures README promises for each. */
const fixtures = {
  'valid-directory': [],
  'broken-link': ['error broken-link / /missing/'],
  'broken-fragment': ['error broken-fragment / /about/#team'],
  'missing-image': ['error broken-resource / /images/nope.png'],
  'css-resources': [
    'error broken-resource - /images/missing-bg.png',
    'error broken-resource - /icons/icon-512.png',
    'error broken-resource / /images/banner-missing.jpg',
  ],
  'base-always': [],
  'format-file': [],
  redirect: ['warning redirected-link / /old/'],
  'server-prerender': ['error broken-link / /nowhere/'],
  'i18n-fallback': [],
  'i18n-fallback-redirect': ['warning redirected-link /fr/ /fr/about/'],
  'component-broken-link': [
    'error broken-link / /pricng/ at src/components/Header.astro:7:14',
    'error broken-link /about/ /pricng/ at src/components/Header.astro:7:14',
    'error broken-link /pricing/ /pricng/ at src/components/Header.astro:7:14',
  ],
};
const checkTypes =
  /^\w+ (broken-link|broken-fragment|broken-resource|redirected-link|trailing-slash-mismatch) /;

const started = performance.now();
const scratch = await mkdtemp(path.join(tmpdir(), 'astro-link-report-matrix-'));
let failed = false;
try {
  if (!existsSync(path.join(repo, 'dist/integration/index.js'))) {
    await run('npm', ['run', 'build'], { cwd: repo });
  }
  const { stdout } = await run(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch],
    { cwd: repo },
  );
  const tarball = path.join(scratch, JSON.parse(stdout)[0].filename);

  // Installs run side by side (they wait on the registry); builds one after another.
  await Promise.all(versions.map((version) => install(version, tarball)));
  const results = {};
  for (const version of versions) {
    const { stdout: json } = await run(
      process.execPath,
      ['astro-matrix-build.mjs', ...Object.keys(fixtures)],
      { cwd: version.dir, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
    );
    results[version.name] = JSON.parse(json);
  }

  const reference = results['astro 7'];
  for (const [fixture, promised] of Object.entries(fixtures)) {
    const problems = [];
    // The README names no source lines: they are compared where a promise names one.
    const found = reference[fixture].findings
      .filter((row) => checkTypes.test(row))
      .map((row, i) => (promised[i]?.includes(' at ') ? row : row.replace(/ at \S+$/, '')));
    if (!isDeepStrictEqual(found, promised)) {
      problems.push(
        `astro 7: expected ${JSON.stringify(promised)}, found ${JSON.stringify(found)}`,
      );
    }
    for (const version of versions) {
      const result = results[version.name][fixture];
      for (const key of Object.keys(result)) {
        if (!isDeepStrictEqual(result[key], reference[fixture][key])) {
          problems.push(
            `${version.name} ${key}: ${JSON.stringify(result[key])}\n      astro 7: ${JSON.stringify(reference[fixture][key])}`,
          );
        }
      }
    }
    const summary = reference[fixture];
    console.log(
      `${problems.length > 0 ? '✗' : '✓'} ${fixture}: ${summary.findings.length} finding(s) on ${summary.pages.length} page(s)${summary.error ? ', build failed' : ''}, report in ${summary.report}`,
    );
    for (const problem of problems) console.log(`    ${problem}`);
    if (problems.length > 0) failed = true;
  }
  // astro dev serves the last build's report (the private one of component-broken-link), and
  // its toolbar app loads, opens without an error and flags the broken link.
  const browser = await launchBrowser();
  try {
    for (const version of versions) {
      const { served, toolbar } = await checkDevServer(version, 'component-broken-link', browser);
      const ok = served.status === 200 && served.body.includes('<code>/pricng/</code>');
      console.log(
        `${ok ? '✓' : '✗'} ${version.name}: astro dev serves the report (${served.status})`,
      );
      if (!ok) {
        failed = true;
        console.log(`    ${served.body.slice(0, 300)}`);
      }
      if (toolbar === null) continue;
      const loaded = toolbar.module === 200 && toolbar.errors.length === 0 && toolbar.flagged;
      console.log(
        `${loaded ? '✓' : '✗'} ${version.name}: the toolbar app loads (module ${toolbar.module ?? 'not requested'}), opens${toolbar.flagged ? ' and flags /pricng/' : ''}, ${toolbar.errors.length} console error(s)`,
      );
      if (!loaded) {
        failed = true;
        for (const error of toolbar.errors) console.log(`    ${error.slice(0, 300)}`);
      }
    }
  } finally {
    await browser?.close();
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  console.log(
    failed
      ? `Astro matrix: differences found (${seconds} s).`
      : `Astro matrix: ${Object.keys(fixtures).length} fixtures agree on ${versions.map((v) => `astro ${v.astro}`).join(', ')} (${seconds} s).`,
  );
} finally {
  if (process.env.KEEP_MATRIX) console.log(`Kept ${scratch}`);
  else await rm(scratch, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

/**
 * Start `astro dev` on a fixture, GET `/_link-report/index.html`, open the page in the
 * browser (when there is one) and the toolbar app, stop it.
 */
async function checkDevServer(version, fixture, browser) {
  const pkg = JSON.parse(
    readFileSync(path.join(version.dir, 'node_modules/astro/package.json'), 'utf8'),
  );
  const bin = path.join(
    version.dir,
    'node_modules/astro',
    typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.astro,
  );
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env.NODE_ENV;
  const child = spawn(
    process.execPath,
    [bin, 'dev', '--root', path.join('fixtures', fixture), '--host', '127.0.0.1', '--port', '0'],
    { cwd: version.dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    const origin = await new Promise((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () => reject(new Error(`astro dev did not start:\n${output}`)),
        60_000,
      );
      const read = (chunk) => {
        output += chunk;
        const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${match[1]}`);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', () => reject(new Error(`astro dev exited:\n${output}`)));
    });
    const response = await fetch(`${origin}/_link-report/index.html`, {
      headers: { accept: 'text/html' },
    });
    const served = { status: response.status, body: await response.text() };
    return { served, toolbar: browser ? await openToolbar(browser, origin) : null };
  } catch (error) {
    return { served: { status: 0, body: error.message }, toolbar: null };
  } finally {
    child.kill();
  }
}

/**
 * The toolbar app on the fixture's home page: the status of its module (served by Vite from
 * the installed package), the page's console errors, and whether it outlined the broken link.
 */
async function openToolbar(browser, origin) {
  const page = await browser.newPage();
  const errors = [];
  let module = null;
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    // Note: the browser asks for /favicon.ico by itself; the fixture has none.
    if (url && new URL(url).pathname === '/favicon.ico') return;
    errors.push(`${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('response', (response) => {
    if (response.url().includes('/astro-link-report/dist/integration/toolbar/app.js')) {
      module = response.status();
    }
  });
  try {
    await page.goto(`${origin}/`);
    const toolbar = page.locator('astro-dev-toolbar');
    await toolbar.locator('button[data-app-id="astro-link-report"]').click({ timeout: 30_000 });
    const canvas = toolbar.locator('astro-dev-toolbar-app-canvas[data-app-id="astro-link-report"]');
    await canvas.locator('#lr-summary').waitFor({ timeout: 30_000 });
    const highlight = canvas.locator(
      'astro-dev-toolbar-highlight[data-link-report-href="/pricng/"]',
    );
    return { module, errors, flagged: (await highlight.count()) === 1 };
  } catch (error) {
    return { module, errors: [...errors, error.message], flagged: false };
  } finally {
    await page.close();
  }
}

/** Debian's Chromium through playwright-core, or null (said) when it is missing outside CI. */
async function launchBrowser() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    const reason = `Chromium not found at ${executablePath}`;
    if (process.env.CI === 'true' || process.env.CI === '1')
      throw new Error(`${reason}: the toolbar app cannot be checked.`);
    console.log(`- ${reason}: the toolbar app is not checked.`);
    return null;
  }
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A scratch project with one Astro version, the packed package and the fixtures. */
async function install(version, tarball) {
  version.dir = path.join(scratch, version.name.replace(' ', ''));
  await mkdir(version.dir);
  const manifest = {
    name: `matrix-${version.name.replace(' ', '')}`,
    private: true,
    type: 'module',
    dependencies: {
      astro: version.astro,
      '@astrojs/node': version.adapter,
      'astro-link-report': `file:${tarball}`,
    },
    allowScripts: { esbuild: true, sharp: true },
  };
  await writeFile(path.join(version.dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await cp(
    path.join(repo, '.ci/astro-matrix-build.mjs'),
    path.join(version.dir, 'astro-matrix-build.mjs'),
  );
  for (const fixture of Object.keys(fixtures)) {
    await cp(
      path.join(repo, 'test/fixtures', fixture),
      path.join(version.dir, 'fixtures', fixture),
      {
        recursive: true,
        filter: (source) => !/[\\/](dist|\.astro|node_modules)$/.test(source),
      },
    );
  }
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: version.dir,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw new Error(`npm install for ${version.name} failed:\n${error.stderr || error.message}`);
  }
  const files = await readdir(path.join(version.dir, 'node_modules'));
  if (!files.includes('astro'))
    throw new Error(`npm install for ${version.name} installed no astro`);
}
