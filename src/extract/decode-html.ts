/**
 * Decode a built HTML file's bytes the way a browser would: a byte order mark first, then a
 * `<meta charset>` (or `http-equiv="content-type"`) in the first 1024 bytes, else UTF-8.
 */

/** The text and the encoding it was read with. */
export interface DecodedHtml {
  text: string;
  encoding: string;
  /** Why the declared encoding was not used, when it was not. */
  problem: string | null;
}

const charsetPattern = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i;

/** Decode HTML bytes (WHATWG encoding sniffing, simplified to what static sites use). */
export function decodeHtml(bytes: Uint8Array): DecodedHtml {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  // Note: latin1 maps every byte to one character, so the prescan never fails.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const declared = charsetPattern.exec(head)?.[1]?.toLowerCase();
  if (!declared || declared === 'utf-8' || declared === 'utf8') return decodeAs(bytes, 'utf-8');
  try {
    // The WHATWG rule: a page declaring UTF-16 in a meta tag is read as UTF-8.
    return decodeAs(bytes, declared.startsWith('utf-16') ? 'utf-8' : declared);
  } catch {
    return { ...decodeAs(bytes, 'utf-8'), problem: `unknown charset "${declared}"; read as UTF-8` };
  }
}

function decodeAs(bytes: Uint8Array, encoding: string): DecodedHtml {
  const decoder = new TextDecoder(encoding);
  return { text: decoder.decode(bytes), encoding: decoder.encoding, problem: null };
}
