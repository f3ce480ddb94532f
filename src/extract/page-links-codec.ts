/**
 * `PageLinks` as one compact string, for the two places a page's extraction travels: from
 * a worker thread to the main thread, and into the cache and back.
 *
 * A JSON array with a string table and one flat array of numbers for the links: a page of
 * 100 links is one array of 1,400 numbers instead of 100 objects, which crosses threads
 * and parses several times faster than the objects would, and repeated strings (the same
 * href on every nav link) are written once. Decoding validates everything it reads, since
 * a cache entry is a file anyone could have changed.
 */
import type {
  AnchorSource,
  ContentSignals,
  EmptyResource,
  ExtractedLink,
  LinkKind,
  LinkScope,
  MixedContentClass,
  PageFacts,
  PageLinks,
  Placement,
  Position,
} from './types.js';

/** Version of the encoding; part of every cache key. */
export const pageLinksFormat = 3;

const kinds: readonly LinkKind[] = ['navigation', 'resource', 'metadata'];
const scopes: readonly LinkScope[] = ['internal', 'outbound', 'other'];
const textSources: readonly AnchorSource[] = ['text', 'alt', 'aria-label', 'title', 'none'];
const placements: readonly Placement[] = ['nav', 'header', 'footer', 'aside', 'content'];
/** `ExtractedLink.mixedContent` as one character per link: none, upgradeable, blockable. */
const mixedCodes = ['-', 'u', 'b'] as const;
const mixedClasses: readonly (MixedContentClass | undefined)[] = [
  undefined,
  'upgradeable',
  'blockable',
];
const emptyReasons: readonly EmptyResource['reason'][] = ['empty', 'missing'];
/** Numbers per empty resource. */
const emptyWidth = 8;

/** Numeric signals, in this order; `assetOverride` follows them. */
const signalNames = [
  'words',
  'sections',
  'tables',
  'tableRows',
  'charts',
  'downloads',
  'forms',
  'inputs',
  'buttons',
  'canvas',
  'islands',
  'images',
  'largeImages',
  'definitions',
  'codeBlocks',
] as const satisfies readonly (keyof ContentSignals)[];

/**
 * The `rel` of every decoded link without one. Frozen: shared by a million links on a large
 * site, and nothing may change a link's `rel`.
 */
const noRel: string[] = Object.freeze([]) as unknown as string[];

/**
 * The `rel` lists of decoded links, one frozen list per distinct value: a site has a
 * handful (`noopener noreferrer` on every outbound link), and a list per link was 60 bytes
 * each on a million links. Bounded, like the interner: past the bound, lists are made anew.
 */
const relLists = new Map<string, string[]>();
const maxRelLists = 10_000;

function relList(value: string): string[] {
  let list = relLists.get(value);
  if (list === undefined) {
    list = Object.freeze(value.split(' ')) as unknown as string[];
    if (relLists.size < maxRelLists) relLists.set(value, list);
  }
  return list;
}

/** The position of every decoded link whose position is not known, shared and frozen. */
const unavailable: Position = Object.freeze({ type: 'unavailable' });

/** Numbers per link in the flat link array. */
const linkWidth = 14;

/** Encode a page's extraction as one JSON string (no line breaks in it). */
export function encodePageLinks(page: PageLinks): string {
  const strings: string[] = [];
  const indexes = new Map<string, number>();
  const add = (value: string): number => {
    let index = indexes.get(value);
    if (index === undefined) {
      index = strings.length;
      strings.push(value);
      indexes.set(value, index);
    }
    return index;
  };
  const addNullable = (value: string | null): number => (value === null ? -1 : add(value));

  const links: number[] = new Array(page.links.length * linkWidth);
  let at = 0;
  for (const link of page.links) {
    links[at++] = add(link.element);
    links[at++] = add(link.attribute);
    links[at++] = kinds.indexOf(link.kind);
    links[at++] = add(link.href);
    links[at++] = addNullable(link.url);
    links[at++] = scopes.indexOf(link.scope);
    links[at++] = link.rel.length === 0 ? -1 : add(link.rel.join(' '));
    links[at++] = addNullable(link.target);
    links[at++] = addNullable(link.hreflang);
    links[at++] = add(link.text);
    links[at++] = textSources.indexOf(link.textSource);
    links[at++] = placements.indexOf(link.placement);
    links[at++] = link.position.type === 'source' ? link.position.line : 0;
    links[at++] = link.position.type === 'source' ? link.position.column : 0;
  }
  const { facts, signals } = page;
  const encoded = [
    pageLinksFormat,
    strings,
    add(page.file),
    add(page.url),
    page.ids.map(add),
    [
      addNullable(facts.title),
      addNullable(facts.h1),
      addNullable(facts.lang),
      addNullable(facts.contentLang),
      addNullable(facts.canonical),
      facts.robots.noindex ? 1 : 0,
      facts.robots.nofollow ? 1 : 0,
      facts.refresh === null ? -1 : add(facts.refresh.url),
      facts.refresh === null ? 0 : facts.refresh.delay,
      facts.hreflang.flatMap(({ lang, url }) => [add(lang), add(url)]),
      facts.jsonLdTypes.map(add),
      addNullable(facts.generator),
      // Note: -2 when the page has no `base` fact at all (a page that could not be parsed).
      facts.base === undefined ? -2 : addNullable(facts.base),
    ],
    [...signalNames.map((name) => signals[name]), addNullable(signals.assetOverride)],
    page.problems === undefined ? -1 : page.problems.map(add),
    links,
    encodeResources(page, add),
  ];
  return JSON.stringify(encoded);
}

/**
 * The resource facts of a page (`mixedContent` of each link, `emptyResources`,
 * `upgradesInsecureRequests`), or -1 when it has none: `[mixed, empty, upgrades]`.
 */
function encodeResources(page: PageLinks, add: (value: string) => number): unknown {
  let mixed = '';
  let anyMixed = false;
  for (const link of page.links) {
    const index = mixedClasses.indexOf(link.mixedContent);
    if (index > 0) anyMixed = true;
    mixed += mixedCodes[index];
  }
  const empty = page.emptyResources ?? [];
  if (!anyMixed && empty.length === 0 && !page.upgradesInsecureRequests) return -1;
  const emptyData: number[] = [];
  for (const item of empty) {
    emptyData.push(
      add(item.element),
      add(item.attribute),
      emptyReasons.indexOf(item.reason),
      item.rel.length === 0 ? -1 : add(item.rel.join(' ')),
      add(item.text),
      placements.indexOf(item.placement),
      item.position.type === 'source' ? item.position.line : 0,
      item.position.type === 'source' ? item.position.column : 0,
    );
  }
  return [anyMixed ? mixed : '', emptyData, page.upgradesInsecureRequests ? 1 : 0];
}

/** Why an encoded page could not be decoded. */
export class PageLinksCodecError extends Error {}

/**
 * Decode a page encoded by `encodePageLinks`, checking every value.
 * @param intern returns one shared copy of a string: used for hrefs and URLs, which name the
 *   same few thousand pages from every page, and for the texts of navigation, header,
 *   footer and sidebar links, which repeat on every page (a thousand pages then hold one
 *   copy of the footer's texts, not a thousand)
 * @throws PageLinksCodecError naming what is wrong
 */
export function decodePageLinks(
  text: string,
  intern: (value: string) => string = (value) => value,
): PageLinks {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new PageLinksCodecError(`not JSON (${(error as Error).message})`);
  }
  const top = expectArray(data, 10, 'the page');
  if (top[0] !== pageLinksFormat) throw new PageLinksCodecError('another encoding version');
  const table = expectArray(top[1], -1, 'the string table');
  for (const value of table) {
    if (typeof value !== 'string') {
      throw new PageLinksCodecError('a string table entry is not text');
    }
  }
  const strings = table as string[];
  const string = (value: unknown, what: string): string => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= strings.length) {
      throw new PageLinksCodecError(`${what}: no such string`);
    }
    return strings[value as number]!;
  };
  const interned = new Uint8Array(strings.length);
  const shared = (value: unknown, what: string): string => {
    const found = string(value, what);
    const index = value as number;
    if (interned[index] === 0) {
      interned[index] = 1;
      strings[index] = intern(found);
    }
    return strings[index]!;
  };
  const linkString = (value: unknown, what: string, repeated: boolean): string =>
    repeated ? shared(value, what) : string(value, what);
  const nullable = (value: unknown, what: string): string | null =>
    value === -1 ? null : string(value, what);
  const strings$ = (value: unknown, what: string): string[] =>
    expectArray(value, -1, what).map((item) => string(item, what));

  const factsData = expectArray(top[5], 13, 'the facts');
  const hreflang = expectArray(factsData[9], -1, 'hreflang');
  if (hreflang.length % 2 !== 0) throw new PageLinksCodecError('hreflang: odd length');
  const hreflangFacts: PageFacts['hreflang'] = [];
  for (let i = 0; i < hreflang.length; i += 2) {
    hreflangFacts.push({
      lang: string(hreflang[i], 'hreflang'),
      url: string(hreflang[i + 1], 'hreflang'),
    });
  }
  const refreshUrl = nullable(factsData[7], 'refresh');
  const facts: PageFacts = {
    title: nullable(factsData[0], 'title'),
    h1: nullable(factsData[1], 'h1'),
    lang: nullable(factsData[2], 'lang'),
    contentLang: nullable(factsData[3], 'contentLang'),
    canonical: nullable(factsData[4], 'canonical'),
    robots: {
      noindex: expectFlag(factsData[5], 'noindex'),
      nofollow: expectFlag(factsData[6], 'nofollow'),
    },
    refresh:
      refreshUrl === null ? null : { url: refreshUrl, delay: expectCount(factsData[8], 'delay') },
    hreflang: hreflangFacts,
    jsonLdTypes: strings$(factsData[10], 'jsonLdTypes'),
    generator: nullable(factsData[11], 'generator'),
  };
  if (factsData[12] !== -2) facts.base = nullable(factsData[12], 'base');

  const signalData = expectArray(top[6], signalNames.length + 1, 'the signals');
  const signals = {} as ContentSignals;
  signalNames.forEach((name, i) => {
    signals[name] = expectCount(signalData[i], name);
  });
  signals.assetOverride = nullable(signalData[signalNames.length], 'assetOverride');

  const linkData = expectArray(top[8], -1, 'the links');
  if (linkData.length % linkWidth !== 0) throw new PageLinksCodecError('the links: wrong length');
  const links: ExtractedLink[] = new Array(linkData.length / linkWidth);
  for (let i = 0, at = 0; at < linkData.length; i++, at += linkWidth) {
    const placement = expectEnum(placements, linkData[at + 11], 'placement');
    const repeated = placement !== 'content';
    const rel = nullable(linkData[at + 6], 'rel');
    const line = linkData[at + 12];
    const column = linkData[at + 13];
    let position: Position;
    if (line === 0 && column === 0) position = unavailable;
    else position = { type: 'source', line: expectPositive(line), column: expectPositive(column) };
    links[i] = {
      element: shared(linkData[at], 'element'),
      attribute: shared(linkData[at + 1], 'attribute'),
      kind: expectEnum(kinds, linkData[at + 2], 'kind'),
      href: shared(linkData[at + 3], 'href'),
      url: linkData[at + 4] === -1 ? null : shared(linkData[at + 4], 'url'),
      scope: expectEnum(scopes, linkData[at + 5], 'scope'),
      rel: rel === null ? noRel : relList(rel),
      target: nullable(linkData[at + 7], 'target'),
      hreflang: nullable(linkData[at + 8], 'hreflang'),
      text: linkString(linkData[at + 9], 'text', repeated),
      textSource: expectEnum(textSources, linkData[at + 10], 'textSource'),
      placement,
      position,
    };
  }

  const page: PageLinks = {
    file: string(top[2], 'file'),
    url: string(top[3], 'url'),
    links,
    ids: strings$(top[4], 'ids'),
    facts,
    signals,
  };
  if (top[7] !== -1) page.problems = strings$(top[7], 'problems');
  if (top[9] !== -1) decodeResources(top[9], page, string);
  return page;
}

/** Decode what `encodeResources` wrote onto the page. */
function decodeResources(
  value: unknown,
  page: PageLinks,
  string: (value: unknown, what: string) => string,
): void {
  const [mixed, emptyData, upgrades] = expectArray(value, 3, 'the resource facts');
  if (typeof mixed !== 'string' || (mixed !== '' && mixed.length !== page.links.length)) {
    throw new PageLinksCodecError('mixed content: not one code per link');
  }
  for (let i = 0; i < mixed.length; i++) {
    const index = mixedCodes.indexOf(mixed[i] as (typeof mixedCodes)[number]);
    if (index === -1) throw new PageLinksCodecError('mixed content: unknown code');
    const mixedClass = mixedClasses[index];
    if (mixedClass) page.links[i]!.mixedContent = mixedClass;
  }
  const empty = expectArray(emptyData, -1, 'the empty resources');
  if (empty.length % emptyWidth !== 0) {
    throw new PageLinksCodecError('the empty resources: wrong length');
  }
  const resources: EmptyResource[] = [];
  for (let at = 0; at < empty.length; at += emptyWidth) {
    const line = empty[at + 6];
    const column = empty[at + 7];
    const rel = empty[at + 3] === -1 ? null : string(empty[at + 3], 'rel');
    resources.push({
      element: string(empty[at], 'element'),
      attribute: string(empty[at + 1], 'attribute'),
      reason: expectEnum(emptyReasons, empty[at + 2], 'reason'),
      rel: rel === null ? [] : rel.split(' '),
      text: string(empty[at + 4], 'text'),
      placement: expectEnum(placements, empty[at + 5], 'placement'),
      position:
        line === 0 && column === 0
          ? { type: 'unavailable' }
          : { type: 'source', line: expectPositive(line), column: expectPositive(column) },
    });
  }
  if (resources.length > 0) page.emptyResources = resources;
  if (expectFlag(upgrades, 'upgradesInsecureRequests')) page.upgradesInsecureRequests = true;
}

function expectArray(value: unknown, length: number, what: string): unknown[] {
  if (!Array.isArray(value) || (length !== -1 && value.length !== length)) {
    throw new PageLinksCodecError(`${what}: not the expected list`);
  }
  return value;
}

function expectEnum<T>(values: readonly T[], value: unknown, what: string): T {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= values.length) {
    throw new PageLinksCodecError(`${what}: unknown value`);
  }
  return values[value as number]!;
}

function expectCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new PageLinksCodecError(`${what}: not a count`);
  }
  return value;
}

function expectPositive(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) < 1) {
    throw new PageLinksCodecError('position: not a line and column');
  }
  return value as number;
}

function expectFlag(value: unknown, what: string): boolean {
  if (value !== 0 && value !== 1) throw new PageLinksCodecError(`${what}: not 0 or 1`);
  return value === 1;
}
