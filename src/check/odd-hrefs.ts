/**
 * Hrefs a browser cannot follow as they read: `invalid-url` (the URL parser rejects it, as
 * browsers do: `https://host:____/`, `http://[::1`, `https://exa mple.com/`) and
 * `invisible-character` (a zero-width, bidi, space or control character a reader cannot
 * see, which sends the link elsewhere). An internal link that an invisible character breaks
 * is a `broken-link` (or `broken-resource`, `broken-fragment`) with the same explanation:
 * `describeInvisible` words both.
 */
import type { ExtractedLink } from '../extract/types.js';
import type { Finding } from '../findings/finding.js';
import type { PathTarget, SitePage } from '../site/site-index.js';
import { elementFragment, findIndicatedPart } from './fragments.js';
import type { LinkIgnorer } from './ignore.js';
import { findInvisibleCharacters } from './invisible-characters.js';
import { createLinkFinding } from './link-finding.js';

/** Input of `checkOddHrefs`. */
export interface CheckOddHrefsInput {
  pages: readonly SitePage[];
  isIgnoredLink: LinkIgnorer;
}

/**
 * Check every reference of every page that is not ignored:
 * - `invalid-url`: the href does not parse as a URL (any element, any scope).
 * - `invisible-character`: an outbound or other-scheme href with invisible characters that
 *   change where it leads (internal links are checked with the site, in `checkLinks`).
 */
export function checkOddHrefs(input: CheckOddHrefsInput): Finding[] {
  const findings: Finding[] = [];
  for (const page of input.pages) {
    if (page.ignored) continue;
    const base = baseUrlOf(page);
    // Astro's redirect pages name their destination three times (refresh, canonical, link).
    const said = new Set<string>();
    for (const link of page.links) {
      if (page.kind === 'redirect') {
        if (said.has(link.href)) continue;
        said.add(link.href);
      }
      if (link.url !== null && (link.scope === 'internal' || !/[^\x20-\x7e]/.test(link.href)))
        continue;
      if (input.isIgnoredLink(link, page)) continue;
      if (link.url === null) {
        const invisible = describeInvisible(link, base, null);
        findings.push(
          createLinkFinding('invalid-url', page, link, {
            reason: explainInvalidUrl(link.href, base),
            ...(invisible ?? {}),
          }),
        );
        continue;
      }
      // Note: code and inline data are not addresses: their text is theirs to hold.
      if (link.scope === 'other' && /^(?:javascript|data):/i.test(link.url)) continue;
      const invisible = describeInvisible(link, base, null);
      if (invisible) findings.push(createLinkFinding('invisible-character', page, link, invisible));
    }
  }
  return findings;
}

/** The URL relative hrefs of a page resolve against: its `<base href>`, else its own URL. */
export function baseUrlOf(page: SitePage): URL | null {
  return URL.parse(page.facts.base ?? page.url);
}

/** What findings say about the invisible characters of an href. */
export interface InvisibleDetails {
  /** The characters and where they are, in words (`an invisible U+200B (…) at the start, …`). */
  invisible: string;
  /** How many there are. */
  invisibleCount: number;
  /** The href to write instead, or null when it would be a guess. */
  fixedHref: string | null;
  /** How the fixed href differs (`without it`, `with %20 for the space`), with `fixedHref`. */
  fixedHow: string | null;
  /** What the fixed href leads to, when that is known (`/about/, which exists`); or null. */
  fixedLeadsTo: string | null;
}

/**
 * Describe the invisible characters of a link's href, when removing them changes where it
 * leads.
 * @param resolve for internal links: what a URL path points at in the site, so the fix can
 *   be checked (and, for a space inside the href, chosen); null when not known
 */
export function describeInvisible(
  link: ExtractedLink,
  base: URL | null,
  resolve: ((pathname: string) => PathTarget) | null,
): InvisibleDetails | null {
  const found = findInvisibleCharacters(link.href, base);
  if (found === null) return null;
  const count = found.characters.length;
  const without = count === 1 ? 'without it' : 'without them';
  const details = (
    fixedHref: string | null,
    fixedHow: string | null,
    fixedLeadsTo: string | null,
  ): InvisibleDetails => ({
    invisible: found.description,
    invisibleCount: count,
    fixedHref,
    fixedHow: fixedHref === null ? null : fixedHow,
    fixedLeadsTo,
  });
  if (resolve === null) return details(found.fixed, without, null);
  const leadsTo = (href: string): { exists: boolean; shown: string } | null => {
    const url = URL.parse(href, base ?? undefined);
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
    if (base === null || url.origin !== base.origin) return null;
    const target = resolve(url.pathname);
    const fragment = elementFragment(url.hash);
    const exists =
      target.status === 'page' && fragment !== null
        ? findIndicatedPart(fragment, (id) => target.page.idSet.has(id)).type !== 'none'
        : target.status !== 'missing';
    return { exists, shown: url.pathname + url.search + url.hash };
  };
  if (found.fixed !== null) {
    const fixed = leadsTo(found.fixed);
    const where =
      fixed === null
        ? null
        : `${fixed.shown}, which ${fixed.exists ? 'exists' : 'does not exist either'}`;
    return details(found.fixed, without, where);
  }
  // Note: a space inside the href is a guess: only one that leads to a built page is offered.
  for (const { href, how } of spaceFixes(link.href, found.stripped, without)) {
    const fixed = leadsTo(href);
    if (fixed?.exists) return details(href, how, `${fixed.shown}, which exists`);
  }
  return details(null, null, null);
}

const unicodeSpaces = '\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000';

/** Readings of an href whose Unicode spaces inside stand for `%20`, a hyphen or nothing. */
function spaceFixes(
  href: string,
  stripped: string,
  without: string,
): { href: string; how: string }[] {
  const inside = new RegExp(`[${unicodeSpaces}]`, 'gu');
  const ends = new RegExp(`^[${unicodeSpaces}]+|[${unicodeSpaces}]+$`, 'gu');
  const trimmed = href
    .replace(/[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu, '')
    .replace(ends, '');
  return [
    { href: trimmed.replace(inside, '%20'), how: 'with %20 for the space' },
    { href: trimmed.replace(inside, '-'), how: 'with a hyphen for the space' },
    { href: stripped, how: without },
  ];
}

/** Characters no host may hold (the URL Standard's forbidden domain code points, and spaces). */
const forbiddenHostCharacter = /[\0-\x20#%/:<>?@[\\\]^|\x7f\s\p{Z}]/u;

/**
 * Why the URL parser rejects an href, in words that follow "is not a valid URL:": its port,
 * its host, its IPv6 address. Each reason is confirmed by repairing that part and parsing
 * again; when none is, the answer says only that the parser rejects it.
 * @param href the href as written
 * @param base the URL it resolves against
 */
export function explainInvalidUrl(href: string, base: URL | null): string {
  const generic = 'the URL parser (which browsers share) rejects it';
  const parses = (text: string) => URL.parse(text, base ?? undefined) !== null;
  const match = /^([a-z][a-z\d+.-]*:)?([\\/]{2})([^/\\?#]*)(.*)$/is.exec(href.trim());
  if (!match) return generic;
  const [, scheme = '', slashes, authority = '', rest = ''] = match;
  const at = authority.lastIndexOf('@');
  const userinfo = at === -1 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const rebuild = (host: string, port: string | null) =>
    `${scheme}${slashes}${userinfo}${host}${port === null ? '' : `:${port}`}${rest}`;
  let host = hostPort;
  let port: string | null = null;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close === -1) {
      return parses(rebuild('example.com', null))
        ? `its IPv6 address ${hostPort} has no closing "]"`
        : generic;
    }
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after.startsWith(':')) port = after.slice(1);
    else if (after !== '') return generic;
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon !== -1) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
  }
  if (port !== null && port !== '' && parses(rebuild(host, null))) {
    if (!/^\d+$/.test(port)) return `its port "${port}" is not a number`;
    if (Number(port) > 65535) return `its port ${port} is over 65535`;
  }
  if (host === '' && parses(rebuild('example.com', port))) return 'it has no host';
  if (host.startsWith('[') && parses(rebuild('example.com', port))) {
    return `its IPv6 address ${host} is not valid`;
  }
  const bad = [...host].find((char) => forbiddenHostCharacter.test(char));
  if (bad !== undefined) {
    const cleaned = [...host].filter((char) => !forbiddenHostCharacter.test(char)).join('');
    if (cleaned !== '' && parses(rebuild(cleaned, port))) {
      return `its host ${JSON.stringify(host)} holds ${describeCharacter(bad)}, which no host name may hold`;
    }
  }
  if (/^[\d.]+$/.test(host) && /\d/.test(host) && parses(rebuild('example.com', port))) {
    return `its host ${host} is not a valid IPv4 address`;
  }
  if (parses(rebuild('example.com', port))) {
    return `its host ${JSON.stringify(host)} is not a valid domain name (as an international name, IDNA)`;
  }
  return generic;
}

/** `a space`, `"<"`, `U+00A0 (a no-break space)`: a character as a message names it. */
function describeCharacter(char: string): string {
  if (char === ' ') return 'a space';
  const code = char.codePointAt(0)!;
  if (code > 0x20 && code < 0x7f) return `"${char}"`;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
