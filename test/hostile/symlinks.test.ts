/**
 * Symbolic links in the output are followed as a web server would serve them, but only
 * inside the output folder: a link to `/`, to a folder outside, or one that loops is a note
 * naming it, never a walk of the whole disk or an endless one.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const shape = { base: '/', trailingSlash: 'ignore', buildFormat: 'directory' } as const;

describe('symbolic links in the output folder', () => {
  it('does not follow a link to the root of the disk or to a folder outside', async () => {
    const outside = await makeTempDir('outside-');
    await writeFile(path.join(outside, 'secret.html'), page('secret'));
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    await symlink('/', path.join(dir, 'root'));
    await symlink(outside, path.join(dir, 'elsewhere'));
    await symlink(path.join(outside, 'secret.html'), path.join(dir, 'secret.html'));

    const found = await discoverFiles(dir, shape);
    expect(found.html.map((file) => file.file)).toEqual(['index.html']);
    expect(found.notes).toEqual([
      `symbolic link elsewhere not followed: it leads outside the output folder (to ${outside})`,
      'symbolic link root not followed: it leads outside the output folder (to /)',
      `symbolic link secret.html not followed: it leads outside the output folder (to ${path.join(outside, 'secret.html')})`,
    ]);
  });

  it('stops at a loop and at a folder already walked, and names them', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/docs/">Docs</a>'),
      'docs/index.html': page('<a href="/">Home</a>'),
    });
    await symlink('.', path.join(dir, 'docs', 'self'));
    await symlink('..', path.join(dir, 'docs', 'up'));
    await symlink('loop-b', path.join(dir, 'loop-a'));
    await symlink('loop-a', path.join(dir, 'loop-b'));
    await symlink('nowhere', path.join(dir, 'dangling'));

    const found = await discoverFiles(dir, shape);
    expect(found.html.map((file) => file.file)).toEqual(['docs/index.html', 'index.html']);
    expect(found.notes).toEqual([
      'symbolic link dangling not followed: its target does not exist',
      'symbolic link docs/self not followed: it leads to a folder that holds it (docs), which would loop',
      'symbolic link docs/up not followed: it leads to a folder that holds it (.), which would loop',
      'symbolic link loop-a not followed: it loops',
      'symbolic link loop-b not followed: it loops',
    ]);
  });

  it('serves a link to a folder inside the output at the link path, as a server would', async () => {
    const dir = await writeSite({
      'index.html': page('<a href="/latest/">Latest</a>'),
      'v2/index.html': page('<a href="/">Home</a>'),
    });
    await mkdir(path.join(dir, 'unused'));
    await symlink('v2', path.join(dir, 'latest'));
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.findings.filter((f) => f.type === 'broken-link')).toEqual([]);
    expect(report.notes).toEqual([]);
  });

  it('brings a folder in through one link at most, so links cannot multiply the work', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>'), 'v2/a.html': 'a' });
    await symlink('v2', path.join(dir, 'latest'));
    await symlink('v2', path.join(dir, 'stable'));
    const found = await discoverFiles(dir, shape);
    expect([...found.files].sort()).toEqual(['/index.html', '/latest/a.html', '/v2/a.html']);
    expect(found.notes).toEqual([
      'symbolic link stable not followed: another symbolic link already brings in its folder (v2)',
    ]);
  });

  it('puts what it did not follow in the report notes', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">Home</a>') });
    await symlink('/', path.join(dir, 'root'));
    const { report } = await runLinkReport({ dir, site: 'https://example.com' });
    expect(report.notes).toContain(
      'symbolic link root not followed: it leads outside the output folder (to /)',
    );
  });
});
