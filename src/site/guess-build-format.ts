/**
 * Guess Astro's `build.format` equivalent of a plain static folder, for generators that
 * have no such setting (Eleventy, Hugo, Jekyll, hand-written sites): `buildFormat: 'auto'`.
 */

/** The guess and the counts it was made from, for the note that explains it. */
export interface BuildFormatGuess {
  format: 'directory' | 'file';
  /** Pages written as `x/index.html` (the root `index.html` not counted). */
  directoryPages: number;
  /** Pages written as `x.html` (the root `404.html` and `500.html` not counted). */
  filePages: number;
}

// Note: every generator writes these at the root whatever its URL style.
const rootSpecialPages = new Set(['index.html', '404.html', '500.html']);

/**
 * `file` when more pages are `x.html` than `x/index.html`, else `directory` (ties too,
 * since it is the common default). `preserve` (links keep `.html`) cannot be told from
 * file names: pass it explicitly.
 * @param files HTML files relative to the output folder, `/`-separated.
 */
export function guessBuildFormat(files: readonly string[]): BuildFormatGuess {
  let directoryPages = 0;
  let filePages = 0;
  for (const file of files) {
    if (rootSpecialPages.has(file)) continue;
    if (file.endsWith('/index.html')) directoryPages += 1;
    else if (file.endsWith('.html')) filePages += 1;
  }
  return { format: filePages > directoryPages ? 'file' : 'directory', directoryPages, filePages };
}
