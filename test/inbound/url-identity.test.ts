import fc from 'fast-check';
import { expect, it } from 'vitest';
import { urlIdentity } from '../../src/inbound/parse-values.js';

it('identifies an URL the same way on its fast path as through the URL parser', () => {
  const part = fc.string({
    unit: fc.constantFrom(
      'a',
      'B',
      '/',
      '.',
      '-',
      '?',
      '=',
      '&',
      '%',
      '2',
      'F',
      ' ',
      '#',
      '@',
      'w',
      'é',
      ':',
      '8',
      '\\',
      "'",
      '"',
      '~',
    ),
    maxLength: 20,
  });
  fc.assert(
    fc.property(
      fc.constantFrom('http://', 'https://', 'HTTP://'),
      fc.constantFrom('example.com', 'www.example.com', 'a.b', 'EX.com', 'x.com:8080'),
      part,
      (scheme, host, path) => {
        const url = `${scheme}${host}/${path}`;
        let slow: string;
        try {
          const p = new URL(url.trim());
          let pa = p.pathname
            .split('/')
            .map((s) => {
              try {
                return decodeURIComponent(s).replaceAll('/', '%2F');
              } catch {
                return s;
              }
            })
            .join('/');
          if (pa.length > 1 && pa.endsWith('/')) pa = pa.slice(0, -1);
          const h = p.host.toLowerCase();
          slow = `${h.startsWith('www.') ? h.slice(4) : h}${pa}${p.search}`;
        } catch {
          slow = url.trim();
        }
        expect(urlIdentity(url)).toBe(slow);
      },
    ),
    { numRuns: 4000 },
  );
});
