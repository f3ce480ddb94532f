import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * The integration's own hooks, driven directly (with the parts of Astro's config it reads)
 * and a logger that records what it is told.
 */
async function runChecker(dir: string, root: string) {
  let checker: AstroIntegration | undefined;
  const setup = linkReport({ reportDir: false }).hooks['astro:config:setup']!;
  await (setup as (options: unknown) => unknown)({
    updateConfig: ({ integrations }: { integrations: AstroIntegration[] }) => {
      checker = integrations[0];
    },
  });
  const messages: Record<'debug' | 'info' | 'warn' | 'error', string[]> = {
    debug: [],
    info: [],
    warn: [],
    error: [],
  };
  const logger = {
    options: {},
    label: 'astro-link-report',
    fork: () => logger,
    debug: (message: string) => messages.debug.push(message),
    info: (message: string) => messages.info.push(message),
    warn: (message: string) => messages.warn.push(message),
    error: (message: string) => messages.error.push(message),
  } as unknown as AstroIntegrationLogger;
  const config = {
    root: pathToFileURL(`${root}/`),
    srcDir: pathToFileURL(`${root}/src/`),
    outDir: pathToFileURL(`${dir}/`),
    cacheDir: pathToFileURL(`${root}/node_modules/.astro/`),
    site: 'https://example.com',
    base: '/',
    trailingSlash: 'ignore',
    build: { format: 'directory', client: pathToFileURL(`${dir}/`) },
    redirects: {},
    integrations: [checker],
  };
  const hooks = checker!.hooks as Record<string, (options: unknown) => Promise<void> | void>;
  await hooks['astro:config:setup']?.({
    command: 'build',
    createCodegenDir: () => pathToFileURL(`${root}/.astro/integrations/astro-link-report/`),
  });
  await hooks['astro:config:done']!({ config, logger });
  await hooks['astro:build:done']!({ dir: pathToFileURL(`${dir}/`), assets: new Map(), logger });
  return messages;
}

describe('the integration', () => {
  it("logs the time of each stage at Astro's debug level, and keeps its cache in Astro's cacheDir", async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/about/">About</a>'),
      'about/index.html': page('<a href="/">Home</a>'),
    });
    const root = await makeTempDir('project-');
    const cold = await runChecker(dir, root);
    expect(cold.debug).toHaveLength(1);
    expect(cold.debug[0]).toMatch(
      /^timings: discover \d+ ms, extract \d+ ms \(2 files, [\d.]+ kB, 0 from cache, in process\), graph \d+ ms, inbound \d+ ms, analyze \d+ ms, outbound \d+ ms, check \d+ ms, sources \d+ ms, report \d+ ms, write \d+ ms; total \d+ ms$/,
    );
    const cache = path.join(root, 'node_modules/.astro/astro-link-report/extract');
    expect(existsSync(cache)).toBe(true);
    expect(await readdir(cache)).toHaveLength(1);
    const warm = await runChecker(dir, root);
    expect(warm.debug[0]).toMatch(/\(2 files, [\d.]+ kB, 2 from cache, in process\)/);
  });
});
