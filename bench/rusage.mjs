// Preloaded by bench/run.mjs (`node --import`): at exit, the process's CPU time and peak RSS
// (worker threads included), as one line on stderr.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nbench-rusage ${JSON.stringify(process.resourceUsage())}\n`);
});
