import { describe, expect, test } from 'vitest';
import { parseRobotsDirectives } from '../../src/extract/page-facts.js';
import { extract, extractBody } from './helpers.js';

const factsOf = (head: string, body = '') => extractBody(body, head).facts;

describe('title, h1 and lang', () => {
  test('reads the title with whitespace folded', () => {
    expect(factsOf('<title>\n  Hello   &amp; welcome </title>').title).toBe('Hello & welcome');
  });

  test('reads an empty title as empty, a missing one as null', () => {
    expect(factsOf('<title> </title>').title).toBe('');
    expect(factsOf('').title).toBeNull();
  });

  test('does not take an svg <title> for the page title', () => {
    expect(factsOf('', '<svg><title>Icon</title></svg>').title).toBeNull();
    expect(factsOf('<title>Page</title>', '<svg><title>Icon</title></svg>').title).toBe('Page');
  });

  test('reads the first h1 text', () => {
    expect(factsOf('', '<h1>  The <em>first</em>\nheading</h1><h1>Second</h1>').h1).toBe(
      'The first heading',
    );
  });

  test('falls back to image alt text for an image-only h1', () => {
    expect(factsOf('', '<h1><img src="/logo.svg" alt="Acme"></h1>').h1).toBe('Acme');
  });

  test('reads h1 from any placement and null when missing', () => {
    expect(factsOf('', '<header><h1>Site</h1></header>').h1).toBe('Site');
    expect(factsOf('', '<h2>Only h2</h2>').h1).toBeNull();
  });

  test('reads html[lang], null when missing or blank', () => {
    expect(extract('<html lang=" de-CH "><body></body></html>').facts.lang).toBe('de-CH');
    expect(extract('<html><body></body></html>').facts.lang).toBeNull();
    expect(extract('<html lang=""><body></body></html>').facts.lang).toBeNull();
  });
});

describe('canonical', () => {
  test('resolves the canonical URL', () => {
    expect(factsOf('<link rel="canonical" href="/blog/post/">').canonical).toBe(
      'https://example.com/blog/post/',
    );
  });

  test('resolves the canonical against <base href>', () => {
    expect(factsOf('<base href="/base/"><link rel="canonical" href="page/">').canonical).toBe(
      'https://example.com/base/page/',
    );
  });

  test('takes the first canonical and matches rel case-insensitively', () => {
    expect(
      factsOf(
        '<link rel="Canonical" href="https://example.com/one/"><link rel="canonical" href="/two/">',
      ).canonical,
    ).toBe('https://example.com/one/');
  });

  test('ignores a canonical without href and is null when missing', () => {
    expect(
      factsOf('<link rel="canonical" href=""><link rel="canonical" href="/c/">').canonical,
    ).toBe('https://example.com/c/');
    expect(factsOf('').canonical).toBeNull();
  });

  test('is null when the canonical does not parse', () => {
    expect(factsOf('<link rel="canonical" href="https://">').canonical).toBeNull();
  });
});

describe('robots', () => {
  test('reads noindex and nofollow from meta robots', () => {
    expect(factsOf('<meta name="robots" content="noindex, nofollow">').robots).toEqual({
      noindex: true,
      nofollow: true,
    });
    expect(factsOf('<meta name="robots" content="noindex">').robots).toEqual({
      noindex: true,
      nofollow: false,
    });
    expect(factsOf('<meta name="ROBOTS" content="NOFOLLOW">').robots).toEqual({
      noindex: false,
      nofollow: true,
    });
  });

  test('reads none as noindex and nofollow', () => {
    expect(factsOf('<meta name="robots" content="none">').robots).toEqual({
      noindex: true,
      nofollow: true,
    });
  });

  test('combines several robots tags', () => {
    expect(
      factsOf('<meta name="robots" content="noindex"><meta name="robots" content="nofollow">')
        .robots,
    ).toEqual({ noindex: true, nofollow: true });
  });

  test('is indexable and followable by default', () => {
    expect(
      factsOf('<meta name="robots" content="index, follow, max-image-preview:large">').robots,
    ).toEqual({
      noindex: false,
      nofollow: false,
    });
    expect(factsOf('').robots).toEqual({ noindex: false, nofollow: false });
  });

  test('parses robots directives separated by commas or spaces', () => {
    expect(parseRobotsDirectives('noarchive,noindex')).toEqual({ noindex: true, nofollow: false });
    expect(parseRobotsDirectives(' nofollow  noimageindex ')).toEqual({
      noindex: false,
      nofollow: true,
    });
  });
});

describe('meta refresh', () => {
  test('reads the target URL and delay of a redirect page', () => {
    expect(
      factsOf(
        '<meta http-equiv="refresh" content="0;url=/new/"><meta name="robots" content="noindex">',
      ).refresh,
    ).toEqual({ url: 'https://example.com/new/', delay: 0 });
  });

  test('reads a delayed refresh with a quoted, upper-case URL', () => {
    expect(
      factsOf(`<meta http-equiv="refresh" content="5; URL='https://astro.build/'">`).refresh,
    ).toEqual({
      url: 'https://astro.build/',
      delay: 5,
    });
  });

  test('has no refresh fact for a plain reload or invalid content', () => {
    expect(factsOf('<meta http-equiv="refresh" content="60">').refresh).toBeNull();
    expect(factsOf('<meta http-equiv="refresh" content="later">').refresh).toBeNull();
    expect(factsOf('').refresh).toBeNull();
  });

  test('takes the first valid refresh', () => {
    expect(
      factsOf(
        '<meta http-equiv="refresh" content="0;url=/a/"><meta http-equiv="refresh" content="0;url=/b/">',
      ).refresh?.url,
    ).toBe('https://example.com/a/');
  });
});

describe('hreflang alternates', () => {
  test('lists alternate links with hreflang, resolved', () => {
    expect(
      factsOf(
        '<link rel="alternate" hreflang="en" href="/en/"><link rel="alternate" hreflang="x-default" href="https://example.com/">' +
          '<link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="alternate" hreflang="de">',
      ).hreflang,
    ).toEqual([
      { lang: 'en', url: 'https://example.com/en/' },
      { lang: 'x-default', url: 'https://example.com/' },
    ]);
  });

  test('is empty without alternates', () => {
    expect(factsOf('').hreflang).toEqual([]);
  });
});

describe('JSON-LD', () => {
  const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;

  test('collects @type from every JSON-LD block, sorted and unique', () => {
    expect(
      factsOf(
        ld('{"@context":"https://schema.org","@type":"WebSite"}') + ld('{"@type":"Article"}'),
        ld('{"@type":"WebSite"}'),
      ).jsonLdTypes,
    ).toEqual(['Article', 'WebSite']);
  });

  test('walks @graph, arrays, nested objects and array types', () => {
    const json = JSON.stringify([
      {
        '@graph': [
          { '@type': ['Article', 'NewsArticle'], author: { '@type': 'Person' } },
          { '@type': 'BreadcrumbList', itemListElement: [{ '@type': 'ListItem' }] },
        ],
      },
      { '@type': 'Dataset' },
    ]);
    expect(factsOf(ld(json)).jsonLdTypes).toEqual([
      'Article',
      'BreadcrumbList',
      'Dataset',
      'ListItem',
      'NewsArticle',
      'Person',
    ]);
  });

  test('ignores invalid JSON-LD without throwing', () => {
    expect(factsOf(ld('{"@type": "Article",}') + ld('{"@type":"Valid"}')).jsonLdTypes).toEqual([
      'Valid',
    ]);
  });

  test('ignores non-string types and other script types', () => {
    expect(
      factsOf(
        ld('{"@type": 42, "x": {"@type": [null, "Thing"]}}') +
          '<script type="application/json">{"@type":"No"}</script>',
      ).jsonLdTypes,
    ).toEqual(['Thing']);
  });

  test('matches the script type case-insensitively', () => {
    expect(
      factsOf('<script type=" Application/LD+JSON ">{"@type":"Event"}</script>').jsonLdTypes,
    ).toEqual(['Event']);
  });

  test('survives deeply nested JSON-LD', () => {
    const deep = `${'{"a":'.repeat(5000)}{"@type":"Deep"}${'}'.repeat(5000)}`;
    expect(factsOf(ld(deep)).jsonLdTypes).toEqual(['Deep']);
  });
});

describe('generator', () => {
  test('reads meta generator', () => {
    expect(factsOf('<meta name="generator" content="Astro v7.3.5">').generator).toBe(
      'Astro v7.3.5',
    );
  });

  test('is null when missing', () => {
    expect(factsOf('').generator).toBeNull();
  });
});
