/// <reference lib="dom" />
/**
 * The Link report app of Astro's dev toolbar (runs in the browser, in `astro dev` only).
 * It reads the page's links and resources from the live DOM, asks the dev server what each
 * points at (`POST /_link-report/page.json`), outlines the broken ones on the page with a
 * tooltip, and shows what the last build's report knows about the page.
 *
 * Note: one module with no imports at run time (types only), not even `astro/toolbar`
 * (`defineToolbarApp` is the identity): Vite serves this file as it is, and a dependency it
 * discovered late would be optimized again, which breaks the toolbar (withastro/astro#15857).
 * Every string from the page or the report goes in as text (`textContent`), or escaped where
 * the toolbar's elements take HTML (tooltips).
 */
import type { DevToolbarApp } from 'astro';
import type {
  CheckedReference,
  PageFacts,
  ReportState,
  ToolbarElement,
  ToolbarRequest,
  ToolbarResponse,
} from './protocol.js';

type Canvas = ShadowRoot;
type Level = CheckedReference['level'];

/** Most elements sent in one request (the endpoint accepts this many). */
const maxElements = 5000;
/** Most ids sent (the endpoint accepts this many). */
const maxIds = 50_000;
/** Longest attribute sent (the endpoint accepts this long); longer ones are not checked. */
const maxValueLength = 8192;

/** Elements that may hold URLs (the attributes are read below). */
const urlSelector =
  'a, area, img, source, link[href], script[src], iframe[src], embed[src], audio[src], video, track[src], object[data], form[action], input[src], use, image, meta[http-equiv]';
/** Attributes the dev server reads: the URLs, and what decides their kind. */
const urlAttributes = [
  'href',
  'src',
  'srcset',
  'poster',
  'data',
  'action',
  'xlink:href',
  'content',
  'http-equiv',
  'rel',
  'type',
  'target',
  'hreflang',
];

/** The site's base (Vite replaces `import.meta.env` in the modules it serves). */
function basePath(): string {
  const base = (import.meta as ImportMeta & { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return base.endsWith('/') ? base : `${base}/`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Fold whitespace as the build does for link text. */
const fold = (text: string | null | undefined): string =>
  (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 300);

/** An element and its tag, attribute values and text, as the dev server reads them. */
function readElement(element: Element, root: string | null): ToolbarElement | 'too long' | null {
  const attributes: Record<string, string> = {};
  for (const name of urlAttributes) {
    const value = element.getAttribute(name);
    if (value === null) continue;
    // A data: URL is never checked (and often huge): its scheme says all there is.
    if (/^[\t\n\f\r ]*data:/i.test(value)) attributes[name] = 'data:';
    else if (value.length > maxValueLength) return 'too long';
    else attributes[name] = value;
  }
  if (
    !['href', 'src', 'srcset', 'poster', 'data', 'action', 'xlink:href', 'content'].some(
      (n) => n in attributes,
    )
  ) {
    return null;
  }
  const tag = element.localName.toLowerCase();
  if (tag === 'meta' && attributes['http-equiv']?.trim().toLowerCase() !== 'refresh') return null;
  const placement = element.closest('nav, header, footer, aside');
  return {
    tag,
    attributes,
    text: accessibleText(element),
    placement: (placement?.localName as ToolbarElement['placement']) ?? 'content',
    writtenAt: writtenAt(element, root),
  };
}

/** The text a reader or a crawler takes for the element: its text, else alt, label, title. */
function accessibleText(element: Element): string {
  return (
    fold(element.localName === 'img' ? null : element.textContent) ||
    fold(element.querySelector('img[alt]')?.getAttribute('alt')) ||
    fold(element.getAttribute('alt')) ||
    fold(element.getAttribute('aria-label')) ||
    fold(element.getAttribute('title'))
  );
}

/** Where Astro says elements are written: `data-astro-source-file` and `-loc`, kept. */
const sourceAnnotations = new WeakMap<Element, { file: string; loc: string }>();

/**
 * Keep the source annotations of the page's elements.
 * Note: Astro's audit app removes these attributes when it starts (and after each
 * `<ClientRouter />` swap), so they are read when this module loads, which is before any
 * app starts, and by a swap listener registered before the audit app's.
 */
function keepSourceAnnotations(): void {
  for (const element of document.querySelectorAll('[data-astro-source-file]')) {
    sourceAnnotations.set(element, {
      file: element.getAttribute('data-astro-source-file') ?? '',
      loc: element.getAttribute('data-astro-source-loc') ?? '',
    });
  }
}
keepSourceAnnotations();
document.addEventListener('astro:after-swap', keepSourceAnnotations);

/** Where Astro says the element is written, relative to the project root. */
function writtenAt(element: Element, root: string | null): ToolbarElement['writtenAt'] {
  const annotation = sourceAnnotations.get(element) ?? {
    file: element.getAttribute('data-astro-source-file') ?? '',
    loc: element.getAttribute('data-astro-source-loc') ?? '',
  };
  const loc = /^(\d+):(\d+)$/.exec(annotation.loc);
  if (!annotation.file || !loc || root === null || !annotation.file.startsWith(root)) return null;
  return {
    file: annotation.file.slice(root.length),
    line: Number(loc[1]),
    column: Number(loc[2]),
  };
}

/** The project root the dev toolbar was given (to make source paths relative). */
function projectRoot(): string | null {
  const info = (window as Window & { __astro_dev_toolbar__?: { root?: string } })
    .__astro_dev_toolbar__;
  const root = info?.root ?? null;
  return root === null ? null : root.endsWith('/') ? root : `${root}/`;
}

/** The page's URL elements and ids, read now. */
function readPage(): { elements: Element[]; request: ToolbarRequest } {
  const root = projectRoot();
  const elements: Element[] = [];
  const read: ToolbarElement[] = [];
  let omitted = 0;
  for (const element of document.querySelectorAll(urlSelector)) {
    const item = readElement(element, root);
    if (item === null) continue;
    if (item === 'too long' || read.length >= maxElements) {
      omitted++;
      continue;
    }
    elements.push(element);
    read.push(item);
  }
  const ids = new Set<string>();
  for (const element of document.querySelectorAll('[id], a[name]')) {
    if (ids.size >= maxIds) break;
    if (element.id) ids.add(element.id);
    const name = element.localName === 'a' ? element.getAttribute('name') : null;
    if (name) ids.add(name);
  }
  const url = new URL(location.href);
  url.hash = '';
  return {
    elements,
    request: {
      page: url.href,
      baseUri: document.baseURI,
      title: document.title || null,
      robots: document.querySelector('meta[name="robots" i]')?.getAttribute('content') ?? null,
      elements: read,
      omitted,
      ids: [...ids],
    },
  };
}

/** Ask the dev server; a failure comes back as a message. */
async function ask(request: ToolbarRequest): Promise<ToolbarResponse | string> {
  try {
    const response = await fetch(`${basePath()}_link-report/page.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json().catch(() => null)) as
      | ToolbarResponse
      | { error?: string }
      | null;
    if (!response.ok || body === null || !('references' in body)) {
      const why = body && 'error' in body ? body.error : `HTTP ${response.status}`;
      return `The dev server could not check this page: ${why}`;
    }
    return body;
  } catch (error) {
    return `The dev server could not be reached: ${(error as Error).message}`;
  }
}

/** Create an element with attributes and children (strings become text). */
function h(
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (Node | string | null)[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null) element.append(child);
  return element;
}

const levelStyle: Record<Level, 'red' | 'yellow' | 'blue' | 'green'> = {
  error: 'red',
  warning: 'yellow',
  info: 'blue',
  ok: 'green',
};

function badge(text: string, style: 'red' | 'yellow' | 'blue' | 'green' | 'gray' | 'purple') {
  return h('astro-dev-toolbar-badge', { 'badge-style': style, size: 'small' }, text);
}

function ago(iso: string): string {
  const seconds = (Date.parse(iso) - Date.now()) / 1000;
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds), 'second');
}

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count} ${count === 1 ? one : many}`;

/** Badges that say it all at a glance: the links' problems and the page's status. */
function renderSummary(counts: Record<Level, number>, facts: PageFacts | null): HTMLElement {
  const badges: HTMLElement[] = [];
  if (counts.error > 0) badges.push(badge(plural(counts.error, 'error'), 'red'));
  if (counts.warning > 0) badges.push(badge(plural(counts.warning, 'warning'), 'yellow'));
  if (counts.error + counts.warning === 0) badges.push(badge('No link problems', 'green'));
  if (facts?.orphan) {
    badges.push(
      badge((facts.orphan.backlinks ?? 0) > 0 ? 'Orphan with backlinks' : 'Orphan', 'red'),
    );
  } else if (facts) {
    badges.push(badge(`Linked from ${plural(facts.page.metrics.linkingPages, 'page')}`, 'gray'));
  }
  return h('div', { class: 'summary', role: 'status' }, ...badges);
}

/** The line about the last build's report: missing, stale, or when it was written. */
function renderReportState(state: ReportState, facts: PageFacts | null): HTMLElement {
  if (state.status !== 'ok') {
    return h('div', { class: 'state warn' }, h('p', {}, state.message), h('p', {}, state.hint));
  }
  const lines: HTMLElement[] = [
    h('p', {}, `Facts from the last build's report, written ${ago(state.writtenAt)}.`),
  ];
  let warn = false;
  if (facts === null) {
    warn = true;
    lines.push(
      h('p', {}, 'This page is not in it: it is newer than the last build, or not built at all.'),
    );
  }
  for (const changed of state.changed) {
    warn = true;
    lines.push(
      h(
        'p',
        {},
        'The report is older than ',
        h('code', {}, changed.file),
        ` (changed ${ago(changed.changedAt)}).`,
      ),
    );
  }
  if (warn) lines.push(h('p', {}, state.hint));
  return h('div', { class: warn ? 'state warn' : 'state' }, ...lines);
}

/** Why the orphan analysis leaves a page out: a badge and a sentence. */
const excludedReasons: Record<NonNullable<PageFacts['excluded']>['reason'], [string, string]> = {
  home: ['Home page', 'Click depth counts from here; it is never an orphan.'],
  'not-found': ['404 page', 'Error pages are left out of the orphan analysis.'],
  error: ['500 page', 'Error pages are left out of the orphan analysis.'],
  redirect: ['Redirect', 'Redirects are left out of the orphan analysis.'],
  ignored: ['Ignored', 'ignore.pages leaves it out of the orphan analysis.'],
  noindex: ['noindex', 'Pages kept out of search engines are left out of the orphan analysis.'],
};

/** What a linking page is when it is not a content page. */
const inlinkKindNames: Record<PageFacts['inlinkKinds'][string], string> = {
  redirect: 'a redirect',
  fallback: "a locale's fallback copy",
  'not-found': 'the 404 page',
  error: 'the 500 page',
};

/** What the report knows about the page. */
function renderFacts(facts: PageFacts, state: ReportState & { status: 'ok' }): HTMLElement {
  const { page, orphan, island, boilerplateOnly, excluded, asset } = facts;
  const { metrics } = page;
  const status: HTMLElement[] = [];
  if (orphan) {
    const backlinks = orphan.backlinks ?? 0;
    status.push(
      h(
        'p',
        { class: 'status-line', 'data-fact': 'orphan' },
        badge(backlinks > 0 ? 'Orphan with backlinks' : 'Orphan', 'red'),
        backlinks > 0
          ? ` No other page links here from its content, yet ${plural(backlinks, 'backlink')} from ${plural(orphan.linkingSites ?? 0, 'site')} arrive: link to it from a related page first.`
          : ' No other page links here from its content.',
      ),
    );
  }
  if (island) {
    const why = {
      nofollow: 'the pages that link here do so with nofollow',
      orphans: 'only orphans link here',
      loop: 'only other unreachable pages link here',
    }[island.reason];
    status.push(
      h(
        'p',
        { class: 'status-line' },
        badge('Unreachable', 'yellow'),
        ` No path of links leads here from the home page: ${why}.`,
      ),
    );
  }
  if (boilerplateOnly) {
    status.push(
      h(
        'p',
        { class: 'status-line' },
        badge('Navigation only', 'yellow'),
        ` Linked only from navigation, header, footer or aside, never from content (${plural(boilerplateOnly.boilerplateInlinks, 'link')}).`,
      ),
    );
  }
  if (excluded && !orphan) {
    const [label, why] = excludedReasons[excluded.reason];
    status.push(h('p', { class: 'status-line' }, badge(label, 'gray'), ` ${why}`));
  }
  const rows: [string, string | HTMLElement][] = [
    [
      'Linked from',
      `${plural(metrics.linkingPages, 'page')} (${metrics.contextualLinkingPages} from their content)`,
    ],
    [
      'Click depth',
      metrics.clickDepth === null
        ? facts.home === null
          ? 'no home page was built'
          : 'unreachable from the home page'
        : `${plural(metrics.clickDepth, 'click')} from ${facts.home ?? 'the home page'}`,
    ],
    [
      'Link score',
      metrics.linkScore === null ? 'not scored (not a content page)' : `${metrics.linkScore} / 100`,
    ],
  ];
  if (state.inbound) {
    rows.push(
      ['Backlinks', metrics.backlinks === null ? 'none known' : String(metrics.backlinks)],
      [
        'Linking sites',
        metrics.linkingSites === null ? 'none known' : String(metrics.linkingSites),
      ],
    );
  }
  if (asset) {
    rows.push([
      'Linkable asset',
      `${asset.type} (${asset.source === 'signals' ? 'from its content' : asset.source === 'meta' ? 'declared in the page' : `assets option ${asset.pattern ?? ''}`})${asset.earning ? ', earning links' : ''}${asset.underPromoted ? ', under-promoted' : ''}${asset.underLinked ? ', under-linked internally' : ''}`,
    ]);
  } else if (facts.assetSuppressed) {
    rows.push(['Linkable asset', 'none (an override says so)']);
  }
  const list = h('dl', { class: 'metrics' });
  for (const [term, value] of rows) list.append(h('dt', {}, term), h('dd', {}, value));

  const section = h(
    'section',
    { 'aria-labelledby': 'lr-page-heading' },
    h('h2', { id: 'lr-page-heading' }, 'This page in the last build'),
    ...status,
    list,
  );
  if (asset && asset.signals.length > 0) {
    section.append(
      details(
        `Why it is a ${asset.type} (${asset.signals.length} signals)`,
        asset.signals.map((signal) => h('li', {}, signal.description)),
      ),
    );
  }
  if (page.inlinks.length > 0) {
    const items = page.inlinks.map((inlink) =>
      h(
        'li',
        {},
        h('a', { href: inlink.from }, inlink.from),
        inlink.anchors.length > 0 ? ` “${inlink.anchors.join('”, “')}”` : ' (no link text)',
        facts.inlinkKinds[inlink.from]
          ? ` · ${inlinkKindNames[facts.inlinkKinds[inlink.from]!]}, not counted`
          : ` · ${inlink.contextual} in content, ${inlink.boilerplate} in nav, header or footer`,
      ),
    );
    if (facts.inlinksOmitted > 0)
      items.push(h('li', {}, `and ${facts.inlinksOmitted} more in the full report`));
    section.append(
      details(`Pages linking here (${page.inlinks.length + facts.inlinksOmitted})`, items),
    );
  }
  if (page.inbound) {
    const inbound = page.inbound;
    const items = inbound.backlinks.map((link) =>
      h('li', {}, h('code', {}, link.sourceUrl), link.anchor ? ` “${link.anchor}”` : ''),
    );
    if (inbound.backlinksOmitted > 0)
      items.push(h('li', {}, `and ${inbound.backlinksOmitted} more`));
    if (items.length === 0) {
      items.push(h('li', {}, `From ${inbound.referringDomains.slice(0, 20).join(', ')}`));
    }
    section.append(
      details(
        `Backlinks (${inbound.incomingLinks} from ${plural(inbound.linkingSites, 'site')})`,
        items,
      ),
    );
  }
  if (facts.findings.length > 0) {
    const items = facts.findings.map((finding) =>
      h(
        'li',
        { 'data-level': finding.severity },
        badge(finding.type, levelStyle[finding.severity]),
        ` ${finding.message}`,
      ),
    );
    if (facts.findingsOmitted > 0)
      items.push(h('li', {}, `and ${facts.findingsOmitted} more in the full report`));
    section.append(
      details(
        `The last build's findings on this page (${facts.findings.length + facts.findingsOmitted})`,
        items,
      ),
    );
  }
  return section;
}

function details(summary: string, items: HTMLElement[]): HTMLElement {
  return h('details', {}, h('summary', {}, summary), h('ul', {}, ...items));
}

const rank: Record<Level, number> = { error: 0, warning: 1, info: 2, ok: 3 };

/** One line per reference: problems first, then the rest in page order. */
function renderReferences(
  response: ToolbarResponse,
  onShow: (element: number) => void,
  problemsOnly: boolean,
): HTMLElement {
  const references = response.references
    .map((reference, order) => ({ reference, order }))
    .sort((a, b) => rank[a.reference.level] - rank[b.reference.level] || a.order - b.order)
    .map(({ reference }) => reference)
    .filter(
      (reference) => !problemsOnly || reference.level === 'error' || reference.level === 'warning',
    );
  const list = h('ul', { class: 'references' });
  for (const reference of references) {
    const item = h('li', { 'data-level': reference.level, 'data-href': reference.href });
    const button = h(
      'button',
      { type: 'button', class: 'reference', title: 'Show it on the page' },
      badge(labelOf(reference, response), levelStyle[reference.level]),
      h('code', {}, `<${reference.tag} ${reference.attribute}>`),
      h('code', { class: 'href' }, reference.href || '(empty)'),
    );
    button.addEventListener('click', () => onShow(reference.element));
    item.append(button);
    for (const finding of reference.findings) {
      item.append(
        h(
          'p',
          { class: 'message' },
          finding.message,
          reference.failing.includes(finding.type) ? ' (fails the build)' : '',
        ),
        h('p', { class: 'hint' }, finding.hint),
      );
    }
    for (const finding of reference.lastBuild) {
      item.append(
        h('p', { class: 'message' }, `The last build: ${finding.message}`),
        h('p', { class: 'hint' }, finding.hint),
      );
    }
    const about = describeTarget(reference, response);
    if (about) item.append(h('p', { class: 'detail' }, about));
    list.append(item);
  }
  if (references.length === 0) {
    list.append(
      h('li', {}, problemsOnly ? 'No problems found.' : 'This page has no links or resources.'),
    );
  }
  return list;
}

/** The badge text: the finding's title, else what the target is. */
function labelOf(reference: CheckedReference, response: ToolbarResponse): string {
  if (reference.ignored) return 'Ignored';
  const first = reference.findings[0] ?? reference.lastBuild[0];
  if (first) return response.titles[first.type] ?? first.type;
  switch (reference.target) {
    case 'page':
      return 'Page';
    case 'file':
      return 'File';
    case 'redirect':
      return 'Redirect';
    case 'on-demand':
      return 'On demand';
    case 'missing':
      return 'Missing';
    case 'outbound':
      return reference.outbound ? `Outbound: ${reference.outbound.status}` : 'Outbound';
    case 'other':
      return 'Not checked';
    case 'unchecked':
      return 'Not checked';
  }
}

/** A line about the target when it says more than the findings. */
function describeTarget(reference: CheckedReference, response: ToolbarResponse): string | null {
  if (reference.ignored) {
    return response.ignored
      ? 'On a page left out by ignore.pages: never reported.'
      : 'Left out by ignore.links: never reported.';
  }
  switch (reference.target) {
    case 'redirect':
      return reference.findings.length > 0 ? null : `Redirects to ${reference.detail}.`;
    case 'on-demand':
    case 'unchecked':
      return reference.detail;
    case 'missing':
      return reference.findings.length > 0 ? null : reference.detail;
    case 'other':
      return 'Other schemes (mailto:, tel:, data:, …) are never checked.';
    case 'outbound': {
      const state = response.report;
      const outbound = reference.outbound;
      if (outbound) {
        const checkedAt = outbound.checkedAt ? `, checked ${ago(outbound.checkedAt)}` : '';
        return `From the last build: ${outbound.reason}${outbound.code ? ` (HTTP ${outbound.code})` : ''}${checkedAt}.`;
      }
      if (state.status === 'ok' && !state.outboundChecked) {
        return 'Not checked: the last build did not check outbound links (external.check).';
      }
      return 'Not checked: outbound URLs are checked only by a build, and the last one did not have this URL.';
    }
    default:
      return null;
  }
}

// Highlights on the page, as Astro's audit app draws them.

interface Highlight {
  highlight: HTMLElement;
  element: Element;
}

function placeHighlight(highlight: HTMLElement, element: Element): void {
  const rect = element.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) {
    highlight.style.display = 'none';
    return;
  }
  const fixed = highlight.style.position === 'fixed';
  highlight.style.display = 'block';
  highlight.style.top = `${Math.max(rect.top + (fixed ? 0 : window.scrollY) - 10, 0)}px`;
  highlight.style.left = `${Math.max(rect.left + (fixed ? 0 : window.scrollX) - 10, 0)}px`;
  highlight.style.width = `${rect.width + 15}px`;
  highlight.style.height = `${rect.height + 15}px`;
}

function isInFixedBox(element: Element): boolean {
  for (let current: Element | null = element; current; current = current.parentElement) {
    if (getComputedStyle(current).position === 'fixed') return true;
  }
  return false;
}

function createHighlight(
  element: Element,
  references: CheckedReference[],
  response: ToolbarResponse,
): Highlight {
  const worst = references.reduce((a, b) => (rank[a.level] <= rank[b.level] ? a : b));
  const highlight = document.createElement('astro-dev-toolbar-highlight');
  highlight.icon = 'warning';
  highlight.setAttribute('highlight-style', worst.level === 'error' ? 'red' : 'yellow');
  highlight.setAttribute('data-link-report-href', worst.href);
  highlight.setAttribute('data-level', worst.level);
  highlight.setAttribute('aria-label', `${labelOf(worst, response)}: ${worst.href}`);
  highlight.tabIndex = 0;
  if (isInFixedBox(element)) highlight.style.position = 'fixed';
  const tooltip = document.createElement('astro-dev-toolbar-tooltip');
  const sections: typeof tooltip.sections = [];
  for (const reference of references) {
    for (const finding of [...reference.findings, ...reference.lastBuild]) {
      sections.push({
        icon: 'warning',
        title: escapeHtml(response.titles[finding.type] ?? finding.type),
        content: `${escapeHtml(finding.message)}<br><br>${escapeHtml(finding.hint)}`,
      });
    }
  }
  const written = references.flatMap((r) => r.findings).find((f) => f.writtenAt)?.writtenAt;
  const root = projectRoot();
  if (written && root) {
    const where = `${written.file}:${written.line}:${written.column}`;
    sections.push({
      content: escapeHtml(`Written at ${where}`),
      clickDescription: 'Click to open it in your editor',
      clickAction: async () => {
        await fetch(`/__open-in-editor?file=${encodeURIComponent(root + where)}`);
      },
    });
  }
  tooltip.sections = sections;
  highlight.shadowRoot.append(tooltip);
  const show = () => {
    tooltip.dataset.show = 'true';
    const rect = element.getBoundingClientRect();
    tooltip.style.top =
      rect.top < tooltip.getBoundingClientRect().height
        ? `${rect.height + 15}px`
        : `-${tooltip.offsetHeight}px`;
  };
  const hide = () => {
    tooltip.dataset.show = 'false';
  };
  highlight.addEventListener('mouseover', show);
  highlight.addEventListener('focus', show);
  highlight.addEventListener('mouseout', hide);
  highlight.addEventListener('blur', hide);
  placeHighlight(highlight, element);
  return { highlight, element };
}

const styles = `
  astro-dev-toolbar-window { max-height: min(520px, 75vh); overflow-y: auto; color-scheme: dark; }
  header { display: flex; align-items: center; justify-content: space-between; gap: 8px; flex-wrap: wrap; }
  h1 { display: flex; align-items: center; gap: 8px; font-size: 20px; margin: 0; color: #fff; font-weight: 600; }
  h2 { font-size: 16px; margin: 16px 0 8px; color: #fff; font-weight: 600; }
  .actions { display: flex; align-items: center; gap: 12px; }
  a { color: rgba(224, 204, 250, 1); }
  a:focus-visible, button:focus-visible, summary:focus-visible { outline: 2px solid rgba(224, 204, 250, 1); outline-offset: 2px; }
  p { margin: 4px 0; line-height: 1.5; }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, monospace; font-size: 12px; color: rgba(224, 204, 250, 1); overflow-wrap: anywhere; }
  .state { border-left: 3px solid rgba(71, 78, 94, 1); padding: 2px 0 2px 10px; margin: 12px 0; }
  .state.warn { border-color: rgba(255, 191, 0, 1); }
  .status-line { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
  dl.metrics { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
  dt { color: #fff; }
  dd { margin: 0; }
  details { margin: 6px 0; }
  summary { cursor: pointer; color: #fff; }
  ul { padding-left: 18px; margin: 6px 0; }
  ul.references { list-style: none; padding: 0; }
  ul.references > li { border-top: 1px solid rgba(52, 56, 65, 1); padding: 8px 0; }
  button.reference { all: unset; cursor: pointer; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; max-width: 100%; }
  .message { color: #fff; }
  .hint, .detail { font-size: 13px; }
  .filter { display: flex; align-items: center; gap: 8px; font-size: 14px; }
  .summary { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 12px; }
  .notes { font-size: 13px; }
`;

export default {
  init(canvas: Canvas, app) {
    let response: ToolbarResponse | null = null;
    let failure: string | null = null;
    let elements: Element[] = [];
    let highlights: Highlight[] = [];
    let showAll = false;
    let running: Promise<void> | null = null;
    let signature = '';

    const style = document.createElement('style');
    style.textContent = styles;
    canvas.append(style);

    const show = (index: number) => {
      const element = elements[index];
      if (!element) return;
      element.scrollIntoView({ block: 'center', behavior: 'smooth' });
      const highlight = highlights.find((item) => item.element === element)?.highlight;
      if (highlight) highlight.focus({ preventScroll: true });
      else if (element instanceof HTMLElement) element.focus({ preventScroll: true });
    };

    const render = () => {
      canvas.querySelector('#lr-root')?.remove();
      const root = h('astro-dev-toolbar-window', {
        id: 'lr-root',
        role: 'region',
        'aria-labelledby': 'lr-title',
      });
      const refresh = h(
        'astro-dev-toolbar-button',
        { 'button-style': 'gray', size: 'small', id: 'lr-refresh' },
        'Check again',
      );
      refresh.addEventListener('click', () => void check(true));
      const reportLink = h(
        'a',
        { href: `${basePath()}_link-report/index.html`, target: '_blank', rel: 'noopener' },
        'Full report',
      );
      root.append(
        h(
          'header',
          {},
          h('h1', { id: 'lr-title' }, 'Links on this page'),
          h('div', { class: 'actions' }, refresh, reportLink),
        ),
      );
      if (failure) root.append(h('div', { class: 'state warn', role: 'alert' }, failure));
      if (!response) {
        if (!failure) root.append(h('p', { role: 'status' }, 'Checking the links of this page…'));
        canvas.append(root);
        return;
      }
      const { report, facts } = response;
      const counts = { error: 0, warning: 0, info: 0, ok: 0 };
      for (const reference of response.references) counts[reference.level]++;
      const problems = counts.error + counts.warning;
      root.append(renderSummary(counts, facts), renderReportState(report, facts));
      if (response.ignored) {
        root.append(
          h('p', {}, 'This page is left out by ignore.pages: the build reports nothing on it.'),
        );
      }
      // Problems first: every link is one toggle away.
      const everything = showAll || problems === 0;
      const toggle = h('astro-dev-toolbar-toggle', {}) as HTMLElement & { input: HTMLInputElement };
      const filter = h(
        'div',
        { class: 'filter' },
        toggle,
        h('span', { 'aria-hidden': 'true' }, `Show every link (${response.references.length})`),
      );
      root.append(
        h(
          'section',
          { 'aria-labelledby': 'lr-links-heading' },
          h('h2', { id: 'lr-links-heading' }, 'Links and resources'),
          h(
            'p',
            { id: 'lr-summary' },
            `${plural(response.references.length, 'URL')} checked now against the dev server's routes: ${counts.ok} fine, ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} not checked (other sites, on-demand routes). Outbound links show the last build's check.`,
          ),
          problems > 0 ? filter : null,
          renderReferences(response, show, !everything),
        ),
      );
      if (facts && report.status === 'ok') root.append(renderFacts(facts, report));
      if (response.notes.length > 0) {
        root.append(
          h('ul', { class: 'notes' }, ...response.notes.map((note) => h('li', {}, note))),
        );
      }
      canvas.append(root);
      toggle.input.checked = showAll;
      toggle.input.setAttribute('aria-label', `Show every link (${response.references.length})`);
      toggle.input.addEventListener('change', () => {
        showAll = toggle.input.checked;
        render();
        (
          canvas.querySelector('astro-dev-toolbar-toggle') as
            | (HTMLElement & { input: HTMLInputElement })
            | null
        )?.input.focus();
      });
    };

    const drawHighlights = () => {
      for (const { highlight } of highlights) highlight.remove();
      highlights = [];
      if (!response) return;
      const byElement = new Map<number, CheckedReference[]>();
      for (const reference of response.references) {
        if (reference.ignored || (reference.level !== 'error' && reference.level !== 'warning'))
          continue;
        byElement.set(reference.element, [...(byElement.get(reference.element) ?? []), reference]);
      }
      for (const [index, references] of byElement) {
        const element = elements[index];
        if (!element) continue;
        const item = createHighlight(element, references, response);
        canvas.append(item.highlight);
        highlights.push(item);
      }
    };

    const place = () => {
      for (const { highlight, element } of highlights) placeHighlight(highlight, element);
    };

    // A check asked for while one runs runs after it (the page may have changed meanwhile).
    let queued: 'check' | 'force' | null = null;
    const check = (force = false): Promise<void> => {
      if (running) {
        queued = force || queued === 'force' ? 'force' : 'check';
        return running;
      }
      const read = readPage();
      const next = JSON.stringify(read.request);
      if (!force && next === signature && response) return Promise.resolve();
      running = (async () => {
        const answer = await ask(read.request);
        signature = next;
        elements = read.elements;
        if (typeof answer === 'string') {
          failure = answer;
          response = null;
        } else {
          failure = null;
          response = answer;
        }
        const errors =
          response?.references.filter((r) => r.level === 'error' && !r.ignored).length ?? 0;
        const warnings =
          response?.references.filter((r) => r.level === 'warning' && !r.ignored).length ?? 0;
        app.toggleNotification(
          errors > 0
            ? { state: true, level: 'error' }
            : warnings > 0
              ? { state: true, level: 'warning' }
              : { state: false },
        );
        render();
        drawHighlights();
      })().finally(() => {
        running = null;
        const again = queued;
        queued = null;
        if (again) void check(again === 'force');
      });
      return running;
    };

    render();
    void check();
    app.onToggled(({ state }) => {
      if (!state) return;
      // Note: before Astro 7.3.5, a <ClientRouter /> navigation rewrote the canvas.
      if (!canvas.querySelector('#lr-root')) {
        canvas.append(style);
        render();
        for (const { highlight } of highlights) canvas.append(highlight);
      }
      place();
      // Opened again: the report may have been rebuilt meanwhile.
      void check(true);
    });
    addEventListener('scroll', place, { passive: true });
    addEventListener('resize', place);
    document.addEventListener('astro:page-load', () => void check(true));
    // Islands and scripts add links after load: check again when the page settles.
    let timer: ReturnType<typeof setTimeout> | undefined;
    new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void check(), 1000);
      // Note: not document.body, which a <ClientRouter /> navigation replaces.
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['href', 'src', 'srcset', 'id'],
    });
  },
} satisfies DevToolbarApp;
