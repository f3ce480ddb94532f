/**
 * Bytes → text: the encodings exports come in (UTF-8 with or without BOM, UTF-16 with BOM,
 * as Ahrefs writes), and a clear refusal of what is not text at all (a ZIP or .xlsx, a PDF,
 * any binary). Line endings are normalized to `\n`.
 */

/** The encodings recognized. */
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The result of decoding an export. */
export type DecodedExport =
  | {
      ok: true;
      text: string;
      encoding: TextEncodingName;
      /** A caveat to report (a guessed encoding), or null. */
      warning: string | null;
    }
  | { ok: false; reason: string };

const signatures: { bytes: number[]; reason: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    reason:
      'is a ZIP archive (an .xlsx workbook is one), not a CSV export: download the table as CSV',
  },
  { bytes: [0x50, 0x4b, 0x05, 0x06], reason: 'is an empty ZIP archive, not a CSV export' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    reason: 'is an Excel 97–2003 workbook (.xls), not a CSV export: download the table as CSV',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], reason: 'is a PDF document, not a CSV export' },
  {
    bytes: [0x1f, 0x8b],
    reason: 'is a gzip-compressed file, not a CSV export: decompress it first',
  },
];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);

/** How an export's bytes are to be read, from its first bytes. */
export type DetectedEncoding =
  | {
      ok: true;
      /** `utf-8` may still turn out to be Windows-1252 (see `createChunkDecoder`). */
      encoding: TextEncodingName;
      /** Bytes of the byte order mark to skip. */
      skip: number;
      warning: string | null;
    }
  | { ok: false; reason: string };

/**
 * Decide the encoding from the first bytes (a few KiB): signatures of what is not text, byte
 * order marks, and UTF-16 without a BOM recognized by where its NUL bytes are.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  for (const signature of signatures) {
    if (startsWith(head, signature.bytes)) return { ok: false, reason: signature.reason };
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf]))
    return { ok: true, encoding: 'utf-8-bom', skip: 3, warning: null };
  if (startsWith(head, [0xff, 0xfe]))
    return { ok: true, encoding: 'utf-16le', skip: 2, warning: null };
  if (startsWith(head, [0xfe, 0xff]))
    return { ok: true, encoding: 'utf-16be', skip: 2, warning: null };
  const utf16 = guessBomlessUtf16(head);
  if (utf16) {
    return {
      ok: true,
      encoding: utf16 === 'le' ? 'utf-16le' : 'utf-16be',
      skip: 0,
      warning: `has no byte order mark; read as UTF-16 ${utf16.toUpperCase()} from its byte pattern`,
    };
  }
  if (head.includes(0)) return { ok: false, reason: notText('it contains NUL bytes') };
  return { ok: true, encoding: 'utf-8', skip: 0, warning: null };
}

/** Thrown by a UTF-8 chunk decoder on bytes that are not UTF-8: read again as Windows-1252. */
export class NotUtf8Error extends Error {
  override name = 'NotUtf8Error';
}

/** The warning for text read as Windows-1252. */
export const windows1252Warning =
  'is not valid UTF-8; read as Windows-1252. Save it as UTF-8 to be sure accents are right';

/**
 * A decoder for a stream of chunks in `encoding`; line endings become `\n` (a `\r` at the end
 * of a chunk waits for the next). UTF-8 throws `NotUtf8Error` on invalid bytes.
 */
export function createChunkDecoder(encoding: TextEncodingName): {
  write(bytes: Uint8Array): string;
  end(): string;
} {
  const name =
    encoding === 'utf-8' || encoding === 'utf-8-bom'
      ? 'utf-8'
      : encoding === 'windows-1252'
        ? 'windows-1252'
        : 'utf-16le';
  const decoder = new TextDecoder(name, { fatal: name === 'utf-8', ignoreBOM: true });
  let carry: number | null = null;
  let pendingCr = false;
  const swap = (bytes: Uint8Array): Uint8Array => {
    // Note: swap BE to LE by hand; `utf-16be` is only available in Node builds with full ICU.
    const joined = carry === null ? bytes : concat(Uint8Array.of(carry), bytes);
    const even = joined.length - (joined.length % 2);
    carry = even < joined.length ? (joined[even] ?? 0) : null;
    const swapped = new Uint8Array(even);
    for (let index = 0; index < even; index += 2) {
      swapped[index] = joined[index + 1] ?? 0;
      swapped[index + 1] = joined[index] ?? 0;
    }
    return swapped;
  };
  const normalize = (text: string, final: boolean): string => {
    let value = pendingCr ? `\r${text}` : text;
    pendingCr = !final && value.endsWith('\r');
    if (pendingCr) value = value.slice(0, -1);
    return value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value;
  };
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      throw new NotUtf8Error('not UTF-8');
    }
  };
  return {
    write: (bytes) => normalize(decode(encoding === 'utf-16be' ? swap(bytes) : bytes, true), false),
    end: () => normalize(decode(new Uint8Array(0), false), true),
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const result = new Uint8Array(a.length + b.length);
  result.set(a);
  result.set(b, a.length);
  return result;
}

/**
 * Decode an export's bytes. Never throws: unreadable input is `{ ok: false, reason }`.
 * Without a BOM, text that is not valid UTF-8 is read as Windows-1252 (what spreadsheet
 * software on Windows writes), with a warning.
 */
export function decodeExport(bytes: Uint8Array): DecodedExport {
  const detected = detectEncoding(bytes.subarray(0, 4096));
  if (!detected.ok) return detected;
  let encoding = detected.encoding;
  let warning = detected.warning;
  const body = bytes.subarray(detected.skip);
  let text: string;
  try {
    const decoder = createChunkDecoder(encoding);
    text = decoder.write(body) + decoder.end();
  } catch {
    if (encoding === 'utf-8-bom')
      return { ok: false, reason: notText('it starts with a UTF-8 BOM but is not valid UTF-8') };
    encoding = 'windows-1252';
    warning = windows1252Warning;
    const decoder = createChunkDecoder(encoding);
    text = decoder.write(body) + decoder.end();
  }
  const control = describeControlCharacters(text);
  if (control) return { ok: false, reason: control };
  return { ok: true, text, encoding, warning };
}

/** Why decoded text is not text after all (full of control characters), or null. */
export function describeControlCharacters(text: string): string | null {
  return hasManyControlCharacters(text) ? notText('it is full of control characters') : null;
}

function notText(why: string): string {
  return `is a binary file, not a CSV export (${why})`;
}

/**
 * UTF-16 without BOM, by the pattern of its NUL bytes: a CSV's delimiters, digits and URLs are
 * ASCII, whose UTF-16 units have a NUL in one byte of the pair. Text in other scripts has NULs
 * rarely (U+0100, U+4E00), so one side must dominate, not be the only one.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] === 0) {
      if (index % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const units = sample.length / 2;
  if (oddZeros >= units * 0.25 && evenZeros * 10 <= oddZeros) return 'le';
  if (evenZeros >= units * 0.25 && oddZeros * 10 <= evenZeros) return 'be';
  return null;
}

function hasManyControlCharacters(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return false;
  let controls = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    // Tab, line feed, carriage return and form feed are at home in text.
    const allowed = code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
    if ((code < 0x20 && !allowed) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) controls++;
  }
  return controls > Math.max(2, sample.length * 0.02);
}
