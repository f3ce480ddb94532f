/**
 * What extraction reads from HTML, in one table: which attributes of which elements, and
 * which raw-text element contents. The fast path (`prepare-html.ts`) leaves everything
 * else out before parsing, so this table is the one place to change when extraction starts
 * reading something new (a CSS check reading `<style>` or `style=`, for instance).
 *
 * When reads are checked (`checkHtmlReads`, on in the tests), every attribute read through
 * `html-attributes.ts` that this table does not list throws, so the table cannot fall
 * behind the code.
 */
import { find, html } from 'property-information';
import { mayReferenceUrls } from './css-references.js';

/**
 * Attributes that lazy-loading scripts read an image's URL from (`<img data-src>`): an
 * `<img>` with one of them and no `src` is not an empty image.
 */
export const lazySources = [
  'data-src',
  'data-srcset',
  'data-lazy-src',
  'data-lazy-srcset',
  'data-original',
] as const;

/**
 * Attributes read on every element only when their value may matter: `style` when it may
 * hold a `url()` (see `mayReferenceUrls`).
 */
const conditionalAttributes: Readonly<Record<string, (value: string) => boolean>> = {
  style: mayReferenceUrls,
};

/**
 * Attributes read, by element (lower-case HTML names). `*`: on every element.
 * `rel`, `target` and `hreflang` are read on every element that references a URL.
 */
const attributesByTag: Readonly<Record<string, readonly string[]>> = {
  '*': ['id', 'role', 'rel', 'target', 'hreflang'],
  a: ['name', 'href', 'xlink:href', 'download', 'aria-label', 'title'],
  area: ['href', 'xlink:href', 'alt', 'aria-label', 'title'],
  html: ['lang', 'data-link-report-asset'],
  body: ['data-link-report-asset'],
  main: ['lang'],
  base: ['href'],
  meta: ['name', 'content', 'http-equiv', 'property'],
  link: ['href', 'as'],
  script: ['type', 'src'],
  img: [
    'src',
    'srcset',
    'alt',
    'width',
    'height',
    'class',
    'aria-label',
    'title',
    'crossorigin',
    ...lazySources,
  ],
  source: ['src', 'srcset', 'media', 'type'],
  video: ['src', 'poster', 'crossorigin'],
  audio: ['src', 'crossorigin'],
  style: ['type'],
  embed: ['src'],
  iframe: ['src', 'srcdoc'],
  track: ['src'],
  object: ['data'],
  form: ['action'],
  input: ['type', 'src'],
  use: ['href', 'xlink:href'],
  image: ['href', 'xlink:href'],
  template: ['shadowrootmode'],
  // Charts are named by their role, class, id, alt, aria-label or title.
  canvas: ['class', 'alt', 'aria-label', 'title'],
  figure: ['class', 'alt', 'aria-label', 'title'],
  svg: ['class', 'alt', 'aria-label', 'title'],
  // Note: the HTML tree builder itself reads these: `<font color|face|size>` leaves SVG and
  // MathML, and `<annotation-xml encoding>` decides whether HTML is parsed inside MathML.
  font: ['color', 'face', 'size'],
  'annotation-xml': ['encoding'],
};

/**
 * Elements whose attributes the HTML tree builder compares (the "Noah's Ark" clause of the
 * list of active formatting elements) and copies when it reopens them: leaving any of
 * their attributes out could change the tree, so all of them are kept.
 */
const formattingTags = new Set([
  'a',
  'b',
  'big',
  'code',
  'em',
  'font',
  'i',
  'nobr',
  's',
  'small',
  'strike',
  'strong',
  'tt',
  'u',
]);

const everywhere = new Set(attributesByTag['*']);
const attributeSets = new Map(
  Object.entries(attributesByTag).map(([tag, names]) => [tag, new Set(names)]),
);

/**
 * Whether extraction (or the tree builder) may read an attribute of an element.
 * @param tag lower-case tag name
 * @param attribute lower-case attribute name as written
 * @param value its value as written (quotes removed, references not decoded), when known;
 *   null for an attribute without a value
 */
export function readsAttribute(tag: string, attribute: string, value?: string | null): boolean {
  if (everywhere.has(attribute) || formattingTags.has(tag)) return true;
  const condition = Object.hasOwn(conditionalAttributes, attribute)
    ? conditionalAttributes[attribute]
    : undefined;
  // Note: without its value (the read check), a conditional attribute counts as read.
  if (condition) return value === undefined || (value !== null && condition(value));
  return attributeSets.get(tag)?.has(attribute) ?? false;
}

/**
 * Whether extraction reads the text of a raw-text element (`<script>`, `<style>`, …):
 * otherwise the fast path may replace it before parsing.
 *
 * Read: JSON-LD (page facts), and the text-like raw-text elements (`<title>`,
 * `<textarea>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`), whose text the walk
 * counts, and `<style>` text that may hold a `url()` or `@import` (see `mayReferenceUrls`).
 * Not read: scripts, other styles.
 * @param tag lower-case tag name
 * @param type the element's first `type` attribute as written, or null
 * @param text the element's text as written, when known (needed for `<style>`)
 */
export function readsRawText(tag: string, type: string | null, text?: string): boolean {
  if (tag === 'style') return text === undefined || mayReferenceUrls(text);
  if (tag !== 'script') return true;
  // Note: conservative: any JSON type, or a value with a character reference, is kept.
  return type !== null && /json|&/i.test(type);
}

/** hast property names (`srcSet`, `ariaLabel`, `dataLinkReportAsset`) → attribute names. */
const attributeOfProperty = new Map<string, string>();
for (const names of [...Object.values(attributesByTag), Object.keys(conditionalAttributes)]) {
  for (const name of names) attributeOfProperty.set(find(html, name).property, name);
}

let checking = process.env.ASTRO_LINK_REPORT_CHECK_READS === '1';

/**
 * Turn the read check on or off (the tests turn it on with
 * `ASTRO_LINK_REPORT_CHECK_READS=1`). Off by default: it costs a lookup per read.
 */
export function checkHtmlReads(on: boolean): void {
  checking = on;
}

/**
 * Throw when the read check is on and extraction reads a hast property that the table
 * does not list for the element.
 * @param tag lower-case tag name
 * @param property hast property name
 */
export function assertReadListed(tag: string, property: string): void {
  if (!checking) return;
  const attribute = attributeOfProperty.get(property);
  if (attribute === undefined || !readsAttribute(tag, attribute)) {
    throw new Error(
      `extraction reads ${property} of <${tag}>, which src/extract/html-reads.ts does not list: add it there, or the fast path leaves it out`,
    );
  }
}
