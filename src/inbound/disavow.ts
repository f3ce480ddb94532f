/**
 * `disavow-candidates.txt`: the toxic candidates in Google's disavow format (`domain:` lines,
 * `#` comments), for a person to review. Paste-safe: a `domain:` line holds only a validated
 * hostname, and a comment is one line whose unsafe characters are shown as escapes, so no
 * text from an export can add a line of its own.
 */
import { escapeUnsafe } from '../util/untrusted-text.js';
import type { ToxicCandidate } from './backlink-quality.js';

/** The file's name, next to the report. */
export const disavowFileName = 'disavow-candidates.txt';

/**
 * Whether `domain` is a hostname a `domain:` line may hold: lower-case ASCII labels (IDNs in
 * their `xn--` form) of letters, digits and inner hyphens, at least two, at most 253 characters.
 */
export function isDisavowDomain(domain: string): boolean {
  return /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(
    domain,
  );
}

/** A `# comment` line: never more than one line, unsafe characters escaped. */
export function toDisavowComment(text: string): string {
  // Note: escapeUnsafe covers every line terminator (CR, LF, U+2028, U+2029) and control.
  return `# ${escapeUnsafe(text)}`;
}

/** A `domain:` line, or null when `domain` is not a hostname (then no line is written). */
export function toDisavowLine(domain: string): string | null {
  return isDisavowDomain(domain) ? `domain:${domain}` : null;
}

/** What the file header says. */
export interface DisavowContext {
  /** The site (its origin), or null when unknown. */
  site: string | null;
  /** ISO 8601 time of the run. */
  generatedAt: string;
  version: string;
}

/**
 * The file's text, or null without candidates. Candidates whose domain is not a valid hostname
 * are named in a comment, never written as a line.
 */
export function renderDisavowFile(
  candidates: readonly ToxicCandidate[],
  context: DisavowContext,
): string | null {
  if (candidates.length === 0) return null;
  const lines = [
    toDisavowComment(
      `Disavow candidates${context.site ? ` for ${context.site}` : ''}, from astro-link-report ${context.version} on ${context.generatedAt.slice(0, 10)}.`,
    ),
    toDisavowComment(
      'Candidates, not a verdict. Google ignores most spammy links by itself: upload this file (Search Console, Disavow links tool) only if you have a manual action for unnatural links, or links you paid for or built that you cannot get removed. Read every entry and delete the ones you keep.',
    ),
    '',
  ];
  for (const candidate of candidates) {
    lines.push(
      toDisavowComment(
        `${candidate.site}: ${candidate.reasons.map((reason) => reason.text).join('; ')}`,
      ),
    );
    if (candidate.platform) {
      lines.push(
        toDisavowComment(
          `${candidate.site} is a shared platform: its sites have different owners and the signals above are for them together. Its hosts are listed, never the platform; keep only the ones you checked.`,
        ),
      );
    }
    if (candidate.disavow.length === 0) {
      lines.push(toDisavowComment('(no host of it is known: nothing written)'));
    }
    for (const domain of candidate.disavow) {
      lines.push(toDisavowLine(domain) ?? toDisavowComment('(not written: not a valid hostname)'));
    }
  }
  return `${lines.join('\n')}\n`;
}
