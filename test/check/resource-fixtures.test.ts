/**
 * One static fixture folder per class of resource check (`test/fixtures/resources/`), each
 * with every case of its class: what must be reported, and what must not (written next to
 * it in the folder's pages and files).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingTypesIn } from '../../src/findings/definitions.js';
import { runLinkReport } from '../../src/index.js';

const resourceTypes = findingTypesIn('resources');

/** The resource findings of a fixture folder as `severity type page file:line:column href`. */
async function rowsOf(name: string): Promise<string[]> {
  const dir = path.resolve('test/fixtures/resources', name);
  const { report } = await runLinkReport({ dir, site: 'https://example.com' });
  return report.findings
    .filter((f) => resourceTypes.includes(f.type))
    .map((f) => {
      const at =
        f.link?.position.type === 'source'
          ? `:${f.link.position.line}:${f.link.position.column}`
          : '';
      return `${f.severity} ${f.type} ${f.page ?? '-'} ${f.file}${at} ${f.link?.href ?? '-'}`;
    });
}

describe('the resource fixtures', () => {
  it('stylesheets: url(), image-set() and @import, resolved against each stylesheet', async () => {
    expect(await rowsOf('stylesheets')).toEqual([
      'error broken-resource - css/late.css:2:15 /img/late-missing.png',
      'error broken-resource - css/site.css:9:5 ../fonts/body.woff',
      'error broken-resource - css/site.css:12:51 ../img/hero@2x.png',
      'error broken-resource - css/vendor/reset.css:2:11 cursor.cur',
      'error broken-resource / index.html:10:31 img/nowhere.png',
      'error broken-resource / index.html:16:23 img/attr-missing.png',
    ]);
  });

  it('metadata: og:image, twitter:image, icons and the manifest, resolved against it', async () => {
    expect(await rowsOf('metadata')).toEqual([
      'error broken-resource - app/manifest.webmanifest:6:14 icon-512.png',
      'error broken-resource - app/manifest.webmanifest:9:66 /icons/shortcut.png',
      'error broken-resource / index.html:6:1 https://example.com/icons/og-missing.png',
      'error broken-resource / index.html:7:1 /media/clip.mp4',
      'warning relative-social-url / index.html:7:1 /media/clip.mp4',
      'warning relative-social-url / index.html:8:1 icons/og.png',
      'warning empty-resource / index.html:9:1 ',
      'error broken-resource / index.html:12:1 /icons/mask.svg',
    ]);
  });

  it('empty resources: empty src and href, an image with no source; not lazy or pictured ones', async () => {
    expect(await rowsOf('empty-resources')).toEqual([
      'warning empty-resource / index.html:5:1 ',
      'warning empty-resource / index.html:6:1 ',
      'warning empty-resource / index.html:11:1 ',
      'warning empty-resource / index.html:12:1 ',
      'warning empty-resource / index.html:15:66 ',
      'warning empty-resource / index.html:16:1 ',
      'warning empty-resource / index.html:19:1 ',
    ]);
  });

  it('mixed content: blockable is an error, upgradeable a warning; links, forms and loopback are not', async () => {
    expect(await rowsOf('mixed-content')).toEqual([
      'error mixed-content - css/local.css:3:8 http://fonts.example.net/x.woff2',
      'warning mixed-content - css/local.css:6:15 http://images.example.net/bg.png',
      'error mixed-content / index.html:5:1 http://cdn.example.net/theme.css',
      'warning mixed-content / index.html:7:1 http://example.com/favicon.ico',
      'error mixed-content / index.html:8:1 http://cdn.example.net/app.js',
      'warning mixed-content / index.html:12:1 http://images.example.net/photo.jpg',
      'error mixed-content / index.html:13:1 http://images.example.net/photo-2x.jpg',
      'error mixed-content / index.html:14:1 http://video.example.net/embed/1',
      'warning mixed-content / index.html:15:1 http://media.example.net/a.mp3',
    ]);
  });
});
