/**
 * Checks of what pages load, beyond the links the link checks see: the references in the
 * stylesheets and manifests pages load (`broken-resource`, `mixed-content` there, and
 * `unreadable-resource` for a file that could not be read), elements that load nothing
 * (`empty-resource`), http files on an https site (`mixed-content`) and relative social
 * image URLs (`relative-social-url`).
 */
import type { ExtractedLink } from '../extract/types.js';
import { createFinding, type Finding } from '../findings/finding.js';
import type { SiteIndex, SitePage } from '../site/site-index.js';
import type { SiteUrls } from '../site/url.js';
import type { IgnorablePage, LinkIgnorer } from './ignore.js';
import { toFindingLink } from './link-finding.js';
import type { LinkedFile } from './linked-files.js';
import { createPathSuggester } from './suggest.js';

/** What `checkResources` needs. */
export interface CheckResourcesInput {
  pages: readonly SitePage[];
  index: SiteIndex;
  linkedFiles: readonly LinkedFile[];
  urls: SiteUrls;
  isIgnoredLink: LinkIgnorer;
}

/** Check the linked files and each page's resources. */
export function checkResources(input: CheckResourcesInput): Finding[] {
  const findings: Finding[] = [];
  const secure = input.urls.siteKnown && input.urls.origin.startsWith('https:');
  const suggest = createPathSuggester(input.index);
  for (const file of input.linkedFiles) {
    // Note: a file only ignored pages load is theirs: not reported, as they are not.
    const loaders = file.loadedBy.filter((page) => !page.ignored);
    if (loaders.length === 0) continue;
    // Note: not `push(...list)`: a stylesheet can hold more references than a call has arguments.
    for (const finding of checkLinkedFile(file, loaders, input, secure, suggest)) {
      findings.push(finding);
    }
  }
  for (const page of input.pages) {
    if (page.ignored || page.kind === 'redirect') continue;
    const at = { page: page.path, file: page.file, source: page.source };
    for (const empty of page.emptyResources ?? []) {
      const link: ExtractedLink = {
        element: empty.element,
        attribute: empty.attribute,
        kind: 'resource',
        href: '',
        url: null,
        scope: 'other',
        rel: empty.rel,
        target: null,
        hreflang: null,
        text: empty.text,
        textSource: empty.text ? 'alt' : 'none',
        placement: empty.placement,
        position: empty.position,
      };
      if (input.isIgnoredLink(link, page)) continue;
      const details =
        empty.rel.length > 0
          ? { reason: empty.reason, rel: empty.rel.join(' ') }
          : { reason: empty.reason };
      findings.push(createFinding('empty-resource', { ...at, link: toFindingLink(link), details }));
    }
    for (const link of page.links) {
      if (link.kind !== 'resource' || link.url === null) continue;
      const mixed = secure && !page.upgradesInsecureRequests ? mixedClassOf(link) : null;
      const social = link.element === 'meta' && !isAbsoluteUrl(link.href);
      if ((mixed === null && !social) || input.isIgnoredLink(link, page)) continue;
      if (mixed !== null) {
        findings.push(
          createFinding('mixed-content', {
            ...at,
            link: toFindingLink(link),
            details: { target: link.url, class: mixed },
            severity: mixed === 'upgradeable' ? 'warning' : undefined,
          }),
        );
      }
      if (social) {
        findings.push(
          createFinding('relative-social-url', {
            ...at,
            link: toFindingLink(link),
            details: {
              target: link.url,
              suggestion: input.urls.siteKnown ? link.url : null,
            },
          }),
        );
      }
    }
  }
  return findings;
}

/** The findings of one stylesheet or manifest, loaded by `loaders` (none ignored). */
function checkLinkedFile(
  file: LinkedFile,
  loaders: readonly SitePage[],
  input: CheckResourcesInput,
  secure: boolean,
  suggest: (pathname: string) => string | null,
): Finding[] {
  const findings: Finding[] = [];
  const at = { page: null, file: file.file, source: null };
  if (file.problem !== null) {
    findings.push(
      createFinding('unreadable-resource', {
        ...at,
        details: { target: file.path, file: file.path, kind: file.kind, reason: file.problem },
      }),
    );
  }
  // Note: `ignore.links` rules for pages (`{ page, links }`) see the file as the page.
  const asPage: IgnorablePage = { path: file.path, file: file.file, facts: { title: null } };
  // Mixed content needs an https page without upgrade-insecure-requests to load it.
  const mixedPossible = secure && loaders.some((page) => !page.upgradesInsecureRequests);
  for (const link of file.references) {
    if (link.url === null || input.isIgnoredLink(link, asPage)) continue;
    if (link.scope === 'internal') {
      const url = new URL(link.url);
      const target = input.index.resolvePath(url.pathname);
      if (target.status === 'missing') {
        findings.push(
          createFinding('broken-resource', {
            ...at,
            link: toFindingLink(link),
            details: {
              target: url.pathname + url.search,
              suggestion: suggest(url.pathname),
              file: file.path,
              loadedBy: loaders.length,
            },
          }),
        );
      }
    }
    const mixed = mixedPossible ? mixedClassOf(link) : null;
    if (mixed !== null) {
      findings.push(
        createFinding('mixed-content', {
          ...at,
          link: toFindingLink(link),
          details: { target: link.url, class: mixed, file: file.path },
          severity: mixed === 'upgradeable' ? 'warning' : undefined,
        }),
      );
    }
  }
  return findings;
}

/**
 * The mixed-content class of a request over http, or null when it is none: not fetched by
 * the page, over https, or to a potentially trustworthy host (localhost, loopback), which
 * browsers load as is.
 */
function mixedClassOf(link: ExtractedLink): 'blockable' | 'upgradeable' | null {
  if (!link.mixedContent || link.url === null || !link.url.startsWith('http:')) return null;
  const host = new URL(link.url).hostname;
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]'
  ) {
    return null;
  }
  return link.mixedContent;
}

/** An absolute URL, with its scheme: what Open Graph asks for (`//cdn/x.png` is not). */
function isAbsoluteUrl(href: string): boolean {
  return /^[a-z][a-z\d+.-]*:/i.test(href);
}
