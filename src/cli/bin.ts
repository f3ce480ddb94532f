#!/usr/bin/env node
/**
 * The `astro-link-report` command. Sets `process.exitCode` and lets Node.js exit on its
 * own, so output piped to another program is flushed first.
 */
import { runCli } from './run-cli.js';

// Note: a reader that stops early (`| head`) closes the pipe; that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
