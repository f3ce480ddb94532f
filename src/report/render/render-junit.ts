/**
 * JUnit XML, for the test tabs of GitLab, Jenkins and Azure Pipelines: one test suite per
 * finding type, one test case per cause (finding group). A cause at the fail level is a
 * `<failure>`; the others pass, with what they found in `<system-out>`, so the numbers of a
 * test tab agree with the verdict of the run. Validated in the tests against the Jenkins JUnit
 * schema (`junit-4.xsd`), which GitLab's and Azure's readers accept.
 */
import { findingDefinitions } from '../../findings/definitions.js';
import type { Finding } from '../../findings/finding.js';
import { type FindingGroup, findingsByGroup } from '../../findings/groups.js';
import { escapeUnsafe } from '../../util/untrusted-text.js';
import type { Report } from '../model/report-schema.js';
import { type LocationRoots, locateGroup } from './result-location.js';

/** Pages named in a test case before "and N more". */
const pagesNamed = 20;

/** Render `junit.xml` for a report and the findings at its fail level. */
export function renderJunitReport(
  report: Pick<Report, 'groups' | 'findings' | 'generatedAt'>,
  failing: readonly Finding[],
  roots: LocationRoots,
): string {
  const failingGroups = new Set(failing.map((finding) => finding.group));
  const byGroup = findingsByGroup(report.findings, report.groups);
  const byType = new Map<string, FindingGroup[]>();
  for (const group of report.groups) {
    const list = byType.get(group.type);
    if (list) list.push(group);
    else byType.set(group.type, [group]);
  }
  // Ant's timestamp form (no zone): the time is UTC.
  const timestamp = report.generatedAt.replace(/(\.\d+)?Z$/, '');
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [type, groups] of byType) {
    const names = new Set<string>();
    const cases = groups.map((group) => {
      const first = byGroup.get(group.id)?.[0];
      const where = locateGroup(group, first, roots);
      const at = where
        ? ` at ${where.file}${where.line === null ? '' : `:${where.line}${where.column === null ? '' : `:${where.column}`}`}`
        : '';
      const name = uniqueName(`${group.target}${at}`, names);
      const pages = describePages(group);
      const body = [
        `${group.severity}: ${group.message}`,
        ...(where ? [`${where.source ? 'written at' : 'in the built file'} ${at.slice(4)}`] : []),
        ...(pages ? [pages] : []),
        `hint: ${group.hint}`,
      ].join('\n');
      const fails = failingGroups.has(group.id);
      if (fails) failures += 1;
      const content = fails
        ? `<failure type="${attribute(type)}" message="${attribute(group.message)}">${text(body)}</failure>`
        : `<system-out>${text(body)}</system-out>`;
      return `    <testcase classname="${attribute(type)}" name="${attribute(name)}" time="0">${content}</testcase>`;
    });
    tests += cases.length;
    const failed = groups.filter((group) => failingGroups.has(group.id)).length;
    const title = findingDefinitions[type as FindingGroup['type']].title;
    suites.push(
      `  <testsuite name="${attribute(`${type}: ${title}`)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0" time="0" timestamp="${timestamp}">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  if (suites.length === 0) {
    tests = 1;
    suites.push(
      `  <testsuite name="astro-link-report" tests="1" failures="0" errors="0" skipped="0" time="0" timestamp="${timestamp}">\n    <testcase classname="astro-link-report" name="no findings" time="0"/>\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="astro-link-report" tests="${tests}" failures="${failures}" errors="0" time="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** `on 13 pages: /, /about/, … and 3 more`, or null for a group that is not on pages. */
function describePages(group: FindingGroup): string | null {
  if (group.pages.length === 0) return null;
  const shown = group.pages.slice(0, pagesNamed).join(', ');
  const more = group.pages.length - pagesNamed;
  const count = group.pages.length === 1 ? 'on' : `on ${group.pages.length} pages:`;
  return `${count} ${shown}${more > 0 ? `, … and ${more} more` : ''}`;
}

/** Test case names are unique within a suite (GitLab keeps only the first of duplicates). */
function uniqueName(name: string, names: Set<string>): string {
  let unique = name;
  for (let n = 2; names.has(unique); n++) unique = `${name} (${n})`;
  names.add(unique);
  return unique;
}

// Note: XML escaping is written here (five entities, and no character XML 1.0 forbids):
// a library for building a document this small would be more code than the document.

/** Text content: untrusted characters shown as escapes, markup characters as entities. */
function text(value: string): string {
  return xmlSafe(value).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** An attribute value in double quotes. */
function attribute(value: string): string {
  return text(value).replaceAll('"', '&quot;');
}

/**
 * Control and invisible characters (XML 1.0 forbids most controls, even as references) shown
 * as `\u{…}` escapes, keeping line breaks of the text itself; U+FFFE and U+FFFF likewise.
 */
function xmlSafe(value: string): string {
  return value
    .split('\n')
    .map((line) =>
      escapeUnsafe(line).replace(
        /[\uFFFE\uFFFF]/g,
        (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`,
      ),
    )
    .join('\n');
}
