import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ParseExportOptions, parseInboundExport } from '../../src/inbound/index.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** The fixtures folder of the inbound tests. */
export const fixtures = fileURLToPath(new URL('../fixtures/inbound/', import.meta.url));

/** Absolute path of a fixture. */
export function fixture(name: string): string {
  return path.join(fixtures, name);
}

/** Parse text (as UTF-8 bytes) named `export.csv` unless told otherwise. */
export function parseText(text: string | Uint8Array, options: Partial<ParseExportOptions> = {}) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const file = options.file ?? 'export.csv';
  return parseInboundExport(bytes, { entry: file, name: file, file, fileName: file, ...options });
}

/** UTF-16 LE bytes with a BOM, as Ahrefs writes. */
export function utf16le(text: string, bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

/** UTF-16 BE bytes with a BOM. */
export function utf16be(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  for (let index = 0; index < body.length; index += 2) {
    const low = body[index]!;
    body[index] = body[index + 1]!;
    body[index + 1] = low;
  }
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
}

/** UTF-8 bytes with a BOM. */
export function utf8bom(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** A fresh temporary folder. */
export function temporaryFolder(): Promise<string> {
  return makeTempDir('inbound-');
}

/** The messages of a parse result's problems. */
export function messages(result: { summary: { problems: { message: string }[] } }): string[] {
  return result.summary.problems.map((problem) => problem.message);
}
