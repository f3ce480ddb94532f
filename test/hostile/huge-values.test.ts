/**
 * A page can hold a megabytes-long href or anchor text. The data keeps it whole (report.json
 * has the href as written); what a person reads shows it cut, with its length, so one link
 * cannot flood a terminal, a CI log or the report page.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxListedCauses } from '../../src/report/render/render-terminal.js';
import { cli } from '../cli/helpers.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const hugeHref = `/missing-${'a'.repeat(2_000_000)}`;
const hugeText = 'word '.repeat(200_000);

async function hugeSite(): Promise<string> {
  return writeSite({
    'index.html': page(
      `<a href="${hugeHref}">${hugeText}</a><a href="/other/">other</a>` +
        `<img src="${hugeHref}.png" alt="x">`,
    ),
    'other/index.html': page(`<a href="/">home</a><a href="${hugeHref}#part">again</a>`),
  });
}

describe('megabytes-long values from a page', () => {
  it.each([
    ['text', []],
    ['github', ['--format', 'github']],
    ['markdown', ['--format', 'markdown']],
  ])('the %s format says each one cut, with its length', async (_, args) => {
    const dir = await hugeSite();
    const { status, stdout, stderr } = await cli([dir, '--site', 'https://example.com', ...args]);
    expect(status).toBe(1);
    const output = stdout + stderr;
    expect(output.length).toBeLessThan(20_000);
    expect(output).toContain('(2,000,009 characters)');
    expect(output).toContain('/missing-aaaa');
  });

  it('keeps the values whole in report.json and cut on the report page', async () => {
    const dir = await hugeSite();
    const out = await makeTempDir();
    const { status } = await cli([dir, '--site', 'https://example.com', '--html', out]);
    expect(status).toBe(1);
    const report = JSON.parse(await readFile(path.join(out, 'report.json'), 'utf8')) as {
      findings: { type: string; message: string; link: { href: string } | null }[];
    };
    const broken = report.findings.filter((f) => f.link?.href === hugeHref);
    expect(broken.map((f) => f.type)).toContain('broken-link');
    for (const finding of broken) expect(finding.message.length).toBeLessThan(2000);
    const html = await readFile(path.join(out, 'index.html'), 'utf8');
    expect(html.length).toBeLessThan(500_000);
    expect(html).toContain('2,000,009 characters');
  });
});

describe('a site with more causes than a terminal can show', () => {
  it(`lists (and annotates) the first ${maxListedCauses} and counts the rest`, async () => {
    const extra = 25;
    const links = Array.from(
      { length: maxListedCauses + extra },
      (_, i) => `<a href="/gone-${i}/">gone ${i}</a>`,
    );
    const dir = await writeSite({ 'index.html': page(links.join('\n')) });
    const { status, stdout } = await cli([dir, '--site', 'https://example.com']);
    expect(status).toBe(1);
    const listed = stdout.split('\n').filter((line) => line.startsWith('error   broken-link'));
    expect(listed).toHaveLength(maxListedCauses);
    expect(stdout).toContain(`…and ${extra} more causes, not listed here`);
    const github = await cli([dir, '--site', 'https://example.com', '--format', 'github']);
    const annotations = github.stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(maxListedCauses);
    expect(github.stdout).toContain(`…and ${extra} more causes, not annotated`);
    const { stdout: json } = await cli([dir, '--site', 'https://example.com', '--format', 'json']);
    const report = JSON.parse(json) as { groups: unknown[] };
    expect(report.groups.length).toBeGreaterThanOrEqual(maxListedCauses + extra);
  });
});
