import type { Element, ElementContent, Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { maxElementDepth, parseHtml } from '../../src/extract/parse-html.js';

/** Every element's tag and depth (`<html>` is 1), in document order, templates included. */
function depths(tree: Root): [string, number][] {
  const out: [string, number][] = [];
  const stack: { node: ElementContent; depth: number }[] = tree.children
    .filter((node): node is Element => node.type === 'element')
    .reverse()
    .map((node) => ({ node, depth: 1 }));
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.type !== 'element') continue;
    out.push([node.tagName, depth]);
    const children = [...node.children, ...(node.content?.children ?? [])] as ElementContent[];
    for (let i = children.length - 1; i >= 0; i--)
      stack.push({ node: children[i]!, depth: depth + 1 });
  }
  return out;
}

describe('parsing HTML', () => {
  it('leaves a document within the limit as parse5 builds it', () => {
    const { tree, flattened } = parseHtml(
      `${'<div>'.repeat(maxElementDepth - 2)}<a href="/x/">x</a>`,
    );
    expect(flattened).toBeNull();
    expect(Math.max(...depths(tree).map(([, depth]) => depth))).toBe(maxElementDepth + 1);
  });

  it('makes every deeper element a child of the element at level 512, in document order', () => {
    const html = `${'<div>'.repeat(600)}<p id="a">a<span id="b">b</span></p><a href="/c/">c<i>i</i></a>`;
    const { tree, flattened } = parseHtml(html);
    const all = depths(tree);
    expect(Math.max(...all.map(([, depth]) => depth))).toBe(maxElementDepth + 1);
    // html, head, body: divs start at level 3 (body's children).
    expect(all.slice(-5)).toEqual([
      ['div', maxElementDepth + 1],
      ['p', maxElementDepth + 1],
      ['span', maxElementDepth + 1],
      ['a', maxElementDepth + 1],
      ['i', maxElementDepth + 1],
    ]);
    // The divs from level 514 down to 602, and p, span, a and i at 603 and 604.
    expect(flattened).toEqual({ deepest: 604, elements: 89 + 4, links: 1 });
  });

  it('keeps each moved element its own text and its position in the file', () => {
    const html = `${'<div>'.repeat(600)}\n  <a href="/c/">link <b>bold</b> text</a>`;
    const { tree } = parseHtml(html);
    const stack: ElementContent[] = [...(tree.children as ElementContent[])];
    let link: Element | null = null;
    while (stack.length > 0 && link === null) {
      const node = stack.pop()!;
      if (node.type !== 'element') continue;
      if (node.tagName === 'a') link = node;
      stack.push(...node.children);
    }
    expect(
      link?.children.map((child) => (child.type === 'text' ? child.value : child.type)),
    ).toEqual(['link ', ' text']);
    expect(link?.position?.start).toMatchObject({ line: 2, column: 3 });
  });

  it('flattens a deep template content just below the limit', () => {
    const html = `${'<div>'.repeat(510)}<template>${'<section>'.repeat(5000)}<a href="/t/">t</a></template>`;
    const { flattened } = parseHtml(html);
    expect(flattened?.links).toBe(1);
    expect(flattened?.deepest).toBeGreaterThan(5000);
  });

  it('flattens the content of templates too, counting from where they are', () => {
    const html = `${'<div>'.repeat(505)}<template>${'<section>'.repeat(20)}<a href="/t/">t</a></template>`;
    const { tree, flattened } = parseHtml(html);
    expect(Math.max(...depths(tree).map(([, depth]) => depth))).toBe(maxElementDepth + 1);
    expect(flattened?.links).toBe(1);
  });
});
