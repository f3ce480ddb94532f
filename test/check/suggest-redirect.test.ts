import { describe, expect, it } from 'vitest';
import { suggestPage, suggestRedirect } from '../../src/check/suggest.js';

describe('suggestRedirect', () => {
  const site = ['/', '/pricing/', '/about/', '/blog/', '/blog/hello-world/', '/posts/new-post/'];

  it('suggests the same slug under another folder or with another extension', () => {
    expect(suggestRedirect('/blog/new-post/', { pages: site })).toEqual({
      page: '/posts/new-post/',
      match: 'same-slug',
      fallback: null,
      ambiguous: [],
    });
    expect(suggestRedirect('/about.php', { pages: site })).toMatchObject({
      page: '/about/',
      match: 'same-slug',
    });
  });

  it('suggests the same page under another URL form before anything else', () => {
    expect(suggestRedirect('/Pricing.html', { pages: site })).toMatchObject({
      page: '/pricing/',
      match: 'same-page',
    });
  });

  it('suggests a slug a typo away, but not one with other numbers', () => {
    expect(suggestPage('/blog/helo-world/', site)).toBe('/blog/hello-world/');
    expect(suggestPage('/blog/hellow-orld/', site)).toBe('/blog/hello-world/');
    expect(suggestPage('/blog/hello-wrold/', site)).toBe('/blog/hello-world/');
    expect(suggestPage('/blog/helloworld/', site)).toBe('/blog/hello-world/');
    const pages = ['/', '/reviews/', '/reviews/iphone-13-review/'];
    expect(suggestRedirect('/reviews/iphone-12-review/', { pages })).toEqual({
      page: null,
      match: null,
      fallback: '/reviews/',
      ambiguous: [],
    });
  });

  it('says no close match and names the section index as a fallback', () => {
    expect(
      suggestRedirect('/blog/how-to-build-links/', {
        pages: ['/', '/blog/', '/blog/links/', '/about/'],
      }),
    ).toEqual({ page: null, match: null, fallback: '/blog/', ambiguous: [] });
    // Never the home page.
    expect(suggestRedirect('/completely-unrelated-slug/', { pages: ['/', '/about/'] })).toEqual({
      page: null,
      match: null,
      fallback: null,
      ambiguous: [],
    });
  });

  it('never takes another short word a letter apart for a typo', () => {
    const pages = ['/', '/pets/', '/pets/cats/', '/colors/red-shoes/', '/guides/installation/'];
    expect(suggestPage('/pets/bats/', pages)).toBeNull();
    expect(suggestPage('/colors/bed-shoes/', pages)).toBeNull();
    // A long word with one letter wrong is a typo.
    expect(suggestPage('/guides/instalkation/', pages)).toBe('/guides/installation/');
  });

  it('never suggests a page for a word added or changed in the slug', () => {
    expect(suggestPage('/old-pricing/', site)).toBeNull();
    expect(suggestPage('/blog/old-post/', site)).toBeNull();
    expect(suggestPage('/privacy/', site)).toBeNull();
  });

  it('names every page when the same slug is in two folders and nothing tells them apart', () => {
    expect(
      suggestRedirect('/old/setup/', { pages: ['/', '/docs/setup/', '/guides/setup/'] }),
    ).toEqual({
      page: null,
      match: null,
      fallback: null,
      ambiguous: ['/docs/setup/', '/guides/setup/'],
    });
  });

  it('ranks same-slug candidates by distinctive folder words, not shared ones', () => {
    const pages = ['/', '/en/docs/v2/setup/', '/en/blog/setup/'];
    expect(suggestPage('/docs/v1/setup/', pages)).toBe('/en/docs/v2/setup/');
  });

  it('does not take page numbers or structural segments for slugs', () => {
    expect(suggestPage('/blog/page/2/', ['/', '/news/page/2/'])).toBeNull();
    expect(suggestPage('/blog/feed/', ['/', '/news/feed/'])).toBeNull();
  });

  it('follows an explicit mapping of a folder or a page first', () => {
    const pages = ['/', '/posts/first/', '/pricing/', '/pricing-plans/'];
    const moved = { '/blog/': '/posts/', '/old-pricing/': '/pricing-plans/' };
    expect(suggestRedirect('/blog/first/', { pages, moved })).toMatchObject({
      page: '/posts/first/',
      match: 'mapped',
    });
    expect(suggestRedirect('/old-pricing/', { pages, moved })).toMatchObject({
      page: '/pricing-plans/',
      match: 'mapped',
    });
  });

  it('suggests files for a file URL, never pages', () => {
    const candidates = {
      pages: ['/', '/downloads/'],
      files: ['/files/media-kit.pdf', '/files/logo.png'],
    };
    expect(suggestRedirect('/downloads/media-kit.pdf', candidates)).toMatchObject({
      page: '/files/media-kit.pdf',
      match: 'same-slug',
    });
    expect(suggestRedirect('/downloads/brochure.pdf', candidates)).toEqual({
      page: null,
      match: null,
      fallback: null,
      ambiguous: [],
    });
  });
});
