/**
 * A page is written by a stranger; what the tool prints about it must not drive the
 * terminal (cursor moves, clearing the screen, OSC 52 clipboard writes, OSC 8 links) or
 * reorder what a reader sees (bidi overrides). Every such character is shown escaped.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/helpers.js';
import { page, writeSite } from '../helpers/site-folder.js';

const rawControl =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding raw control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

async function hostileSite(): Promise<string> {
  return writeSite({
    'index.html': page(
      [
        '<a href="/missing-\u001b]52;c;cHduZWQ=\u0007x">clear \u001b[2J\u001b[31mred</a>',
        '<a href="/gone\u202etxt.exe">bidi</a>',
        '<a href="/osc8">\u001b]8;;https://evil.example/\u001b\\\\click\u001b]8;;\u001b\\\\</a>',
        '<a href="#no-such-\u009b31m">c1 control</a>',
      ].join('\n'),
      '<title>\u001b[1mTitle</title>',
    ),
  });
}

describe('terminal output quoting hostile pages', () => {
  it.each([
    ['text', []],
    ['github', ['--format', 'github']],
    ['json', ['--format', 'json']],
  ])('the %s format prints no raw control, escape or bidi character', async (_, args) => {
    const dir = await hostileSite();
    const { status, stdout, stderr } = await cli([dir, ...args]);
    expect(status).toBe(1);
    expect(stdout + stderr).not.toMatch(rawControl);
  });

  it('shows each character as an escape a reader can see', async () => {
    const dir = await hostileSite();
    const { stdout, stderr } = await cli([dir, '--site', 'https://example.com']);
    const output = stdout + stderr;
    expect(output).toContain('href="/missing-\\u{001B}]52;c;cHduZWQ=\\u{0007}x"');
    expect(output).toContain('clear \\u{001B}[2J\\u{001B}[31mred');
    expect(output).toContain('href="/gone\\u{202E}txt.exe"');
  });

  it('writes JSON whose invisible characters are escapes, and whose value is the same', async () => {
    const dir = await hostileSite();
    const { stdout } = await cli([dir, '--format', 'json']);
    expect(stdout).toContain('/gone\\u202etxt.exe');
    const report = JSON.parse(stdout) as { findings: { link?: { href: string } }[] };
    expect(report.findings.map((f) => f.link?.href)).toContain('/gone\u202etxt.exe');
  });

  it('escapes messages that quote a page in an error too', async () => {
    const dir = await writeSite({ 'index.html': page('<a href="/">x</a>') });
    const { status, stderr } = await cli([`${dir}/\u001b[2Jnope`]);
    expect(status).toBe(2);
    expect(stderr).toContain('\\u{001B}[2Jnope');
    expect(stderr).not.toMatch(rawControl);
  });
});
