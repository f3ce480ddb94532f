#!/usr/bin/env node
/**
 * The `astro-link-report` command. Sets `process.exitCode` and lets Node.js exit on its
 * own, so output piped to another program is flushed first.
 */
import module from 'node:module';

// Note: Node.js's compile cache (in the OS temporary folder, or NODE_COMPILE_CACHE) keeps
// the compiled code of the modules between runs: about 15 % of the start-up time. Not in CI,
// where nothing is reused (as Astro does); NODE_DISABLE_COMPILE_CACHE=1 turns it off too.
if (!process.env.CI) module.enableCompileCache?.();

// Note: the extraction threads start loading their modules while this thread loads its
// own (not for the help or the version, nor when --workers says how many threads to use).
const argv = process.argv.slice(2);
const startsThreads = !argv.some((arg) => /^(-h|-v|--help|--version|--workers(=.*)?)$/.test(arg));
const prestart = startsThreads ? await import('../extract/prestart.js') : null;
prestart?.prestartExtractionThreads();

const { runCli } = await import('./run-cli.js');

// Note: a reader that stops early (`| head`) closes the pipe; that is not an error. Any
// other write error (a full disk) is a failure to report, with the exit code for errors.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    process.exitCode = 2;
    if (stream !== process.stderr) {
      process.stderr.write(`astro-link-report: could not write the output: ${error.message}\n`);
    }
  });
}

try {
  process.exitCode = await runCli(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} finally {
  // Note: a run that ended before extracting (a usage error) did not take the threads.
  await prestart?.releasePrestartedThreads();
}
