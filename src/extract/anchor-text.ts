/**
 * The text a link is known by. For `<a>`: its text content, else the alt text of its
 * images, else `aria-label`, else `title` (the design's order, close to the accessible
 * name computation without `aria-labelledby`).
 */
import type { Element } from 'hast';
import { readAttribute } from './html-attributes.js';
import { collectSubtreeText, foldWhitespace } from './text-content.js';
import type { AnchorSource } from './types.js';

/** A link's text and where it came from. */
export interface AnchorText {
  text: string;
  textSource: AnchorSource;
}

const noText: AnchorText = { text: '', textSource: 'none' };

/**
 * Choose the anchor text of a navigational link (`<a>` or `<area>`).
 * `<area>` has no content: its `alt` is its text.
 */
export function chooseAnchorText(element: Element): AnchorText {
  if (element.tagName === 'area') {
    return fromAttribute(element, 'alt', 'alt') ?? labelOrTitle(element);
  }
  const { text, alts } = collectSubtreeText(element.children);
  if (text !== '') return { text, textSource: 'text' };
  if (alts.length > 0) return { text: alts.join(' '), textSource: 'alt' };
  return labelOrTitle(element);
}

/**
 * Choose the text of a resource reference: an image's `alt`, otherwise none.
 */
export function chooseResourceText(element: Element): AnchorText {
  if (element.tagName === 'img') return fromAttribute(element, 'alt', 'alt') ?? noText;
  return noText;
}

function labelOrTitle(element: Element): AnchorText {
  return (
    fromAttribute(element, 'ariaLabel', 'aria-label') ??
    fromAttribute(element, 'title', 'title') ??
    noText
  );
}

function fromAttribute(
  element: Element,
  property: string,
  textSource: AnchorSource,
): AnchorText | null {
  const value = readAttribute(element, property);
  if (value === null) return null;
  const text = foldWhitespace(value);
  return text === '' ? null : { text, textSource };
}
