/**
 * SARIF 2.1.0, for GitHub code scanning and other SARIF viewers: one rule per finding type
 * (help from the definitions table and the README), one result per cause (finding group), on
 * the source line where its link is written when known, else on the built file and line.
 * Every result has a file location, because GitHub rejects a whole file for one result
 * without: a finding with no file of its own (a site setting, an export) is shown on the
 * config file (or the home page), and the location says so.
 */
import { createHash } from 'node:crypto';
import {
  type FindingType,
  findingDefinitions,
  findingDocsSlug,
  findingTypes,
} from '../../findings/definitions.js';
import type { Finding } from '../../findings/finding.js';
import { type FindingGroup, findingsByGroup } from '../../findings/groups.js';
import type { Severity } from '../../findings/severity.js';
import { escapeUnsafe } from '../../util/untrusted-text.js';
import { version } from '../../version.js';
import type { Report } from '../model/report-schema.js';
import {
  joinPath,
  type LocationRoots,
  locateGroup,
  type ResultLocation,
} from './result-location.js';

/** Where the docs of the findings are: the README, as the package page shows it. */
export const docsUrl = 'https://www.npmjs.com/package/astro-link-report';

/** GitHub rejects a run with more results than this; the first (worst) ones are kept. */
export const maxSarifResults = 25_000;

/** Pages named in a result's message before "and N more" (the rest are in its properties). */
const pagesNamed = 10;
/** Pages listed in a result's properties. */
const pagesListed = 100;

/** Options of `renderSarifReport`: where paths are relative to, and the config file. */
export type SarifOptions = LocationRoots;

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** GitHub's `problem.severity` for each severity. */
const problemSeverity: Record<Severity, string> = {
  error: 'error',
  warning: 'warning',
  info: 'recommendation',
};

/** The SARIF log of a report, as JSON text. */
export function renderSarifReport(
  report: Pick<Report, 'groups' | 'findings' | 'notes' | 'pages' | 'site'>,
  options: SarifOptions,
): string {
  const byGroup = findingsByGroup(report.findings, report.groups);
  const rules = findingTypes.map((type) => describeRule(type));
  const ruleIndex = new Map(findingTypes.map((type, index) => [type, index]));
  const occurrences = new Map<string, number>();
  const kept = report.groups.slice(0, maxSarifResults);
  const results = kept.map((group) => {
    const first = byGroup.get(group.id)?.[0];
    const location = locateResult(group, first, report, options);
    // Stable across runs: the cause's type, target and file, and its order among the same
    // in that file; not its line (a line added above moves it) nor its severity (an option).
    const base = `${group.type}\u0000${group.target}\u0000${location.uri}`;
    const occurrence = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, occurrence);
    const fingerprint = createHash('sha256').update(`${base}\u0000${occurrence}`).digest('hex');
    return {
      ruleId: group.type,
      ruleIndex: ruleIndex.get(group.type)!,
      level: levels[group.severity],
      message: { text: describeResult(group) },
      locations: [location.sarif],
      partialFingerprints: { 'astroLinkReportCause/v1': fingerprint.slice(0, 32) },
      // Note: SARIF's own word for a baseline: `unchanged` results are known ones.
      ...(group.baseline
        ? { baselineState: group.baseline === 'known' ? 'unchanged' : 'new' }
        : {}),
      properties: {
        findings: group.count,
        pageCount: group.pages.length,
        pages: group.pages.slice(0, pagesListed).map(escapeUnsafe),
        group: group.id,
      },
    };
  });
  const notifications = report.notes.map((note) => ({
    level: 'note',
    message: { text: escapeUnsafe(note) },
  }));
  if (report.groups.length > kept.length) {
    notifications.push({
      level: 'warning',
      message: {
        text: `${report.groups.length - kept.length} more causes are in the report: SARIF consumers such as GitHub accept at most ${maxSarifResults} results per run.`,
      },
    });
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'astro-link-report',
            version,
            semanticVersion: version,
            informationUri: docsUrl,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        // Columns are counted like JavaScript strings: in UTF-16 code units.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** The rule of a finding type: its title, description and where the README documents it. */
function describeRule(type: FindingType) {
  const definition = findingDefinitions[type];
  const helpUri = `${docsUrl}#${findingDocsSlug(type)}`;
  return {
    id: type,
    name: type.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase()),
    shortDescription: { text: definition.title },
    fullDescription: { text: definition.description },
    helpUri,
    help: {
      text: `${definition.description} See ${helpUri}`,
      markdown: `${definition.description}\n\n[${definition.title} in the astro-link-report docs](${helpUri})`,
    },
    defaultConfiguration: { level: levels[definition.severity] },
    properties: {
      tags: [...new Set(['links', definition.category])],
      'problem.severity': problemSeverity[definition.severity],
    },
  };
}

/** The message: what is wrong (its first sentence is the alert's title), where, and the hint. */
function describeResult(group: FindingGroup): string {
  const parts = [sentence(group.message)];
  if (group.pages.length > 1) {
    const more = group.pages.length - pagesNamed;
    parts.push(
      `On ${group.pages.length} pages: ${group.pages.slice(0, pagesNamed).join(', ')}${more > 0 ? `, … and ${more} more` : ''}.`,
    );
  } else if (group.pages[0] && group.pages[0] !== group.target) {
    parts.push(`On ${group.pages[0]}.`);
  }
  parts.push(group.hint);
  return escapeUnsafe(parts.join(' '));
}

function sentence(text: string): string {
  // Note: a message that starts with code (`url() in /a.css …`, `<img src>`) keeps its case.
  const code = /^[<#/.]|^[a-z][\w-]*\(/.test(text);
  const capital = code ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** A SARIF location with its URI, always a file (see the module comment). */
function locateResult(
  group: FindingGroup,
  first: Finding | undefined,
  report: Pick<Report, 'pages' | 'site'>,
  options: SarifOptions,
): { uri: string; sarif: Record<string, unknown> } {
  const own = locateGroup(group, first, options) ?? exportFileOf(first, options);
  if (own) return { uri: toUri(own.file), sarif: physical(own) };
  const home =
    report.pages.find((page) => page.path === report.site.base) ?? report.pages[0] ?? null;
  const file = options.configFile ?? (home ? joinPath(options.outDir, home.file) : options.outDir);
  return {
    uri: toUri(file),
    sarif: {
      ...physical({ file, line: 1, column: null, source: options.configFile !== undefined }),
      message: {
        text: `A finding about the whole site, shown on ${file}: it is not written in a file of its own.`,
      },
    },
  };
}

/** An inbound export named by a finding about it, when it is a local file. */
function exportFileOf(first: Finding | undefined, options: SarifOptions): ResultLocation | null {
  if (first?.type !== 'inbound-source-failed' && first?.type !== 'inbound-source-warning')
    return null;
  const source = first.details.source;
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('/')) return null;
  return {
    file: joinPath(options.sourcePrefix ?? '', source.replace(/^\.\//, '')),
    line: first.details.line ?? 1,
    column: null,
    source: true,
  };
}

function physical(location: ResultLocation): Record<string, unknown> {
  const region: Record<string, number> = { startLine: location.line ?? 1 };
  if (location.column !== null) region.startColumn = location.column;
  return { physicalLocation: { artifactLocation: { uri: toUri(location.file) }, region } };
}

/** A repository-relative path as a URI reference (`[slug].astro` → `%5Bslug%5D.astro`). */
function toUri(file: string): string {
  return encodeURI(file).replace(/[?#]/g, (c) => encodeURIComponent(c));
}
