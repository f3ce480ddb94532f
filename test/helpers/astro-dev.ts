/**
 * A real `astro dev` in a process of its own, on 127.0.0.1 and a free port, as a user runs
 * it: Astro does not serve pages under Vitest (it checks `VITEST`), and a `NODE_ENV` left by
 * a `build()` in the test process would make Vite skip the integration's server hooks.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const astroBin = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json')),
  'bin/astro.mjs',
);

/** A running dev server. */
export interface AstroDev {
  origin: string;
  child: ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  /** Stop it (the process itself, not a wrapper) and wait until it has exited. */
  stop: () => Promise<void>;
}

/** Start `astro dev` on a site; resolves once it listens. */
export function startAstroDev(root: string): Promise<AstroDev> {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' };
  delete env.VITEST;
  delete env.NODE_ENV;
  const child = spawn(
    process.execPath,
    [astroBin, 'dev', '--root', root, '--host', '127.0.0.1', '--port', '0'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`astro dev did not start:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match && !started) {
        started = true;
        clearTimeout(timer);
        resolve({ origin: `http://127.0.0.1:${match[1]}`, child, output: () => output, stop });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', () => {
      clearTimeout(timer);
      if (!started) reject(new Error(`astro dev exited:\n${output}`));
    });
  });
}
