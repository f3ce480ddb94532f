/**
 * The CLI's `json` format: the report on standard output.
 */

import type { EventEmitter } from 'node:events';
import { reportSchemaUrl } from '../model/report-meta.js';
import { streamJsonReport } from '../render/render-json.js';
import type { OutputStream, Reporter } from './reporter.js';

/** Print `report.json` with the published schema's URL. */
export function createJsonReporter(): Reporter {
  return {
    name: 'JSON output',
    async report({ report }, { stdout }) {
      await writeChunks(stdout, streamJsonReport(report, reportSchemaUrl));
    },
  };
}

/** Characters per write. */
const writeBatch = 1 << 18;

/**
 * Write chunks joined into larger writes, waiting for `drain` when the stream asks, so a
 * slow reader does not make the whole report pile up in memory.
 */
async function writeChunks(stream: OutputStream, chunks: Iterable<string>): Promise<void> {
  const emitter = stream as OutputStream & Partial<Pick<EventEmitter, 'once' | 'removeListener'>>;
  const canWait =
    typeof emitter.once === 'function' && typeof emitter.removeListener === 'function';
  let batch = '';
  const flush = async () => {
    const accepted = stream.write(batch);
    batch = '';
    if (accepted !== false || !canWait || (stream as { destroyed?: boolean }).destroyed) return;
    // Note: a reader that closes early (`| head`) never drains; 'close' ends the wait.
    await new Promise<void>((resolve) => {
      const events = ['drain', 'close', 'error'] as const;
      const done = () => {
        for (const event of events) emitter.removeListener!(event, done);
        resolve();
      };
      for (const event of events) emitter.once!(event, done);
    });
  };
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= writeBatch) await flush();
    if ((stream as { destroyed?: boolean }).destroyed) return;
  }
  if (batch !== '') await flush();
}
