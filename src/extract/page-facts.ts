/**
 * Page facts read from the head and body: helpers for the parts that need parsing.
 */
import type { PageFacts } from './types.js';

/** `noindex`/`nofollow` directives of a robots meta tag. */
export interface RobotsDirectives {
  noindex: boolean;
  nofollow: boolean;
}

/**
 * Parse the `content` of `<meta name="robots">`: comma- or space-separated, any case;
 * `none` means both `noindex` and `nofollow`.
 */
export function parseRobotsDirectives(content: string): RobotsDirectives {
  const directives = { noindex: false, nofollow: false };
  for (const token of content.toLowerCase().split(/[\s,]+/)) {
    if (token === 'noindex' || token === 'none') directives.noindex = true;
    if (token === 'nofollow' || token === 'none') directives.nofollow = true;
  }
  return directives;
}

/** Facts of a page about which nothing is known yet. */
export function createEmptyFacts(): PageFacts {
  return {
    title: null,
    h1: null,
    lang: null,
    contentLang: null,
    canonical: null,
    robots: { noindex: false, nofollow: false },
    refresh: null,
    hreflang: [],
    jsonLdTypes: [],
    generator: null,
  };
}
