import { describe, expect, it } from 'vitest';
import { classifySite, createSiteClassifier, defaultSiteKinds } from '../../src/inbound/index.js';

describe('site kinds', () => {
  it('classifies known domains and their subdomains', () => {
    expect(
      [
        'twitter.com',
        'x.com',
        'www.linkedin.com',
        'old.reddit.com',
        'stackoverflow.com',
        'yelp.com',
        'www.nytimes.com',
        'example.org',
      ].map((site) => classifySite(site)),
    ).toEqual(['social', 'social', 'social', 'forum', 'forum', 'directory', 'news', 'other']);
  });

  it('lets the longest matching domain win', () => {
    const classify = createSiteClassifier({
      'ycombinator.com': 'other',
      'google.com': 'directory',
    });
    expect(classify('news.ycombinator.com')).toBe('forum');
    expect(classify('ycombinator.com')).toBe('other');
    expect(classify('news.google.com')).toBe('news');
    expect(classify('maps.google.com')).toBe('directory');
  });

  it('lets the user add and override domains, written as hosts or URLs', () => {
    const classify = createSiteClassifier({
      'https://www.Example.org/': 'news',
      'reddit.com': 'social',
    });
    expect(classify('blog.example.org')).toBe('news');
    expect(classify('reddit.com')).toBe('social');
    expect(classify('https://www.reddit.com/r/x')).toBe('social');
  });

  it('does not match a domain that only ends with the same letters', () => {
    expect(classifySite('notreddit.com')).toBe('other');
    expect(classifySite('max.com')).toBe('other');
  });

  it('documents every default entry in lower case without www', () => {
    for (const domain of Object.keys(defaultSiteKinds)) {
      expect(domain).toBe(domain.toLowerCase());
      expect(domain.startsWith('www.')).toBe(false);
    }
  });
});
