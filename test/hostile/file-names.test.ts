/**
 * Linux allows any bytes but `/` and NUL in a file name. A name that is not UTF-8 (written by
 * a tool that uses Latin-1, or on purpose) used to be read as text, its bad bytes turned into
 * U+FFFD, and then not found: the run stopped with "the file disappeared". Names are now read
 * as the bytes they are, and such a file is served at the %XX of its bytes, which is what a
 * web server answers for it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discoverFiles, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

const shape = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory' } as const;

/** A path under `dir` from text and raw bytes. */
function bytesPath(dir: string, ...parts: (string | number[])[]): Buffer {
  return Buffer.concat([
    Buffer.from(`${dir}/`),
    ...parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
  ]);
}

describe('file names that are not UTF-8', () => {
  it('are found, read and served at the %XX of their bytes, with a note naming them', async () => {
    const dir = await writeSite({
      'index.html': page(
        '<a href="/caf%E9.html">file</a> <a href="/caf%E9">pretty</a> <a href="/%FFdocs/">folder</a> <a href="/%FFdocs/logo%FE.png">image</a> <a href="/caf%C3%A9.html">not this one</a>',
      ),
    });
    // café.html in Latin-1: 0xE9 alone is not UTF-8.
    writeFileSync(bytesPath(dir, 'caf', [0xe9], '.html'), page('<a href="/missing/">broken</a>'));
    mkdirSync(bytesPath(dir, [0xff], 'docs'));
    writeFileSync(bytesPath(dir, [0xff], 'docs/index.html'), page('<a href="/">Home</a>'));
    writeFileSync(bytesPath(dir, [0xff], 'docs/logo', [0xfe], '.png'), 'png');

    const found = await discoverFiles(dir, shape);
    expect(found.html.map(({ file, path }) => [file, path])).toEqual([
      ['%FFdocs/index.html', '/%FFdocs/'],
      ['caf%E9.html', '/caf%E9'],
      ['index.html', '/'],
    ]);
    // In the order of the bytes: "c" (0x63) before 0xFF.
    expect(found.notes).toEqual([
      'the name of caf%E9.html is not UTF-8 (each %XX stands for a byte that is not): read as the bytes it is, as the page /caf%E9',
      'the name of %FFdocs/index.html is not UTF-8 (each %XX stands for a byte that is not): read as the bytes it is, as the page /%FFdocs/',
      'the name of %FFdocs/logo%FE.png is not UTF-8 (each %XX stands for a byte that is not): read as the bytes it is, served at /%FFdocs/logo%FE.png',
    ]);

    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(
      report.findings
        .filter((finding) => finding.type !== 'orphan-page')
        .map((finding) => [finding.type, finding.file, finding.link?.href]),
    ).toEqual([
      ['broken-link', 'index.html', '/caf%C3%A9.html'],
      ['broken-link', 'caf%E9.html', '/missing/'],
    ]);
  });

  it('keep UTF-8 names as they are, whatever their script', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/caf%C3%A9/">café</a> <a href="/%E6%97%A5%E6%9C%AC/">日本</a>'),
      'café/index.html': page('<a href="/">Home</a>'),
      '日本/index.html': page('<a href="/">Home</a>'),
    });
    const found = await discoverFiles(dir, shape);
    expect(found.notes).toEqual([]);
    expect(found.html.map(({ file, path }) => [file, path])).toEqual([
      ['café/index.html', '/caf%C3%A9/'],
      ['index.html', '/'],
      ['日本/index.html', '/%E6%97%A5%E6%9C%AC/'],
    ]);
  });
});
