import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  findingTypes,
  type LinkReportResult,
  renderGithubSummary,
  renderJunitReport,
  renderMarkdownReport,
  renderSarifReport,
  runLinkReport,
} from '../../src/index.js';
import { renderGithubAnnotations } from '../../src/report/render/render-github.js';
import { hasUnsafeCharacter } from '../../src/util/untrusted-text.js';
import { junitErrors, sarifErrors } from '../helpers/ci-schemas.js';
import { page, writeSite } from '../helpers/site-folder.js';

/**
 * A project whose shared header links to a typo on every page, plus a broken fragment on one
 * page, a generic anchor and an orphan, with `site` unset (a site-level finding).
 */
async function runProject(): Promise<LinkReportResult> {
  const header = '<header><a href="/">Home</a> <a href="/pricng/">Pricing</a></header>';
  const root = await writeSite({
    'src/components/Header.astro': `---\n---\n<header>\n  <a href="/">Home</a>\n  <a href="/pricng/">Pricing</a>\n</header>\n`,
    'dist/index.html': page(
      `${header}<a href="/pricing/#plans">plans</a> <a href="/about/">click here</a>`,
    ),
    'dist/about/index.html': page(`${header}<a href="/pricing/">Our prices & <plans></a>`),
    'dist/pricing/index.html': page(`${header}<h2 id="tiers">Tiers</h2>`),
    'dist/lonely/index.html': page('<p>No one links here.</p>'),
  });
  return runLinkReport({
    dir: path.join(root, 'dist'),
    root,
    srcDir: path.join(root, 'src'),
    options: { reportDir: false },
  });
}

describe('CI formats', () => {
  let result: LinkReportResult;
  const roots = { outDir: 'site/dist', sourcePrefix: 'site', configFile: 'site/astro.config.mjs' };

  beforeAll(async () => {
    result = await runProject();
  });

  describe('SARIF', () => {
    it('validates against the SARIF 2.1.0 schema, and the check can fail', () => {
      const sarif = renderSarifReport(result.report, roots);
      expect(sarifErrors(sarif)).toEqual([]);
      const broken = JSON.parse(sarif);
      broken.runs[0].results[0].level = 'fatal';
      expect(sarifErrors(JSON.stringify(broken))).not.toEqual([]);
    });

    it('has one rule per finding type, with its title, description and README anchor', () => {
      const { rules } = JSON.parse(renderSarifReport(result.report, roots)).runs[0].tool.driver;
      expect(rules.map((rule: { id: string }) => rule.id)).toEqual(findingTypes);
      expect(rules[0]).toMatchObject({
        id: 'broken-link',
        name: 'BrokenLink',
        shortDescription: { text: 'Broken link' },
        fullDescription: {
          text: 'An internal link points at a URL that the build produced no page or file for.',
        },
        helpUri: 'https://www.npmjs.com/package/astro-link-report#finding-broken-link',
        defaultConfiguration: { level: 'error' },
      });
    });

    it('reports a cause once, on the source line where the link is written', () => {
      const { results } = JSON.parse(renderSarifReport(result.report, roots)).runs[0];
      const header = results.filter((r: { ruleId: string }) => r.ruleId === 'broken-link');
      expect(header).toHaveLength(1);
      expect(header[0]).toMatchObject({
        level: 'error',
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'site/src/components/Header.astro' },
              region: { startLine: 5, startColumn: 12 },
            },
          },
        ],
        properties: { pageCount: 3 },
      });
      expect(header[0].message.text).toMatch(
        /^Links to \/pricng\/, which does not exist in the build\. On 3 pages: \/, \/about\/, \/pricing\/\. Did you mean \/pricing\/\?/,
      );
    });

    it('puts a finding not found in the sources on the built file, and one about the whole site on the config', () => {
      const { results } = JSON.parse(renderSarifReport(result.report, roots)).runs[0];
      const fragment = results.find((r: { ruleId: string }) => r.ruleId === 'broken-fragment');
      expect(fragment.locations[0].physicalLocation.artifactLocation.uri).toBe(
        'site/dist/index.html',
      );
      expect(fragment.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
      const site = results.find((r: { ruleId: string }) => r.ruleId === 'site-unknown');
      expect(site.locations[0]).toMatchObject({
        physicalLocation: { artifactLocation: { uri: 'site/astro.config.mjs' } },
        message: { text: expect.stringContaining('about the whole site') },
      });
      // GitHub rejects a whole file for one result without a file location.
      for (const r of results)
        expect(r.locations[0].physicalLocation.artifactLocation.uri).toBeTruthy();
    });

    it('fingerprints each cause the same way on every run, whatever its line or severity', async () => {
      const again = await runProject();
      const prints = (report: LinkReportResult['report']) =>
        JSON.parse(renderSarifReport(report, roots)).runs[0].results.map(
          (r: { partialFingerprints: Record<string, string> }) =>
            r.partialFingerprints['astroLinkReportCause/v1'],
        );
      const first = prints(result.report);
      expect(prints(again.report)).toEqual(first);
      expect(new Set(first).size).toBe(first.length);
      const moved = structuredClone(result.report);
      for (const group of moved.groups) {
        if (group.writtenAt) group.writtenAt.line += 3;
        group.severity = 'warning';
      }
      expect(prints(moved)).toEqual(first);
    });
  });

  describe('JUnit', () => {
    it('validates against the Jenkins JUnit schema, and the check can fail', async () => {
      const xml = renderJunitReport(result.report, result.failing, roots);
      expect(await junitErrors(xml)).toEqual([]);
      expect(await junitErrors(xml.replace('<testcase classname', '<testcase nom'))).not.toEqual(
        [],
      );
    });

    it('fails one test case per cause at the fail level, and passes the others with what they found', () => {
      const xml = renderJunitReport(result.report, result.failing, roots);
      const failures = xml.match(/<failure /g) ?? [];
      const failingCauses = new Set(result.failing.map((f) => f.group));
      expect(failures).toHaveLength(failingCauses.size);
      expect(xml).toMatch(
        /<testsuites name="astro-link-report" tests="\d+" failures="2" errors="0" time="0">/,
      );
      expect(xml).toContain(
        '<testcase classname="broken-link" name="/pricng/ at site/src/components/Header.astro:5:12" time="0"><failure type="broken-link" message="links to /pricng/, which does not exist in the build">',
      );
      expect(xml).toContain('on 3 pages: /, /about/, /pricing/');
      // A warning passes, with its message in the output.
      expect(xml).toMatch(/<testcase classname="generic-anchor" [^>]*><system-out>warning: /);
    });

    it('escapes what pages write, so a link text cannot break the XML', async () => {
      const report = structuredClone(result.report);
      report.groups[0]!.message = 'a "quote" & <tag> and a \u0007 bell\u202E';
      const xml = renderJunitReport(report, result.failing, roots);
      expect(await junitErrors(xml)).toEqual([]);
      expect(xml).toContain('a &quot;quote&quot; &amp; &lt;tag&gt; and a \\u{0007} bell\\u{202E}');
    });

    it('has one passing test case when there is nothing to report', async () => {
      const empty = { ...result.report, groups: [], findings: [] };
      const xml = renderJunitReport(empty, [], roots);
      expect(await junitErrors(xml)).toEqual([]);
      expect(xml).toContain(
        '<testcase classname="astro-link-report" name="no findings" time="0"/>',
      );
    });
  });

  describe('Markdown', () => {
    it('gives the verdict and one row per cause, errors first, with where it is written', () => {
      const markdown = renderMarkdownReport(result.report, result.failing, 'error', roots);
      const lines = markdown.split('\n');
      expect(lines[0]).toBe('## Link report');
      // The header's typo on 3 pages and the fragment: 4 findings, 2 causes.
      expect(lines[2]).toBe('**4 findings fail the build** (failOn: error), from 2 causes.');
      const rows = lines.filter((line) => line.startsWith('| **error** (fails)'));
      expect(rows).toHaveLength(2);
      expect(rows[0]).toContain(
        '| `broken-link` | `/pricng/` at `site/src/components/Header.astro:5:12` | /, /about/, /pricing/ |',
      );
      // Information is left out unless asked for.
      expect(markdown).not.toContain('| info |');
    });

    it('cannot be given markup by a page', () => {
      const report = structuredClone(result.report);
      report.groups[0]!.message = '![x](https://evil.example/x.png) <img src=x> | cell';
      const markdown = renderMarkdownReport(report, result.failing, 'error', roots);
      expect(markdown).toContain(
        '\\!\\[x\\](https://evil.example/x.png) &lt;img src=x&gt; \\| cell',
      );
    });
  });
});

describe('SARIF messages', () => {
  it('keep the case of a message that starts with code (url() in a stylesheet)', async () => {
    const dir = await writeSite({
      'index.html': page('', '<link rel="stylesheet" href="/a.css">'),
      'a.css': 'body{background:url(/gone.png)}',
    });
    const result = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    const { results } = JSON.parse(renderSarifReport(result.report, { outDir: 'dist' })).runs[0];
    const resource = results.find((r: { ruleId: string }) => r.ruleId === 'broken-resource');
    expect(resource.message.text).toMatch(
      /^url\(\) in \/a\.css \(loaded by 1 page\) loads \/gone\.png/,
    );
  });
});

describe('CI formats and file names a stranger chose', () => {
  // Note: a built page can be named with escape codes and bidi overrides, like any text on it.
  const name = 'x\u001b[2J\u001b]0;T\u0007name\u202elmth.html';

  it('show unsafe characters of file names as escapes in annotations and Markdown', async () => {
    const dir = await writeSite({
      'index.html': page(`<a href="/${encodeURIComponent(name)}">x</a>`),
      [name]: page('<a href="/nowhere/">n</a>'),
    });
    const result = await runLinkReport({
      dir,
      site: 'https://example.com',
      options: { reportDir: false },
    });
    const file = result.report.findings.find((finding) => finding.type === 'broken-link')?.file;
    expect(file).toBe(name);
    const outputs = {
      annotations: renderGithubAnnotations(result.report, { outDir: 'dist' }),
      markdown: renderMarkdownReport(result.report, result.failing, 'error', {
        outDir: 'dist',
        sourcePrefix: '',
        configFile: 'astro.config.mjs',
      }),
      summary: renderGithubSummary(result.report),
    };
    for (const [format, text] of Object.entries(outputs)) {
      // Line breaks end the lines of these outputs; nothing else unsafe may be there.
      expect(hasUnsafeCharacter(text.replaceAll('\n', '')), format).toBe(false);
    }
    expect(outputs.annotations).toContain(
      'file=dist/x\\u{001B}[2J\\u{001B}]0;T\\u{0007}name\\u{202E}lmth.html',
    );
    expect(outputs.markdown).toContain(
      '`dist/x\\u{001B}[2J\\u{001B}]0;T\\u{0007}name\\u{202E}lmth.html',
    );
  });
});
