import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyBaseline,
  BaselineError,
  createBaseline,
  readBaseline,
  writeBaseline,
} from '../../src/history/baseline.js';
import { runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const site = 'https://example.com';

async function findingsOf(files: Record<string, string>) {
  const dir = await writeSite(files);
  const { report } = await runLinkReport({ dir, site });
  return report.findings.filter((f) => f.severity !== 'info');
}

const legacy = {
  'index.html': page('<a href="/old/">Old</a> <a href="/docs/">Docs</a>'),
  'docs/index.html': page('<a href="/">Home</a> <a href="/docs/#gone">Gone</a>'),
};

describe('applyBaseline', () => {
  it('knows every finding it was made from', async () => {
    const findings = await findingsOf(legacy);
    expect(findings.length).toBeGreaterThanOrEqual(2);
    const result = applyBaseline(findings, createBaseline(findings, site), site);
    expect(result.added).toEqual([]);
    expect(result.fixed).toEqual([]);
    expect(result.known).toHaveLength(findings.length);
  });

  it('still knows them after unrelated edits move every line (minified HTML too)', async () => {
    const baseline = createBaseline(await findingsOf(legacy), site);
    const edited = await findingsOf({
      'index.html': page(
        `<p>${'New intro. '.repeat(50)}</p>\n\n\n<a href="/docs/">Docs</a><a href="/old/">Old link</a>`,
      ).replaceAll('\n', ''),
      'docs/index.html': page(
        '<h2>More</h2>\n<a href="/">Home</a>\n\n<a href="/docs/#gone">Gone</a>',
      ),
    });
    const result = applyBaseline(edited, baseline, site);
    expect(result.added).toEqual([]);
    expect(result.fixed).toEqual([]);
  });

  it('reports a new broken link as new, and a fixed one as fixed', async () => {
    const baseline = createBaseline(await findingsOf(legacy), site);
    const next = await findingsOf({
      'index.html': page('<a href="/docs/">Docs</a> <a href="/pricing/">Pricing</a>'),
      'docs/index.html': page('<a href="/">Home</a> <a href="/docs/#gone">Gone</a>'),
    });
    const result = applyBaseline(next, baseline, site);
    expect(result.added.map((f) => [f.type, f.page, f.link?.href])).toEqual([
      ['broken-link', '/', '/pricing/'],
    ]);
    expect(result.fixed.map((e) => [e.type, e.page, e.target, e.count])).toEqual([
      ['broken-link', '/', '/old/', 1],
    ]);
    expect(result.known.map((f) => f.type)).toEqual(['broken-fragment']);
  });

  it('counts: a second copy of a known broken link on the same page is new', async () => {
    const baseline = createBaseline(await findingsOf(legacy), site);
    const next = await findingsOf({
      ...legacy,
      'index.html': page(
        '<a href="/old/">Old</a> <a href="/docs/">Docs</a> <a href="/old/">Again</a>',
      ),
    });
    const result = applyBaseline(next, baseline, site);
    expect(result.added.map((f) => f.link?.text)).toEqual(['Again']);
  });
});

describe('baseline files', () => {
  it('round-trips, one finding per line, and is replaced atomically', async () => {
    const dir = await makeTempDir('baseline-');
    const file = path.join(dir, 'link-report.baseline.json');
    const baseline = createBaseline(await findingsOf(legacy), site);
    await writeBaseline(file, baseline);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n').filter((line) => line.startsWith('    {"type"'))).toHaveLength(
      baseline.findings.length,
    );
    expect(await readBaseline(file)).toEqual(baseline);
    await writeBaseline(file, createBaseline([], site));
    expect((await readBaseline(file))?.findings).toEqual([]);
  });

  it('is null when the file does not exist yet', async () => {
    const dir = await makeTempDir('baseline-');
    expect(await readBaseline(path.join(dir, 'none.json'))).toBeNull();
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['another file', '{"name":"my-site"}', /generator: /],
    [
      'a damaged entry',
      '{"generator":"astro-link-report","version":1,"findings":[{"type":"nope"}]}',
      /findings\.0\.type: /,
    ],
  ])('names the file and what is wrong when it is %s', async (_, content, pattern) => {
    const dir = await makeTempDir('baseline-');
    const file = path.join(dir, 'b.json');
    await writeFile(file, content);
    const error = await readBaseline(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toMatch(pattern);
  });

  it('never overwrites a file that is not a baseline', async () => {
    const dir = await makeTempDir('baseline-');
    const file = path.join(dir, 'astro.config.mjs');
    await writeFile(file, 'export default {};\n');
    await expect(writeBaseline(file, createBaseline([], site))).rejects.toThrow(
      /not written: .*astro\.config\.mjs exists and is not a baseline/,
    );
    expect(await readFile(file, 'utf8')).toBe('export default {};\n');
  });
});
