/**
 * The report page's "Backlink quality" section: links by the authority of the linking site,
 * the followed share, the anchor mix, and the toxic candidates with their reasons (written to
 * `disavow-candidates.txt` next to the report, for a person to review).
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { formatCount } from '../../../util/format-count.js';
import type { Report } from '../../model/report-schema.js';
import {
  type Column,
  renderAnchorText,
  renderBadge,
  renderSection,
  renderTable,
} from './elements.js';

type Quality = NonNullable<Report['inbound']>['quality'];

const bandLabels: Record<string, string> = {
  'very-high': 'very high',
  high: 'high',
  medium: 'medium',
  low: 'low',
  'very-low': 'very low',
  unknown: 'unknown',
};

const anchorLabels: Record<string, string> = {
  branded: 'branded',
  'exact-match': 'exact match (the page title, h1 or slug)',
  url: 'URL or domain',
  generic: 'generic',
  empty: 'empty (an image or nothing)',
  other: 'other (partial or descriptive)',
};

/** The "Backlink quality" section; a note when there is no inbound data. */
export function renderBacklinkQuality(report: Report): Element {
  const quality = report.inbound?.quality;
  if (!quality) {
    return renderSection('backlink-quality', 'Backlink quality', null, [
      h('p.empty', 'No inbound sources configured.'),
    ]);
  }
  const share = (count: number) =>
    quality.links === 0 ? '0%' : `${Math.round((count / quality.links) * 100)}%`;
  const body: ElementContent[] = [
    h('p', [
      `${formatCount(quality.links)} live link rows, banded by the linking site's authority (0–100, as its tool publishes it): `,
      quality.bandedBy.length === 0
        ? 'no export gives an authority metric.'
        : `${quality.bandedBy.map((item) => `${item.source} for ${formatCount(item.links)}`).join(', ')}.`,
    ]),
    renderBands(quality),
    h('h3', 'Followed and not followed'),
    h('p', [
      `followed ${quality.rel.followed} (${share(quality.rel.followed)}), not followed ${quality.rel.notFollowed} (${share(quality.rel.notFollowed)}: nofollow ${quality.rel.nofollow}, ugc ${quality.rel.ugc}, sponsored ${quality.rel.sponsored}), not said by the export ${quality.rel.unknown} (${share(quality.rel.unknown)}).`,
    ]),
    h('h3', 'Anchor text of backlinks'),
    renderAnchorMix(quality),
    h('h3', 'Toxic candidates'),
    renderToxic(quality),
  ];
  return renderSection(
    'backlink-quality',
    'Backlink quality',
    'The sites that link, by the metrics their exports give. Candidates are listed with the reason, never decided for you.',
    body,
  );
}

function renderBands(quality: Quality): Element {
  const columns: Column<Quality['bands'][number]>[] = [
    { label: 'Authority', cell: (b) => `${bandLabels[b.band] ?? b.band} (${b.range})` },
    { label: 'Links', cell: (b) => b.links, numeric: true, sort: (b) => b.links },
    { label: 'Linking sites', cell: (b) => b.sites, numeric: true, sort: (b) => b.sites },
  ];
  return renderTable('quality-bands-table', 'Links by quality band', columns, quality.bands, '');
}

function renderAnchorMix(quality: Quality): Element {
  if (quality.anchors.basis === 'none') {
    return h('p.empty', 'No export gives the anchor texts of backlinks.');
  }
  const columns: Column<Quality['anchors']['mix'][number]>[] = [
    { label: 'Kind', cell: (m) => anchorLabels[m.kind] ?? m.kind },
    { label: 'Links', cell: (m) => m.links, numeric: true, sort: (m) => m.links },
    {
      label: 'Examples',
      cell: (m) =>
        h(
          'span',
          m.examples.flatMap((text, index): ElementContent[] => [
            ...(index > 0 ? [{ type: 'text' as const, value: ', ' }] : []),
            renderAnchorText(text),
          ]),
        ),
    },
  ];
  return h('div', [
    h('p.hint', [
      quality.anchors.basis === 'links'
        ? 'From the link rows. '
        : 'From the anchor export, weighted by its link counts. ',
      quality.anchors.brandTerms.length > 0
        ? `Branded: holds ${quality.anchors.brandTerms.map((term) => `"${term}"`).join(', ')} (brandTerms).`
        : 'No brand terms are known (set brandTerms).',
    ]),
    renderTable('anchor-mix-table', 'Anchor text of backlinks', columns, quality.anchors.mix, ''),
  ]);
}

function renderToxic(quality: Quality): Element {
  if (quality.toxic.length === 0) {
    return h(
      'p.empty',
      `No linking site is flagged as spam by its tool, has a Spam Score over ${quality.thresholds.spamScore}%, or has ${quality.thresholds.manyLinks} links or more with an authority below ${quality.thresholds.lowAuthority}.`,
    );
  }
  const columns: Column<Quality['toxic'][number]>[] = [
    { label: 'Site', cell: (t) => h('code', t.site), sort: (t) => t.site },
    { label: 'Links', cell: (t) => t.links ?? '', numeric: true, sort: (t) => t.links ?? -1 },
    {
      label: 'Authority',
      cell: (t) => (t.authority ? `${t.authority.value} (${t.authority.source})` : ''),
      hideWhenEmpty: true,
    },
    {
      label: 'Why',
      cell: (t) =>
        h(
          'ul',
          t.reasons.map((reason) => h('li', reason.text)),
        ),
    },
  ];
  return h('div', [
    h('p', [
      renderBadge('review', 'warning'),
      ' Written to ',
      h('code', 'disavow-candidates.txt'),
      ' next to this page, in the format of Google’s disavow tool. Google ignores most spammy links by itself: upload it only for a manual action for unnatural links, or links you bought or built and cannot get removed, after reading every entry.',
    ]),
    renderTable('toxic-table', 'Toxic candidates', columns, quality.toxic, ''),
  ]);
}
