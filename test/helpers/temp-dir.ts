/**
 * Temporary folders inside the run's temporary roots (see `test/setup/temp-root.ts`), which
 * are removed when the run ends.
 */
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { inject } from 'vitest';

/** A fresh folder in the system's temporary folder, named from `prefix`. */
export function makeTempDir(prefix = 'tmp-'): Promise<string> {
  return mkdtemp(path.join(inject('tempRoot'), prefix));
}

/**
 * A fresh folder inside the repository, for build output: a server build imports its own
 * chunks, which must find the project's `node_modules`.
 */
export function makeBuildDir(prefix = 'build-'): Promise<string> {
  return mkdtemp(path.join(inject('buildRoot'), prefix));
}
