/**
 * Inbound data × the built site: which page each exported target URL names (with the same
 * normalization as internal links), which targets are lost, which land on redirects, and
 * which belong to other hosts. Pure.
 */

import { createRedirectSuggester, isFilePath, type RedirectSuggestion } from '../check/suggest.js';
import { createFinding, type Finding } from '../findings/finding.js';
import { followPath } from '../site/redirects.js';
import { decodePath, pageKey, type SiteUrls, sitePathOf } from '../site/url.js';
import { toJsString, toRedirectEntry } from '../util/js-literal.js';
import { describeSuspiciousPath } from '../util/untrusted-text.js';
import { toolNames } from './formats.js';
import { compare } from './merge-inbound.js';
import { urlIdentity } from './parse-values.js';
import type {
  ForeignTarget,
  InboundData,
  InboundLink,
  InboundPage,
  InboundProblem,
  JoinedInbound,
  LostReason,
  LostTarget,
  RedirectedTarget,
  SourceSummary,
} from './types.js';

/** What the build has at a path. The path is an URL pathname with base, percent-encoded as written. */
export type PageLookupResult =
  | { status: 'page'; page: string }
  /** A built file that is not a page (`/guide.pdf`); `file` is its path with base, decoded. */
  | { status: 'file'; file: string }
  | { status: 'redirect'; destination: string }
  | { status: 'missing' };

/**
 * Tell what the build has at a path (the caller's resolution of internal links: it applies
 * `pageKey`, trailing slash and `index.html` rules). `destination` of a redirect may be a path
 * or an absolute URL.
 */
export type PageLookup = (path: string) => PageLookupResult;

type Resolution =
  | { kind: 'page'; page: string }
  | { kind: 'file'; file: string }
  | { kind: 'redirected'; path: string; destination: string; page: string | null }
  | { kind: 'lost'; path: string; reason: LostReason; note: string | null }
  | { kind: 'foreign'; host: string };

/** What is known about the links to one group of target URLs. */
interface Evidence {
  targetUrls: Set<string>;
  links: InboundLink[];
  tableIncoming: number;
  tableSites: number;
  internal: number | null;
  drillDownLinks: number;
  drillDownSites: Set<string>;
  from: Set<string>;
}

/** What the join needs besides the data: the candidates for redirect suggestions. */
export interface JoinInboundOptions {
  /** Paths of the built pages (with base). */
  pages?: readonly string[] | undefined;
  /** Paths of the built files that are not pages (with base, decoded). */
  files?: readonly string[] | undefined;
  /** The `movedPaths` option: old path or folder → new one. */
  moved?: Readonly<Record<string, string>> | undefined;
}

/**
 * Join inbound data to the built site.
 * @param data from `loadInbound`.
 * @param siteUrls the site's URL identity (`createSiteUrls`).
 * @param lookup what the build has at a path.
 * @param candidates for redirect suggestions: the built pages (a list), or pages, files and
 *   the `movedPaths` option.
 */
export function joinInbound(
  data: InboundData,
  siteUrls: SiteUrls,
  lookup: PageLookup,
  candidates: readonly string[] | JoinInboundOptions = [],
): JoinedInbound {
  const options: JoinInboundOptions = Array.isArray(candidates)
    ? { pages: candidates as readonly string[] }
    : (candidates as JoinInboundOptions);
  const suggest = createRedirectSuggester({
    pages: options.pages ?? [],
    files: options.files ?? [],
    base: siteUrls.base,
    moved: options.moved ?? {},
  });
  const resolutions = new Map<string, Resolution>();
  const groups = new Map<string, { resolution: Resolution; evidence: Evidence }>();
  const evidenceFor = (targetUrl: string): Evidence => {
    let resolution = resolutions.get(targetUrl);
    if (!resolution) {
      resolution = resolveTarget(targetUrl, siteUrls, lookup);
      resolutions.set(targetUrl, resolution);
    }
    const key = groupKey(resolution, targetUrl);
    let group = groups.get(key);
    if (!group) {
      group = { resolution, evidence: createEvidence() };
      groups.set(key, group);
    }
    group.evidence.targetUrls.add(targetUrl);
    return group.evidence;
  };

  // Lost links (the linking page no longer has them) carry no equity: left out of the join
  // (and said so in a note); they stay in `data.links`.
  for (const link of data.links) {
    if (link.lost === true) continue;
    const evidence = evidenceFor(link.targetUrl);
    evidence.links.push(link);
    addFrom(evidence, link.from);
  }
  for (const row of data.targets) {
    const evidence = evidenceFor(row.targetUrl);
    evidence.tableIncoming += row.incomingLinks ?? 0;
    evidence.tableSites = Math.max(evidence.tableSites, row.linkingSites ?? 0);
    if (row.internalLinks !== null)
      evidence.internal = (evidence.internal ?? 0) + row.internalLinks;
    addFrom(evidence, row.from);
  }
  for (const row of data.targetSites) {
    const evidence = evidenceFor(row.targetUrl);
    evidence.drillDownLinks += row.links;
    evidence.drillDownSites.add(row.site);
    addFrom(evidence, row.from);
  }

  const pageEvidence = new Map<string, { evidence: Evidence; redirectedFrom: Set<string> }>();
  const toPage = (page: string) => {
    let entry = pageEvidence.get(page);
    if (!entry) {
      entry = { evidence: createEvidence(), redirectedFrom: new Set() };
      pageEvidence.set(page, entry);
    }
    return entry;
  };
  const lost: LostTarget[] = [];
  // Missing URLs that no export gives a backlink to (Search Console's internal Top target
  // pages): not lost backlink targets, but not hidden either (a note).
  const missingWithoutBacklinks: string[] = [];
  const redirected: RedirectedTarget[] = [];
  const foreignTargets: ForeignTarget[] = [];
  const fileEvidence = new Map<string, Evidence>();
  for (const { resolution, evidence } of groups.values()) {
    if (resolution.kind === 'page') {
      mergeEvidence(toPage(resolution.page).evidence, evidence);
    } else if (resolution.kind === 'file') {
      let entry = fileEvidence.get(resolution.file);
      if (!entry) {
        entry = createEvidence();
        fileEvidence.set(resolution.file, entry);
      }
      mergeEvidence(entry, evidence);
    } else if (resolution.kind === 'redirected') {
      const target = decodePath(resolution.path);
      redirected.push({
        target,
        destination: resolution.destination,
        page: resolution.page,
        backlinks: countLinks(evidence),
      });
      if (resolution.page) {
        const entry = toPage(resolution.page);
        mergeEvidence(entry.evidence, evidence);
        entry.redirectedFrom.add(target);
      }
    } else if (resolution.kind === 'lost') {
      if (countLinks(evidence) === 0) missingWithoutBacklinks.push(decodePath(resolution.path));
      else {
        const namedBy = data.sources
          .filter(
            (source) =>
              source.namedTarget !== null &&
              evidence.from.has(source.name) &&
              evidence.targetUrls.has(source.namedTarget),
          )
          .map((source) => source.name)
          .sort(compare);
        // Note: an export that names the URL itself confirms it: then it is no entry's typo.
        const confirmed = [...evidence.from].some((name) => !namedBy.includes(name));
        lost.push(
          createLostTarget(resolution, evidence, siteUrls, suggest, confirmed ? [] : namedBy),
        );
      }
    } else {
      // Variants of one URL (scheme, www, slash) are one foreign target, named by the first.
      const targetUrl = [...evidence.targetUrls].sort(compare)[0] ?? '';
      foreignTargets.push({
        targetUrl,
        host: hostOf(targetUrl),
        backlinks: countLinks(evidence),
        from: [...evidence.from].sort(compare),
      });
    }
  }

  const byPage: Record<string, InboundPage> = {};
  for (const page of [...pageEvidence.keys()].sort(compare)) {
    const { evidence, redirectedFrom } = pageEvidence.get(page)!;
    byPage[page] = toInboundPage(page, evidence, redirectedFrom);
  }
  const files = [...fileEvidence.entries()]
    .map(([file, evidence]) => toInboundPage(file, evidence, new Set()))
    .sort((a, b) => b.incomingLinks - a.incomingLinks || compare(a.page, b.page));
  lost.sort((a, b) => b.backlinks - a.backlinks || compare(a.target, b.target));
  redirected.sort((a, b) => compare(a.target, b.target));
  foreignTargets.sort((a, b) => b.backlinks - a.backlinks || compare(a.targetUrl, b.targetUrl));

  const notes: string[] = [];
  if (!siteUrls.siteKnown && foreignTargets.length > 0) {
    const hosts = [...new Set(foreignTargets.map((target) => target.host))].sort(compare);
    notes.push(
      `site is not configured, so ${foreignTargets.length} inbound target URL${foreignTargets.length === 1 ? '' : 's'} (on ${hosts.slice(0, 3).join(', ')}${hosts.length > 3 ? ', …' : ''}) cannot be matched to pages: set site (e.g. site: ${toJsString(`https://${hosts[0]}`)})`,
    );
  }
  notes.push(...lostLinkNotes(data));
  if (missingWithoutBacklinks.length > 0) {
    const list = missingWithoutBacklinks.sort(compare);
    const count = list.length;
    notes.push(
      `${count} URL${count === 1 ? '' : 's'} the build does not have ${count === 1 ? 'is' : 'are'} named in the inbound exports without any backlink (e.g. Search Console's internal Top target pages), so not reported as lost: ${list.slice(0, 5).join(', ')}${count > 5 ? ', …' : ''}`,
    );
  }
  notes.push(
    ...internalDrillDownNotes(data, (targetUrl) => {
      let resolution = resolutions.get(targetUrl);
      if (!resolution) {
        resolution = resolveTarget(targetUrl, siteUrls, lookup);
        resolutions.set(targetUrl, resolution);
      }
      return resolution.kind === 'page'
        ? resolution.page
        : resolution.kind === 'file'
          ? resolution.file
          : resolution.kind === 'foreign'
            ? targetUrl
            : decodePath(resolution.path);
    }),
  );
  return {
    byPage,
    files,
    lost,
    redirected,
    foreignTargets,
    notes,
    findings: createFindings(data, lost),
  };
}

/** Links the exporting tools mark as lost: kept in the data, left out of the counts, and said so. */
function lostLinkNotes(data: InboundData): string[] {
  const lostLinks = data.links.filter((link) => link.lost === true);
  const sites = data.lostSites ?? [];
  const siteNote =
    sites.length === 0
      ? []
      : [
          `${sites.length} referring domain${sites.length === 1 ? '' : 's'} marked lost by the exporting tool ${sites.length === 1 ? 'is' : 'are'} not counted: ${sites.slice(0, 5).join(', ')}${sites.length > 5 ? ', …' : ''}`,
        ];
  if (lostLinks.length === 0) return siteNote;
  const toolOf = new Map(data.sources.map((source) => [source.name, source.tool]));
  const tools = new Set<string>();
  for (const link of lostLinks) {
    for (const name of link.from) {
      const tool = toolOf.get(name);
      if (tool) tools.add(toolNames[tool]);
    }
  }
  const count = lostLinks.length;
  const by = tools.size > 0 ? ` (${[...tools].sort(compare).join(', ')})` : '';
  return [
    `${count} link${count === 1 ? '' : 's'} marked lost by the exporting tool${by} ${count === 1 ? 'is' : 'are'} not counted`,
    ...siteNote,
  ];
}

/** Search Console's "Your pages linking to this page" drill-downs: loaded, not joined, so counted in a note. */
function internalDrillDownNotes(
  data: InboundData,
  nameOf: (targetUrl: string) => string,
): string[] {
  const counts = new Map<string, number>();
  for (const row of data.internalLinks) {
    const target = nameOf(row.targetUrl);
    counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return [...counts.keys()]
    .sort(compare)
    .map(
      (target) =>
        `Search Console internal drill-down: ${counts.get(target)} internal link${counts.get(target) === 1 ? '' : 's'} to ${target} (not used in the link graph, which comes from the build)`,
    );
}

/** A page's (or file's) inbound facts from its evidence. */
function toInboundPage(page: string, evidence: Evidence, redirectedFrom: Set<string>): InboundPage {
  const referringDomains = referringDomainsOf(evidence);
  return {
    page,
    targetUrls: [...evidence.targetUrls].sort(compare),
    incomingLinks: countLinks(evidence),
    linkingSites: Math.max(referringDomains.length, evidence.tableSites),
    internalLinks: evidence.internal,
    backlinks: [...evidence.links].sort(
      (a, b) => compare(a.sourceUrl, b.sourceUrl) || compare(a.targetUrl, b.targetUrl),
    ),
    referringDomains,
    redirectedFrom: [...redirectedFrom].sort(compare),
  };
}

function resolveTarget(targetUrl: string, siteUrls: SiteUrls, lookup: PageLookup): Resolution {
  let url: URL;
  try {
    url = new URL(targetUrl, siteUrls.origin);
  } catch {
    return { kind: 'foreign', host: '' };
  }
  const path = sitePathOf(url.href, siteUrls);
  if (path === null) return { kind: 'foreign', host: url.host };
  const baseKey = pageKey(siteUrls.base);
  const key = pageKey(path);
  if (!(baseKey === '/' || key === baseKey || key.startsWith(`${baseKey}/`))) {
    return {
      kind: 'lost',
      path,
      reason: 'outside-base',
      note: `outside base ${siteUrls.base}: the build cannot serve this path; redirect it on the host`,
    };
  }
  const end = followPath<string>(
    (pathname) => {
      const result = lookup(pathname);
      return result.status === 'missing' ? { status: 'missing' } : result;
    },
    url.href,
    siteUrls,
  );
  switch (end.status) {
    case 'file':
      return end.hops === 0
        ? { kind: 'file', file: decodePath(end.path) }
        : { kind: 'redirected', path, destination: decodePath(end.path), page: null };
    case 'page':
      return end.hops === 0
        ? { kind: 'page', page: end.page }
        : { kind: 'redirected', path, destination: end.page, page: end.page };
    case 'outside':
      return { kind: 'redirected', path, destination: end.url, page: null };
    case 'loop':
      return {
        kind: 'lost',
        path,
        reason: 'redirect-loop',
        note: `its redirects loop (through ${decodePath(end.path)})`,
      };
    default:
      return end.hops === 0
        ? { kind: 'lost', path, reason: 'missing', note: null }
        : {
            kind: 'lost',
            path,
            reason: 'redirect-to-missing',
            note: `redirects to ${decodePath(end.path)}, which the build does not have`,
          };
  }
}

function groupKey(resolution: Resolution, targetUrl: string): string {
  switch (resolution.kind) {
    case 'page':
      return `page ${resolution.page}`;
    case 'file':
      return `file ${resolution.file}`;
    case 'redirected':
      return `redirected ${pageKey(resolution.path)}`;
    case 'lost':
      return `lost ${pageKey(resolution.path)}`;
    default:
      return `foreign ${urlIdentity(targetUrl)}`;
  }
}

function createEvidence(): Evidence {
  return {
    targetUrls: new Set(),
    links: [],
    tableIncoming: 0,
    tableSites: 0,
    internal: null,
    drillDownLinks: 0,
    drillDownSites: new Set(),
    from: new Set(),
  };
}

function mergeEvidence(into: Evidence, from: Evidence): void {
  for (const url of from.targetUrls) into.targetUrls.add(url);
  into.links.push(...from.links);
  // Different URLs of one page have different links: counts add up.
  into.tableIncoming += from.tableIncoming;
  into.tableSites = Math.max(into.tableSites, from.tableSites);
  if (from.internal !== null) into.internal = (into.internal ?? 0) + from.internal;
  into.drillDownLinks += from.drillDownLinks;
  for (const site of from.drillDownSites) into.drillDownSites.add(site);
  addFrom(into, [...from.from]);
}

function addFrom(evidence: Evidence, from: readonly string[]): void {
  for (const name of from) evidence.from.add(name);
}

/** Incoming links: the largest count any kind of evidence gives (they overlap, so never summed). */
function countLinks(evidence: Evidence): number {
  return Math.max(evidence.links.length, evidence.tableIncoming, evidence.drillDownLinks);
}

function referringDomainsOf(evidence: Evidence): string[] {
  const sites = new Set(evidence.drillDownSites);
  for (const link of evidence.links) if (link.domain) sites.add(link.domain);
  return [...sites].sort(compare);
}

function createLostTarget(
  resolution: Extract<Resolution, { kind: 'lost' }>,
  evidence: Evidence,
  siteUrls: SiteUrls,
  suggest: (target: string) => RedirectSuggestion,
  namedBy: string[],
): LostTarget {
  const target = decodePath(resolution.path);
  // Note: anyone can link to a crafted URL on your domain; one a person would not recognize
  // is flagged and never offered as a redirect to paste.
  const suspicious = describeSuspiciousPath(target);
  const suggested: RedirectSuggestion =
    resolution.reason === 'outside-base' || suspicious !== null
      ? { page: null, match: null, fallback: null, ambiguous: [] }
      : suggest(target);
  const suggestion = suggested.page;
  const referringDomains = referringDomainsOf(evidence);
  const redirect = suggestion
    ? { from: withoutBase(target, siteUrls.base), to: withoutBase(suggestion, siteUrls.base) }
    : null;
  return {
    target,
    targetUrls: [...evidence.targetUrls].sort(compare),
    reason: resolution.reason,
    backlinks: countLinks(evidence),
    linkingSites: Math.max(referringDomains.length, evidence.tableSites),
    referringDomains,
    kind: isFilePath(target) ? 'file' : 'page',
    suggestion,
    match: suggested.match,
    fallback: suggested.fallback,
    ambiguous: suggested.ambiguous,
    redirect: redirect ? { ...redirect, entry: toRedirectEntry(redirect.from, redirect.to) } : null,
    suspicious,
    namedBy,
    note: resolution.note,
  };
}

/** Astro's `redirects` keys are routes: the base is not written. */
function withoutBase(path: string, base: string): string {
  if (base === '/' || !path.startsWith(base.slice(0, -1))) return path;
  const rest = path.slice(base.length - 1);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function createFindings(data: InboundData, lost: readonly LostTarget[]): Finding[] {
  const findings: Finding[] = [];
  // Problems of sources, to tell them from the problems of folders in `data.problems`.
  const ownedProblems = new Map<string, number>();
  for (const source of data.sources) {
    for (const problem of source.problems) {
      const key = problemKey(problem);
      ownedProblems.set(key, (ownedProblems.get(key) ?? 0) + 1);
    }
    if (source.status === 'failed') {
      findings.push(failedSourceFinding(source));
      continue;
    }
    for (const problem of source.problems) {
      if (problem.severity === 'warning') findings.push(warningFinding(problem, source.name));
    }
  }
  // Problems of folders (a spreadsheet skipped): no source of their own.
  for (const problem of data.problems) {
    const key = problemKey(problem);
    const owned = ownedProblems.get(key) ?? 0;
    if (owned > 0) {
      ownedProblems.set(key, owned - 1);
      continue;
    }
    findings.push(warningFinding(problem, problem.source));
  }
  for (const target of lost) {
    findings.push(
      createFinding('lost-backlink-target', {
        details: {
          target: target.target,
          backlinks: target.backlinks,
          linkingSites: target.linkingSites,
          reason: target.reason,
          kind: target.kind,
          suggestion: target.suggestion,
          match: target.match,
          fallback: target.fallback,
          ambiguous: target.ambiguous,
          redirectFrom: target.redirect?.from ?? null,
          redirectTo: target.redirect?.to ?? null,
          snippet: target.redirect?.entry ?? null,
          suspicious: target.suspicious,
          namedBy: target.namedBy,
          note: target.note,
          referringDomains: target.referringDomains,
          targetUrls: target.targetUrls,
        },
      }),
    );
  }
  return findings;
}

function problemKey(problem: InboundProblem): string {
  return JSON.stringify([
    problem.source,
    problem.file,
    problem.url,
    problem.line,
    problem.severity,
    problem.message,
  ]);
}

/**
 * A source that yielded nothing. The reason is its summary problem; when that names bad lines
 * without saying what is wrong with them, the first bad line's reason is added.
 */
function failedSourceFinding(source: SourceSummary): Finding {
  const errors = source.problems.filter((problem) => problem.severity === 'error');
  const main = errors.find((problem) => problem.line === null) ?? errors[0];
  const firstLine = errors.find((problem) => problem.line !== null);
  let reason = main ? withLine(main) : 'could not be read';
  if (main && firstLine && main !== firstLine && !main.reason.includes(firstLine.reason)) {
    reason = `${reason} (${withLine(firstLine)})`;
  }
  return createFinding('inbound-source-failed', {
    ...(source.required ? { severity: 'error' as const } : {}),
    details: {
      source: source.name,
      entry: source.entry,
      reason,
      // Note: the hint depends on them (a required source already fails the build).
      required: source.required,
      fix: main?.fix ?? null,
      problems: errors.length,
    },
  });
}

/** A caveat of a source that was read, or of a folder (a file it skipped). */
function warningFinding(problem: InboundProblem, name: string): Finding {
  return createFinding(
    problem.severity === 'error' ? 'inbound-source-failed' : 'inbound-source-warning',
    {
      details: {
        source: problem.file ?? problem.url ?? name,
        entry: problem.source,
        reason: withLine(problem),
        line: problem.line,
        ...(problem.severity === 'error' ? { fix: problem.fix } : {}),
      },
    },
  );
}

/** The reason with its line, as the message of a finding gives it after the source. */
function withLine(problem: InboundProblem): string {
  return problem.line === null ? problem.reason : `line ${problem.line}: ${problem.reason}`;
}
