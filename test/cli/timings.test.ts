import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/temp-dir.js';
import { cli, fixture } from './helpers.js';

describe('--timings', () => {
  it('prints how long each stage took and what the cache did on stderr, also with --quiet', async () => {
    const cache = await makeTempDir('cache-');
    const cold = await cli([fixture('broken-site'), '--timings', '-q', '--cache', cache]);
    expect(cold.stderr).toMatch(
      /^timings: discover \d+ ms, extract \d+ ms \(\d+ files, [\d.]+ kB, 0 from cache, in process\), graph \d+ ms, inbound \d+ ms, analyze \d+ ms, outbound \d+ ms, check \d+ ms, report \d+ ms, write \d+ ms; total \d+ ms\n$/,
    );
    const warm = await cli([fixture('broken-site'), '--timings', '-q', '--cache', cache]);
    const files = /\((\d+) files/.exec(warm.stderr)![1];
    expect(warm.stderr).toContain(`(${files} files`);
    expect(warm.stderr).toMatch(new RegExp(`, ${files} from cache, `));
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('prints nothing of the kind without the flag', async () => {
    const { stderr } = await cli([fixture('broken-site'), '-q', '--no-cache']);
    expect(stderr).not.toContain('timings:');
  });
});
