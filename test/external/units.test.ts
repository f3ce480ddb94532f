import { describe, expect, it } from 'vitest';
import { confirmNetworkFailure } from '../../src/external/check-external.js';
import { classifyOutcome } from '../../src/external/classify.js';
import { describeLocalHost } from '../../src/external/private-hosts.js';
import { backoffDelay, parseRetryAfter } from '../../src/external/retry.js';
import { createSkipMatcher } from '../../src/external/skip.js';
import type { Outcome, OutcomeEnd } from '../../src/external/types.js';

const response = (url: string, status: number, extra: Partial<OutcomeEnd> = {}): OutcomeEnd =>
  ({
    type: 'response',
    url,
    status,
    botWall: null,
    retries: 0,
    retryAfterRefused: null,
    contentType: 'text/html',
    ids: null,
    idsNote: null,
    ...extra,
  }) as OutcomeEnd;

const outcome = (end: OutcomeEnd, chain: Outcome['chain'] = []): Outcome => ({
  chain,
  method: 'HEAD',
  end,
  inferredFrom: null,
});

describe('describeLocalHost', () => {
  it('names loopback, private, link-local and unspecified addresses, and local host names', () => {
    const local = [
      'localhost',
      'app.localhost',
      'printer.local',
      'router.home.arpa',
      'db.internal',
      '127.0.0.1',
      '127.8.0.1',
      '0.0.0.0',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.64.0.1',
      '[::1]',
      '[::]',
      '[fd12::1]',
      '[fe80::1]',
      '[::ffff:7f00:1]',
    ];
    for (const host of local) expect(describeLocalHost(host), host).not.toBeNull();
    for (const host of [
      'example.com',
      '172.32.0.1',
      '8.8.8.8',
      '[2001:db8::1]',
      'localhost.example.com',
      'local.com',
    ])
      expect(describeLocalHost(host), host).toBeNull();
  });

  it('sees through the forms the URL parser normalizes (decimal and hex IPv4, mapped IPv6)', () => {
    for (const url of ['http://2130706433/', 'http://0x7f.1/', 'http://[::ffff:127.0.0.1]/'])
      expect(describeLocalHost(new URL(url).hostname), url).toBe('a loopback or private address');
  });
});

describe('Retry-After and backoff', () => {
  const now = Date.parse('2026-10-21T07:28:00Z');

  it('reads seconds and HTTP dates, relative to now; a past date is 0', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(['5', '9'], now)).toBe(5000);
  });

  it('ignores what is neither: absent, empty, negative, fractional or garbage', () => {
    for (const value of [undefined, '', '-1', '1.5', 'soon', '10s'])
      expect(parseRetryAfter(value, now), String(value)).toBeNull();
  });

  it('doubles the backoff with each retry, with jitter in its upper half, capped', () => {
    expect(backoffDelay(0, 60_000, 0)).toBe(500);
    expect(backoffDelay(0, 60_000, 0.999)).toBeLessThanOrEqual(1000);
    expect(backoffDelay(3, 60_000, 0)).toBe(4000);
    expect(backoffDelay(10, 5000, 0.5)).toBe(3750);
  });
});

describe('createSkipMatcher', () => {
  const match = createSkipMatcher([
    'linkedin.com/**',
    'twitter.com',
    'example.org/private/*',
    'https://x.com/**',
    /[?&]utm_source=spam/g,
  ]);

  it('matches host-and-path globs, a host matching its subdomains, and bare hosts', () => {
    expect(match(new URL('https://www.linkedin.com/in/someone'))).toBe('linkedin.com/**');
    expect(match(new URL('https://linkedin.com/'))).toBe('linkedin.com/**');
    expect(match(new URL('http://mobile.twitter.com/a?b=c'))).toBe('twitter.com');
    expect(match(new URL('https://example.org/private/a'))).toBe('example.org/private/*');
    expect(match(new URL('https://example.org/private/a/b'))).toBeNull();
    expect(match(new URL('https://notlinkedin.com/in/x'))).toBeNull();
  });

  it('matches globs with a scheme on the whole URL, and regular expressions every time (also /g)', () => {
    expect(match(new URL('https://x.com/user'))).toBe('https://x.com/**');
    expect(match(new URL('http://x.com/user'))).toBeNull();
    const spam = new URL('https://a.example/?utm_source=spam');
    expect(match(spam)).toBe('/[?&]utm_source=spam/g');
    expect(match(spam)).toBe('/[?&]utm_source=spam/g');
  });
});

describe('classifyOutcome', () => {
  it('calls a host that does not resolve broken only when the network was shown to work', () => {
    const failed = (): Outcome =>
      outcome({
        type: 'network',
        url: 'https://gone.example/',
        code: 'ENOTFOUND',
        address: null,
        confirmed: false,
      });
    const offline = failed();
    expect(confirmNetworkFailure(offline, new Set())).toBe(false);
    expect(classifyOutcome(offline, []).status).toBe('unverified');
    const online = failed();
    expect(confirmNetworkFailure(online, new Set(['example.com']))).toBe(true);
    expect(classifyOutcome(online, [])).toMatchObject({
      status: 'broken',
      reason: 'has a host name that does not resolve (DNS: ENOTFOUND)',
    });
    // The failing host answering itself proves nothing.
    const self = failed();
    expect(confirmNetworkFailure(self, new Set(['gone.example']))).toBe(false);
  });

  it('never calls a temporary DNS failure, a TLS problem or a dropped connection broken', () => {
    for (const code of [
      'EAI_AGAIN',
      'CERT_HAS_EXPIRED',
      'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      'ECONNRESET',
      'EHOSTUNREACH',
      'HPE_INVALID_CONSTANT',
    ]) {
      const result = classifyOutcome(
        outcome({
          type: 'network',
          url: 'https://a.example/',
          code,
          address: null,
          confirmed: true,
        }),
        [],
      );
      expect(result.status, code).toBe('unverified');
      expect(result.reason, code).toContain(code);
    }
  });

  it('reports a 404 at the end of redirects as broken, naming where they led', () => {
    const result = classifyOutcome(
      outcome(response('https://b.example/new', 404), [
        { url: 'https://a.example/old', status: 301 },
      ]),
      [],
    );
    expect(result).toMatchObject({
      status: 'broken',
      reason: 'redirects to https://b.example/new, which answers 404 Not Found',
    });
  });

  it('calls other 4xx answers unverified, and 401 a sign-in', () => {
    expect(classifyOutcome(outcome(response('https://a.example/', 400)), []).status).toBe(
      'unverified',
    );
    expect(classifyOutcome(outcome(response('https://a.example/', 451)), []).status).toBe(
      'unverified',
    );
    expect(classifyOutcome(outcome(response('https://a.example/', 401)), []).reason).toBe(
      'the server answered 401 Unauthorized, asking for a sign-in',
    );
  });

  it('suggests no replacement when a permanent redirect ends on a sign-in page', () => {
    const result = classifyOutcome(
      outcome(response('https://a.example/login?next=/doc', 200), [
        { url: 'https://a.example/doc', status: 308 },
      ]),
      [],
    );
    expect(result.redirect).toMatchObject({
      kind: 'permanent',
      suggestion: null,
      note: 'It redirects to a sign-in page',
    });
  });
});
