import { describe, expect, it } from 'vitest';
import { findingsByGroup } from '../../src/findings/groups.js';
import { createFinding, type Finding, groupFindings } from '../../src/index.js';

const broken = (page: string, href: string, line: number, at: Finding['writtenAt'] = null) => {
  const finding = createFinding('broken-link', {
    page,
    file: `${page.slice(1)}index.html`,
    link: {
      href,
      url: `https://example.com${href}`,
      element: 'a',
      attribute: 'href',
      text: '',
      placement: 'content',
      position: { type: 'source', line, column: 1 },
    },
    details: { target: href, suggestion: null },
  });
  finding.writtenAt = at;
  return finding;
};

describe('groupFindings', () => {
  it('makes one group per cause: type, target and place in the sources', () => {
    const footer = { file: 'src/components/Footer.astro', line: 4, column: 12 };
    const findings = [
      broken('/', '/changelog/', 9, footer),
      broken('/a/', '/changelog/', 9, footer),
      broken('/a/', '/typo/', 3),
      broken('/b/', '/typo/', 5),
      broken('/b/', '/other/', 6),
    ];
    const groups = groupFindings(findings);
    expect(groups.map((g) => [g.target, g.count, g.pages])).toEqual([
      ['/changelog/', 2, ['/', '/a/']],
      ['/typo/', 2, ['/a/', '/b/']],
      ['/other/', 1, ['/b/']],
    ]);
    expect(new Set(findings.map((f) => f.group)).size).toBe(3);
    expect(findings[0]!.group).toBe(groups[0]!.id);
  });

  it('ranks errors first, then by pages affected, link score and backlinks', () => {
    const warning = createFinding('orphan-page', {
      page: '/lonely/',
      details: { page: '/lonely/' },
    });
    const findings = [broken('/low/', '/x/', 1), broken('/high/', '/y/', 1), warning];
    const scores: Record<string, number> = { '/low/': 10, '/high/': 90 };
    const groups = groupFindings(findings, (page) => ({
      linkScore: scores[page] ?? null,
      backlinks: null,
      copy: false,
    }));
    expect(groups.map((g) => g.target)).toEqual(['/y/', '/x/', '/lonely/']);
  });

  it('lists the page a translation copies its content from before the copies', () => {
    const findings = [broken('/da/guide/', '/x/', 1), broken('/guide/', '/x/', 1)];
    const [group] = groupFindings(findings, (page) => ({
      linkScore: null,
      backlinks: null,
      copy: page.startsWith('/da/'),
    }));
    expect(group!.pages).toEqual(['/guide/', '/da/guide/']);
  });

  it("makes a page's translations one cause for findings about it as content", () => {
    const boilerplateOnly = (page: string) =>
      createFinding('boilerplate-only-inlinks', {
        page,
        details: { page, linkingPages: 3 },
      });
    const findings = [
      boilerplateOnly('/de/guide/'),
      boilerplateOnly('/guide/'),
      boilerplateOnly('/other/'),
      boilerplateOnly('/de/only/'),
      boilerplateOnly('/fr/only/'),
    ];
    const groups = groupFindings(findings, (page) => ({
      linkScore: null,
      backlinks: null,
      copy: false,
      family: page.replace(/^\/(de|fr)\//, '/'),
    }));
    expect(groups.map((g) => [g.target, g.pages])).toEqual([
      ['/guide/', ['/guide/', '/de/guide/']],
      // The English /only/ is linked from content: the cause is named by its translations.
      ['/de/only/', ['/de/only/', '/fr/only/']],
      ['/other/', ['/other/']],
    ]);
    // The cause speaks of the page the family is named after, not of the first translation.
    expect(groups[0]!.message).toBe(
      '/guide/ is linked from 3 page(s), but never from their main content',
    );
    // Without families, each page is its own cause.
    expect(groupFindings(findings.map((f) => ({ ...f })))).toHaveLength(5);
  });

  it("starts a family's cause with its first page, for the outputs that place a cause", () => {
    const boilerplateOnly = (page: string) =>
      createFinding('boilerplate-only-inlinks', {
        page,
        file: `${page.slice(1)}index.html`,
        details: { page, linkingPages: 2 },
      });
    // /x/ itself is fine; /de/x/ is a fallback copy, /fr/x/ a translation.
    const findings = [boilerplateOnly('/de/x/'), boilerplateOnly('/fr/x/')];
    const groups = groupFindings(findings, (page) => ({
      linkScore: null,
      backlinks: null,
      copy: page === '/de/x/',
      family: '/x/',
    }));
    expect(groups[0]).toMatchObject({
      target: '/fr/x/',
      pages: ['/fr/x/', '/de/x/'],
      copies: 1,
      message: '/fr/x/ is linked from 2 page(s), but never from their main content',
    });
    // Sorted by page, /de/x/ would come first; with the groups, the cause's page does.
    expect(
      findingsByGroup(findings)
        .get(groups[0]!.id)!
        .map((f) => f.page),
    ).toEqual(['/de/x/', '/fr/x/']);
    expect(
      findingsByGroup(findings, groups)
        .get(groups[0]!.id)!
        .map((f) => f.page),
    ).toEqual(['/fr/x/', '/de/x/']);
  });

  it('gives the same groups for the same cause in any order, with stable ids', () => {
    const make = () => [broken('/', '/a/', 1), broken('/b/', '/a/', 2)];
    const one = groupFindings(make());
    const two = groupFindings(make().reverse());
    expect(two.map((g) => g.id)).toEqual(one.map((g) => g.id));
  });
});
