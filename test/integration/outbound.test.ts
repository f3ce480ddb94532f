import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import linkReport from '../../integration/index.js';
import { answer, startServer } from '../helpers/http-server.js';
import { makeBuildDir, makeTempDir } from '../helpers/temp-dir.js';
import { buildAstroSite, fixtureRoot } from './build-fixture.js';

describe('the integration and outbound links', () => {
  it('checks outbound URLs with external.check, keeps the results in Astro cacheDir, and does not fail the build on them', async () => {
    const server = await startServer((req, res) => answer(res, req.url === '/gone' ? 404 : 200));
    // A page with outbound links, written by an integration listed after linkReport().
    const writer: AstroIntegration = {
      name: 'outbound-page',
      hooks: {
        'astro:build:done': async ({ dir }) => {
          // The fixture links to a sitemap that an integration is expected to write.
          await writeFile(fileURLToPath(new URL('sitemap-index.xml', dir)), '<sitemapindex/>');
          const folder = fileURLToPath(new URL('outbound/', dir));
          await mkdir(folder, { recursive: true });
          await writeFile(
            path.join(folder, 'index.html'),
            `<!doctype html><html><head><title>o</title></head><body><main><a href="${server.origin}/ok">ok</a> <a href="${server.origin}/gone">gone</a></main></body></html>`,
          );
        },
      },
    };
    const cacheDir = await makeTempDir('astro-cache-');
    const out = await makeBuildDir('outbound-');
    const { error, report } = await buildAstroSite(
      fixtureRoot('late-file'),
      [
        linkReport({
          external: { check: true, allowPrivateHosts: true },
          severity: { 'localhost-link': 'off', 'insecure-outbound': 'off' },
        }),
        writer,
      ],
      { outDir: path.join(out, 'dist'), cacheDir },
    );
    expect(error).toBeNull();
    expect(report!.outbound.check.stats).toMatchObject({ urls: 2, checked: 2, fromCache: 0 });
    const outbound = report!.findings.filter((finding) => finding.type.endsWith('-external'));
    expect(outbound.map((finding) => [finding.type, finding.page, finding.link?.href])).toEqual([
      ['broken-external', '/outbound/', `${server.origin}/gone`],
    ]);
    const results = path.join(cacheDir, 'astro-link-report', 'external');
    expect(existsSync(results)).toBe(true);
    expect((await readdir(results)).length).toBe(4);
  });
});
