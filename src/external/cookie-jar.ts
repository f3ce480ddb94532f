/**
 * The cookies of one redirect chain. Some sites redirect a client without cookies to set
 * one and back (`A → B (Set-Cookie) → A`): without sending it back, that reads as a loop.
 * Kept per check, never stored: only name and value, sent back to the host that set them.
 */

/** Cookies set during one chain. */
export interface CookieJar {
  store(url: URL, setCookie: string[] | undefined): void;
  /** The `Cookie` header for a request to `url`, or `''`. */
  header(url: URL): string;
}

/** Bounds, so a hostile server cannot grow a request without end. */
const maxCookies = 50;
const maxCookieLength = 4096;

/** An empty jar. */
export function createCookieJar(): CookieJar {
  const byHost = new Map<string, Map<string, string>>();
  return {
    store(url, setCookie) {
      for (const line of setCookie ?? []) {
        const pair = line.split(';', 1)[0]?.trim() ?? '';
        const equals = pair.indexOf('=');
        if (equals <= 0 || pair.length > maxCookieLength) continue;
        const cookies = byHost.get(url.hostname) ?? new Map<string, string>();
        if (cookies.size >= maxCookies) continue;
        cookies.set(pair.slice(0, equals), pair.slice(equals + 1));
        byHost.set(url.hostname, cookies);
      }
    },
    header(url) {
      const cookies = byHost.get(url.hostname);
      if (!cookies) return '';
      return [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    },
  };
}
