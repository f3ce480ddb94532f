/**
 * Run the real, built `astro-link-report` bin as a child process, on fixture folders.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/run-cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built bin, as `npm install` links it. */
export const binPath = path.join(repoRoot, 'dist/src/cli/bin.js');

if (!existsSync(binPath)) {
  throw new Error(
    `${binPath} is missing: run \`npm run build\` before the CLI tests (\`npm test\` does).`,
  );
}

/** Path of a CLI fixture folder, relative to the repository root (as a user would type it). */
export function fixture(name: string): string {
  return `test/fixtures/cli/${name}`;
}

/** What one run of the bin produced. */
export interface BinResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Options of `runBin`. */
export interface RunOptions {
  /** @default the repository root */
  cwd?: string;
  /** Added to a clean environment (no color, CI or GitHub variables). */
  env?: Record<string, string>;
  /** Run the bin through this command first (e.g. `setpriv …`). */
  prefix?: string[];
}

/** The few variables of the test's environment that a clean run keeps. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of ['PATH', 'HOME', 'SystemRoot', 'TMPDIR', 'TEMP', 'TMP']) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return env;
}

/**
 * Run the CLI in this process, as the bin does (`runCli` with the process's streams
 * replaced by strings): most tests use this; a few spawn the real bin with `runBin`.
 */
export async function cli(args: readonly string[], options: RunOptions = {}): Promise<BinResult> {
  let stdout = '';
  let stderr = '';
  // Note: each run gets a cache folder of its own unless the test names one, so no run sees
  // another's results (or its changes since the last run) in the repository's cache.
  const cached = args.some(
    (arg) => arg === '--cache' || arg === '--no-cache' || arg.startsWith('--cache='),
  );
  if (!cached) args = ['--cache', await makeTempDir('cli-cache-'), ...args];
  const status = await runCli(args, {
    cwd: options.cwd ?? repoRoot,
    env: { ...cleanEnv(), ...options.env },
    stdout: { write: (text: string) => (stdout += text), isTTY: false },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
  });
  return { status, stdout, stderr };
}

/** Spawn `node dist/src/cli/bin.js …args` and wait for it. */
export function runBin(args: readonly string[], options: RunOptions = {}): BinResult {
  const env = cleanEnv();
  const command = [...(options.prefix ?? []), process.execPath, binPath, ...args];
  const result = spawnSync(command[0]!, command.slice(1), {
    cwd: options.cwd ?? repoRoot,
    env: { ...env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A temporary folder, removed by the returned `cleanup`. */
export async function createTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await makeTempDir('cli-');
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Copy a fixture folder into `target`. */
export async function copyFixture(name: string, target: string): Promise<string> {
  await cp(path.join(repoRoot, fixture(name)), target, { recursive: true });
  return target;
}

/** Any ANSI escape sequence. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point.
export const ansiPattern = /\u001b\[[0-9;]*[A-Za-z]/;
