/**
 * HTML text → hast tree with `rehype-parse` (parse5, positions kept, scripting off), with one
 * difference browsers share: nesting is bounded. Chromium's parser adds an element that would
 * be nested deeper than 512 levels as a child of the element at level 512
 * (`kMaximumHTMLParserDOMTreeDepth`) instead of failing; so does this (`maxElementDepth`).
 * Without it, turning a tree 5,000 levels deep into hast exhausts the call stack
 * (hast-util-from-parse5 recurses), and every link of the page is lost.
 *
 * Almost every page is far shallower, and is parsed by rehype-parse as it is. Only a page
 * nested deeper than the limit is parsed again with parse5 and hast-util-from-parse5 called
 * directly (the same two calls rehype-parse makes, through hast-util-from-html), because its
 * tree must be bounded between the two.
 */
import { createRequire } from 'node:module';
import type { Element, Root, RootContent } from 'hast';
import type { fromParse5 as FromParse5 } from 'hast-util-from-parse5';
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import type RehypeParse from 'rehype-parse';
import type { unified as Unified } from 'unified';
import type { VFile as VFileClass } from 'vfile';

/**
 * rehype-parse and the modules it brings (unified, vfile, hast-util-from-parse5 and theirs),
 * loaded by the first page that needs them: most pages are built by `fast-tree.ts`, and
 * loading these costs about 20 ms before the first page of every run. Loaded with
 * `require`, which takes these ES modules synchronously (Node.js 22.12 and later).
 */
interface RehypeStack {
  parser: { parse(text: string): unknown };
  fromParse5: typeof FromParse5;
  VFile: typeof VFileClass;
}

let rehypeStack: RehypeStack | null = null;

function loadRehypeStack(): RehypeStack {
  if (rehypeStack) return rehypeStack;
  const require = createRequire(import.meta.url);
  const { unified } = require('unified') as { unified: typeof Unified };
  const rehypeParse = (require('rehype-parse') as { default: typeof RehypeParse }).default;
  const { fromParse5 } = require('hast-util-from-parse5') as { fromParse5: typeof FromParse5 };
  const { VFile } = require('vfile') as { VFile: typeof VFileClass };
  rehypeStack = { parser: unified().use(rehypeParse).freeze(), fromParse5, VFile };
  return rehypeStack;
}

/**
 * The nesting level (`<html>` is 1) whose elements take every deeper element as a child, as
 * in Chromium and WebKit: no element is more than one level below it.
 */
export const maxElementDepth = 512;

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

/** What was changed to keep the tree within `maxElementDepth`. */
export interface FlattenedTree {
  /** How deep the deepest element was. */
  deepest: number;
  /** Elements that were deeper than the limit, now children of the element at the limit. */
  elements: number;
  /** Of those, `<a>` and `<area>` elements with an `href`: links read without their context. */
  links: number;
}

/** A parsed document, and what was flattened (null when nothing was that deep). */
export interface ParsedHtml {
  tree: Root;
  flattened: FlattenedTree | null;
}

/**
 * Parse an HTML document.
 * @param text the document's text
 */
export function parseHtml(text: string): ParsedHtml {
  const { parser, fromParse5, VFile } = loadRehypeStack();
  try {
    const tree = parser.parse(text) as Root;
    if (!nestedDeeperThan(tree, maxElementDepth)) return { tree, flattened: null };
  } catch (error) {
    // Note: a tree thousands of levels deep overflows the stack in hast-util-from-parse5.
    if (!(error instanceof RangeError)) throw error;
  }
  const document = parse(text, { sourceCodeLocationInfo: true, scriptingEnabled: false });
  const flattened = flattenDeepElements(document, maxElementDepth);
  const tree = fromParse5(document, { file: new VFile(text) }) as Root;
  return { tree, flattened };
}

/**
 * Whether an element of the tree is nested deeper than `limit` (`<html>` is 1; a template's
 * content counts from the template). One pass, no recursion, elements with children only.
 */
function nestedDeeperThan(root: Root, limit: number): boolean {
  const nodes: (Root | Element)[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (node.type === 'element' && node.tagName === 'template' && node.content) {
      nodes.push(node.content as Root);
      depths.push(depth);
    }
    const children: RootContent[] = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      if (child.type !== 'element') continue;
      if (depth + 1 > limit) return true;
      if (child.children.length > 0 || child.tagName === 'template') {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

/**
 * Make every element nested deeper than `limit` a child of its ancestor at `limit`, in
 * document order, with its own text and comments (unlike Chromium, which moves those too:
 * a link keeps its text). Template contents are flattened the same way, counting from the
 * template's depth. One pass over the tree, no recursion.
 */
export function flattenDeepElements(root: ParentNode, limit: number): FlattenedTree | null {
  let result: FlattenedTree | null = null;
  // Note: two plain stacks, and only elements with something inside are visited: this runs
  // on every page, and almost none is deep.
  const nodes: ParentNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    const content = (node as DefaultTreeAdapterMap['template']).content;
    if (content) {
      nodes.push(content);
      depths.push(depth);
    }
    const children = node.childNodes;
    if (depth === limit) {
      if (children.some(hasElementChildren)) {
        result ??= { deepest: 0, elements: 0, links: 0 };
        const deepest = hoistDescendants(node, limit, result);
        result.deepest = Math.max(result.deepest, deepest);
      }
      // A template just below the limit keeps its content apart: flatten it on its own.
      for (const child of node.childNodes) {
        const inner = (child as DefaultTreeAdapterMap['template']).content;
        if (!inner?.childNodes.some(hasElementChildren)) continue;
        result ??= { deepest: 0, elements: 0, links: 0 };
        flattenTemplateContent(inner, limit + 1, result);
      }
      continue;
    }
    for (let i = 0; i < children.length; i++) {
      const child = children[i] as Partial<ParentNode> & { nodeName: string };
      if (
        child.childNodes !== undefined &&
        (child.childNodes.length > 0 || child.nodeName === 'template')
      ) {
        nodes.push(child as ParentNode);
        depths.push(depth + 1);
      }
    }
  }
  return result;
}

function hasElementChildren(node: ChildNode): boolean {
  return 'childNodes' in node && node.childNodes.some((child) => 'tagName' in child);
}

/**
 * Replace the children of `parent` (an element at `limit`) with its child elements and
 * every element below them, in document order, each keeping only its text and comments.
 * @returns the depth of the deepest element found
 */
function hoistDescendants(parent: ParentNode, limit: number, counts: FlattenedTree): number {
  const hoisted: ChildNode[] = [];
  let deepest = limit;
  const stack: { node: ChildNode; depth: number }[] = [...parent.childNodes]
    .reverse()
    .map((node) => ({ node, depth: limit + 1 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    hoisted.push(node);
    node.parentNode = parent;
    if (!('tagName' in node)) continue;
    deepest = Math.max(deepest, depth);
    if (depth > limit + 1) {
      counts.elements++;
      if (
        (node.tagName === 'a' || node.tagName === 'area') &&
        node.attrs.some((attr) => attr.name === 'href')
      ) {
        counts.links++;
      }
    }
    const children = node.childNodes;
    node.childNodes = children.filter((child) => !('tagName' in child));
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      if ('tagName' in child) stack.push({ node: child, depth: depth + 1 });
    }
    const content = (node as DefaultTreeAdapterMap['template']).content;
    if (content) flattenTemplateContent(content, depth, counts);
  }
  parent.childNodes = hoisted;
  return deepest;
}

/**
 * Flatten the content of a template that was itself hoisted (it now stands at the limit + 1):
 * every element in it becomes a child of the content.
 */
function flattenTemplateContent(content: ParentNode, depth: number, counts: FlattenedTree): void {
  if (!content.childNodes.some(hasElementChildren)) return;
  const inner: FlattenedTree = { deepest: 0, elements: 0, links: 0 };
  const deepest = hoistDescendants(content, 0, inner);
  counts.elements += inner.elements;
  counts.links += inner.links;
  counts.deepest = Math.max(counts.deepest, depth + deepest);
}
