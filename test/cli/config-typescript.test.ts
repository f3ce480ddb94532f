import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { typeScriptRefusal } from '../../src/cli/load-config.js';
import { makeBuildDir } from '../helpers/temp-dir.js';
import { repoRoot, runBin } from './helpers.js';

const brokenSite = path.join(repoRoot, 'test/fixtures/cli/broken-site');

/**
 * A project folder inside the repository, so `astro-link-report/config` resolves to this
 * package (a package may import its own name), holding one config file.
 */
async function project(file: string, content: string): Promise<string> {
  const cwd = await makeBuildDir('ts-config-');
  await mkdir(path.dirname(path.join(cwd, file)), { recursive: true });
  await writeFile(path.join(cwd, file), content);
  return cwd;
}

describe('link-report.config.ts', () => {
  it('is read by Node.js itself, with defineConfig from astro-link-report/config', async () => {
    // Note: the real bin, so Node.js (not Vitest) loads the TypeScript file.
    const cwd = await project(
      'link-report.config.ts',
      `import { defineConfig, type LinkReportConfig } from 'astro-link-report/config';

const failOn: LinkReportConfig['failOn'] = 'none';
export default defineConfig({
  dir: ${JSON.stringify(brokenSite)},
  site: 'https://example.com',
  failOn,
  ignore: { links: (link: { href: string }): boolean => link.href.startsWith('/img/') },
});
`,
    );
    const result = runBin(['--format', 'json'], { cwd });
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.site.site).toBe('https://example.com');
    expect(report.findings.map((f: { type: string }) => f.type)).not.toContain('broken-resource');
  });

  it('names the TypeScript Node.js does not strip', async () => {
    const cwd = await project(
      'link-report.config.ts',
      'enum Level { None = "none" }\nexport default { failOn: Level.None };\n',
    );
    const result = runBin([brokenSite], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^astro-link-report: link-report\.config\.ts could not be loaded: .* \(Node\.js only strips types: write it without enums, namespaces and parameter properties, or as \.mjs\)\n$/s,
    );
  });

  it('is refused, with what to do, where Node.js cannot strip types', () => {
    expect(typeScriptRefusal('22.12.0', {})).toBe(
      'Node.js 22.12.0 cannot load TypeScript; it can from 22.18 (or 23.6) on. Update Node.js, or write the config as link-report.config.mjs (with // @ts-check and defineConfig for the same completion)',
    );
    expect(typeScriptRefusal('22.17.1', { typescript: false })).toMatch(
      /^Node\.js 22\.17\.1 cannot/,
    );
    expect(typeScriptRefusal('24.1.0', { typescript: false })).toMatch(/type stripping turned off/);
    expect(typeScriptRefusal('22.18.0', { typescript: 'strip' })).toBeNull();
    expect(typeScriptRefusal('23.6.0', {})).toBeNull();
    expect(typeScriptRefusal('22.12.0', { typescript: 'strip' })).toBeNull();
  });
});
