/**
 * The rules table for linkable assets: each asset type, the content signals that count
 * for it, their thresholds and weights. `classifyAsset` (in `linkable-assets.ts`) runs
 * this table; `docs/analysis.md` describes it. Change a threshold here and there only.
 */
import type { ContentSignals } from '../extract/types.js';

/** Every asset type, in tie-break order: when two types score the same, the first wins. */
export const assetTypes = [
  'tool',
  'research',
  'glossary',
  'case-study',
  'infographic',
  'guide',
] as const;

/** A kind of content that earns, or can earn, links from other sites. */
export type AssetType = (typeof assetTypes)[number];

/** What the rules read about one page. */
export interface AssetRuleInput {
  /** URL path of the page. */
  path: string;
  title: string | null;
  h1: string | null;
  signals: ContentSignals;
  /** JSON-LD `@type`s of the page. */
  jsonLdTypes: readonly string[];
}

/** One signal of a rule: a test that, when it fires, says why in words. */
export interface AssetSignal {
  /** Stable identifier, e.g. `data-tables`. */
  id: string;
  /** Points this signal adds to the type's score. */
  weight: number;
  /** The threshold in words, for the docs. */
  rule: string;
  /** A description of what fired (with the page's own numbers), or `null` when it did not. */
  test: (input: AssetRuleInput) => string | null;
}

/** How one asset type is recognized. */
export interface AssetRule {
  type: AssetType;
  label: string;
  /** The type matches when the fired signals' weights add up to at least this… */
  minScore: number;
  /** …and at least one of these signals fired (the evidence that is not just words). */
  requires: readonly string[];
  /** Words in the URL or title that rule the type out (contact forms are not tools). */
  veto: readonly string[];
  signals: readonly AssetSignal[];
}

/** Minimum table rows (all tables of the page together) that count as a data table. */
export const minDataTableRows = 10;
/** Minimum words of an in-depth guide. */
export const minGuideWords = 1500;
/** Minimum `h2`–`h3` sections of an in-depth guide. */
export const minGuideSections = 6;
/** Most words of an infographic page (an image with a caption and some context). */
export const maxInfographicWords = 400;
/** Minimum `<dt>` terms of a glossary built from a definition list. */
export const minGlossaryTerms = 10;
/** Minimum sections of a glossary that uses one heading per term. */
export const minGlossarySections = 10;
/** Minimum words of a case study. */
export const minCaseStudyWords = 500;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * A test on the words of the page's URL path, title and h1: lower-cased, split on anything
 * that is not a letter or digit. Each phrase matches whole words, with an optional plural `s`.
 */
function wordsSignal(id: string, phrases: readonly string[], weight = 1): AssetSignal {
  const pattern = phraseMatcher(phrases);
  return {
    id,
    weight,
    rule: `URL or title contains ${phrases.map((p) => `"${p}"`).join(', ')}`,
    test: (input) => {
      const match = pattern.exec(pageWords(input));
      return match ? `URL or title says "${match[1]}"` : null;
    },
  };
}

/** A test on the page's JSON-LD types. */
function typeSignal(id: string, types: readonly string[], weight = 1): AssetSignal {
  return {
    id,
    weight,
    rule: `JSON-LD @type ${types.join(', ')}`,
    test: (input) => {
      const found = input.jsonLdTypes.map(shortType).filter((type) => types.includes(type));
      return found.length > 0 ? `JSON-LD @type ${[...new Set(found)].join(', ')}` : null;
    },
  };
}

/** The asset rules, in tie-break order. */
export const assetRules: readonly AssetRule[] = [
  {
    type: 'tool',
    label: 'Tool or interactive page',
    minScore: 2,
    requires: ['form-fields', 'canvas', 'islands'],
    veto: [
      'contact',
      'newsletter',
      'subscribe',
      'login',
      'log in',
      'sign in',
      'sign up',
      'signup',
      'register',
      'search',
      'checkout',
      'cart',
      'account',
      'feedback',
    ],
    signals: [
      {
        id: 'form-fields',
        weight: 1,
        rule: 'at least 1 form and 1 field (input, select, textarea)',
        test: ({ signals: s }) =>
          s.forms >= 1 && s.inputs >= 1
            ? `${plural(s.forms, 'form')} with ${plural(s.inputs, 'field')}`
            : null,
      },
      {
        id: 'canvas',
        weight: 1,
        rule: 'at least 1 canvas',
        test: ({ signals: s }) => (s.canvas >= 1 ? plural(s.canvas, 'canvas element') : null),
      },
      {
        id: 'islands',
        weight: 1,
        rule: 'at least 1 client island (astro-island)',
        test: ({ signals: s }) => (s.islands >= 1 ? plural(s.islands, 'client island') : null),
      },
      typeSignal('app-type', [
        'WebApplication',
        'SoftwareApplication',
        'MobileApplication',
        'VideoGame',
        'Game',
      ]),
      wordsSignal('tool-words', [
        'tool',
        'calculator',
        'checker',
        'generator',
        'converter',
        'estimator',
        'planner',
        'simulator',
        'quiz',
        'validator',
        'tester',
        'finder',
        'builder',
        'playground',
        'analyzer',
        'analyser',
        'visualizer',
        'visualiser',
        'editor',
      ]),
    ],
  },
  {
    type: 'research',
    label: 'Research and data',
    minScore: 2,
    requires: ['data-tables', 'charts', 'downloads', 'dataset-type'],
    veto: [],
    signals: [
      {
        id: 'data-tables',
        weight: 1,
        rule: `tables with at least ${minDataTableRows} rows in all`,
        test: ({ signals: s }) =>
          s.tables >= 1 && s.tableRows >= minDataTableRows
            ? `${plural(s.tables, 'table')} with ${plural(s.tableRows, 'row')} (≥ ${minDataTableRows})`
            : null,
      },
      {
        id: 'charts',
        weight: 1,
        rule: 'at least 1 chart',
        test: ({ signals: s }) => (s.charts >= 1 ? plural(s.charts, 'chart') : null),
      },
      {
        id: 'downloads',
        weight: 1,
        rule: 'at least 1 download (data or document file, or a[download])',
        test: ({ signals: s }) => (s.downloads >= 1 ? plural(s.downloads, 'download') : null),
      },
      typeSignal('dataset-type', [
        'Dataset',
        'DataCatalog',
        'DataDownload',
        'ScholarlyArticle',
        'Report',
      ]),
      wordsSignal('research-words', [
        'study',
        'studies',
        'survey',
        'research',
        'report',
        'statistics',
        'stats',
        'data',
        'dataset',
        'benchmark',
        'census',
        'state of',
        'findings',
      ]),
    ],
  },
  {
    type: 'glossary',
    label: 'Glossary',
    minScore: 2,
    requires: ['definition-list', 'term-set-type', 'glossary-words'],
    veto: [],
    signals: [
      {
        id: 'definition-list',
        weight: 2,
        rule: `at least ${minGlossaryTerms} defined terms (dt)`,
        test: ({ signals: s }) =>
          s.definitions >= minGlossaryTerms
            ? `${plural(s.definitions, 'defined term')} (≥ ${minGlossaryTerms})`
            : null,
      },
      typeSignal('term-set-type', ['DefinedTermSet', 'DefinedTerm'], 2),
      wordsSignal('glossary-words', [
        'glossary',
        'dictionary',
        'terminology',
        'definitions',
        'jargon',
        'a to z',
      ]),
      {
        id: 'many-sections',
        weight: 1,
        rule: `at least ${minGlossarySections} sections (h2–h3)`,
        test: ({ signals: s }) =>
          s.sections >= minGlossarySections
            ? `${plural(s.sections, 'section')} (≥ ${minGlossarySections})`
            : null,
      },
    ],
  },
  {
    type: 'case-study',
    label: 'Case study',
    minScore: 2,
    requires: ['case-study-words'],
    veto: [],
    signals: [
      wordsSignal('case-study-words', [
        'case study',
        'case studies',
        'customer story',
        'success story',
      ]),
      {
        id: 'substantial',
        weight: 1,
        rule: `at least ${minCaseStudyWords} words`,
        test: ({ signals: s }) =>
          s.words >= minCaseStudyWords ? `${s.words} words (≥ ${minCaseStudyWords})` : null,
      },
      {
        id: 'results',
        weight: 1,
        rule: 'at least 1 table or chart',
        test: ({ signals: s }) =>
          s.tables + s.charts >= 1
            ? `${plural(s.tables, 'table')} and ${plural(s.charts, 'chart')}`
            : null,
      },
    ],
  },
  {
    type: 'infographic',
    label: 'Infographic',
    minScore: 2,
    requires: ['large-image-few-words'],
    veto: [],
    signals: [
      {
        id: 'large-image-few-words',
        weight: 1,
        rule: `at least 1 large image (≥ 800 px wide or ≥ 600 px tall) and at most ${maxInfographicWords} words`,
        test: ({ signals: s }) =>
          s.largeImages >= 1 && s.words <= maxInfographicWords
            ? `${plural(s.largeImages, 'large image')} and ${plural(s.words, 'word')} (≤ ${maxInfographicWords})`
            : null,
      },
      typeSignal('image-type', ['ImageObject']),
      {
        id: 'charts',
        weight: 1,
        rule: 'at least 1 chart',
        test: ({ signals: s }) => (s.charts >= 1 ? plural(s.charts, 'chart') : null),
      },
      wordsSignal('infographic-words', [
        'infographic',
        'poster',
        'cheat sheet',
        'cheatsheet',
        'visual guide',
        'illustrated',
        'diagram',
        'chart',
      ]),
    ],
  },
  {
    type: 'guide',
    label: 'In-depth guide',
    minScore: 2,
    requires: ['long-read'],
    veto: [],
    signals: [
      {
        id: 'long-read',
        weight: 1,
        rule: `at least ${minGuideWords} words`,
        test: ({ signals: s }) =>
          s.words >= minGuideWords ? `${s.words} words (≥ ${minGuideWords})` : null,
      },
      {
        id: 'many-sections',
        weight: 1,
        rule: `at least ${minGuideSections} sections (h2–h3)`,
        test: ({ signals: s }) =>
          s.sections >= minGuideSections
            ? `${plural(s.sections, 'section')} (≥ ${minGuideSections})`
            : null,
      },
      typeSignal('article-type', ['Article', 'TechArticle', 'HowTo', 'LearningResource', 'Course']),
      wordsSignal('guide-words', [
        'guide',
        'how to',
        'tutorial',
        'handbook',
        'explained',
        'introduction',
        'primer',
        'playbook',
        'checklist',
        'step by step',
        'complete',
        'ultimate',
        '101',
      ]),
    ],
  },
];

/** The words of a page's URL path, title and h1, lower-cased, one space apart. */
export function pageWords(input: Pick<AssetRuleInput, 'path' | 'title' | 'h1'>): string {
  // Note: every words rule reads them, for every page: made once per input.
  let words = wordsOf.get(input);
  if (words === undefined) {
    words = readPageWords(input);
    wordsOf.set(input, words);
  }
  return words;
}

const wordsOf = new WeakMap<object, string>();

function readPageWords(input: Pick<AssetRuleInput, 'path' | 'title' | 'h1'>): string {
  let path = input.path;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Note: a malformed escape is read as written.
  }
  return [path, input.title ?? '', input.h1 ?? '']
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
}

/** `https://schema.org/Dataset` and `schema:Dataset` are `Dataset`. */
function shortType(type: string): string {
  return type.replace(/^.*[/:#]/, '');
}

/** A regex matching any phrase as whole words of `pageWords` output; group 1 is the match. */
export function phraseMatcher(phrases: readonly string[]): RegExp {
  const alternatives = phrases
    .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return new RegExp(`(?:^| )((?:${alternatives})s?)(?= |$)`);
}
