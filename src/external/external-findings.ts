/**
 * Findings from the outbound check: one per link (so each shows on its page and source line),
 * from each URL's result.
 */
import { createLinkFinding } from '../check/link-finding.js';
import type { Finding } from '../findings/finding.js';
import type { CheckedUrl } from './check-external.js';
import type { LinkUse } from './collect-urls.js';

/**
 * - `broken-external`: broken URLs (invalid ones are `invalid-url` findings, from `checkOddHrefs`,
 *   with or without the check).
 * - `redirected-external`: permanent redirects that end in an answer (temporary ones are the
 *   server's business and only listed in the report).
 * - `unverified-external`: unverified URLs, server errors and timeouts.
 * - `broken-external-fragment`: a fragment the checked page has no id for.
 * A redirect page names its destination three times (refresh, canonical, link): one finding.
 */
export function createExternalFindings(urls: readonly CheckedUrl[]): Finding[] {
  const findings: Finding[] = [];
  const onRedirectPages = new Set<string>();
  const push = (use: LinkUse, finding: Finding): void => {
    if (use.page.kind === 'redirect') {
      const key = `${use.page.path} ${finding.type} ${use.link.url ?? use.link.href}`;
      if (onRedirectPages.has(key)) return;
      onRedirectPages.add(key);
    }
    findings.push(finding);
  };
  for (const { result, uses } of urls) {
    const { status, redirect } = result;
    for (const use of uses) {
      const { page, link } = use;
      // Note: an invalid URL is an `invalid-url` finding whether or not the check runs.
      if (status === 'broken') {
        push(
          use,
          createLinkFinding('broken-external', page, link, {
            status,
            code: result.code,
            reason: result.reason,
            destination: redirect?.finalUrl ?? null,
          }),
        );
      } else if (status === 'unverified' || status === 'server-error' || status === 'timeout') {
        push(
          use,
          createLinkFinding('unverified-external', page, link, {
            status,
            code: result.code,
            reason: result.reason,
          }),
        );
      } else if (
        status === 'redirected' &&
        redirect?.kind === 'permanent' &&
        redirect.destination
      ) {
        push(
          use,
          createLinkFinding('redirected-external', page, link, {
            destination: redirect.destination,
            code: redirect.code,
            suggestion: redirect.suggestion ? withFragment(redirect.suggestion, link.url) : null,
            note: redirect.note,
          }),
        );
      }
      if (use.fragment === null) continue;
      const fragment = result.fragments.find((entry) => entry.fragment === use.fragment);
      if (fragment?.found === false) {
        push(
          use,
          createLinkFinding('broken-external-fragment', page, link, { fragment: use.fragment }),
        );
      }
    }
  }
  return findings;
}

/** The suggested URL with the link's own fragment, unless the redirect set one. */
function withFragment(suggestion: string, linkUrl: string | null): string {
  const hash = linkUrl ? new URL(linkUrl).hash : '';
  const url = new URL(suggestion);
  if (url.hash || !hash) return suggestion;
  url.hash = hash;
  return url.href;
}
