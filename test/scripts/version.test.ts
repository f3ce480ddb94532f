import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readChangesets } from '@changesets/read';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const script = path.join(repoRoot, 'scripts/version.mjs');

describe('changesets', () => {
  it('names astro-link-report once, with a bump, in every changeset of the repository', async () => {
    const changesets = await readChangesets(repoRoot);
    for (const changeset of changesets) {
      expect(changeset.releases, `.changeset/${changeset.id}.md`).toEqual([
        { name: 'astro-link-report', type: expect.stringMatching(/^(patch|minor|major)$/) },
      ]);
      expect(changeset.summary.trim(), `.changeset/${changeset.id}.md`).not.toBe('');
    }
  });

  it('releases the changesets: the highest bump, the summaries in the changelog, the files gone', async () => {
    const root = await makeTempDir('release-');
    await mkdir(path.join(root, '.changeset'));
    await writeFile(
      path.join(root, 'package.json'),
      `${JSON.stringify({ name: 'astro-link-report', version: '0.4.2' }, null, 2)}\n`,
    );
    await writeFile(
      path.join(root, 'CHANGELOG.md'),
      '# astro-link-report\n\nPreamble.\n\n## 0.4.2\n\n### Patch Changes\n\n- Old.\n',
    );
    const changeset = (type: string, summary: string) =>
      `---\n'astro-link-report': ${type}\n---\n\n${summary}\n`;
    await writeFile(path.join(root, '.changeset/a.md'), changeset('patch', 'Fix one thing.'));
    await writeFile(
      path.join(root, '.changeset/b.md'),
      changeset('minor', 'Add a format.\nOn two lines.'),
    );
    await writeFile(path.join(root, '.changeset/README.md'), 'Not a changeset.\n');
    execFileSync(process.execPath, [script, '--cwd', root], { encoding: 'utf8' });
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.version).toBe('0.5.0');
    expect(await readFile(path.join(root, 'CHANGELOG.md'), 'utf8')).toBe(
      '# astro-link-report\n\nPreamble.\n\n## 0.5.0\n\n### Minor Changes\n\n- Add a format.\n  On two lines.\n\n### Patch Changes\n\n- Fix one thing.\n\n## 0.4.2\n\n### Patch Changes\n\n- Old.\n',
    );
    expect(await readdir(path.join(root, '.changeset'))).toEqual(['README.md']);
    expect(existsSync(path.join(root, '.changeset/a.md'))).toBe(false);
  });
});
