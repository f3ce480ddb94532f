/**
 * The one definitions table for finding types: default severity, category, title,
 * description, message and hint, and the shape of each type's details. Analysis creates
 * findings through `createFinding`; the README's table of findings, the JSON Schema's enum,
 * the `failOn` and `severity` options and the CLI's flags all come from here.
 */

import { describeBytes } from '../util/describe-bytes.js';
import { formatCount } from '../util/format-count.js';
import { escapeUnsafe } from '../util/untrusted-text.js';
import type { FindingLink } from './finding.js';
import type { Severity } from './severity.js';

/** Every category of finding, in display order. */
export const findingCategories = [
  'links',
  'resources',
  'anchors',
  'outbound',
  'structure',
  'assets',
  'inbound',
  'site',
] as const;

/** What a finding is about: internal links, resources, anchor text, page structure, … */
export type FindingCategory = (typeof findingCategories)[number];

/** A value of a finding's details: plain JSON. */
export type DetailValue = string | number | boolean | null | string[];

/** The details of a finding: the facts its message is written from. */
export type DetailsShape = Record<string, DetailValue | undefined>;

/** How one finding type is described and worded. */
export interface FindingDefinition<Details extends DetailsShape> {
  severity: Severity;
  category: FindingCategory;
  /** A few words, for rule names (SARIF) and tables. */
  title: string;
  /** One sentence for the docs: when this finding is produced. */
  description: string;
  message: (details: Details, link: FindingLink | null) => string;
  hint: (details: Details, link: FindingLink | null) => string;
}

/** Declare a definition whose details have the shape `Details`. */
function define<Details extends DetailsShape>(
  definition: FindingDefinition<Details>,
): FindingDefinition<Details> {
  return definition;
}

/** How many items of a list a hint names before "and N more". */
const hintListCap = 20;

/** A list for a hint: the first items, then how many more the JSON report has. */
function listSome(items: readonly string[]): string {
  if (items.length <= hintListCap) return items.join(', ');
  const more = formatCount(items.length - hintListCap);
  return `${items.slice(0, hintListCap).join(', ')} …and ${more} more in report.json`;
}

type PageDetails = { page: string };

/**
 * What loads a resource, for messages: `<img src> loads`, `url() in the style attribute of
 * <p> loads`, `url() in /_astro/a.css (loaded by 3 pages) loads`, `the og:image of the page
 * names`, `icons[0].src in /site.webmanifest names`.
 */
function describeResource(
  link: FindingLink | null,
  file: string | undefined,
  loadedBy: number | undefined,
): string {
  const loaders = loadedBy === undefined ? '' : ` (loaded by ${plural(loadedBy, 'page')})`;
  if (link?.element === 'stylesheet') return `${link.attribute} in ${file}${loaders} loads`;
  if (link?.element === 'manifest') return `${link.attribute} in ${file}${loaders} names`;
  if (link?.element === 'meta') return `the ${link.text || 'social image'} of the page names`;
  if (link?.attribute === 'style') return `url() in the style attribute of <${link.element}> loads`;
  if (link?.element === 'style') return `${link.attribute} in <style> loads`;
  return `<${link?.element ?? 'element'} ${link?.attribute ?? 'src'}> loads`;
}

/** `1 page`, `3 pages`. */
function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${noun}${count === 1 ? '' : 's'}`;
}

/** How a lost target's suggestion is the same content, for its hint. */
const matchWording: Record<string, string> = {
  'same-page': 'the same page at its built URL',
  mapped: 'the page movedPaths maps it to',
  'same-slug': 'the page with the same slug',
  'near-slug': 'the page whose slug differs by a typo',
};
/** ` (nor do its 2 translations, /fr/x/ and /de/x/)`, for a family of orphans. */
function translationsNote(translations: readonly string[] | undefined): string {
  if (!translations || translations.length === 0) return '';
  const count = translations.length;
  return count === 1
    ? ` (nor does its translation ${translations[0]})`
    : ` (nor do its ${count} translations: ${listSome(translations)})`;
}

/** What findings about one link say of invisible characters in its href (see `describeInvisible`). */
type InvisibleNote = {
  /** The characters and where they are, in words; absent when the href has none that matter. */
  invisible?: string;
  /** How many there are. */
  invisibleCount?: number;
  /** The href to write instead, or null when that would be a guess. */
  fixedHref?: string | null;
  /** How it differs: `without it`, `with %20 for the space`. */
  fixedHow?: string | null;
  /** What the fixed href leads to, when known (`/about/, which exists`). */
  fixedLeadsTo?: string | null;
};

/** `: its href has an invisible U+200B …`, for a message; empty without such characters. */
function invisibleSuffix(d: InvisibleNote, joiner = ': '): string {
  return d.invisible ? `${joiner}its href has ${d.invisible}` : '';
}

/** The hint's fix for an href with invisible characters, or null to keep the usual hint. */
function invisibleHint(d: InvisibleNote): string | null {
  if (!d.invisible) return null;
  const one = d.invisibleCount === 1;
  if (!d.fixedHref) {
    return `Retype the href without ${one ? 'that character' : 'those characters'}, or write %20 where a space is meant.`;
  }
  const how = d.fixedHow ? ` (the href ${d.fixedHow})` : '';
  return `Write ${escapeUnsafe(d.fixedHref)}${how}${d.fixedLeadsTo ? `: it leads to ${d.fixedLeadsTo}` : ''}.`;
}

/** Every finding type. Keys are the stable identifiers used in JSON, options and docs. */
export const findingDefinitions = {
  'broken-link': define<
    {
      target: string;
      suggestion: string | null;
      /** The redirect destination, when the link reaches a missing page through a redirect. */
      destination?: string;
      /** The redirects from there go round in a loop (or on for more than ten hops). */
      loop?: boolean;
    } & InvisibleNote
  >({
    severity: 'error',
    category: 'links',
    title: 'Broken link',
    description: 'An internal link points at a URL that the build produced no page or file for.',
    message: (d, link) =>
      d.destination
        ? `links to ${d.target}, which redirects to ${d.destination}, ${d.loop ? 'and on in a loop that never reaches a page' : 'which does not exist in the build'}${invisibleSuffix(d)}`
        : `links to ${d.target || link?.href}, which does not exist in the build${invisibleSuffix(d)}`,
    hint: (d) => {
      const invisible = invisibleHint(d);
      // Note: when the href without the characters is missing too, the page meant may be near.
      if (invisible) {
        const near = d.suggestion && d.fixedLeadsTo?.endsWith('either') ? d.suggestion : null;
        return near ? `${invisible} Did you mean ${near}?` : invisible;
      }
      if (d.loop) return `Fix the redirects from ${d.target}: they go round in a loop.`;
      return d.suggestion
        ? `Did you mean ${d.suggestion}? Fix the href, or add a page or a redirect for this URL.`
        : 'Fix the href, or add a page or a redirect for this URL.';
    },
  }),
  'broken-fragment': define<
    {
      target: string;
      fragment: string;
      suggestion: string | null;
      /** The href that reaches the suggested id, when `#` and the id would not (it needs escapes). */
      suggestedHref?: string;
    } & InvisibleNote
  >({
    severity: 'error',
    category: 'links',
    title: 'Broken fragment',
    description:
      'A link points at an existing page, but that page has no element with the fragment id.',
    message: (d) =>
      `links to ${d.target}, but that page has no element with id "${d.fragment}"${invisibleSuffix(d)}`,
    hint: (d) =>
      invisibleHint(d) ??
      (d.suggestion
        ? `Did you mean ${d.suggestedHref ?? `#${d.suggestion}`}?${d.suggestion.toLowerCase() === d.fragment.toLowerCase() ? ' Ids are case-sensitive.' : ''}`
        : 'Add an element with that id to the target page, or fix the fragment.'),
  }),
  'placeholder-fragment': define<{ fragment: string }>({
    severity: 'info',
    category: 'links',
    title: 'Placeholder link',
    description:
      'A link to a fragment of only punctuation on its own page (`href="#_"`, `"#!"`) that no element has: a placeholder, which goes nowhere.',
    message: (d) =>
      `links to #${d.fragment}, a placeholder: no element has that id, so it goes nowhere`,
    hint: () =>
      "Nothing to do if it is a placeholder on purpose (a script handles it, or it stands for a page to come); otherwise point it at a real target. Turn these off with severity: { 'placeholder-fragment': 'off' }.",
  }),
  'broken-resource': define<
    {
      target: string;
      suggestion: string | null;
      /** For a reference in a stylesheet or manifest: its URL path. */
      file?: string;
      /** For a reference in a stylesheet or manifest: how many pages load it. */
      loadedBy?: number;
    } & InvisibleNote
  >({
    severity: 'error',
    category: 'resources',
    title: 'Missing resource',
    description:
      'An image, stylesheet, script, media file, iframe, object, form action, url() or @import in CSS, og:image or twitter:image, or an icon of a web app manifest points at a file the build does not contain.',
    message: (d, link) =>
      `${describeResource(link, d.file, d.loadedBy)} ${d.target || link?.href}, which does not exist in the build${invisibleSuffix(d)}`,
    hint: (d, link) =>
      invisibleHint(d) ??
      (link?.element === 'form'
        ? 'Point the form at a page or endpoint that exists (on a static site, often a form service).'
        : d.suggestion
          ? `Did you mean ${d.suggestion}? Fix the path, or put the file in the folder served as the site root (public/ in Astro).`
          : (link?.element === 'stylesheet' || link?.element === 'manifest') &&
              !/^(?:[a-z][a-z\d+.-]*:|\/)/i.test(link.href)
            ? `Fix the path: in a ${link.element}, a relative URL resolves against the ${link.element}’s own URL, not the page’s. Or put the file in the folder served as the site root (public/ in Astro).`
            : 'Put the file in the folder served as the site root (public/ in Astro), or fix the path.'),
  }),
  'redirected-link': define<{
    target: string;
    destination: string;
    destinationMissing: boolean;
    /** The redirects from the destination go round in a loop (or on for more than ten hops). */
    loop?: boolean;
  }>({
    severity: 'warning',
    category: 'links',
    title: 'Redirected link',
    description: 'An internal link points at a redirect instead of its destination.',
    message: (d) =>
      `links to ${d.target}, which redirects to ${d.destination}${d.loop ? ', and on in a loop that never reaches a page' : d.destinationMissing ? ', which does not exist in the build' : ''}`,
    hint: (d) =>
      d.loop
        ? `Fix the redirects: from ${d.target} they go round in a loop. Then link to the page meant directly.`
        : d.destinationMissing
          ? 'Fix the redirect: its destination is missing (reported on the redirect page). Then link to the page directly.'
          : `Link to ${d.destination} directly: it saves a hop for readers and crawlers.`,
  }),
  'trailing-slash-mismatch': define<{
    target: string;
    expected: string;
    trailingSlash: string;
    buildFormat: string;
  }>({
    severity: 'warning',
    category: 'links',
    title: 'Trailing slash mismatch',
    description:
      "A link's trailing slash differs from the URL the page is built at, so some hosts redirect or 404.",
    message: (d) => `links to ${d.target}, but the page is served at ${d.expected}`,
    hint: (d) =>
      `Write ${d.expected} (trailingSlash: ${d.trailingSlash}, build.format: ${d.buildFormat}).`,
  }),
  'broken-redirect': define<{ from: string; to: string; origin: string; destination: string }>({
    severity: 'warning',
    category: 'links',
    title: 'Redirect to a missing page',
    description:
      'A host redirect rule (`_redirects`, `netlify.toml`, `vercel.json`) sends a path to a page the build does not have.',
    message: (d) =>
      `the redirect ${d.from} → ${d.to} (${d.origin}) ends at ${d.destination}, which does not exist in the build`,
    hint: () =>
      'Point the rule at a page that exists, or remove it: readers and backlinks that follow it reach a 404.',
  }),
  'link-to-noindex': define<{ target: string }>({
    severity: 'warning',
    category: 'links',
    title: 'Link to a noindex page',
    description: 'A followable internal link points at a page whose robots meta says noindex.',
    message: (d) => `links to ${d.target}, which is marked noindex`,
    hint: () =>
      'Either the target should be indexed (remove noindex) or this link should not promote it.',
  }),
  'nofollow-internal': define<{ target: string }>({
    severity: 'warning',
    category: 'links',
    title: 'Nofollow on an internal link',
    description:
      'An internal link carries rel="nofollow", which stops link equity flowing inside your own site.',
    message: (d) => `links to ${d.target} with rel="nofollow"`,
    hint: () => 'Remove rel="nofollow" from links to your own pages.',
  }),
  'generic-anchor': define<{ target: string; text: string }>({
    severity: 'warning',
    category: 'anchors',
    title: 'Generic anchor text',
    description: 'A link\'s text says nothing about its target ("click here", "read more", …).',
    message: (d) => `links to ${d.target} with the generic text "${d.text}"`,
    hint: () =>
      'Use words that describe the target page; readers and search engines both use them.',
  }),
  'empty-anchor': define<{ target: string }>({
    severity: 'warning',
    category: 'anchors',
    title: 'Link without an accessible name',
    description: 'A link has no text, no image alt, no aria-label and no title.',
    message: (d) => `links to ${d.target} with no accessible name`,
    hint: () => 'Add link text, an alt on the image inside it, or an aria-label.',
  }),
  'insecure-outbound': define<{ target: string }>({
    severity: 'warning',
    category: 'outbound',
    title: 'Insecure outbound link',
    description: 'An outbound link uses http:// instead of https://.',
    message: (d) => `links to ${d.target} over plain http`,
    hint: () => 'Use https:// if the site supports it.',
  }),
  'orphan-page': define<PageDetails & { translations?: string[] }>({
    severity: 'warning',
    category: 'structure',
    title: 'Orphan page',
    description:
      'A built page that no other page links to (links from its own translations do not count).',
    message: (d) =>
      `${d.page} has no internal links from any other page${translationsNote(d.translations)}`,
    hint: () => 'Link to it from a related page, a hub or the navigation, or stop building it.',
  }),
  'orphan-with-backlinks': define<
    PageDetails & { backlinks: number; linkingSites: number; translations?: string[] }
  >({
    severity: 'warning',
    category: 'structure',
    title: 'Orphan page with backlinks',
    description:
      'A built page that earns links from other sites but that no page of yours links to.',
    message: (d) =>
      `${d.page} has ${d.backlinks} backlink(s) but no internal links from any other page${translationsNote(d.translations)}`,
    hint: () => 'Link to it from related content: the equity it earns is stuck there.',
  }),
  'island-page': define<
    PageDetails & {
      reason: 'nofollow' | 'orphans' | 'loop';
      linkingPages: string[];
      reachableFromOrphans: string[];
    }
  >({
    severity: 'warning',
    category: 'structure',
    title: 'Unreachable page',
    description:
      'Other pages link to this page, but no chain of followable links leads to it from the home page: only orphans, nofollow links or pages in a closed loop do.',
    message: (d) =>
      d.reason === 'nofollow'
        ? `${d.page} is linked only with nofollow from pages the home page leads to`
        : d.reason === 'orphans'
          ? `${d.page} is reachable only from orphan pages (${d.reachableFromOrphans.join(',')})`
          : `${d.page} is linked only from pages that the home page does not lead to`,
    hint: () => 'Link to it (or to a page that links to it) from a page the home page leads to.',
  }),
  'boilerplate-only-inlinks': define<PageDetails & { linkingPages: number }>({
    severity: 'info',
    category: 'structure',
    title: 'Linked only from navigation',
    description:
      'A page is linked only from navigation, header, footer or sidebar, never from the content of another page.',
    message: (d) =>
      `${d.page} is linked from ${d.linkingPages} page(s), but never from their main content`,
    hint: () => 'Link to it from related content, where a reader meets it in context.',
  }),
  'ambiguous-anchor': define<{ text: string; targets: string[] }>({
    severity: 'info',
    category: 'anchors',
    title: 'One link text, different pages',
    description:
      'The same link text points at different pages, so readers cannot predict where it goes.',
    message: (d) => `the link text "${d.text}" points at ${d.targets.length} different pages`,
    hint: (d) => `Give each target its own wording: ${listSome(d.targets)}.`,
  }),
  'under-linked-asset': define<
    PageDetails & { type: string; contextualLinkingPages: number; minimum: number }
  >({
    severity: 'info',
    category: 'assets',
    title: 'Linkable asset under-linked internally',
    description:
      'A page classified as a linkable asset is linked from the content of fewer than 3 other pages.',
    message: (d) =>
      `${d.page} (${d.type}) is linked from the content of ${d.contextualLinkingPages} page(s)`,
    hint: (d) =>
      `Link to it from at least ${d.minimum} related pages: your best content should be easy to reach.`,
  }),
  'under-promoted-asset': define<PageDetails & { type: string }>({
    severity: 'info',
    category: 'assets',
    title: 'Linkable asset without backlinks',
    description:
      'A page classified as a linkable asset has no backlinks in the inbound data: a candidate for outreach.',
    message: (d) => `${d.page} (${d.type}) has no backlinks`,
    hint: () => 'Tell the people who would cite it: it is built to earn links and has none yet.',
  }),
  'unknown-asset-override': define<PageDetails & { value: string; allowed: string[] }>({
    severity: 'warning',
    category: 'assets',
    title: 'Unknown asset type',
    description:
      'A page declares itself a linkable asset (meta link-report:asset) with a value that is not an asset type.',
    message: (d) => `${d.page} declares the asset type "${d.value}", which is not one`,
    hint: (d) => `Use one of: ${d.allowed.join(', ')}.`,
  }),
  'lost-backlink-target': define<{
    target: string;
    backlinks: number;
    linkingSites: number;
    reason: string;
    /** `file` for a URL that names a file (`/guide.pdf`). */
    kind?: 'page' | 'file';
    /** The page that is plausibly the same content (see `match`), or null: no close match. */
    suggestion: string | null;
    /** Why the suggestion is the same content: same-page, mapped, same-slug or near-slug. */
    match?: string | null;
    /** The section index, named as a fallback when there is no close match (not the same content). */
    fallback?: string | null;
    /** Pages that fit equally well, so none was chosen. */
    ambiguous?: string[];
    redirectFrom: string | null;
    redirectTo: string | null;
    /** The ready-to-paste `redirects` entry, from the paste-safe serializer. */
    snippet: string | null;
    /** Why the URL may be crafted; then no redirect is offered. */
    suspicious: string | null;
    /** Sources whose inbound entry names this target (a drill-down): it may be a typo there. */
    namedBy?: string[];
    note: string | null;
    referringDomains: string[];
    targetUrls: string[];
  }>({
    severity: 'warning',
    category: 'inbound',
    title: 'Backlink to a missing page',
    description:
      'An inbound export names a URL of this site that the build no longer has and no redirect covers.',
    message: (d) =>
      `${escapeUnsafe(d.target)} has ${d.backlinks} backlink(s) but the build has no page there${d.note ? ` (${d.note})` : ''}${d.namedBy?.length ? ` (the target your inbound entry for ${listSome(d.namedBy.map(escapeUnsafe))} names)` : ''}`,
    hint: (d) => {
      const what = d.kind === 'file' ? 'file' : 'page';
      if (d.namedBy?.length) {
        // Note: the export does not name its target; the entry does, and may be mistyped.
        const sources = listSome(d.namedBy.map(escapeUnsafe));
        const meant = d.suggestion
          ? `If you meant ${escapeUnsafe(d.suggestion)}, fix the target of the entry for ${sources}`
          : `Check the target of the entry for ${sources}: it must be the page the export is of`;
        const gone = d.snippet
          ? `; if that export really is of a ${what} that is gone, add a redirect in astro.config.mjs: redirects: { ${d.snippet} }`
          : `; if that ${what} is gone, restore it or redirect it to the ${what} with the same content`;
        return `${meant} (the export has no target column: every row is taken to link to the target the entry names)${gone}.`;
      }
      if (d.snippet) {
        // Note: the CLI also reads sites Astro did not build, whose redirects live with the host.
        return `Add a redirect to ${matchWording[d.match ?? ''] ?? 'the nearest page'} in astro.config.mjs: redirects: { ${d.snippet} } (for a site not built with Astro, the same rule in your host's redirects)`;
      }
      if (d.suspicious) {
        return `No redirect is offered: ${d.suspicious}, so it may be crafted to trick whoever pastes it. Look at the linking pages before you act on it.`;
      }
      if (d.ambiguous && d.ambiguous.length > 0) {
        return `Several built pages have this slug (${listSome(d.ambiguous.map(escapeUnsafe))}), so none is suggested: redirect it to the one with the same content, or restore the ${what}.`;
      }
      return d.fallback
        ? `No close match among the built pages: restore the ${what}, or redirect it to the page with the same content. Fallback: the section index ${escapeUnsafe(d.fallback)} (not the same content; a mass redirect there reads as a soft 404).`
        : `No close match among the built ${what}s: restore the ${what}, or redirect it to the ${what} with the same content.`;
    },
  }),
  'inbound-source-failed': define<{
    source: string;
    entry: string;
    reason: string;
    required?: boolean;
    problems?: number;
    line?: number | null;
    /** What fixes it: export, options, source or limit (see InboundProblem.fix). */
    fix?: string | null;
  }>({
    severity: 'warning',
    category: 'inbound',
    title: 'Inbound source failed',
    description: 'An inbound-link export could not be read; the report lacks its data.',
    message: (d) => `${d.source}: ${d.reason}`,
    hint: (d) => {
      const fix =
        d.fix === 'options'
          ? 'The file is fine: its inbound entry must say more (the message says what: target, columns, format or allowBadRows).'
          : d.fix === 'source'
            ? 'Check the path or URL; the message says what failed.'
            : d.fix === 'limit'
              ? 'If the export is yours and this large, raise inboundLimits (maxBytes, maxRows; --inbound-max-bytes, --inbound-max-rows on the command line).'
              : 'Fix the export, or download it again if it was cut short.';
      return d.required
        ? `${fix} The source is required, so the build fails until it can be read.`
        : `${fix} Mark the source required to fail the build instead.`;
    },
  }),
  'inbound-source-warning': define<{
    source: string;
    entry?: string;
    reason: string;
    line?: number | null;
  }>({
    severity: 'warning',
    category: 'inbound',
    title: 'Inbound source read with a caveat',
    description:
      'An inbound-link export was read, but with a caveat: rows skipped (allowBadRows), a stale cached copy, a guessed encoding, or a file in a folder that was not read.',
    message: (d) => `${d.source}: ${d.reason}`,
    hint: () =>
      'Check the export against the message: it names what was left out or guessed, and the file and line.',
  }),
  'suspicious-linking-site': define<{
    site: string;
    links: number | null;
    /** Why, naming the tool and the value. */
    reasons: string[];
    /** flagged-spam, spam-score, many-links-low-authority. */
    codes: string[];
  }>({
    severity: 'info',
    category: 'inbound',
    title: 'Suspicious linking site',
    description:
      'A linking site a backlink tool flags as spam, with a spam score over toxicLinks.spamScore, or with many links and a very low authority: a candidate for disavow-candidates.txt, never a verdict.',
    message: (d) =>
      `${escapeUnsafe(d.site)} links to you${d.links === null ? '' : ` ${d.links} time(s)`}: ${d.reasons.map(escapeUnsafe).join('; ')}`,
    hint: () =>
      'Review it. Google ignores most spammy links by itself: upload disavow-candidates.txt (next to the report) only for a manual action or links you bought or built and cannot get removed.',
  }),
  'duplicate-page': define<PageDetails & { file: string; other: string }>({
    severity: 'warning',
    category: 'site',
    title: 'Two files for one page',
    description:
      'Two built files name the same page (`about.html` and `about/index.html`): `/about` and `/about/` show different pages.',
    message: (d) => `${d.file} and ${d.other} are both built for ${d.page}`,
    hint: () =>
      'Build one of them only: hosts serve /x from x.html and /x/ from x/index.html, so readers see either.',
  }),
  'unparsed-page': define<{ file: string; reason: string }>({
    severity: 'warning',
    category: 'site',
    title: 'Page not read as written',
    description:
      'A built HTML file could not be read as written: elements nested deeper than 512 levels (read as children of the element at level 512, as Chromium reads them: their links are checked, without what encloses them), or a charset that is not known (read as UTF-8).',
    message: (d) => `${d.file}: ${d.reason}`,
    hint: () =>
      'Fix the HTML of this page; the message says what went wrong and what was done instead.',
  }),
  'unused-ignore-pattern': define<{ option: 'ignore.links' | 'ignore.pages'; pattern: string }>({
    severity: 'warning',
    category: 'site',
    title: 'Ignore pattern that matches nothing',
    description:
      'A pattern of `ignore.links` matches no link, or one of `ignore.pages` no page: it is likely mistyped.',
    message: (d) =>
      `the ${d.option} pattern ${JSON.stringify(d.pattern)} matches no ${d.option === 'ignore.links' ? 'link' : 'page'}`,
    hint: (d) =>
      d.option === 'ignore.links'
        ? 'Fix or remove it: a glob matches the href as written (#_), the path and query of an internal link (/old/**) or a whole URL (https://example.com/**); a regular expression is written /…/.'
        : 'Fix or remove it: a glob matches page paths with base, such as /drafts/**.',
  }),
  'nothing-checked': define<{ reason: string }>({
    severity: 'warning',
    category: 'site',
    title: 'Nothing was checked',
    description:
      'The run found no page to check: no HTML in the output (a server build writes HTML only for prerendered pages), or every page is ignored.',
    message: (d) => `nothing was checked: ${d.reason}`,
    hint: () =>
      'Check the output folder and ignore.pages; with output: "server", prerender the pages to check (export const prerender = true).',
  }),
  'site-unknown': define<Record<string, never>>({
    severity: 'warning',
    category: 'site',
    title: 'Site URL not configured',
    description:
      '`site` is not set, so absolute links to the site cannot be recognized as internal.',
    message: () =>
      'site is not configured: absolute links to your own domain are treated as outbound',
    hint: () =>
      "Set site in astro.config.mjs (e.g. site: 'https://example.com'), or pass --site to the CLI.",
  }),
  'broken-external': define<{
    target: string;
    status: 'broken' | 'invalid-url';
    /** The HTTP status of the last response, or null when there was none. */
    code: number | null;
    /** What happened, worded to follow "which": `answers 404 Not Found`. */
    reason: string;
    /** Where redirects led before the failure, or null. */
    destination: string | null;
  }>({
    severity: 'warning',
    category: 'outbound',
    title: 'Broken outbound link',
    description:
      'An outbound URL answers 404 or 410, its host does not exist, it refuses connections, or it redirects in a loop (external.check). A URL that is not valid is an invalid-url finding.',
    message: (d) =>
      d.status === 'invalid-url'
        ? `links to ${d.target}, which is not a valid URL`
        : `links to ${d.target}, which ${d.reason}`,
    hint: (d) =>
      d.status === 'invalid-url'
        ? 'Fix the href: browsers cannot open it either.'
        : d.code === null
          ? 'Check the host name, or remove the link: readers cannot reach it.'
          : 'Link to where the content moved (search the site for it), to an archived copy, or remove the link.',
  }),
  'redirected-external': define<{
    target: string;
    /** The URL the link should name: where the permanent redirects end. */
    destination: string;
    /** The status of the first redirect (301 or 308). */
    code: number;
    /** The URL to write instead, or null when the destination does not look like a replacement. */
    suggestion: string | null;
    /** Why no suggestion is made, or what follows the permanent redirects; null when nothing. */
    note: string | null;
  }>({
    severity: 'info',
    category: 'outbound',
    title: 'Outbound link permanently redirected',
    description:
      'An outbound URL answers with a permanent redirect (301, 308): the link can name the destination (external.check).',
    message: (d) =>
      `links to ${d.target}, which redirects permanently (${d.code}) to ${d.destination}${d.note && d.suggestion ? ` (${d.note})` : ''}`,
    hint: (d) =>
      d.suggestion
        ? `Link to ${d.suggestion} directly.`
        : `${d.note ?? 'The destination may not be a replacement'}: open both and link to the page that replaced it, or remove the link.`,
  }),
  'unverified-external': define<{
    target: string;
    status: 'unverified' | 'server-error' | 'timeout';
    code: number | null;
    /** What happened, worded to follow "could not be verified:". */
    reason: string;
  }>({
    severity: 'info',
    category: 'outbound',
    title: 'Outbound link not verified',
    description:
      'An outbound URL could not be verified: it refused the checker (401, 403, 429, 999, a bot wall), failed with a server error or a network problem, or timed out. Never reported as broken (external.check).',
    message: (d) => `links to ${d.target}, which could not be verified: ${d.reason}`,
    hint: (d) =>
      d.status === 'unverified' && d.code !== null
        ? `Open it in a browser. If it works, add '${URL.parse(d.target)?.hostname ?? d.target}' to external.skip (or ${d.code} to external.treatAsOk) to stop checking it.`
        : 'Open it in a browser; it is checked again once the result expires (external.cacheErrors).',
  }),
  'broken-external-fragment': define<{ target: string; fragment: string }>({
    severity: 'warning',
    category: 'outbound',
    title: 'Broken outbound fragment',
    description:
      'An outbound link names a #fragment that the linked HTML page has no element for (external.checkFragments).',
    message: (d) => `links to ${d.target}, but that page has no element with id "${d.fragment}"`,
    hint: () =>
      'Fix the fragment or drop it. If the page adds the id with JavaScript, list the link in ignore.links.',
  }),
  'localhost-link': define<{ target: string; why: string }>({
    severity: 'error',
    category: 'outbound',
    title: 'Link to a local address',
    description:
      'A link or reference names localhost, 127.0.0.1, 0.0.0.0, a private-range address or a local host name, which readers of the built site cannot reach.',
    message: (d) => `links to ${d.target}, ${d.why} that readers cannot reach`,
    hint: () =>
      'Replace it with the public URL; it was likely left from development. Turn the check off with severity: { "localhost-link": "off" }.',
  }),
  'unqualified-sponsored': define<{ target: string; signal: string }>({
    severity: 'warning',
    category: 'outbound',
    title: 'Affiliate link without rel="sponsored"',
    description:
      'An outbound link looks paid or affiliate (a known affiliate host or parameter) but has neither rel="sponsored" nor rel="nofollow".',
    message: (d) =>
      `links to ${d.target}, an affiliate link (${d.signal}), without rel="sponsored"`,
    hint: () =>
      'Add rel="sponsored" (or rel="nofollow"), as search engines ask for paid links. If it is not paid, list it in ignore.links.',
  }),
  'relative-link-policy': define<{
    target: string;
    policy: 'require' | 'forbid';
    /** How the href is written: `relative` (`../about/`), `root-relative` or `absolute`. */
    written: 'relative' | 'root-relative' | 'absolute';
    /** The href to write instead, or null when it cannot be worked out safely. */
    suggestion: string | null;
    /** Why there is no suggestion. */
    reason: string | null;
  }>({
    severity: 'warning',
    category: 'links',
    title: 'Link against the relative-link policy',
    description:
      'Off unless linkPolicy.relativeLinks is set: an internal link written relative to the page (../about/) where the policy forbids it, or root-relative or absolute where it requires relative links.',
    message: (d, link) =>
      d.policy === 'forbid'
        ? `links to ${d.target} with the relative href ${link?.href ?? ''}, and the link policy forbids relative internal links`
        : `links to ${d.target} with the ${d.written} href ${link?.href ?? ''}, and the link policy requires relative internal links`,
    hint: (d) =>
      d.suggestion
        ? `Write ${d.suggestion}.`
        : `Write the link ${d.policy === 'forbid' ? 'root-relative (from /)' : 'relative to the page'} by hand: ${d.reason ?? 'no safe form was found'}.`,
  }),
  'absolute-self-link': define<{ target: string; suggestion: string }>({
    severity: 'warning',
    category: 'links',
    title: 'Absolute link to the site itself',
    description:
      "Off unless linkPolicy.absoluteSelfLinks is 'forbid': a link to a page of this site written with the site's own origin (https://example.com/about/), which leads away from previews and staging copies of the site.",
    message: (d, link) => `links to ${d.target} with the absolute URL ${link?.href ?? ''}`,
    hint: (d) => `Write ${d.suggestion}: it works on every host the site is served from.`,
  }),
  'wrong-locale-link': define<{
    target: string;
    /** The locale of the linking page, and of the page linked to. */
    locale: string;
    targetLocale: string;
    /** The same page in the linking page's locale, to link to instead; null when none is built. */
    suggestion: string | null;
    /** The suggestion is a fallback copy of the page (not translated yet). */
    suggestionIsCopy: boolean;
  }>({
    severity: 'warning',
    category: 'links',
    title: 'Link to another locale',
    description:
      "Off unless linkPolicy.localeLinks is 'forbid': a page in one locale links to a page of another locale, outside a language switcher (a link to the page's own translation, to another locale's home page, or marked with hreflang is a switcher).",
    message: (d) => `links to ${d.target}, a page in ${d.targetLocale}, from a page in ${d.locale}`,
    hint: (d) =>
      d.suggestion
        ? `Link to ${d.suggestion}, the ${d.locale} version${d.suggestionIsCopy ? ' (a fallback copy until it is translated)' : ''}; if the other language is meant, add hreflang="${d.targetLocale}" to the link.`
        : `No ${d.locale} version of that page is built: translate it, or, if the other language is meant, add hreflang="${d.targetLocale}" to the link.`,
  }),
  'empty-resource': define<{
    /** `empty`: the attribute is blank; `missing`: it is not there. */
    reason: 'empty' | 'missing';
    /** The `rel` of a `<link>`. */
    rel?: string;
  }>({
    severity: 'warning',
    category: 'resources',
    title: 'Element that loads nothing',
    description:
      'An element that exists to load a file names none: `<img src="">` (without a srcset or a picture source), an `<img>` with neither `src` nor `srcset` (not lazy-loaded, not in a `<picture>` with an unconditional source), an empty `src` on a script, media, `<source>`, `<track>`, `<embed>` or image input, a `<link rel=stylesheet|icon|manifest|preload>` without `href`, an og:image or twitter:image without content.',
    message: (d, link) => {
      const element = link?.element ?? 'element';
      if (element === 'meta') {
        return `the ${link?.text || 'social image'} tag has ${d.reason === 'missing' ? 'no content' : 'an empty content'}, so social sites show no file for it`;
      }
      const tag = element === 'link' && d.rel ? `<link rel="${d.rel}">` : `<${element}>`;
      if (d.reason === 'missing') {
        return element === 'img'
          ? `<img> has neither src nor srcset: it shows ${link?.text ? 'its alt text' : 'nothing'} (a broken image in some browsers)`
          : `${tag} has no ${link?.attribute ?? 'href'}, so it loads nothing`;
      }
      return element === 'img'
        ? `<img ${link?.attribute ?? 'src'}=""> loads nothing: browsers show a broken image`
        : `${tag} has an empty ${link?.attribute ?? 'src'}, so it loads nothing${element === 'script' ? ' (the script fails with an error event)' : ''}`;
    },
    hint: (_d, link) =>
      link?.element === 'img'
        ? 'Give it the image URL, or remove the element. In a <picture>, the <img> is what browsers show when no <source> matches (by its media or type): give it a src. If a script sets it later, use data-src (or another lazy-loading attribute).'
        : link?.element === 'meta'
          ? 'Give it the absolute URL of the file, or remove the tag.'
          : 'Give it the URL of the file it should load, or remove the element.',
  }),
  'mixed-content': define<{
    target: string;
    /**
     * `blockable`: browsers refuse to load it (scripts, stylesheets, frames, fonts, …);
     * `upgradeable`: they fetch it over https instead (images, audio, video).
     */
    class: 'blockable' | 'upgradeable';
    /** For a reference in a stylesheet: its URL path. */
    file?: string;
  }>({
    severity: 'error',
    category: 'resources',
    title: 'Mixed content',
    description:
      'An https site loads a file over http: a script, stylesheet, frame, font, plugin, manifest or preload is blocked by browsers (an error); an image, audio or video is fetched over https instead, or fails (a warning). Links are not mixed content.',
    message: (d, link) => {
      const what = link?.element === 'stylesheet' ? `${link.attribute} in ${d.file}` : null;
      const subject = what ?? `<${link?.element ?? 'element'} ${link?.attribute ?? 'src'}>`;
      return d.class === 'blockable'
        ? `${subject} loads ${d.target} over http on an https site: browsers block it`
        : `${subject} loads ${d.target} over http on an https site: browsers load it over https instead, or not at all`;
    },
    hint: (d) => {
      const https = d.target.replace(/^http:/i, 'https:');
      return `Write ${https} (check that it is served over https), or a path on your own site. Browsers never load http files into https pages as written.`;
    },
  }),
  'relative-social-url': define<{
    target: string;
    /** The absolute URL to write, or null when `site` is not set. */
    suggestion: string | null;
  }>({
    severity: 'warning',
    category: 'resources',
    title: 'Relative URL in social metadata',
    description:
      'An og:image, og:video, og:audio or twitter:image is a relative URL: the Open Graph protocol and Twitter cards ask for an absolute URL, and some sites that read them show no image for a relative one.',
    message: (_d, link) =>
      `the ${link?.text || 'social image'} of the page is the relative URL ${link?.href ?? ''}: it must be absolute`,
    hint: (d) =>
      d.suggestion
        ? `Write ${d.suggestion}.`
        : 'Write the full URL, with https:// and your domain (set site to have it suggested).',
  }),
  'unreadable-resource': define<{
    /** The file's URL path: what the finding is about. */
    target: string;
    file: string;
    kind: 'stylesheet' | 'manifest';
    reason: string;
  }>({
    severity: 'warning',
    category: 'resources',
    title: 'Stylesheet or manifest not checked',
    description:
      'A stylesheet or web app manifest that pages load could not be read (larger than its limit, or a manifest that is not JSON), so the files it references were not checked.',
    message: (d) =>
      `the ${d.kind === 'stylesheet' ? 'stylesheet' : 'web app manifest'} ${d.file} was not checked: ${d.reason}`,
    hint: (d) =>
      d.kind === 'manifest'
        ? 'Fix the manifest: browsers ignore a manifest that is not valid JSON.'
        : 'Split the stylesheet, or check its references another way.',
  }),
  'invalid-url': define<{ target: string; reason: string } & InvisibleNote>({
    severity: 'error',
    category: 'links',
    title: 'Invalid URL',
    description:
      'A link or reference (href, src, srcset, action, …) that the URL parser rejects, as browsers do: a port that is not a number, a space or a forbidden character in the host, an IPv6 address without its "]". No browser can follow it.',
    message: (d, link) =>
      `${!link || link.element === 'a' || link.element === 'area' ? 'links to' : `<${link.element} ${link.attribute}> names`} ${escapeUnsafe(d.target)}, which is not a valid URL: ${d.reason}${invisibleSuffix(d, '; ')}`,
    hint: (d) => invisibleHint(d) ?? 'Fix the href: browsers cannot follow it either.',
  }),
  'invisible-character': define<{ target: string } & InvisibleNote>({
    severity: 'warning',
    category: 'links',
    title: 'Invisible character in a URL',
    description:
      'An href holds a character a reader cannot see (zero-width, bidi control, BOM, no-break or other Unicode space, control character) where browsers keep it, so the link leads elsewhere than it reads. When that breaks an internal link, the broken-link (broken-resource, broken-fragment, invalid-url) finding says so instead.',
    message: (d) => `links to ${d.target}${invisibleSuffix(d)}`,
    hint: (d) => invisibleHint(d) ?? 'Remove the invisible characters from the href.',
  }),
  'page-too-large': define<{ file: string; bytes: number; limit: number }>({
    severity: 'error',
    category: 'site',
    title: 'Page too large to check',
    description:
      'A built HTML file is larger than htmlLimits.maxBytes (16 MiB by default): only its first bytes up to the limit are read and checked; its links and ids after them are not, nor are links to its ids.',
    message: (d) =>
      `${d.file} is ${describeBytes(d.bytes)}, more than the ${describeBytes(d.limit)} of htmlLimits.maxBytes: only its first ${describeBytes(d.limit)} were checked (its links and ids after them were not read, and links to its ids are not checked)`,
    hint: () =>
      'If the page is meant to be this large, raise htmlLimits.maxBytes (--html-max-bytes 64M; reading a page takes about 80 times its size in memory); otherwise split it. This is an error because part of the page is not checked: set its severity to warning to accept that.',
  }),
} as const;

type Definitions = typeof findingDefinitions;

/** A stable finding type identifier. */
export type FindingType = keyof Definitions;

/** The details of a finding of type `T`. */
export type DetailsOf<T extends FindingType> =
  Definitions[T] extends FindingDefinition<infer Details> ? Details : never;

/** Every finding type, in table order. */
export const findingTypes = Object.keys(findingDefinitions) as FindingType[];

/** The README anchor that documents a finding type (`#finding-broken-link`). */
export function findingDocsSlug(type: FindingType): string {
  return `finding-${type}`;
}

/** The finding types of some categories, in table order. */
export function findingTypesIn(...categories: FindingCategory[]): FindingType[] {
  return findingTypes.filter((type) => categories.includes(findingDefinitions[type].category));
}
