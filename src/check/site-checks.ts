/**
 * Checks of the site as a whole: two files for one page, files too large to read whole or
 * that could not be read as written, and a site URL that is not configured.
 */
import { createFinding, type Finding } from '../findings/finding.js';
import type { SitePage } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';

/** Find `duplicate-page`, `page-too-large`, `unparsed-page` and `site-unknown`. */
export function checkSite(pages: readonly SitePage[], urls: SiteUrls): Finding[] {
  const findings: Finding[] = [];
  const firstByKey = new Map<string, SitePage>();
  for (const page of pages) {
    const first = firstByKey.get(page.key);
    if (!first) firstByKey.set(page.key, page);
    else {
      findings.push(
        createFinding('duplicate-page', {
          page: first.path,
          file: page.file,
          details: { page: first.path, file: first.file, other: page.file },
        }),
      );
    }
  }
  for (const page of pages) {
    if (page.truncated) {
      findings.push(
        createFinding('page-too-large', {
          page: page.path,
          file: page.file,
          details: { file: page.file, bytes: page.truncated.bytes, limit: page.truncated.read },
        }),
      );
    }
    for (const reason of page.problems ?? []) {
      findings.push(
        createFinding('unparsed-page', {
          page: page.path,
          file: page.file,
          details: { file: page.file, reason },
        }),
      );
    }
  }
  // Said once: a warning finding, so the log, the terminal and GitHub all show it.
  if (!urls.siteKnown) findings.push(createFinding('site-unknown', { details: {} }));
  if (pages.length === 0) {
    findings.push(
      createFinding('nothing-checked', {
        details: {
          reason:
            'no HTML page is in the output (a server build writes HTML only for its prerendered pages)',
        },
      }),
    );
  } else if (pages.every((page) => page.ignored)) {
    findings.push(
      createFinding('nothing-checked', {
        details: { reason: `every one of the ${pages.length} pages is ignored by ignore.pages` },
      }),
    );
  }
  return findings;
}
