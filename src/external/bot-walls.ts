/**
 * Recognize bot walls: the challenge pages that CDNs and shops show automated clients
 * instead of the page. A link behind one works for readers, so it is never reported broken,
 * whatever the status (often 403 or 503).
 */
import type { IncomingHttpHeaders } from 'node:http';

/** Bytes of an error response read to recognize a bot wall. */
export const botWallSniffBytes = 16 * 1024;

/** Statuses whose body is read to recognize a bot wall. */
export function mayBeBotWall(status: number, headers: IncomingHttpHeaders): boolean {
  return (
    status === 403 ||
    status === 429 ||
    status === 503 ||
    (status >= 400 && headerText(headers, 'server').includes('cloudflare'))
  );
}

/** Markers in the start of a body, and what they mean. Lower case. */
const bodyMarkers: readonly [RegExp, string][] = [
  [
    /cf-chl|challenge-platform|just a moment\.\.\.|attention required! \| cloudflare/,
    'a Cloudflare challenge',
  ],
  [/px-captcha|perimeterx/, 'a PerimeterX challenge'],
  [/api-services-support@amazon\.com|automated access to amazon data/, "Amazon's robot check"],
  [/datadome/, 'a DataDome bot wall'],
  [/captcha/, 'a CAPTCHA page'],
  [/access denied[\s\S]*reference #/, 'an Akamai bot block'],
];

/**
 * The bot wall that answered, or null: from headers (`cf-mitigated: challenge`, AWS WAF,
 * DataDome), LinkedIn's status 999, or markers in the start of the body.
 */
export function detectBotWall(
  status: number,
  headers: IncomingHttpHeaders,
  body: Buffer | null,
): string | null {
  if (status < 400) return null;
  if (status === 999) return 'a bot block, as LinkedIn sends automated requests';
  if (headerText(headers, 'cf-mitigated') === 'challenge') return 'a Cloudflare challenge';
  if (headers['x-amzn-waf-action']) return 'an AWS WAF challenge';
  if (headers['x-datadome'] || headerText(headers, 'server') === 'datadome')
    return 'a DataDome bot wall';
  if (!body) return null;
  const text = body.subarray(0, botWallSniffBytes).toString('latin1').toLowerCase();
  for (const [pattern, what] of bodyMarkers) if (pattern.test(text)) return what;
  return null;
}

function headerText(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value.join(',') : (value ?? '')).trim().toLowerCase();
}
