// `npm run version`: turn the changesets in .changeset/ into a release: the highest bump they
// name applied to package.json's version, their summaries prepended to CHANGELOG.md (in the
// changesets format), and the files deleted.
// Note: the Changesets CLI cannot release this package: it releases workspace packages only,
// and astro-link-report is the workspace root (example-site is its workspace). So the files
// are read by @changesets/read (the CLI's own reader), and this script does the rest.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readChangesets } from '@changesets/read';
import semver from 'semver';

const { values } = parseArgs({ options: { cwd: { type: 'string' } } });
const root = path.resolve(values.cwd ?? path.join(import.meta.dirname, '..'));

const pkgFile = path.join(root, 'package.json');
const pkg = JSON.parse(await readFile(pkgFile, 'utf8'));
const changesets = await readChangesets(root);
const bumps = ['patch', 'minor', 'major'];
const sections = { major: [], minor: [], patch: [] };
for (const changeset of changesets) {
  const releases = changeset.releases.filter((release) => release.name === pkg.name);
  const other = changeset.releases.filter((release) => release.name !== pkg.name);
  if (other.length > 0 || releases.length !== 1 || !bumps.includes(releases[0].type)) {
    throw new Error(
      `.changeset/${changeset.id}.md must name '${pkg.name}' once, with patch, minor or major`,
    );
  }
  sections[releases[0].type].push(changeset.summary.trim());
}
if (changesets.length === 0) {
  console.log('No changesets: nothing to release.');
  process.exit(0);
}
const bump = bumps.findLast((type) => sections[type].length > 0);
const next = semver.inc(pkg.version, bump);
const titles = { major: 'Major Changes', minor: 'Minor Changes', patch: 'Patch Changes' };
const entry = [`## ${next}`, ''];
for (const type of ['major', 'minor', 'patch']) {
  if (sections[type].length === 0) continue;
  entry.push(`### ${titles[type]}`, '');
  for (const summary of sections[type]) {
    const [first, ...rest] = summary.split('\n');
    entry.push(`- ${first}`, ...rest.map((line) => (line ? `  ${line}` : '')));
  }
  entry.push('');
}

const changelogFile = path.join(root, 'CHANGELOG.md');
const changelog = await readFile(changelogFile, 'utf8').catch(() => `# ${pkg.name}\n`);
// The new entry goes above the latest release, below the title and its preamble.
const lines = changelog.split('\n');
let at = lines.findIndex((line) => line.startsWith('## '));
if (at === -1) at = lines.length;
lines.splice(at, 0, ...entry);
await writeFile(changelogFile, lines.join('\n'));
pkg.version = next;
await writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
for (const changeset of changesets) {
  await rm(path.join(root, '.changeset', `${changeset.id}.md`));
}
console.log(`${pkg.name} ${next}: ${changesets.length} changeset(s) in CHANGELOG.md`);
