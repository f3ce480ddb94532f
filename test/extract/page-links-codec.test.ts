import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePageLinks,
  encodePageLinks,
  PageLinksCodecError,
} from '../../src/extract/page-links-codec.js';
import { extract } from './helpers.js';

const richPage = extract(
  `<!doctype html><html lang="en" data-link-report-asset="tool"><head><title>T</title>
<link rel="canonical" href="/c/"><link rel="alternate" hreflang="de" href="/de/">
<meta http-equiv="refresh" content="5; url=/next/"><meta name="robots" content="noindex">
<meta name="generator" content="Astro"><script type="application/ld+json">{"@type":"Article"}</script>
<meta http-equiv="Content-Security-Policy" content="upgrade-insecure-requests"><link rel="stylesheet" href="">
<meta property="og:image" content="/og.png"></head>
<body><nav><a href="/" rel="nofollow noopener" target="_blank" hreflang="en">Home</a></nav>
<main><h1 id="top">Title</h1><a href="https://other.example/x" title="t"></a><a href="mailto:x@example.com">m</a>
<a href="http://[bad">bad</a><img src="/i.png" srcset="/i-2.png 2x" alt="alt">
<img alt="no source"><p style="background:url(/bg.png)">p</p>
<table><tr><td>1</td></tr></table><form action="/f"><input name="q"></form></main></body></html>`,
);

describe('the page encoding', () => {
  it('decodes to exactly what was encoded, key order included', () => {
    const decoded = decodePageLinks(encodePageLinks(richPage));
    expect(JSON.stringify(decoded)).toBe(JSON.stringify(richPage));
    expect(decoded.emptyResources).toHaveLength(2);
    expect(decoded.upgradesInsecureRequests).toBe(true);
    expect(decoded.links.filter((link) => link.mixedContent === 'upgradeable')).toHaveLength(1);
    expect(decoded.links.some((link) => link.url === null)).toBe(true);
  });

  it('keeps the problems of a page that could not be read in full', () => {
    const page = { ...richPage, problems: ['nested too deeply'] };
    expect(decodePageLinks(encodePageLinks(page)).problems).toEqual(['nested too deeply']);
  });

  it('writes each repeated string once', () => {
    const repeated = extract(`<nav>${'<a href="/same/">Same</a>'.repeat(50)}</nav>`);
    const encoded = encodePageLinks(repeated);
    expect(encoded.split('/same/').length - 1).toBeLessThanOrEqual(2);
  });

  it('shares hrefs, URLs and the texts of navigation links through the interner, not content texts', () => {
    const seen: string[] = [];
    decodePageLinks(encodePageLinks(richPage), (value) => {
      seen.push(value);
      return value;
    });
    expect(seen).toContain('/');
    expect(seen).toContain('https://other.example/x');
    expect(seen).toContain('Home');
    expect(seen).not.toContain('m');
  });

  it('gives the links of every page one frozen rel list per value', () => {
    const page = extract(
      '<a href="https://a.example/" rel="noopener noreferrer">a</a><a href="https://b.example/" rel="noopener noreferrer">b</a><a href="/c/" rel="nofollow">c</a>',
    );
    const first = decodePageLinks(encodePageLinks(page)).links;
    const second = decodePageLinks(encodePageLinks(page)).links;
    expect(first.map((link) => link.rel)).toEqual([
      ['noopener', 'noreferrer'],
      ['noopener', 'noreferrer'],
      ['nofollow'],
    ]);
    expect(first[1]!.rel).toBe(first[0]!.rel);
    expect(second[0]!.rel).toBe(first[0]!.rel);
    expect(first[2]!.rel).not.toBe(first[0]!.rel);
    expect(Object.isFrozen(first[0]!.rel)).toBe(true);
    expect(() => (first[0]!.rel as string[]).push('x')).toThrow(TypeError);
  });

  const damaged: Record<string, string> = {
    'not JSON': '{',
    'another version': JSON.stringify([99]),
    'a missing part': JSON.stringify([1, []]),
    'a string index out of range': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[2] = 99999;
      return JSON.stringify(data);
    })(),
    'an odd link list': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[8].push(0);
      return JSON.stringify(data);
    })(),
    'an unknown kind': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[8][2] = 7;
      return JSON.stringify(data);
    })(),
    'a negative count': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[6][0] = -1;
      return JSON.stringify(data);
    })(),
    'a mixed-content code too many': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[9][0] += 'b';
      return JSON.stringify(data);
    })(),
    'an empty resource with an unknown reason': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[9][1][2] = 9;
      return JSON.stringify(data);
    })(),
    'a string table entry that is a number': (() => {
      const data = JSON.parse(encodePageLinks(richPage));
      data[1][0] = 5;
      return JSON.stringify(data);
    })(),
  };
  for (const [name, text] of Object.entries(damaged)) {
    it(`rejects ${name} with a codec error`, () => {
      expect(() => decodePageLinks(text)).toThrow(PageLinksCodecError);
    });
  }

  it('rejects any damage with a codec error, never another error', () => {
    const encoded = JSON.parse(encodePageLinks(richPage)) as unknown[];
    const anything = fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.integer()));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), anything, (at, value) => {
        const copy = structuredClone(encoded);
        copy[at] = value;
        try {
          decodePageLinks(JSON.stringify(copy));
        } catch (error) {
          expect(error).toBeInstanceOf(PageLinksCodecError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
