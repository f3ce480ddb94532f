// Preloaded (`node --import`) by the tests of the memory warning: from the first HTML file
// a run opens, it holds 64 MB more, as the links of a large site would be. The heap such a
// test gives the process (128 MB) holds the run, but not twice what it added.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const openSync = fs.openSync;
fs.openSync = function openWithBallast(file, ...rest) {
  if (globalThis.heapBallast === undefined && String(file).endsWith('.html')) {
    globalThis.heapBallast = Array.from({ length: 8 }, () => new Array(1 << 20).fill(0));
  }
  return openSync.call(this, file, ...rest);
};
// Note: the modules that import { openSync } from 'node:fs' get this one.
syncBuiltinESMExports();
