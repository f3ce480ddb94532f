/**
 * Hostile exports: anyone can link to a crafted URL on your domain, and it shows up in your
 * backlink exports. Every snippet the tool offers to paste is pasted here into a real config
 * module, which a separate Node.js process loads; no payload may run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/extract/parse-html.js';
import { renderHtmlReport, renderTerminalReport, runLinkReport } from '../../src/index.js';
import { toJsString, toRedirectEntry } from '../../src/util/js-literal.js';
import { page, writeSite } from '../helpers/site-folder.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Hostile paths, written percent-encoded as they appear in an export. */
function hostileTargets(sentinel: string): string[] {
  const write = `(await import('node:fs')).writeFileSync(${JSON.stringify(sentinel)}, 'pwned')`;
  const encode = (text: string) => encodeURIComponent(text).replace(/%2F/g, '/');
  return [
    // Closes a single-quoted key and adds a computed key that runs code.
    `/blog/new-post${encode(`': 1, [${write}]: 1, '`)}/`,
    // The same through a double quote, a backtick and a template.
    `/blog/new-post${encode(`": 1, [${write}]: 1, "`)}/`,
    `/blog/new-post${encode(`\`: 1, [${write}]: 1, \``)}/`,
    `/blog/new-post-${encode(`\${${write}}`)}/`,
    // Punctuation a template would run, but a person would read: offered (the same slug in
    // another folder), and inert.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a template is the point.
    `/old${encode('${1}')}/new-post/`,
    // A backslash that escapes the closing quote.
    `/blog/new-post${encode('\\')}/`,
    // A line terminator ends a line comment or a string in older engines.
    `/blog/new-post${encode('\n')}${encode(write)}/`,
    `/blog/new-post${encode('\u2028')}${encode(write)}/`,
    // A bidi override that makes the path read differently.
    `/downloads/${encode('\u202Efdp.exe')}`,
    // A comment opener, and a very long path.
    `/blog/new-post/*${encode(write)}*/`,
    `/blog/${'new-post-'.repeat(60)}/`,
  ];
}

async function hostileRun(sentinel: string) {
  const dir = await writeSite({
    'index.html': page('<a href="/blog/new-post/">New post</a>'),
    'blog/new-post/index.html': page('<a href="/">Home</a>'),
  });
  const targets = [...hostileTargets(sentinel), '/blog/new-posts/'];
  const csv = [
    'Target page,Incoming links,Linking sites',
    ...targets.map((target) => `https://example.com${target.replaceAll(',', '%2C')},3,2`),
  ].join('\n');
  await writeFile(path.join(dir, 'targets.csv'), `${csv}\n`);
  const { report } = await runLinkReport({
    dir,
    site: 'https://example.com',
    root: dir,
    options: { inbound: ['targets.csv'] },
  });
  return report;
}

/** Every redirect entry the outputs offer: finding details and hints, the page, the terminal. */
function collectSnippets(report: Awaited<ReturnType<typeof hostileRun>>): string[] {
  const snippets = new Set<string>();
  for (const finding of report.findings) {
    if (finding.type !== 'lost-backlink-target') continue;
    if (typeof finding.details.snippet === 'string') snippets.add(finding.details.snippet);
    const hinted = /redirects: \{ (.*) \}$/s.exec(finding.hint)?.[1];
    if (hinted) snippets.add(hinted);
  }
  const tree = parseHtml(renderHtmlReport(report)).tree;
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'code') return;
    const text = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    if (text.endsWith(',') && text.includes("': '")) snippets.add(text.slice(0, -1));
  });
  for (const match of renderTerminalReport(report, { color: false }).matchAll(
    /redirects: \{ (.*) \}$/gm,
  )) {
    snippets.add(match[1]!);
  }
  return [...snippets];
}

/** Load config modules in another process; returns each module's `redirects` keys. */
function loadConfigs(files: readonly string[]): string[][] {
  const script = `for (const file of ${JSON.stringify(files)}) { const m = await import(file); console.log(JSON.stringify(Object.keys(m.default.redirects))); }`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return result.stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as string[]);
}

describe('snippets to paste, on a hostile export', () => {
  it('offers no redirect for a crafted URL, and nothing it offers runs code when pasted', async () => {
    const work = await makeTempDir('paste-safe-');
    const sentinel = path.join(work, 'pwned');
    const report = await hostileRun(sentinel);
    const lost = report.inbound!.lost;
    expect(lost).toHaveLength(hostileTargets(sentinel).length + 1);

    // Only the ordinary near-miss and the template-looking slug are offered a redirect.
    const offered = lost.filter((target) => target.redirect !== null).map((t) => t.target);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a template is the point.
    expect(offered.sort()).toEqual(['/blog/new-posts/', '/old${1}/new-post/']);
    for (const target of lost.filter((t) => t.redirect === null)) {
      expect(target.suspicious).toMatch(
        /quote|backslash|control or invisible|characters long|< or >/,
      );
    }
    const flagged = report.findings.filter(
      (f) => f.type === 'lost-backlink-target' && f.details.suspicious,
    );
    expect(flagged).toHaveLength(lost.length - offered.length);
    for (const finding of flagged) expect(finding.hint).toMatch(/^No redirect is offered: it /);
    // The bidi override is shown escaped, in the message and on the page.
    const bidi = flagged.find((f) => f.message.includes('fdp.exe'))!;
    expect(bidi.message).toContain('/downloads/\\u{202E}fdp.exe');
    expect(renderHtmlReport(report)).not.toContain('\u202E');

    const snippets = collectSnippets(report);
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    const files: string[] = [];
    for (const [index, snippet] of snippets.entries()) {
      const file = path.join(work, `config-${index}.mjs`);
      await writeFile(file, `export default { redirects: { ${snippet} } };\n`);
      files.push(file);
    }
    const keys = loadConfigs(files);
    expect(keys).toHaveLength(files.length);
    for (const list of keys) expect(list).toHaveLength(1);
    expect(new Set(keys.map((list) => list[0]))).toEqual(new Set(offered));
    expect(existsSync(sentinel)).toBe(false);
  });

  it('detects the payload when it is pasted the naive way (the test can fail)', async () => {
    const work = await makeTempDir('paste-naive-');
    const sentinel = path.join(work, 'pwned');
    const target = decodeURIComponent(hostileTargets(sentinel)[0]!);
    const file = path.join(work, 'naive.mjs');
    await writeFile(file, `export default { redirects: { '${target}': '/blog/new-post/' } };\n`);
    loadConfigs([file]);
    expect(existsSync(sentinel)).toBe(true);
  });
});

describe('toJsString', () => {
  it('round-trips any string, and evaluating it has no effect but the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const literal = toJsString(value);
        // A literal is one token: it starts and ends with a quote, and holds no raw quote,
        // backslash-less line terminator, or control character.
        expect(literal).toMatch(/^'(?:[^'\\\n\r\u2028\u2029]|\\.)*'$/s);
        expect(new Function(`"use strict"; return (${literal});`)()).toBe(value);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes redirect entries that parse as one property', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (from, to) => {
        const object = new Function(`return { ${toRedirectEntry(from, to)} };`)();
        expect(object).toEqual({ [from]: to });
      }),
      { numRuns: 1000 },
    );
  });
});
