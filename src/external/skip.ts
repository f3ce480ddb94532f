/**
 * The `external.skip` option as one matcher: which outbound URLs are never requested.
 */
import picomatch from 'picomatch';

/**
 * Build the matcher; it returns the pattern that matched (as written), or null.
 *
 * - A glob without a scheme matches the URL without its scheme and fragment (`host/path?query`),
 *   and a host matches its subdomains: `'linkedin.com/**'` skips `https://www.linkedin.com/in/x`.
 *   A glob without `/` names hosts: `'linkedin.com'` is `'linkedin.com/**'`.
 * - A glob that starts with a scheme (`'https://x.com/**'`) matches the whole URL.
 * - A regular expression is tested on the whole URL (without fragment).
 */
export function createSkipMatcher(
  patterns: readonly (string | RegExp)[],
): (url: URL) => string | null {
  if (patterns.length === 0) return () => null;
  const matchers = patterns.map((pattern) => {
    if (pattern instanceof RegExp) {
      return (href: string) => {
        // Note: a /g or /y regex keeps its position between tests; start each test at 0.
        pattern.lastIndex = 0;
        return pattern.test(href);
      };
    }
    const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(pattern);
    const glob = withScheme || pattern.includes('/') ? pattern : `${pattern}/**`;
    const isMatch = picomatch(glob, { dot: true });
    return withScheme
      ? (href: string) => isMatch(href)
      : (_href: string, candidates: readonly string[]) =>
          candidates.some((candidate) => isMatch(candidate));
  });
  return (url) => {
    const href = withoutFragment(url);
    const rest = url.pathname + url.search;
    const candidates = hostAndParents(url).map((host) => host + rest);
    const index = matchers.findIndex((matches) => matches(href, candidates));
    return index === -1 ? null : String(patterns[index]);
  };
}

/** `a.b.example.com:8080`, then `b.example.com:8080`, `example.com:8080` (not the bare TLD). */
function hostAndParents(url: URL): string[] {
  const port = url.port ? `:${url.port}` : '';
  if (url.hostname.startsWith('[') || /^[\d.]+$/.test(url.hostname)) return [url.host];
  const labels = url.hostname.split('.');
  const hosts: string[] = [];
  for (let i = 0; i < Math.max(1, labels.length - 1); i++)
    hosts.push(labels.slice(i).join('.') + port);
  return hosts;
}

function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}
