/**
 * Text content of a subtree, the way a reader sees it: phrasing elements run together,
 * block elements are separated, scripts and styles are not text.
 */
import type { ElementContent } from 'hast';
import { readAttribute } from './html-attributes.js';

/**
 * Elements that flow inside a line of text. Anything else (`p`, `div`, `li`, `td`, `br`,
 * `img`, …) separates the words on either side of it.
 */
const phrasingTags = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'output',
  'q',
  'rb',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements whose children are never visible text. `<template>` content is not in `children`. */
const nonTextTags = new Set(['script', 'style', 'template']);

/**
 * Whether an element separates the words around it (is not phrasing content).
 * @param tagName lower-case tag name
 */
export function isWordBoundaryTag(tagName: string): boolean {
  return !phrasingTags.has(tagName);
}

/**
 * Collapse runs of whitespace to one space and trim.
 */
export function foldWhitespace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** What a subtree says: its text and the alt text of its images. */
export interface SubtreeText {
  /** Text content, whitespace folded. */
  text: string;
  /** Non-empty `alt` of `<img>` elements inside, folded, in document order. */
  alts: string[];
}

/**
 * Collect the text content and image alt texts of some nodes.
 * @param nodes children of the element to read
 */
export function collectSubtreeText(nodes: readonly ElementContent[]): SubtreeText {
  const parts: string[] = [];
  const alts: string[] = [];
  // Note: an explicit stack instead of recursion, so a pathologically deep subtree cannot
  // overflow the call stack.
  const stack: ElementContent[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      parts.push(node.value);
    } else if (node.type === 'element') {
      if (nonTextTags.has(node.tagName)) continue;
      const boundary = isWordBoundaryTag(node.tagName);
      if (boundary) parts.push(' ');
      if (node.tagName === 'img') {
        const alt = readAttribute(node, 'alt');
        if (alt !== null && alt.trim() !== '') alts.push(foldWhitespace(alt));
      }
      if (boundary) stack.push({ type: 'text', value: ' ' });
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return { text: foldWhitespace(parts.join('')), alts };
}
