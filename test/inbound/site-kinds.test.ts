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

describe('the international list', () => {
  it('knows directories, social and forum sites beyond the English-speaking ones', () => {
    const kinds = [
      'superpages.com',
      'www.mapquest.com',
      'fr.kompass.com',
      'be.infobel.com',
      'www.pagesjaunes.fr',
      'medium.com',
      'linktr.ee',
      'vimeo.com',
      'www.slideshare.net',
      'forum.example.net',
      'community.vendor.example',
      'example.net',
    ].map((site) => [site, classifySite(site)]);
    expect(kinds).toEqual([
      ['superpages.com', 'directory'],
      ['www.mapquest.com', 'directory'],
      ['fr.kompass.com', 'directory'],
      ['be.infobel.com', 'directory'],
      ['www.pagesjaunes.fr', 'directory'],
      ['medium.com', 'social'],
      ['linktr.ee', 'social'],
      ['vimeo.com', 'social'],
      ['www.slideshare.net', 'social'],
      ['forum.example.net', 'forum'],
      ['community.vendor.example', 'forum'],
      ['example.net', 'other'],
    ]);
  });

  it('lets siteKinds override a forum host or a default', () => {
    expect(classifySite('forum.example.net', { 'example.net': 'news' })).toBe('news');
    expect(classifySite('medium.com', { 'medium.com': 'other' })).toBe('other');
  });
});

describe('the README', () => {
  it('lists every domain of the default site kinds and every forum host label', async () => {
    const { readFile } = await import('node:fs/promises');
    const { forumHostLabels } = await import('../../src/inbound/site-kinds.js');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('**Linking sites** are classified'));
    const missing = Object.keys(defaultSiteKinds).filter((domain) => {
      const [name, ...rest] = domain.split('.');
      // `yellowpages.com (.ca, .com.au)` names the variants of one name together.
      return (
        !section.includes(domain) &&
        !(section.includes(`${name}.`) && section.includes(`.${rest.join('.')}`))
      );
    });
    expect(missing).toEqual([]);
    for (const label of forumHostLabels) expect(section).toContain(label);
  });
});
