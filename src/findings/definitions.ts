/**
 * The one definitions table for finding types: severity, title, message, hint and docs
 * anchor. Analysis creates findings through `createFinding`; the README's table of
 * findings, the JSON Schema's enum and the options' `failOn` enum all come from here.
 */
import type { Position } from '../extract/types.js';
import { escapeUnsafe } from '../util/untrusted-text.js';

/** How bad a finding is. `error` fails the build by default. */
export type Severity = 'error' | 'warning' | 'info';

/** Facts a message is written from. Every value is plain JSON. */
export type FindingDetails = Record<string, string | number | boolean | null | string[]>;

/** The link a finding is about, as written in the built HTML. */
export interface FindingLink {
  href: string;
  /** Resolved absolute URL, or null when unparseable. */
  url: string | null;
  element: string;
  attribute: string;
  text: string;
  position: Position;
}

interface FindingDefinition {
  severity: Severity;
  title: string;
  /** One sentence for the docs: when this finding is produced. */
  description: string;
  message: (details: FindingDetails, link: FindingLink | null) => string;
  hint: (details: FindingDetails, link: FindingLink | null) => string;
}

const str = (value: unknown): string =>
  value === null || value === undefined ? '' : String(value);

/** Every finding type. Keys are the stable identifiers used in JSON, options and docs. */
export const findingDefinitions = {
  'broken-link': {
    severity: 'error',
    title: 'Broken link',
    description: 'An internal link points at a URL that the build produced no page or file for.',
    message: (d, link) =>
      d.destination
        ? `links to ${str(d.target)}, which redirects to ${str(d.destination)}, which does not exist in the build`
        : `links to ${str(d.target) || link?.href}, which does not exist in the build`,
    hint: (d) =>
      d.suggestion
        ? `Did you mean ${str(d.suggestion)}? Fix the href, or add a page or a redirect for this URL.`
        : 'Fix the href, or add a page or a redirect for this URL.',
  },
  'broken-fragment': {
    severity: 'error',
    title: 'Broken fragment',
    description:
      'A link points at an existing page, but that page has no element with the fragment id.',
    message: (d) =>
      `links to ${str(d.target)}, but that page has no element with id "${str(d.fragment)}"`,
    hint: (d) =>
      d.suggestion
        ? `Did you mean #${str(d.suggestion)}?${str(d.suggestion).toLowerCase() === str(d.fragment).toLowerCase() ? ' Ids are case-sensitive.' : ''}`
        : 'Add an element with that id to the target page, or fix the fragment.',
  },
  'broken-resource': {
    severity: 'error',
    title: 'Missing resource',
    description:
      'An image, stylesheet, script, media file, iframe, object or form action points at a file the build does not contain.',
    message: (d, link) =>
      `<${link?.element ?? 'element'} ${link?.attribute ?? 'src'}> loads ${str(d.target) || link?.href}, which does not exist in the build`,
    hint: (_d, link) =>
      link?.element === 'form'
        ? 'Point the form at a page or endpoint that exists (on a static site, often a form service).'
        : 'Put the file in the folder served as the site root (public/ in Astro), or fix the path.',
  },
  'redirected-link': {
    severity: 'warning',
    title: 'Redirected link',
    description: 'An internal link points at a redirect instead of its destination.',
    message: (d) =>
      `links to ${str(d.target)}, which redirects to ${str(d.destination)}${d.destinationMissing ? ', which does not exist in the build' : ''}`,
    hint: (d) =>
      d.destinationMissing
        ? 'Fix the redirect: its destination is missing (reported on the redirect page). Then link to the page directly.'
        : `Link to ${str(d.destination)} directly: it saves a hop for readers and crawlers.`,
  },
  'trailing-slash-mismatch': {
    severity: 'warning',
    title: 'Trailing slash mismatch',
    description:
      "A link's trailing slash differs from the URL the page is built at, so some hosts redirect or 404.",
    message: (d) => `links to ${str(d.target)}, but the page is served at ${str(d.expected)}`,
    hint: (d) =>
      `Write ${str(d.expected)} (trailingSlash: ${str(d.trailingSlash)}, build.format: ${str(d.buildFormat)}).`,
  },
  'link-to-noindex': {
    severity: 'warning',
    title: 'Link to a noindex page',
    description: 'A followable internal link points at a page whose robots meta says noindex.',
    message: (d) => `links to ${str(d.target)}, which is marked noindex`,
    hint: () =>
      'Either the target should be indexed (remove noindex) or this link should not promote it.',
  },
  'nofollow-internal': {
    severity: 'warning',
    title: 'Nofollow on an internal link',
    description:
      'An internal link carries rel="nofollow", which stops link equity flowing inside your own site.',
    message: (d) => `links to ${str(d.target)} with rel="nofollow"`,
    hint: () => 'Remove rel="nofollow" from links to your own pages.',
  },
  'generic-anchor': {
    severity: 'warning',
    title: 'Generic anchor text',
    description: 'A link\'s text says nothing about its target ("click here", "read more", …).',
    message: (d) => `links to ${str(d.target)} with the generic text "${str(d.text)}"`,
    hint: () =>
      'Use words that describe the target page; readers and search engines both use them.',
  },
  'empty-anchor': {
    severity: 'warning',
    title: 'Link without an accessible name',
    description: 'A link has no text, no image alt, no aria-label and no title.',
    message: (d) => `links to ${str(d.target)} with no accessible name`,
    hint: () => 'Add link text, an alt on the image inside it, or an aria-label.',
  },
  'insecure-outbound': {
    severity: 'warning',
    title: 'Insecure outbound link',
    description: 'An outbound link uses http:// instead of https://.',
    message: (d) => `links to ${str(d.target)} over plain http`,
    hint: () => 'Use https:// if the site supports it.',
  },
  'orphan-page': {
    severity: 'warning',
    title: 'Orphan page',
    description: 'A built page that no other page links to.',
    message: (d) => `${str(d.page)} has no internal links from any other page`,
    hint: () => 'Link to it from a related page, a hub or the navigation, or stop building it.',
  },
  'orphan-with-backlinks': {
    severity: 'warning',
    title: 'Orphan page with backlinks',
    description:
      'A built page that earns links from other sites but that no page of yours links to.',
    message: (d) =>
      `${str(d.page)} has ${str(d.backlinks)} backlink(s) but no internal links from any other page`,
    hint: () => 'Link to it from related content: the equity it earns is stuck there.',
  },
  'island-page': {
    severity: 'warning',
    title: 'Unreachable page',
    description:
      'Other pages link to this page, but no chain of followable links leads to it from the home page: only orphans, nofollow links or pages in a closed loop do.',
    message: (d) =>
      d.reason === 'nofollow'
        ? `${str(d.page)} is linked only with nofollow from pages the home page leads to`
        : d.reason === 'orphans'
          ? `${str(d.page)} is reachable only from orphan pages (${str(d.reachableFromOrphans)})`
          : `${str(d.page)} is linked only from pages that the home page does not lead to`,
    hint: () => 'Link to it (or to a page that links to it) from a page the home page leads to.',
  },
  'boilerplate-only-inlinks': {
    severity: 'info',
    title: 'Linked only from navigation',
    description:
      'A page is linked only from navigation, header, footer or sidebar, never from the content of another page.',
    message: (d) =>
      `${str(d.page)} is linked from ${str(d.linkingPages)} page(s), but never from their main content`,
    hint: () => 'Link to it from related content, where a reader meets it in context.',
  },
  'ambiguous-anchor': {
    severity: 'info',
    title: 'One link text, different pages',
    description:
      'The same link text points at different pages, so readers cannot predict where it goes.',
    message: (d) =>
      `the link text "${str(d.text)}" points at ${Array.isArray(d.targets) ? d.targets.length : 0} different pages`,
    hint: (d) =>
      `Give each target its own wording: ${Array.isArray(d.targets) ? d.targets.join(', ') : str(d.targets)}.`,
  },
  'under-linked-asset': {
    severity: 'info',
    title: 'Linkable asset under-linked internally',
    description:
      'A page classified as a linkable asset is linked from the content of fewer than 3 other pages.',
    message: (d) =>
      `${str(d.page)} (${str(d.type)}) is linked from the content of ${str(d.contextualLinkingPages)} page(s)`,
    hint: (d) =>
      `Link to it from at least ${str(d.minimum)} related pages: your best content should be easy to reach.`,
  },
  'under-promoted-asset': {
    severity: 'info',
    title: 'Linkable asset without backlinks',
    description:
      'A page classified as a linkable asset has no backlinks in the inbound data: a candidate for outreach.',
    message: (d) => `${str(d.page)} (${str(d.type)}) has no backlinks`,
    hint: () => 'Tell the people who would cite it: it is built to earn links and has none yet.',
  },
  'unknown-asset-override': {
    severity: 'warning',
    title: 'Unknown asset type',
    description:
      'A page declares itself a linkable asset (meta link-report:asset) with a value that is not an asset type.',
    message: (d) => `${str(d.page)} declares the asset type "${str(d.value)}", which is not one`,
    hint: (d) => `Use one of: ${Array.isArray(d.allowed) ? d.allowed.join(', ') : str(d.allowed)}.`,
  },
  'lost-backlink-target': {
    severity: 'warning',
    title: 'Backlink to a missing page',
    description:
      'An inbound export names a URL of this site that the build no longer has and no redirect covers.',
    message: (d) =>
      `${escapeUnsafe(str(d.target))} has ${str(d.backlinks)} backlink(s) but the build has no page there${d.note ? ` (${str(d.note)})` : ''}`,
    hint: (d) =>
      d.snippet
        ? `Add a redirect to the nearest page in astro.config.mjs: redirects: { ${str(d.snippet)} }`
        : d.suspicious
          ? `No redirect is offered: ${str(d.suspicious)}, so it may be crafted to trick whoever pastes it. Look at the linking pages before you act on it.`
          : 'Restore the page or add a redirect to the most relevant page.',
  },
  'inbound-source-failed': {
    severity: 'warning',
    title: 'Inbound source failed',
    description: 'An inbound-link export could not be read; the report lacks its data.',
    message: (d) => `${str(d.source)}: ${str(d.reason)}`,
    hint: (d) =>
      d.required
        ? 'Fix or re-download the export: the source is required, so the build fails until it can be read.'
        : 'Fix or re-download the export. Mark the source required to fail the build instead.',
  },
  'inbound-source-warning': {
    severity: 'warning',
    title: 'Inbound source read with a caveat',
    description:
      'An inbound-link export was read, but with a caveat: rows skipped (allowBadRows), a stale cached copy, a guessed encoding, or a file in a folder that was not read.',
    message: (d) => `${str(d.source)}: ${str(d.reason)}`,
    hint: () => 'Check the export; re-download it if rows or data are missing.',
  },
  'duplicate-page': {
    severity: 'warning',
    title: 'Two files for one page',
    description:
      'Two built files name the same page (`about.html` and `about/index.html`): `/about` and `/about/` show different pages.',
    message: (d) => `${str(d.file)} and ${str(d.other)} are both built for ${str(d.page)}`,
    hint: () =>
      'Build one of them only: hosts serve /x from x.html and /x/ from x/index.html, so readers see either.',
  },
  'unparsed-page': {
    severity: 'warning',
    title: 'Page not read as written',
    description:
      'A built HTML file could not be read as written: nested too deeply to parse (its links are missing), or in a charset that is not known (read as UTF-8).',
    message: (d) => `${str(d.file)}: ${str(d.reason)}`,
    hint: () =>
      'Fix the HTML of this page; the message says what went wrong and what was done instead.',
  },
  'site-unknown': {
    severity: 'warning',
    title: 'Site URL not configured',
    description:
      '`site` is not set, so absolute links to the site cannot be recognized as internal.',
    message: () =>
      'site is not configured: absolute links to your own domain are treated as outbound',
    hint: () =>
      "Set site in astro.config.mjs (e.g. site: 'https://example.com'), or pass --site to the CLI.",
  },
} satisfies Record<string, FindingDefinition>;

/** A stable finding type identifier. */
export type FindingType = keyof typeof findingDefinitions;

/** Every finding type, in table order. */
export const findingTypes = Object.keys(findingDefinitions) as FindingType[];

/** A problem or observation, as data. Only the edges (integration, CLI) turn it into a failure. */
export interface Finding {
  type: FindingType;
  severity: Severity;
  /** Path of the page the finding is on (with base), or null for site-level findings. */
  page: string | null;
  /** Built HTML file of that page, relative to the output folder. */
  file: string | null;
  /** Source file of the page's route (e.g. `src/pages/blog/[slug].astro`), where known. */
  source: string | null;
  link: FindingLink | null;
  message: string;
  hint: string;
  details: FindingDetails;
}

/** What a caller knows when creating a finding. */
export interface FindingInput {
  page?: string | null;
  file?: string | null;
  source?: string | null;
  link?: FindingLink | null;
  details?: FindingDetails;
  /** Overrides the table's default severity (from the `severity` option). */
  severity?: Severity;
}

/** Create a finding with its message and hint from the definitions table. */
export function createFinding(type: FindingType, input: FindingInput = {}): Finding {
  const definition: FindingDefinition = findingDefinitions[type];
  const details = input.details ?? {};
  const link = input.link ?? null;
  return {
    type,
    severity: input.severity ?? definition.severity,
    page: input.page ?? null,
    file: input.file ?? null,
    source: input.source ?? null,
    link,
    message: definition.message(details, link),
    hint: definition.hint(details, link),
    details,
  };
}

/** Deterministic order: page, line, column, type, href. */
export function compareFindings(a: Finding, b: Finding): number {
  const pa = a.page ?? '';
  const pb = b.page ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  const la = a.link?.position.type === 'source' ? a.link.position : { line: 0, column: 0 };
  const lb = b.link?.position.type === 'source' ? b.link.position : { line: 0, column: 0 };
  if (la.line !== lb.line) return la.line - lb.line;
  if (la.column !== lb.column) return la.column - lb.column;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const ha = a.link?.href ?? '';
  const hb = b.link?.href ?? '';
  return ha < hb ? -1 : ha > hb ? 1 : 0;
}
