import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parse-args.js';
import { createProgress, type ProgressStream } from '../../src/cli/progress.js';
import { guessBuildFormat } from '../../src/site/guess-build-format.js';

function recorder(isTTY: boolean): ProgressStream & { output: string[] } {
  const output: string[] = [];
  return { isTTY, output, write: (text: string) => output.push(text) };
}

describe('guessBuildFormat', () => {
  it('guesses directory for x/index.html sites, ignoring the root index.html and 404.html', () => {
    expect(
      guessBuildFormat(['index.html', '404.html', 'a/index.html', 'b/index.html', 'c.html']),
    ).toEqual({
      format: 'directory',
      directoryPages: 2,
      filePages: 1,
    });
  });

  it('guesses file when most pages are x.html', () => {
    expect(
      guessBuildFormat(['index.html', '404.html', 'about.html', 'posts/hello.html']).format,
    ).toBe('file');
  });

  it('guesses directory on a tie and for a single page', () => {
    expect(guessBuildFormat(['a.html', 'b/index.html']).format).toBe('directory');
    expect(guessBuildFormat(['index.html']).format).toBe('directory');
  });
});

describe('createProgress', () => {
  it('draws one updating line on a terminal once a run takes a while, then clears it', () => {
    let now = 0;
    const stream = recorder(true);
    const progress = createProgress({ stream, enabled: true, now: () => now });
    progress.update(1, 100);
    expect(stream.output).toEqual([]);
    now = 300;
    progress.update(2, 100);
    now = 350;
    progress.update(3, 100); // throttled
    now = 450;
    progress.update(4, 100);
    progress.update(100, 100); // the last one is always drawn
    progress.finish();
    expect(stream.output).toEqual([
      '\r\x1b[2KParsed 2/100 files',
      '\r\x1b[2KParsed 4/100 files',
      '\r\x1b[2KParsed 100/100 files',
      '\r\x1b[2K',
    ]);
  });

  it('prints nothing on a terminal for a run that ends quickly', () => {
    const stream = recorder(true);
    const progress = createProgress({ stream, enabled: true, now: () => 0 });
    for (let i = 1; i <= 10; i++) progress.update(i, 10);
    progress.finish();
    expect(stream.output).toEqual([]);
  });

  it('prints a line every 10% or every 2 s in logs, for runs of 500 files or more', () => {
    let now = 0;
    const stream = recorder(false);
    const progress = createProgress({ stream, enabled: true, now: () => now });
    for (let i = 1; i <= 1000; i++) {
      if (i === 130) now = 2500;
      progress.update(i, 1000);
    }
    expect(stream.output).toEqual([
      'Parsed 100/1000 files\n',
      'Parsed 130/1000 files\n',
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((tenth) => `Parsed ${tenth * 100}/1000 files\n`),
    ]);
  });

  it('prints nothing in logs for small runs, and nothing at all when disabled', () => {
    const log = recorder(false);
    const small = createProgress({ stream: log, enabled: true });
    for (let i = 1; i <= 499; i++) small.update(i, 499);
    const tty = recorder(true);
    const quiet = createProgress({ stream: tty, enabled: false, now: () => 10_000 });
    quiet.update(1, 5000);
    quiet.finish();
    expect([...log.output, ...tty.output]).toEqual([]);
  });
});

describe('--ignore-links', () => {
  it('reads paths as globs and only regex syntax as a regular expression', () => {
    const links = parseCliArgs([
      'dist',
      ...['/tags/js', '/blog/gi', '/docs/*/', '/^\\/old\\/$/i'].flatMap((v) => [
        '--ignore-links',
        v,
      ]),
    ]).options.ignore?.links;
    expect(links).toEqual(['/tags/js', '/blog/gi', '/docs/*/', /^\/old\/$/i]);
  });
});

describe('analysis and inbound flags', () => {
  it('map to the options they mirror', () => {
    const { options } = parseCliArgs([
      'dist',
      ...['--asset', '/tools/**=tool', '--asset', '/blog/*=none'],
      ...['--generic-anchor', 'click here', '--generic-anchor', 'more'],
      ...['--site-kind', 'example.org=news', '--inbound-cache', '.cache/x'],
    ]);
    expect(options).toEqual({
      assets: { '/tools/**': 'tool', '/blog/*': 'none' },
      genericAnchors: ['click here', 'more'],
      siteKinds: { 'example.org': 'news' },
      inboundCacheDir: '.cache/x',
    });
  });

  it('split a drill-down target off the last = of --inbound, and only a path or URL', () => {
    const { options } = parseCliArgs([
      'dist',
      ...['--inbound', 'seo/drill.csv=/pricing/'],
      ...['--inbound', 'https://docs.example/export?format=csv'],
      ...['--inbound', 'https://docs.example/export?format=csv=https://example.com/a/'],
      ...['--allow-bad-rows', '--inbound-max-bytes', '512M', '--inbound-max-rows', '5000'],
    ]);
    expect(options).toEqual({
      inbound: [
        { file: 'seo/drill.csv', required: true, target: '/pricing/' },
        { url: 'https://docs.example/export?format=csv', required: true },
        {
          url: 'https://docs.example/export?format=csv',
          required: true,
          target: 'https://example.com/a/',
        },
      ],
      allowBadRows: true,
      inboundLimits: { maxBytes: 512 * 1024 * 1024, maxRows: 5000 },
    });
    expect(() => parseCliArgs(['dist', '--inbound-max-bytes', 'lots'])).toThrow(
      '--inbound-max-bytes: expected a number of bytes such as 536870912 or 512M, got "lots"',
    );
  });

  it('take --html-max-bytes with a unit, and refuse one that is not a size', () => {
    expect(parseCliArgs(['dist', '--html-max-bytes', '64M']).options).toEqual({
      htmlLimits: { maxBytes: 64 * 1024 * 1024 },
    });
    expect(() => parseCliArgs(['dist', '--html-max-bytes', '0'])).toThrow(
      '--html-max-bytes: expected a number of bytes such as 536870912 or 512M, got "0"',
    );
  });

  it('say what they expect when a pair has no value', () => {
    expect(() => parseCliArgs(['dist', '--asset', '/tools/**'])).toThrow(
      '--asset expects <key>=<value>, e.g. /tools/**=tool (got "/tools/**")',
    );
  });
});
