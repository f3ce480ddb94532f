/**
 * The identity of a finding across runs: what it is about, not where in the built HTML it
 * sits. Type, page and resolved target (a fragment-only href as written, since it names a
 * different page on each page); line numbers of minified HTML, messages with counts and
 * severities set by options are left out, so unrelated edits do not make a known finding new.
 * Two findings with one identity (the same broken link twice on a page) are counted.
 */
import type { FindingType } from '../findings/definitions.js';
import type { Finding } from '../findings/finding.js';

/** What a finding is about, stable from run to run. */
export interface FindingIdentity {
  type: FindingType;
  /** The page, with base; null for site-level findings. */
  page: string | null;
  /** The link's resolved target (site-relative when on the site), the export or the text. */
  target: string;
}

/** The identity of a finding. `origin` is the site's, stripped from targets on the site. */
export function identityOf(finding: Finding, origin: string | null): FindingIdentity {
  const details = finding.details as Record<string, unknown>;
  let target: string;
  if (finding.link) {
    const { href, url } = finding.link;
    target = href.startsWith('#')
      ? href
      : typeof details.target === 'string'
        ? details.target
        : (url ?? href);
  } else {
    // Note: the file comes last: a finding about a whole file (a page that could not be
    // read) has nothing else to tell it from the same finding about another file.
    const named = [
      details.target,
      details.source,
      details.text,
      details.pattern,
      details.file,
    ].find((value): value is string => typeof value === 'string');
    target = named ?? '';
  }
  if (origin !== null && target.startsWith(`${origin}/`)) target = target.slice(origin.length);
  // Note: a finding in a stylesheet or manifest is on no page: the file stands for it, so
  // one missing font named by two stylesheets is two findings.
  const page =
    finding.page === null && finding.link && typeof details.file === 'string'
      ? details.file
      : finding.page;
  return { type: finding.type, page, target };
}

/** One string per identity, for maps. */
export function identityKey(identity: FindingIdentity): string {
  return `${identity.type}\u0000${identity.page ?? ''}\u0000${identity.target}`;
}

/** Order of identities in files people review: by page, type, target. */
export function compareIdentities(a: FindingIdentity, b: FindingIdentity): number {
  return (
    compare(a.page ?? '', b.page ?? '') || compare(a.type, b.type) || compare(a.target, b.target)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
