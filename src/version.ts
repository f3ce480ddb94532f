/**
 * The package's own version, read from its package.json (found by walking up from this
 * file, so it works from `src/` in tests and from `dist/src/` when installed).
 */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  let dir = new URL('./', import.meta.url);
  for (let depth = 0; depth < 5; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'astro-link-report' && pkg.version) return pkg.version;
    } catch {
      // Note: no package.json at this level; keep walking up.
    }
    dir = new URL('../', dir);
  }
  return '0.0.0';
}

/** Version of astro-link-report. */
export const version: string = readVersion();
