import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  findingDefinitions,
  findingDocsSlug,
  findingTypes,
  linkReportOptionsSchema,
} from '../src/index.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const start =
  '<!-- findings:start (generated from src/findings/definitions.ts: UPDATE_README=1 npx vitest run test/readme.test.ts) -->';
const end = '<!-- findings:end -->';

/** The README's table of finding types, from the one definitions table. */
function renderFindingsTable(): string {
  const rows = findingTypes.map((type) => {
    const definition = findingDefinitions[type];
    const anchor = `<a id="${findingDocsSlug(type)}"></a>`;
    return `| ${anchor}\`${type}\` | ${definition.title} | ${definition.category} | ${definition.severity} | ${definition.description.replaceAll('|', '\\|')} |`;
  });
  return [
    '| Type | Title | Category | Default severity | When |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

describe('README', () => {
  it('lists every finding type with the severity and description of the definitions table', () => {
    const readme = readFileSync(readmeUrl, 'utf8');
    const from = readme.indexOf(start);
    const to = readme.indexOf(end);
    expect(from, `README.md must contain ${start}`).toBeGreaterThan(-1);
    expect(to).toBeGreaterThan(from);
    const expected = `${start}\n${renderFindingsTable()}\n${end}`;
    const actual = readme.slice(from, to + end.length);
    if (process.env.UPDATE_README === '1' && actual !== expected) {
      writeFileSync(readmeUrl, readme.slice(0, from) + expected + readme.slice(to + end.length));
      return;
    }
    expect(actual).toBe(expected);
  });

  it('documents every option', () => {
    const readme = readFileSync(readmeUrl, 'utf8');
    for (const key of Object.keys(linkReportOptionsSchema.shape)) {
      expect(readme, `option ${key} is not in README.md`).toContain(`\`${key}\``);
    }
  });
});
