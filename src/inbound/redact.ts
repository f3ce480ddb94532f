/**
 * Secrets in URLs of exports: `user:password@` and key-like query parameters (`key=`,
 * `token=`, `sig=`, …) are replaced by `REDACTED` as rows are read, so no output (report page,
 * JSON, logs, annotations) can carry them. The rest of the URL stays as written.
 */

/** What replaces a secret. */
export const redacted = 'REDACTED';

/**
 * Query parameter names whose values are secrets: compared case-insensitively, whole or as the
 * last word of a longer name (`api_key`, `apiKey`, `X-Amz-Signature`, `access_token`).
 */
export const secretParameterWords = [
  'key',
  'apikey',
  'token',
  'sig',
  'signature',
  'secret',
  'password',
  'passwd',
  'pwd',
  'credential',
  'credentials',
  'auth',
  'session',
  'sessionid',
  'sid',
  'jwt',
] as const;

const secretWords = new Set<string>(secretParameterWords);

/** A cheap pre-check: some parameter name ends in a secret-looking word. */
const secretHint =
  /(?:key|token|sig|signature|secret|password|passwd|pwd|credentials?|auth|session|sessionid|sid|jwt)=/i;

/** Whether a query parameter name holds a secret. */
export function isSecretParameter(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // A malformed escape: judge the name as written.
  }
  const words = decoded
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1) ?? '';
  return secretWords.has(last) || secretWords.has(words.join(''));
}

/**
 * An URL (or any text holding URLs) with credentials and secret query values replaced.
 * Text without `@` or `=` is returned as is, so the common case costs one scan.
 */
export function redactUrl(text: string): string {
  if (!text.includes('@') && !text.includes('=')) return text;
  let result = text.replace(
    /\b(https?:\/\/)([^/?#\s@]+)@/gi,
    (_match, scheme: string) => `${scheme}${redacted}@`,
  );
  // Most URLs have a query without any secret-looking name: one scan says so.
  if (result.includes('=') && secretHint.test(result)) {
    result = result.replace(
      /([?&;])([^=&#\s?;]+)=([^&#\s;]*)/g,
      (match, separator: string, name: string, value: string) =>
        value !== '' && value !== redacted && isSecretParameter(name)
          ? `${separator}${name}=${redacted}`
          : match,
    );
  }
  return result;
}
