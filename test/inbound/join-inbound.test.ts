import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type InboundData,
  type InboundLink,
  joinInbound,
  loadInbound,
  type PageLookup,
  type SourceSummary,
} from '../../src/inbound/index.js';
import { registrableDomain } from '../../src/inbound/parse-values.js';
import { createSiteUrls, pageKey } from '../../src/site/url.js';
import { fixtures, temporaryFolder } from './helpers.js';

const pages = [
  '/',
  '/pricing/',
  '/blog/',
  '/blog/café/',
  '/blog/new-post-title/',
  '/docs/',
  '/about/',
];
const redirects: Record<string, string> = {
  '/old-blog': '/blog/',
  '/moved': 'https://elsewhere.example/x',
  '/chain-a': '/chain-b/',
  '/chain-b': '/about/',
  '/to-missing': '/nowhere/',
  '/loop-a': '/loop-b/',
  '/loop-b': '/loop-a/',
};

/** The lookup a caller gives: page keys (decoded, no slash, no index.html) → pages and redirects. */
function createLookup(
  built: readonly string[],
  redirectTable: Record<string, string> = {},
): PageLookup {
  const byKey = new Map(built.map((page) => [pageKey(page), page]));
  return (path) => {
    const key = pageKey(path);
    const page = byKey.get(key);
    if (page) return { status: 'page', page };
    const destination = redirectTable[key];
    return destination ? { status: 'redirect', destination } : { status: 'missing' };
  };
}

const siteUrls = createSiteUrls({
  site: 'https://example.com',
  base: '/',
  trailingSlash: 'ignore',
  buildFormat: 'directory',
});

function link(sourceUrl: string, targetUrl: string, extra: Partial<InboundLink> = {}): InboundLink {
  return {
    sourceUrl,
    targetUrl,
    site: new URL(sourceUrl).host.replace(/^www\./, ''),
    domain: registrableDomain(new URL(sourceUrl).host.replace(/^www\./, '')),
    anchor: null,
    nofollow: null,
    sponsored: null,
    ugc: null,
    firstSeen: null,
    lastSeen: null,
    lost: null,
    targetStatus: null,
    metrics: [],
    from: ['test.csv'],
    ...extra,
  };
}

function data(parts: Partial<InboundData>): InboundData {
  return {
    sources: [],
    links: [],
    targets: [],
    targetSites: [],
    linkingSites: [],
    linkingText: [],
    samples: [],
    internalLinks: [],
    anchors: [],
    lostSites: [],
    problems: [],
    ...parts,
  };
}

describe('joinInbound', () => {
  it('maps scheme, www, trailing slash, encoding and index.html variants to one page', () => {
    const joined = joinInbound(
      data({
        links: [
          link('https://a.example/1', 'http://www.example.com/pricing/'),
          link('https://b.example/2', 'https://example.com/pricing'),
          link('https://c.example/3', 'https://example.com/blog/caf%C3%A9/'),
          link('https://d.example/4', 'https://example.com/blog/café'),
          link('https://e.example/5', 'https://example.com/docs/index.html?utm_source=x#top'),
        ],
      }),
      siteUrls,
      createLookup(pages),
      pages,
    );
    expect(Object.keys(joined.byPage)).toEqual(['/blog/café/', '/docs/', '/pricing/']);
    expect(joined.byPage['/pricing/']).toEqual({
      page: '/pricing/',
      targetUrls: ['http://www.example.com/pricing/', 'https://example.com/pricing'],
      incomingLinks: 2,
      linkingSites: 2,
      internalLinks: null,
      backlinks: [
        link('https://a.example/1', 'http://www.example.com/pricing/'),
        link('https://b.example/2', 'https://example.com/pricing'),
      ],
      referringDomains: ['a.example', 'b.example'],
      redirectedFrom: [],
    });
    expect(joined.byPage['/blog/café/']?.targetUrls).toEqual([
      'https://example.com/blog/caf%C3%A9/',
      'https://example.com/blog/café',
    ]);
    expect(joined.byPage['/docs/']?.incomingLinks).toBe(1);
    expect(joined.lost).toEqual([]);
    expect(joined.foreignTargets).toEqual([]);
    expect(joined.findings).toEqual([]);
  });

  it('counts the largest of Search Console counts, drill-downs and link rows', () => {
    const joined = joinInbound(
      data({
        links: [link('https://a.example/1', 'https://example.com/pricing/')],
        targets: [
          {
            targetUrl: 'https://example.com/pricing/',
            incomingLinks: 412,
            linkingSites: 40,
            internalLinks: 188,
            from: ['gsc.csv'],
          },
          {
            targetUrl: 'http://example.com/pricing/',
            incomingLinks: 8,
            linkingSites: 2,
            internalLinks: null,
            from: ['gsc.csv'],
          },
        ],
        targetSites: [
          { site: 'reddit.com', targetUrl: '/pricing/', links: 5, from: ['drill.csv'] },
          { site: 'lemonde.fr', targetUrl: '/pricing/', links: 3, from: ['drill.csv'] },
        ],
      }),
      siteUrls,
      createLookup(pages),
    );
    expect(joined.byPage['/pricing/']).toMatchObject({
      targetUrls: ['/pricing/', 'http://example.com/pricing/', 'https://example.com/pricing/'],
      incomingLinks: 420,
      linkingSites: 40,
      internalLinks: 188,
      referringDomains: ['a.example', 'lemonde.fr', 'reddit.com'],
    });
  });

  it('leaves links the tools report as lost out of the join', () => {
    const joined = joinInbound(
      data({ links: [link('https://a.example/1', 'https://example.com/gone/', { lost: true })] }),
      siteUrls,
      createLookup(pages),
      pages,
    );
    expect(joined).toMatchObject({ byPage: {}, lost: [], findings: [] });
  });

  it('counts a target written with the fully qualified host (example.com.) as this site', () => {
    const joined = joinInbound(
      data({
        links: [
          link('https://a.example/1', 'https://example.com./pricing/'),
          link('https://b.example/2', 'http://www.example.com./pricing/'),
        ],
      }),
      siteUrls,
      createLookup(pages),
      pages,
    );
    expect(joined.byPage['/pricing/']?.incomingLinks).toBe(2);
    expect(joined.foreignTargets).toEqual([]);
  });

  it('says how many links the tools mark as lost, and by which tools', async () => {
    const root = await temporaryFolder();
    const semrush =
      'Source url,Target url,Anchor,Nofollow,First seen,Last seen,New link,Lost link\n' +
      'https://a.example/1,https://example.com/pricing/,x,false,2026-01-01,2026-05-01,false,true\n' +
      'https://a.example/2,https://example.com/pricing/,y,false,2026-01-01,2026-05-01,false,true\n' +
      'https://a.example/3,https://example.com/pricing/,z,false,2026-01-01,2026-05-01,false,false\n';
    await writeFile(path.join(root, 'semrush.csv'), semrush);
    const loaded = await loadInbound(['semrush.csv'], { root });
    expect(loaded.links.filter((row) => row.lost === true)).toHaveLength(2);
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(joined.byPage['/pricing/']?.incomingLinks).toBe(1);
    expect(joined.notes).toEqual([
      '2 links marked lost by the exporting tool (Semrush) are not counted',
    ]);

    const one = joinInbound(
      data({ links: [link('https://a.example/1', 'https://example.com/gone/', { lost: true })] }),
      siteUrls,
      createLookup(pages),
      pages,
    );
    expect(one.notes).toEqual(['1 link marked lost by the exporting tool is not counted']);
  });

  it('counts the internal drill-down (Your pages linking to this page) in a note', async () => {
    const loaded = await loadInbound(
      [
        {
          file: 'drill-down/example.com-Your pages linking to this page-2026-05-10.csv',
          target: '/pricing/',
        },
      ],
      { root: fixtures },
    );
    expect(loaded.internalLinks).toHaveLength(2);
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(joined.notes).toEqual([
      'Search Console internal drill-down: 2 internal links to /pricing/ (not used in the link graph, which comes from the build)',
    ]);
    expect(joined.findings).toEqual([]);
  });

  it("says a drill-down's lost target is the one its entry gives, maybe mistyped", async () => {
    const drillDown = 'drill-down/example.com-Top sites linking to this page-2026-05-10.csv';
    const loaded = await loadInbound([{ file: drillDown, target: '/pricng/' }], {
      root: fixtures,
    });
    expect(loaded.sources.map((source) => source.namedTarget)).toEqual(['/pricng/']);
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(joined.lost.map((lost) => [lost.target, lost.namedBy])).toEqual([
      ['/pricng/', [drillDown]],
    ]);
    const [finding] = joined.findings;
    expect(finding?.type).toBe('lost-backlink-target');
    expect(finding?.message).toContain(`(the target your inbound entry for ${drillDown} names)`);
    // Not sure which it is: the typo is said first, the redirect only for a page that is gone.
    expect(finding?.hint).toMatch(
      /^If you meant \/pricing\/, fix the target of the entry for .*; if that export really is of a page that is gone, add a redirect in astro.config.mjs: redirects: \{ '\/pricng\/': '\/pricing\/' \}\.$/,
    );
  });

  it('takes a named target that another export names too for a page that is gone', async () => {
    const drillDown = 'drill-down/example.com-Top sites linking to this page-2026-05-10.csv';
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'drill-down'), { recursive: true });
    await writeFile(
      path.join(root, drillDown),
      await readFile(path.join(fixtures, drillDown), 'utf8'),
    );
    await writeFile(
      path.join(root, 'targets.csv'),
      'Target page,Incoming links,Linking sites\nhttps://example.com/pricng/,5,2\n',
    );
    const loaded = await loadInbound([{ file: drillDown, target: '/pricng/' }, 'targets.csv'], {
      root,
    });
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(joined.lost.map((lost) => [lost.target, lost.namedBy])).toEqual([['/pricng/', []]]);
    expect(joined.findings[0]?.hint).toMatch(/^Add a redirect/);
  });

  it('names no entry for a lost target an export names itself', async () => {
    const loaded = await loadInbound(['gsc/example.com-Top target pages-2026-05-10.csv'], {
      root: fixtures,
    });
    expect(loaded.sources.map((source) => source.namedTarget)).toEqual([null]);
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(joined.lost.length).toBeGreaterThan(0);
    for (const lost of joined.lost) expect(lost.namedBy).toEqual([]);
    for (const finding of joined.findings) expect(finding.hint).not.toMatch(/fix the target/);
  });

  it('does not list missing URLs without backlinks as lost, but says so', () => {
    const joined = joinInbound(
      data({
        targets: [
          {
            targetUrl: 'https://example.com/old-internal/',
            incomingLinks: null,
            linkingSites: null,
            internalLinks: 4,
            from: ['gsc-internal.csv'],
          },
          {
            targetUrl: 'https://example.com/gone/',
            incomingLinks: 3,
            linkingSites: 1,
            internalLinks: null,
            from: ['gsc.csv'],
          },
        ],
      }),
      siteUrls,
      createLookup(pages),
      pages,
    );
    expect(joined.lost.map((target) => [target.target, target.backlinks])).toEqual([['/gone/', 3]]);
    expect(joined.findings.map((finding) => finding.type)).toEqual(['lost-backlink-target']);
    expect(joined.lost).toHaveLength(
      joined.findings.filter((finding) => finding.type === 'lost-backlink-target').length,
    );
    expect(joined.notes).toEqual([
      "1 URL the build does not have is named in the inbound exports without any backlink (e.g. Search Console's internal Top target pages), so not reported as lost: /old-internal/",
    ]);
  });

  it('reports a lost target with the page a typo away and a redirect to paste', () => {
    const joined = joinInbound(
      data({
        links: [
          link('https://a.example/1', 'https://example.com/blog/new-post-tilte/'),
          link('https://news.example/2', 'http://www.example.com/blog/new-post-tilte'),
        ],
        targets: [
          {
            targetUrl: 'https://example.com/blog/new-post-tilte/',
            incomingLinks: 7,
            linkingSites: 3,
            internalLinks: null,
            from: ['gsc.csv'],
          },
        ],
      }),
      siteUrls,
      createLookup(pages),
      pages,
    );
    expect(joined.lost).toEqual([
      {
        target: '/blog/new-post-tilte/',
        targetUrls: [
          'http://www.example.com/blog/new-post-tilte',
          'https://example.com/blog/new-post-tilte/',
        ],
        reason: 'missing',
        backlinks: 7,
        linkingSites: 3,
        referringDomains: ['a.example', 'news.example'],
        kind: 'page',
        suggestion: '/blog/new-post-title/',
        match: 'near-slug',
        fallback: null,
        ambiguous: [],
        redirect: {
          from: '/blog/new-post-tilte/',
          to: '/blog/new-post-title/',
          entry: "'/blog/new-post-tilte/': '/blog/new-post-title/'",
        },
        suspicious: null,
        namedBy: [],
        note: null,
      },
    ]);
    expect(joined.findings).toHaveLength(1);
    expect(joined.findings[0]).toMatchObject({
      type: 'lost-backlink-target',
      severity: 'warning',
      page: null,
      message: '/blog/new-post-tilte/ has 7 backlink(s) but the build has no page there',
      hint: "Add a redirect to the page whose slug differs by a typo in astro.config.mjs: redirects: { '/blog/new-post-tilte/': '/blog/new-post-title/' } (for a site not built with Astro, the same rule in your host's redirects)",
    });
    expect(joined.findings[0]?.details).toMatchObject({
      redirectFrom: '/blog/new-post-tilte/',
      redirectTo: '/blog/new-post-title/',
    });
  });

  it('follows redirects of the build to the page they reach', () => {
    const lookup = createLookup(pages, redirects);
    const joined = joinInbound(
      data({
        links: [
          link('https://a.example/1', 'https://example.com/old-blog/'),
          link('https://a.example/2', 'https://example.com/chain-a/'),
          link('https://a.example/3', 'https://example.com/moved/'),
          link('https://a.example/4', 'https://example.com/to-missing/'),
          link('https://a.example/5', 'https://example.com/loop-a/'),
        ],
      }),
      siteUrls,
      lookup,
      pages,
    );
    expect(joined.redirected).toEqual([
      { target: '/chain-a/', destination: '/about/', page: '/about/', backlinks: 1 },
      { target: '/moved/', destination: 'https://elsewhere.example/x', page: null, backlinks: 1 },
      { target: '/old-blog/', destination: '/blog/', page: '/blog/', backlinks: 1 },
    ]);
    expect(joined.byPage['/blog/']).toMatchObject({
      incomingLinks: 1,
      redirectedFrom: ['/old-blog/'],
    });
    expect(joined.byPage['/about/']).toMatchObject({
      incomingLinks: 1,
      redirectedFrom: ['/chain-a/'],
    });
    expect(joined.lost.map((target) => [target.target, target.reason, target.note])).toEqual([
      ['/loop-a/', 'redirect-loop', 'its redirects loop (through /loop-b/)'],
      [
        '/to-missing/',
        'redirect-to-missing',
        'redirects to /nowhere/, which the build does not have',
      ],
    ]);
  });

  it('keeps targets on other hosts apart', () => {
    const joined = joinInbound(
      data({
        links: [
          link('https://a.example/1', 'https://other.example/x'),
          link('https://b.example/1', 'http://www.other.example/x/'),
        ],
        targets: [
          {
            targetUrl: 'https://blog.example.com/',
            incomingLinks: 3,
            linkingSites: 1,
            internalLinks: null,
            from: ['gsc.csv'],
          },
        ],
      }),
      siteUrls,
      createLookup(pages),
    );
    expect(joined.foreignTargets).toEqual([
      {
        targetUrl: 'https://blog.example.com/',
        host: 'blog.example.com',
        backlinks: 3,
        from: ['gsc.csv'],
      },
      {
        targetUrl: 'http://www.other.example/x/',
        host: 'www.other.example',
        backlinks: 2,
        from: ['test.csv'],
      },
    ]);
    expect(joined.byPage).toEqual({});
    expect(joined.notes).toEqual([]);
  });

  it('says why nothing matched when site is not configured', () => {
    const joined = joinInbound(
      data({ links: [link('https://a.example/1', 'https://example.com/pricing/')] }),
      createSiteUrls({ base: '/', trailingSlash: 'ignore', buildFormat: 'directory' }),
      createLookup(pages),
    );
    expect(joined.foreignTargets.map((target) => target.targetUrl)).toEqual([
      'https://example.com/pricing/',
    ]);
    expect(joined.notes).toEqual([
      "site is not configured, so 1 inbound target URL (on example.com) cannot be matched to pages: set site (e.g. site: 'https://example.com')",
    ]);
  });

  it('reports paths outside base as lost, without a suggestion', () => {
    const docs = createSiteUrls({
      site: 'https://example.com',
      base: '/docs',
      trailingSlash: 'always',
      buildFormat: 'directory',
    });
    const built = ['/docs/', '/docs/guide/setup/', '/docs/guide/deploy/'];
    const joined = joinInbound(
      data({
        links: [
          link('https://a.example/1', 'https://example.com/docs'),
          link('https://a.example/2', 'https://example.com/pricing/'),
          link('https://a.example/3', 'https://example.com/docs/guide/set-up/'),
        ],
      }),
      docs,
      createLookup(built),
      built,
    );
    expect(Object.keys(joined.byPage)).toEqual(['/docs/']);
    expect(
      joined.lost.map((target) => [
        target.target,
        target.reason,
        target.suggestion,
        target.redirect,
        target.note,
      ]),
    ).toEqual([
      [
        '/docs/guide/set-up/',
        'missing',
        '/docs/guide/setup/',
        { from: '/guide/set-up/', to: '/guide/setup/', entry: "'/guide/set-up/': '/guide/setup/'" },
        null,
      ],
      [
        '/pricing/',
        'outside-base',
        null,
        null,
        'outside base /docs/: the build cannot serve this path; redirect it on the host',
      ],
    ]);
  });

  it('reports each failed source, as an error when it is required', async () => {
    const loaded = await loadInbound([{ file: 'nope.csv', required: true }, 'missing-too.csv'], {
      root: fixtures,
    });
    const joined = joinInbound(loaded, siteUrls, createLookup(pages));
    expect(
      joined.findings.map((finding) => [finding.type, finding.severity, finding.message]),
    ).toEqual([
      ['inbound-source-failed', 'error', `nope.csv: not found (resolved to ${fixtures}nope.csv)`],
      [
        'inbound-source-failed',
        'warning',
        `missing-too.csv: not found (resolved to ${fixtures}missing-too.csv)`,
      ],
    ]);
  });

  it('reports the caveats of sources that were read and the files folders skipped', async () => {
    const root = await temporaryFolder();
    await mkdir(path.join(root, 'seo/bad'), { recursive: true });
    await writeFile(path.join(root, 'seo/bad/Links.xlsx'), 'PK');
    await writeFile(path.join(root, 'seo/bad/06-truncated.csv'), truncated);
    const loaded = await loadInbound([{ file: 'seo/bad/', allowBadRows: true }], { root });
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(
      joined.findings.map((finding) => [finding.type, finding.severity, finding.message]),
    ).toEqual([
      [
        'inbound-source-warning',
        'warning',
        'seo/bad/06-truncated.csv: line 4: expected 3 fields (Target page, Incoming links, Linking sites), found 1; the file may be truncated',
      ],
      [
        'inbound-source-warning',
        'warning',
        'seo/bad/06-truncated.csv: 1 of 3 rows could not be read (line 4); they were skipped because allowBadRows is on',
      ],
      [
        'inbound-source-warning',
        'warning',
        'seo/bad/Links.xlsx: skipped: only CSV exports are read (download the table as CSV)',
      ],
    ]);
    expect(joined.findings[0]?.details).toEqual({
      source: 'seo/bad/06-truncated.csv',
      entry: 'seo/bad/',
      reason:
        'line 4: expected 3 fields (Target page, Incoming links, Linking sites), found 1; the file may be truncated',
      line: 4,
    });
    expect(joined.findings[2]?.details).toMatchObject({ source: 'seo/bad/Links.xlsx', line: null });
  });

  it('says why a source failed in its finding, and only that', async () => {
    const root = await temporaryFolder();
    await writeFile(path.join(root, '06-truncated.csv'), truncated);
    const loaded = await loadInbound([{ file: '06-truncated.csv', required: true }], { root });
    const joined = joinInbound(loaded, siteUrls, createLookup(pages), pages);
    expect(
      joined.findings.map((finding) => [finding.type, finding.severity, finding.message]),
    ).toEqual([
      [
        'inbound-source-failed',
        'error',
        '06-truncated.csv: 1 of 3 rows could not be read (line 4); nothing was imported from it. Line 4: expected 3 fields (Target page, Incoming links, Linking sites), found 1; the file may be truncated. Fix the export (or download it again if it was cut short), or set allowBadRows: true (--allow-bad-rows) to import the other rows',
      ],
    ]);
    // What the hint needs to tell a required source (the build fails already) from an optional one.
    const first = joined.findings[0];
    expect(first?.type === 'inbound-source-failed' && first.details.required).toBe(true);
  });

  it('names the summary problem of a source rejected for bad rows', () => {
    const source: SourceSummary = {
      name: 'gsc.csv',
      entry: 'gsc.csv',
      location: 'file',
      table: 'search-console-top-target-pages',
      title: null,
      tool: 'search-console',
      status: 'failed',
      required: false,
      rows: 2,
      badRows: 1,
      internalRows: 0,
      bytes: 120,
      encoding: 'utf-8',
      delimiter: ',',
      headerLine: 1,
      fromCache: false,
      cachedAt: null,
      namedTarget: null,
      problems: [
        {
          source: 'gsc.csv',
          file: 'gsc.csv',
          url: null,
          line: 3,
          severity: 'error',
          reason: 'bad count',
          message: 'gsc.csv, line 3: bad count',
          fix: 'export',
        },
        {
          source: 'gsc.csv',
          file: 'gsc.csv',
          url: null,
          line: null,
          severity: 'error',
          reason: '1 of 2 rows could not be read',
          message: 'gsc.csv: 1 of 2 rows could not be read',
          fix: 'export',
        },
      ],
    };
    const [finding] = joinInbound(
      data({ sources: [source] }),
      siteUrls,
      createLookup(pages),
    ).findings;
    // The summary names the bad line but not what is wrong with it: the first line's reason is added.
    expect(finding?.message).toBe('gsc.csv: 1 of 2 rows could not be read (line 3: bad count)');
    expect(finding?.details).toEqual({
      source: 'gsc.csv',
      entry: 'gsc.csv',
      reason: '1 of 2 rows could not be read (line 3: bad count)',
      required: false,
      fix: 'export',
      problems: 2,
    });
  });
});

const truncated =
  'Target page,Incoming links,Linking sites\nhttps://example.com/pricing/,4,2\nhttps://example.com/about/,1,1\nhttps://example.com/blog/';

describe('hints of failed sources', () => {
  it('never says to download again a file that is fine but needs an option', async () => {
    const data = await loadInbound(
      ['drill-down/example.com-Top sites linking to this page-2026-05-10.csv', 'nope.csv'],
      { root: fixtures },
    );
    const hints = joinInbound(data, siteUrls, createLookup(pages), pages).findings.map(
      (finding) => [finding.type, finding.hint],
    );
    expect(hints).toEqual([
      [
        'inbound-source-failed',
        'The file is fine: its inbound entry must say more (the message says what: target, columns, format or allowBadRows). Mark the source required to fail the build instead.',
      ],
      [
        'inbound-source-failed',
        'Check the path or URL; the message says what failed. Mark the source required to fail the build instead.',
      ],
    ]);
  });
});
