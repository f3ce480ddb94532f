/**
 * The integration's warning when the heap may not last the run, from a process that holds
 * 64 MB more from the first page on (test/helpers/heap-ballast.mjs) in a 128 MB heap: its
 * hooks driven directly, with the parts of Astro's config it reads and a logger that records
 * what it is told.
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../cli/helpers.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const driver = `
import linkReport from ${JSON.stringify(pathToFileURL(`${repoRoot}dist/integration/index.js`).href)};
import { pathToFileURL } from 'node:url';
const [dir, root] = process.argv.slice(1);
const url = (folder) => pathToFileURL(folder + '/');
const messages = { debug: [], info: [], warn: [], error: [] };
const logger = { options: {}, label: 'astro-link-report', fork: () => logger };
for (const level of Object.keys(messages)) logger[level] = (message) => messages[level].push(message);
let checker;
await linkReport({ reportDir: false }).hooks['astro:config:setup']({
  updateConfig: ({ integrations }) => { checker = integrations[0]; },
});
const config = {
  root: url(root), srcDir: url(root + '/src'), outDir: url(dir), cacheDir: url(root + '/cache'),
  site: 'https://example.com', base: '/', trailingSlash: 'ignore',
  build: { format: 'directory', client: url(dir) }, redirects: {}, integrations: [checker],
};
await checker.hooks['astro:config:setup']?.({ command: 'build', createCodegenDir: () => url(root + '/.astro') });
await checker.hooks['astro:config:done']({ config, logger });
await checker.hooks['astro:build:done']({ dir: url(dir), assets: new Map(), logger });
console.log(JSON.stringify(messages));
`;

describe('the integration, when the heap may not last the run', () => {
  it("warns once, through Astro's logger, and finishes the run", async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/about/">About</a>'),
      'about/index.html': page('<a href="/">Home</a>'),
    });
    const root = await makeTempDir('project-');
    const result = spawnSync(
      process.execPath,
      [
        `--import=${pathToFileURL(`${repoRoot}test/helpers/heap-ballast.mjs`).href}`,
        '--max-old-space-size=128',
        '--max-semi-space-size=1',
        '--input-type=module',
        '--eval',
        driver,
        dir,
        root,
      ],
      { cwd: repoRoot, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const messages = JSON.parse(result.stdout) as Record<string, string[]>;
    const warnings = messages.warn!.filter((message) => message.includes('run out of memory'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^this run may run out of memory: after reading 2 pages the heap holds \d+ MB, (6[4-9]|7\d) MB of them this run's, .* allows this process \d+ MB\. .*NODE_OPTIONS=--max-old-space-size=\d+$/,
      ),
    ]);
    expect(messages.debug!.some((message) => message.startsWith('timings: '))).toBe(true);
  });
});
