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
  /** The progress text. @default `Parsed ${done}/${total} files` */
  label?: (done: number, total: number) => string;
  /** Logs get progress lines only for runs of at least this many items. @default logMinimumFiles */
  logMinimum?: number;
  /** Logs get a line at least this often (besides every 10%). @default logIntervalMs */
  logInterval?: number;
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
  const label = options.label ?? ((done: number, total: number) => `Parsed ${done}/${total} files`);
  const logMinimum = options.logMinimum ?? logMinimumFiles;
  const logInterval = options.logInterval ?? logIntervalMs;
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
        stream.write(`${clearLine}${label(done, total)}`);
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
      if (total < logMinimum) return;
      // A start line (done 0), for runs whose first step may take a while.
      if (done === 0) {
        stream.write(`${label(done, total)}\n`);
        return;
      }
      const step = Math.ceil(total / 10);
      if (nextMark === 0) nextMark = step;
      const time = now();
      if (done < nextMark && time - lastLine < logInterval && done < total) return;
      while (nextMark <= done) nextMark += step;
      lastLine = time;
      stream.write(`${label(done, total)}\n`);
    },
    finish() {},
  };
}
