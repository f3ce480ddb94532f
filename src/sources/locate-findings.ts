/**
 * Say where each finding's link is written in the project's sources (`Finding.writtenAt`),
 * and which content entry each page is built from (`SitePage.entry`).
 *
 * A link is looked for, in this order: in the page's own content entry (the Markdown or
 * MDX file of its locale, or of the default locale for a fallback copy), in the route's
 * source file, then in the components, layouts and other files of `srcDir`: when exactly one
 * of those writes the href, that is where it comes from (a link in a shared header is one
 * place, however many pages show it). Content entries of other pages are never taken: the
 * same href written in another post is not where this page's link is.
 */
import path from 'node:path';
import type { Finding } from '../findings/finding.js';
import type { LinkGraph } from '../graph/build-link-graph.js';
import type { SitePage } from '../site/site-index.js';
import { decodePath } from '../site/url.js';
import { createSourceIndex, type SourceIndex, type WrittenPlace } from './source-index.js';

/** Where the project is. */
export interface LocateInput {
  /** The project root: `writtenAt` paths are relative to it. */
  root: string;
  /** The folder searched (Astro's `srcDir`), absolute. */
  srcDir: string;
  /** The site's base, stripped from page paths to find content entries. */
  base: string;
}

/** What locating found besides the findings' `writtenAt`. */
export interface LocateResult {
  /** Source files skipped (too many or too large), for a note. */
  skipped: number;
}

/** Locate every finding's link, and each page's content entry. */
export async function locateFindings(
  findings: readonly Finding[],
  graph: LinkGraph,
  input: LocateInput,
): Promise<LocateResult> {
  const index = await createSourceIndex(input.root, input.srcDir);
  for (const page of graph.pages) page.entry = entryOf(page, index, input.base);
  // Note: a fallback copy whose path names no entry shows the content of the page it
  // copies, so it is built from that page's entry: Starlight's French home page with the
  // English content has no `fr/index.mdx` (`/fr/` is not `en/index.mdx`). A copy with an
  // entry of its own (an untranslated `fr/about.md`) keeps it.
  for (const page of graph.pages) {
    if (page.entry !== null || page.copyOf === null) continue;
    page.entry = graph.nodes.get(page.copyOf)?.entry ?? null;
  }
  // Note: many findings share an href and a page family; each (page, href, placement) is
  // looked up once.
  const memo = new Map<string, WrittenPlace | null>();
  for (const finding of findings) {
    const link = finding.link;
    const page = finding.page === null ? undefined : graph.nodes.get(finding.page);
    if (link && !page && (link.element === 'stylesheet' || link.element === 'manifest')) {
      // A reference in a built stylesheet (or manifest) is written where exactly one source
      // file writes it (an Astro component's <style>, a file in public/ is not searched).
      const place = placeOfShared(link.href, index);
      if (place) finding.writtenAt = { file: place.file, line: place.line, column: place.column };
      continue;
    }
    if (!link || !page) continue;
    const occurrence = occurrenceOf(finding, page);
    const key = `${page.path}\u0000${link.href}\u0000${occurrence}\u0000${maybeInEntry(link)}\u0000${link.placement}`;
    let place = memo.get(key);
    if (place === undefined) {
      place = placeOf(link, page, occurrence, index);
      memo.set(key, place);
    }
    if (place) finding.writtenAt = { file: place.file, line: place.line, column: place.column };
  }
  // Note: a route in a package (Starlight's) is not where a page is written; its entry is.
  for (const finding of findings) {
    const page = finding.page === null ? undefined : graph.nodes.get(finding.page);
    if (page?.entry && !isProjectFile(page.source)) finding.source = page.entry;
  }
  return { skipped: index.skipped };
}

/** The content entry of a page, for pages built from one (not redirects or 404 pages). */
function entryOf(page: SitePage, index: SourceIndex, base: string): string | null {
  if (page.kind === 'redirect') return null;
  const local = decodePath(
    page.path.startsWith(base) ? page.path.slice(base.length - 1) : page.path,
  );
  return index.entryFor(local);
}

/**
 * Whether a link can come from the page's content entry: Markdown and MDX render into the
 * page's content, never into its navigation, header, footer or sidebar, nor into `<head>`
 * (`<link rel=icon>`, `<meta>`, `<script>`), which the layout writes.
 */
function maybeInEntry(link: { element: string; placement: string }): boolean {
  return link.placement === 'content' && !layoutElements.has(link.element);
}

/** Elements a content entry does not write: the layout's `<head>`. */
const layoutElements = new Set(['link', 'meta', 'script', 'base', 'style']);

/** The place a page's link to `href` is written, or null when no single place explains it. */
function placeOf(
  link: { href: string; element: string; placement: string },
  page: SitePage,
  occurrence: number,
  index: SourceIndex,
): WrittenPlace | null {
  const places = index.placesOf(link.href);
  if (places.length === 0) return null;
  const inFile = (file: string | null) =>
    file === null ? [] : places.filter((place) => place.file === file);
  // Note: a navigation link is not the entry's link to the same URL, even on the same page.
  const entry = maybeInEntry(link) ? inFile(page.entry) : [];
  if (entry.length > 0) return entry[occurrence] ?? null;
  const route = isProjectFile(page.source) ? inFile(page.source) : [];
  if (route.length > 0) return route[occurrence] ?? route[0]!;
  const shared = places.filter((place) => !place.content);
  const files = new Set(shared.map((place) => place.file));
  if (files.size === 1) {
    // Note: one component that writes the href twice (a desktop and a mobile menu) gives the
    // page's first such link its first place and the second its second; past them, no guess.
    return shared.length === 1 ? shared[0]! : (shared[occurrence] ?? null);
  }
  // Note: Markdown asides (Starlight's `:::note`) are `<aside>`s in the content: when no
  // component writes the href and the entry writes it once, that is where it is.
  const fromEntry = inFile(page.entry);
  return files.size === 0 && link.placement === 'aside' && fromEntry.length === 1
    ? fromEntry[0]!
    : null;
}

/** The one source file (not a content entry) that writes `href`, or null. */
function placeOfShared(href: string, index: SourceIndex): WrittenPlace | null {
  const shared = index.placesOf(href).filter((place) => !place.content);
  return new Set(shared.map((place) => place.file)).size === 1 ? shared[0]! : null;
}

/** A route source in the project (not a package's route, not the redirects config). */
function isProjectFile(source: string | null): source is string {
  if (source === null || source.includes(' ') || path.isAbsolute(source)) return false;
  const segments = source.split(/[\\/]/);
  // Note: a route outside the project (`../packages/starlight/routes/…`: a theme linked from
  // a workspace of the same repository) is a package's route, as it is from node_modules.
  return !segments.includes('node_modules') && segments[0] !== '..';
}

/**
 * Which of the page's links with the same href (and the same kind of place: what the content
 * entry may write, or what the layout writes, which come from different source files) a
 * finding is about, in document order.
 */
function occurrenceOf(finding: Finding, page: SitePage): number {
  const link = finding.link;
  if (link?.position.type !== 'source') return 0;
  const { line, column } = link.position;
  const same = page.links.filter((l) => l.href === link.href);
  const own = same.find(
    (l) => l.position.type === 'source' && l.position.line === line && l.position.column === column,
  );
  if (!own) return 0;
  const inContent = maybeInEntry(own);
  const ordered = same.filter((l) => maybeInEntry(l) === inContent);
  const index = ordered.indexOf(own);
  return index === -1 ? 0 : index;
}
