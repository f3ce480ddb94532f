import { describe, expect, test } from 'vitest';
import { parseMetaRefresh } from '../../src/extract/meta-refresh.js';

describe('parseMetaRefresh', () => {
  test('reads delay and URL in the common forms', () => {
    expect(parseMetaRefresh('0;url=/x/')).toEqual({ delay: 0, url: '/x/' });
    expect(parseMetaRefresh('0; URL=/x/')).toEqual({ delay: 0, url: '/x/' });
    expect(parseMetaRefresh('5 ; url = /x/')).toEqual({ delay: 5, url: '/x/' });
    expect(parseMetaRefresh('0,url=/x/')).toEqual({ delay: 0, url: '/x/' });
  });

  test('removes quotes around the URL', () => {
    expect(parseMetaRefresh("0; URL='/x/'")).toEqual({ delay: 0, url: '/x/' });
    expect(parseMetaRefresh('0; url="/x/"')).toEqual({ delay: 0, url: '/x/' });
    expect(parseMetaRefresh("0; url='/x/' trailing")).toEqual({ delay: 0, url: '/x/' });
    expect(parseMetaRefresh("0;'/x/'")).toEqual({ delay: 0, url: '/x/' });
  });

  test('reads a URL without the url= prefix', () => {
    expect(parseMetaRefresh('0; /x/')).toEqual({ delay: 0, url: '/x/' });
    expect(parseMetaRefresh('3;https://example.com/')).toEqual({
      delay: 3,
      url: 'https://example.com/',
    });
  });

  test('keeps a URL that merely starts with "url"', () => {
    expect(parseMetaRefresh('0; urls/page')).toEqual({ delay: 0, url: 'urls/page' });
    expect(parseMetaRefresh('0; uploads/x')).toEqual({ delay: 0, url: 'uploads/x' });
  });

  test('reads a reload without URL', () => {
    expect(parseMetaRefresh('30')).toEqual({ delay: 30, url: null });
    expect(parseMetaRefresh(' 5; ')).toEqual({ delay: 5, url: null });
    expect(parseMetaRefresh("0; url=''")).toEqual({ delay: 0, url: null });
  });

  test('truncates fractional delays', () => {
    expect(parseMetaRefresh('1.5; url=/x/')).toEqual({ delay: 1, url: '/x/' });
    expect(parseMetaRefresh('.5; url=/x/')).toEqual({ delay: 0, url: '/x/' });
  });

  test('rejects content that is not a refresh', () => {
    expect(parseMetaRefresh('')).toBeNull();
    expect(parseMetaRefresh('url=/x/')).toBeNull();
    expect(parseMetaRefresh('0x; url=/x/')).toBeNull();
  });
});
