/**
 * Which element a URL's fragment indicates, as browsers find it: the HTML Standard's
 * "find a potential indicated element" and "the indicated part of the document"
 * (https://html.spec.whatwg.org/multipage/browsing-the-web.html#the-indicated-part-of-the-document),
 * after the fragment directive is split off (URL Fragment Text Directives,
 * https://wicg.github.io/scroll-to-text-fragment/). Internal links, the locale rule and the
 * outbound fragment check all read fragments through here.
 */

/** Splits the fragment from a fragment directive (`#faq:~:text=free%20tier`). */
const directiveDelimiter = ':~:';

// Note: `ignoreBOM` keeps a leading U+FEFF: the standard decodes "UTF-8 without BOM".
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The fragment of a URL (its `hash` without `#`, percent-encoded as the URL parser left it)
 * with any fragment directive removed, as browsers do before they look for the element:
 * `#faq:~:text=free` names `faq`, `#:~:text=free` no element at all.
 * @returns the fragment, or null when there is none (no `#`, `#`, or only a directive)
 */
export function elementFragment(hash: string): string | null {
  if (hash.length <= 1) return null;
  let fragment = hash.slice(1);
  const directive = fragment.indexOf(directiveDelimiter);
  if (directive !== -1) fragment = fragment.slice(0, directive);
  return fragment === '' ? null : fragment;
}

/**
 * Percent-decode as the URL Standard does (`%XX` to bytes, other text as its UTF-8 bytes),
 * then decode UTF-8 with replacement characters. Never throws: `%zz` and a lone `%` stay as
 * written, and bytes that are not UTF-8 become U+FFFD (`decodeURIComponent` throws on both).
 */
export function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  const bytes = Buffer.from(text, 'utf8');
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === 0x25 && i + 2 < bytes.length && isHex(bytes[i + 1]!) && isHex(bytes[i + 2]!)) {
      out[length++] = Number.parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16);
      i += 2;
    } else {
      out[length++] = byte;
    }
  }
  return utf8.decode(out.subarray(0, length));
}

function isHex(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x46) ||
    (byte >= 0x61 && byte <= 0x66)
  );
}

/** What a fragment leads to on a page. */
export type IndicatedPart =
  /** An element with that id (or an `a` with that name), found as written or decoded. */
  | { type: 'element'; id: string }
  /** The top of the document: `#top` in any case, when no element has it as its id. */
  | { type: 'top' }
  /** Nothing: a browser stays where it is. */
  | { type: 'none'; decoded: string };

/**
 * Find what a fragment indicates on a page, as the HTML Standard does: an element whose id
 * (or whose `a[name]`) is the fragment as written (`id="a%20b"` for `#a%20b`), else one whose
 * id is the fragment percent-decoded (`id="a b"` for `#a%20b`), else the top of the page for
 * `top` (ASCII case-insensitive), else nothing.
 * @param fragment from `elementFragment`
 * @param hasId whether the page has an element with that id or `a[name]`
 */
export function findIndicatedPart(fragment: string, hasId: (id: string) => boolean): IndicatedPart {
  if (hasId(fragment)) return { type: 'element', id: fragment };
  const decoded = percentDecode(fragment);
  if (decoded !== fragment && hasId(decoded)) return { type: 'element', id: decoded };
  if (decoded.toLowerCase() === 'top') return { type: 'top' };
  return { type: 'none', decoded };
}

/**
 * The href (`#…`) that leads to the element with this id, checked with the same lookup a
 * browser makes on the page: `#` and the id, its spaces, controls, quotes, `<`, `>` and
 * backquotes escaped (`#a%20b` for `id="a b"`, `#тип` for `id="тип"`), or, when that finds another element or none (an id with a space and a `%20`
 * in it, or one the URL parser would change), the id with every byte outside the unreserved
 * set percent-encoded. Null when neither leads there.
 * @param id an id the page has
 * @param hasId the page's ids (and `a[name]`s)
 */
export function hrefForId(id: string, hasId: (id: string) => boolean): string | null {
  // Note: the id as written, with only the ASCII characters an href should not hold raw
  // (controls, space, quotes, <, >, `) escaped; then everything escaped.
  const escaped = `#${id.replace(/[\0-\x20"<>`\x7f]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}`;
  for (const href of [escaped, `#${encodeFragment(id)}`]) {
    const fragment = elementFragment(URL.parse(href, 'https://x.invalid/')?.hash ?? '');
    if (fragment === null) continue;
    const part = findIndicatedPart(fragment, hasId);
    if (part.type === 'element' && part.id === id) return href;
  }
  return null;
}

/** Every UTF-8 byte outside RFC 3986's unreserved characters, as `%XX`. */
function encodeFragment(id: string): string {
  // Note: a lone surrogate cannot be encoded (and no browser could send it): U+FFFD instead.
  return encodeURIComponent(id.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
