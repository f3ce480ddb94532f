/**
 * Where the project's files are for CI formats: the repository root that file paths in
 * annotations and SARIF are relative to, and the Astro config file that site-level findings
 * are shown on.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root: `GITHUB_WORKSPACE` under GitHub Actions, else the nearest folder
 * above the project root that holds `.git`, else the working directory.
 */
export function findRepositoryRoot(
  projectRoot: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string {
  if (env.GITHUB_WORKSPACE) return path.resolve(env.GITHUB_WORKSPACE);
  for (let dir = path.resolve(projectRoot); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return cwd;
  }
}

/** Names Astro loads its config from, in its own order. */
const configNames = [
  'astro.config.mjs',
  'astro.config.js',
  'astro.config.ts',
  'astro.config.mts',
  'astro.config.cjs',
  'astro.config.cts',
];

/** The project's Astro config file relative to the repository root, if there is one. */
export function findConfigFile(projectRoot: string, repoRoot: string): string | undefined {
  const name = configNames.find((file) => existsSync(path.join(projectRoot, file)));
  if (!name) return undefined;
  return path.relative(repoRoot, path.join(projectRoot, name)).split(path.sep).join('/');
}
