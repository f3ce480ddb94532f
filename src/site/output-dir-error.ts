/**
 * The error of an output folder that cannot be read. A module of its own so that the
 * extraction workers, which throw it, do not load the walk and what it imports (the report
 * folder's file list pulls in every renderer).
 */

/** Thrown when the output folder, or a file in it, cannot be read. */
export class OutputDirError extends Error {
  override name = 'OutputDirError';
}
