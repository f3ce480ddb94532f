import { describe, expect, it } from 'vitest';
import { type Finding, type LinkReportOptions, runLinkReport } from '../../src/index.js';
import { page, writeSite } from '../helpers/site-folder.js';

/** Findings of the policy rules on a small site under /docs/, as `type page href → hint`. */
async function policyFindings(
  linkPolicy: LinkReportOptions['linkPolicy'],
  files: Record<string, string>,
  extra: LinkReportOptions = {},
): Promise<string[]> {
  const dir = await writeSite(files);
  const { report } = await runLinkReport({
    dir,
    site: 'https://example.com',
    base: '/docs/',
    options: { reportDir: false, linkPolicy, ...extra },
  });
  return report.findings
    .filter((f: Finding) => f.type === 'relative-link-policy' || f.type === 'absolute-self-link')
    .map((f) => `${f.type} ${f.page} ${f.link!.href} → ${f.hint}`);
}

const site = {
  'index.html': page(
    [
      '<a href="guide/">relative</a>',
      '<a href="/docs/guide/#install">root-relative</a>',
      '<a href="https://example.com/docs/reference/api/?v=2">absolute</a>',
      '<a href="//www.example.com/docs/">protocol-relative twin</a>',
      '<a href="#top">same page</a>',
      '<a href="https://elsewhere.example/">outbound</a>',
    ].join('\n'),
    '<link rel="canonical" href="https://example.com/docs/">',
  ),
  'guide/index.html': page(
    '<a href="../reference/über uns/">up and down</a> <a href="/docs/">home</a>',
  ),
  'reference/api/index.html': page('<a href="../../guide/">back</a>'),
  'reference/über uns/index.html': page(''),
};

describe('link policy rules', () => {
  it('are off by default', async () => {
    expect(await policyFindings(undefined, site)).toEqual([]);
  });

  it('forbids relative links, suggesting the root-relative href', async () => {
    expect(await policyFindings({ relativeLinks: 'forbid' }, site)).toEqual([
      'relative-link-policy /docs/ guide/ → Write /docs/guide/.',
      'relative-link-policy /docs/guide/ ../reference/über uns/ → Write /docs/reference/über%20uns/.',
      'relative-link-policy /docs/reference/api/ ../../guide/ → Write /docs/guide/.',
    ]);
  });

  it('requires relative links, suggesting the relative href, checked by resolving it back', async () => {
    expect(await policyFindings({ relativeLinks: 'require' }, site)).toEqual([
      'relative-link-policy /docs/ /docs/guide/#install → Write guide/#install.',
      'relative-link-policy /docs/ https://example.com/docs/reference/api/?v=2 → Write reference/api/?v=2.',
      'relative-link-policy /docs/ //www.example.com/docs/ → Write ./.',
      'relative-link-policy /docs/guide/ /docs/ → Write ../.',
    ]);
  });

  it('says so instead of suggesting a relative href when a <base href> changes how it resolves', async () => {
    const findings = await policyFindings(
      { relativeLinks: 'require' },
      {
        'index.html': page('<a href="/docs/guide/">guide</a>', '<base href="/docs/guide/">'),
        'guide/index.html': page(''),
      },
    );
    expect(findings).toEqual([
      'relative-link-policy /docs/ /docs/guide/ → Write the link relative to the page by hand: the page has a <base href>, which relative links resolve against.',
    ]);
  });

  it('forbids absolute links to the site’s own origin (and its www twin), not canonical URLs or other sites', async () => {
    expect(await policyFindings({ absoluteSelfLinks: 'forbid' }, site)).toEqual([
      'absolute-self-link /docs/ https://example.com/docs/reference/api/?v=2 → Write /docs/reference/api/?v=2: it works on every host the site is served from.',
      'absolute-self-link /docs/ //www.example.com/docs/ → Write /docs/: it works on every host the site is served from.',
    ]);
  });

  it('skips links that ignore.links leaves out', async () => {
    const findings = await policyFindings({ relativeLinks: 'forbid' }, site, {
      ignore: { links: ['/docs/guide/'] },
    });
    expect(findings.map((f) => f.split(' → ')[0])).toEqual([
      'relative-link-policy /docs/guide/ ../reference/über uns/',
    ]);
  });
});
