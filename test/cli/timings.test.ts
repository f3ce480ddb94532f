import { describe, expect, it } from 'vitest';
import { renderTimings } from '../../src/report/render/render-timings.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { cli, fixture, runBin } from './helpers.js';

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

  it('says what each stage left on the heap when Node.js runs with --expose-gc, and only then', () => {
    const measured = runBin([fixture('broken-site'), '--timings', '-q', '--no-cache'], {
      env: { NODE_OPTIONS: '--expose-gc' },
    });
    const line = measured.stderr.trim();
    expect(line).toMatch(
      /^timings: discover \d+ ms \(heap [\d.]+ MB\), extract \d+ ms \(\d+ files, [\d.]+ kB, 0 from cache, in process, heap [\d.]+ MB\), graph \d+ ms \(heap [\d.]+ MB\), /,
    );
    const heaps = [...line.matchAll(/heap ([\d.]+) MB/g)].map((match) => Number(match[1]));
    expect(heaps).toHaveLength(8);
    expect(heaps.every((heap) => heap > 1 && heap < 1_000)).toBe(true);
    expect(line).toMatch(/, write \d+ ms; total \d+ ms$/);
    const plain = runBin([fixture('broken-site'), '--timings', '-q', '--no-cache']);
    expect(plain.stderr).not.toContain('heap');
    expect(plain.stdout).toBe(measured.stdout);
  });

  it('renders a measured heap after the stage, in megabytes', () => {
    const line = renderTimings({
      timings: [
        { stage: 'discover', ms: 3.2, heapUsed: 15_100_000 },
        { stage: 'extract', ms: 1_586, heapUsed: 297_400_000 },
        { stage: 'graph', ms: 116, heapUsed: 497_260_000 },
      ],
      files: 1_000,
      fromCache: 10,
      htmlBytes: 47_900_000,
      workers: 1,
    });
    expect(line).toBe(
      'timings: discover 3 ms (heap 15.1 MB), extract 1,586 ms (1,000 files, 47.9 MB, 10 from cache, 1 worker, heap 297.4 MB), graph 116 ms (heap 497.3 MB); total 1,705 ms',
    );
  });

  it('prints nothing of the kind without the flag', async () => {
    const { stderr } = await cli([fixture('broken-site'), '-q', '--no-cache']);
    expect(stderr).not.toContain('timings:');
  });
});
