/**
 * The "Changes" section: what the baseline made of this run (new, known, fixed), and what
 * changed since the previous run of the same output folder.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { ChangedFinding, Mover } from '../../../history/run-history.js';
import type { Report } from '../../model/report-schema.js';
import { displayPath } from './display.js';
import {
  type Column,
  renderBadge,
  renderCappedList,
  renderCode,
  renderPath,
  renderSection,
  renderTable,
} from './elements.js';

/** The section; it says how to turn each part on when it is off. */
export function renderChanges(report: Report): Element {
  const body: ElementContent[] = [];
  const { baseline, changes } = report;
  body.push(h('h3', 'Baseline'));
  if (!baseline) {
    body.push(
      h('p.empty', [
        'No baseline. To adopt strict checks on a site with many existing problems, write one with ',
        h('code', '--baseline link-report.baseline.json --update-baseline'),
        ' and commit it: its findings are then reported as known and do not fail the build; new ones do.',
      ]),
    );
  } else {
    body.push(
      h('ul.cards', [
        card('New', baseline.new, baseline.new > 0 ? 'error' : undefined),
        card('Known', baseline.known),
        card('Fixed', baseline.fixedCount),
      ]),
      h('p', [
        'Baseline file ',
        renderCode(baseline.file),
        baseline.updated
          ? ': rewritten by this run, every finding is known.'
          : baseline.exists
            ? ': known findings are marked in the tables above and do not fail the build.'
            : ' does not exist yet: every finding is new.',
      ]),
    );
    if (baseline.fixed.length > 0) {
      body.push(
        h('h4', 'Fixed since the baseline was written'),
        renderFindingList(
          'baseline-fixed',
          baseline.fixed.map((entry) => ({ ...entry, severity: null })),
          baseline.fixedCount,
        ),
        h(
          'p.hint',
          'Rewrite the baseline with --update-baseline so they cannot come back unnoticed.',
        ),
      );
    }
  }
  body.push(h('h3', 'Since the last run'));
  if (!changes) {
    body.push(
      h(
        'p.empty',
        'No earlier run of this output folder is known (the first run, or the cache is off): the next run shows what changed since this one.',
      ),
    );
    return renderSection('changes', 'Changes', null, body);
  }
  body.push(
    h('p', `Compared with the run of ${changes.since}.`),
    h('ul.cards', [
      card(
        'New problems',
        changes.findings.addedCount,
        changes.findings.addedCount > 0 ? 'error' : undefined,
      ),
      card('Fixed', changes.findings.fixedCount),
      card(
        'New orphans',
        changes.orphans.added.length,
        changes.orphans.added.length > 0 ? 'warning' : undefined,
      ),
      card('No longer orphaned', changes.orphans.removed.length),
      card('Pages added', changes.pages.addedCount),
      card('Pages removed', changes.pages.removedCount),
    ]),
  );
  if (changes.findings.added.length > 0) {
    body.push(
      h('h4', 'New errors and warnings'),
      renderFindingList('changes-new', changes.findings.added, changes.findings.addedCount),
    );
  }
  if (changes.findings.fixed.length > 0) {
    body.push(
      h('h4', 'Fixed errors and warnings'),
      renderFindingList('changes-fixed', changes.findings.fixed, changes.findings.fixedCount),
    );
  }
  if (changes.orphans.added.length > 0) {
    body.push(h('h4', 'New orphans'), renderCappedList(changes.orphans.added, renderPath));
  }
  if (changes.orphans.removed.length > 0) {
    body.push(h('h4', 'No longer orphaned'), renderCappedList(changes.orphans.removed, renderPath));
  }
  if (changes.contextualInlinks.length > 0) {
    body.push(
      h('h4', 'Contextual inlinks that moved most'),
      renderMovers('changes-inlinks', 'Contextual inlinks', changes.contextualInlinks),
    );
  }
  if (changes.linkScore.length > 0) {
    body.push(
      h('h4', 'Link scores that moved most'),
      renderMovers('changes-score', 'Link score', changes.linkScore),
    );
  }
  if (changes.assetBacklinks.length > 0) {
    body.push(
      h('h4', 'Linkable assets whose backlinks changed'),
      renderMovers('changes-assets', 'Backlinks', changes.assetBacklinks),
    );
  }
  if (changes.linkingSites) {
    const { added, lost } = changes.linkingSites;
    body.push(
      h('h4', 'Linking sites'),
      added.length + lost.length === 0
        ? h('p', 'The same linking sites as in the previous inbound data.')
        : h('div', [
            h('p', `New (${added.length}):`),
            renderCappedList(added, (site) => h('code', site)),
            h('p', `Lost (${lost.length}):`),
            renderCappedList(lost, (site) => h('code', site)),
          ]),
    );
  }
  if (changes.inboundNotCompared) {
    body.push(
      h('h4', 'Inbound data'),
      h(
        'p',
        `Not compared: ${changes.inboundNotCompared}. Linking sites, asset backlinks and findings made from inbound data are compared when both runs read the same sources.`,
      ),
    );
  }
  return renderSection('changes', 'Changes', null, body);
}

function renderFindingList(
  id: string,
  entries: readonly (Omit<ChangedFinding, 'severity'> & {
    severity: ChangedFinding['severity'] | null;
  })[],
  total: number,
): Element {
  type Entry = (typeof entries)[number];
  const columns: Column<Entry>[] = [
    {
      label: 'Severity',
      cell: (e) => (e.severity ? renderBadge(e.severity) : ''),
      hideWhenEmpty: true,
    },
    { label: 'Type', cell: (e) => h('code', e.type) },
    { label: 'Page', cell: (e) => renderPath(e.page), hideWhenEmpty: true },
    { label: 'Problem', cell: (e) => displayPath(e.message) },
    { label: 'Count', cell: (e) => String(e.count), sort: (e) => e.count, numeric: true },
  ];
  const table = renderTable(id, 'Findings', columns, entries, 'None.');
  if (total <= entries.reduce((sum, e) => sum + e.count, 0)) return table;
  return h('div', [
    table,
    h('p.hint', `${total} in all; the report lists the first ${entries.length} identities.`),
  ]);
}

function renderMovers(id: string, label: string, movers: readonly Mover[]): Element {
  const show = (value: number | null) => (value === null ? '—' : String(value));
  const columns: Column<Mover>[] = [
    { label: 'Page', cell: (m) => renderPath(m.path) },
    { label: 'Before', cell: (m) => show(m.before), sort: (m) => m.before ?? -1, numeric: true },
    { label: 'Now', cell: (m) => show(m.after), sort: (m) => m.after ?? -1, numeric: true },
    {
      label: 'Change',
      cell: (m) => {
        const delta = Math.round(((m.after ?? 0) - (m.before ?? 0)) * 10) / 10;
        return delta > 0 ? `+${delta}` : String(delta);
      },
      sort: (m) => (m.after ?? 0) - (m.before ?? 0),
      numeric: true,
    },
  ];
  return renderTable(id, label, columns, movers, 'None.');
}

function card(label: string, value: number, kind?: string): Element {
  return h('li', { className: kind ? [kind] : [] }, [
    h('span.value', String(value)),
    h('span.label', label),
  ]);
}
