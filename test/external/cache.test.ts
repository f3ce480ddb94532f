import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer, startServer } from '../helpers/http-server.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { checkLinks } from './helpers.js';

const require = createRequire(import.meta.url);
const { AssetCache } = require('@11ty/eleventy-fetch') as {
  AssetCache: new (key: string, dir: string) => { cachePath: string };
};

describe('the outbound results cache', () => {
  it('ignores an unreadable, foreign or future-dated entry with a note, and checks the URL again', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const cacheDir = await makeTempDir('cache-');
    const dir = path.join(cacheDir, 'external');
    await mkdir(dir, { recursive: true });
    const corrupt = `${server.origin}/corrupt`;
    const foreign = `${server.origin}/foreign`;
    const write = async (url: string, meta: string, contents: string) => {
      const file = new AssetCache(`astro-link-report/external/v1 ${url}`, dir).cachePath;
      await writeFile(file, meta);
      await writeFile(`${file}.json`, contents);
    };
    await write(corrupt, '{"cachedAt": 1, "type": "json"', '');
    await write(
      foreign,
      JSON.stringify({ cachedAt: Date.now(), type: 'json' }),
      JSON.stringify({
        v: 1,
        url: foreign,
        checkedAt: 1,
        outcome: { end: { type: 'response', status: 'ok' } },
      }),
    );
    const future = `${server.origin}/future`;
    const farAhead = Date.now() + 365 * 86_400_000;
    const ok = {
      type: 'response',
      url: future,
      status: 200,
      botWall: null,
      retries: 0,
      retryAfterRefused: null,
      contentType: null,
      ids: null,
      idsNote: null,
    };
    await write(
      future,
      JSON.stringify({ cachedAt: farAhead, type: 'json' }),
      JSON.stringify({
        v: 1,
        url: future,
        checkedAt: farAhead,
        outcome: { chain: [], method: 'HEAD', end: ok, inferredFrom: null },
      }),
    );
    const { byUrl, result } = await checkLinks([corrupt, foreign, future], { cacheDir });
    expect(byUrl.get(corrupt)).toMatchObject({ status: 'ok', fromCache: false });
    expect(byUrl.get(foreign)).toMatchObject({ status: 'ok', fromCache: false });
    expect(byUrl.get(future)).toMatchObject({ status: 'ok', fromCache: false });
    expect(server.requests).toHaveLength(3);
    const note = result.report.notes.find((text) =>
      text.startsWith('ignored 3 unusable outbound cache entries'),
    );
    expect(note).toContain(`${corrupt}: unreadable (`);
    expect(note).toContain(`${foreign}: not in the expected shape`);
    expect(note).toContain(`${future}: dated in the future`);
  });

  it('writes its entries under the external folder of the cache folder, and none without a cache', async () => {
    const server = await startServer((_req, res) => answer(res, 200));
    const { cacheDir } = await checkLinks([`${server.origin}/a`]);
    const { readdir } = await import('node:fs/promises');
    expect((await readdir(path.join(cacheDir!, 'external'))).length).toBe(2);
    await checkLinks([`${server.origin}/a`], { cacheDir: null });
    expect(server.requests).toHaveLength(2);
  });
});
