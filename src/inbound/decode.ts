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

/**
 * Decode an export's bytes. Never throws: unreadable input is `{ ok: false, reason }`.
 * Without a BOM, text that is not valid UTF-8 is read as Windows-1252 (what spreadsheet
 * software on Windows writes), with a warning.
 */
export function decodeExport(bytes: Uint8Array): DecodedExport {
  for (const signature of signatures) {
    if (startsWith(bytes, signature.bytes)) return { ok: false, reason: signature.reason };
  }
  let decoded: { text: string; encoding: TextEncodingName; warning: string | null };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeUtf8(bytes.subarray(3));
    if (text === null)
      return { ok: false, reason: notText('it starts with a UTF-8 BOM but is not valid UTF-8') };
    decoded = { text, encoding: 'utf-8-bom', warning: null };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: decodeUtf16(bytes.subarray(2), 'le'), encoding: 'utf-16le', warning: null };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: decodeUtf16(bytes.subarray(2), 'be'), encoding: 'utf-16be', warning: null };
  } else {
    const utf16 = guessBomlessUtf16(bytes);
    if (utf16) {
      decoded = {
        text: decodeUtf16(bytes, utf16),
        encoding: utf16 === 'le' ? 'utf-16le' : 'utf-16be',
        warning: `has no byte order mark; read as UTF-16 ${utf16.toUpperCase()} from its byte pattern`,
      };
    } else if (bytes.includes(0)) {
      return { ok: false, reason: notText('it contains NUL bytes') };
    } else {
      const text = decodeUtf8(bytes);
      decoded =
        text === null
          ? {
              text: new TextDecoder('windows-1252').decode(bytes),
              encoding: 'windows-1252',
              warning:
                'is not valid UTF-8; read as Windows-1252. Save it as UTF-8 to be sure accents are right',
            }
          : { text, encoding: 'utf-8', warning: null };
    }
  }
  if (hasManyControlCharacters(decoded.text)) {
    return { ok: false, reason: notText('it is full of control characters') };
  }
  return { ok: true, ...decoded, text: decoded.text.replace(/\r\n?/g, '\n') };
}

function notText(why: string): string {
  return `is a binary file, not a CSV export (${why})`;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  // Note: swap BE to LE by hand; `utf-16be` is only available in Node builds with full ICU.
  let data = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  if (order === 'be') {
    const swapped = new Uint8Array(data.length);
    for (let index = 0; index < data.length; index += 2) {
      swapped[index] = data[index + 1] ?? 0;
      swapped[index + 1] = data[index] ?? 0;
    }
    data = swapped;
  }
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(data);
}

/** UTF-16 without BOM: ASCII text has a NUL in every other byte, and only there. */
function guessBomlessUtf16(bytes: Uint8Array): 'le' | 'be' | null {
  const sample = bytes.subarray(0, 4096);
  if (sample.length < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < sample.length; index++) {
    if (sample[index] === 0) {
      if (index % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const half = sample.length / 2;
  if (oddZeros > half * 0.6 && evenZeros === 0) return 'le';
  if (evenZeros > half * 0.6 && oddZeros === 0) return 'be';
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
