import { describe, expect, it } from 'vitest';
import { compareFindings, createFinding } from '../../src/findings/finding.js';

const inStylesheet = (file: string, line: number) =>
  createFinding('broken-resource', {
    file,
    link: {
      href: '/missing.woff2',
      url: 'https://example.com/missing.woff2',
      element: 'stylesheet',
      attribute: 'url()',
      text: '',
      placement: 'content',
      position: { type: 'source', line, column: 1 },
    },
    details: { target: '/missing.woff2', suggestion: null, file: `/${file}`, loadedBy: 1 },
  });

describe('compareFindings', () => {
  it('keeps the findings of one stylesheet together, then orders them by line', () => {
    const findings = [
      inStylesheet('b.css', 1),
      inStylesheet('a.css', 9),
      inStylesheet('b.css', 5),
      inStylesheet('a.css', 2),
    ];
    const order = findings
      .sort(compareFindings)
      .map(
        (finding) =>
          `${finding.file}:${finding.link?.position.type === 'source' ? finding.link.position.line : 0}`,
      );
    expect(order).toEqual(['a.css:2', 'a.css:9', 'b.css:1', 'b.css:5']);
  });
});
