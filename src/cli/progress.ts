/**
 * Progress of long runs on stderr: one updating line on a terminal, plain periodic lines
 * in logs (CI), nothing for small runs or with `--quiet`.
 */

/** Where progress goes: a writable stream that may be a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean | undefined;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  stream: ProgressStream;
  /** False for `--quiet`. */
  enabled: boolean;
  /** Clock in milliseconds; injectable for tests. */
  now?: () => number;
}

/** A progress display fed by `runLinkReport`'s `onProgress`. */
export interface Progress {
  update(done: number, total: number): void;
  /** Clear the terminal line, if one was drawn. */
  finish(): void;
}

/** A terminal shows the line only for runs still going after this long. */
export const terminalDelayMs = 250;
/** Minimum time between redraws of the terminal line. */
export const terminalIntervalMs = 100;
/** Logs get progress lines only for runs of at least this many files. */
export const logMinimumFiles = 500;
/** Logs get a line at least this often (besides every 10%). */
export const logIntervalMs = 2000;

const clearLine = '\r\x1b[2K';

/** Create the display that suits the stream. */
export function createProgress(options: ProgressOptions): Progress {
  const now = options.now ?? (() => performance.now());
  const { stream } = options;
  if (!options.enabled) return { update() {}, finish() {} };
  const started = now();

  if (stream.isTTY) {
    let drawn = false;
    let last = Number.NEGATIVE_INFINITY;
    return {
      update(done, total) {
        const time = now();
        if (time - started < terminalDelayMs || (time - last < terminalIntervalMs && done < total))
          return;
        last = time;
        drawn = true;
        stream.write(`${clearLine}Parsed ${done}/${total} files`);
      },
      finish() {
        if (drawn) stream.write(clearLine);
        drawn = false;
      },
    };
  }

  let nextMark = 0;
  let lastLine = started;
  return {
    update(done, total) {
      if (total < logMinimumFiles) return;
      const step = Math.ceil(total / 10);
      if (nextMark === 0) nextMark = step;
      const time = now();
      if (done < nextMark && time - lastLine < logIntervalMs && done < total) return;
      while (nextMark <= done) nextMark += step;
      lastLine = time;
      stream.write(`Parsed ${done}/${total} files\n`);
    },
    finish() {},
  };
}
