/**
 * Worker-thread entry of the extraction pool (see `extract-files.ts`): one task in, one
 * `PageLinks` out.
 */
import { type ExtractFileTask, extractFile } from './extract-file.js';

/** Piscina calls the default export with each task. */
export default function extractInWorker(task: ExtractFileTask) {
  return extractFile(task);
}
