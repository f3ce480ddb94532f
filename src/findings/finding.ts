/**
 * A finding: a problem or observation, as data. Created only through `createFinding`, whose
 * message and hint come from the definitions table; only the edges (integration, CLI) turn
 * findings into a failure.
 */
import type { Placement, Position } from '../extract/types.js';
import { shortenValues } from '../util/shorten.js';
import { type DetailsOf, type FindingType, findingDefinitions } from './definitions.js';
import type { Severity } from './severity.js';

/** The link a finding is about, as written in the built HTML. */
export interface FindingLink {
  href: string;
  /** Resolved absolute URL, or null when unparseable. */
  url: string | null;
  element: string;
  attribute: string;
  text: string;
  /** Where on its page the link is: navigation, header, footer, aside or main content. */
  placement: Placement;
  position: Position;
}

/** A place in a source file of the project: path relative to the project root, `/`-separated. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** What every finding has, whatever its type. */
interface FindingBase {
  severity: Severity;
  /** Path of the page the finding is on (with base), or null for site-level findings. */
  page: string | null;
  /** Built HTML file of that page, relative to the output folder. */
  file: string | null;
  /** Source file of the page's route (e.g. `src/pages/blog/[slug].astro`), where known. */
  source: string | null;
  link: FindingLink | null;
  message: string;
  hint: string;
  /** Where the link is written in the project's sources, when it was found there. */
  writtenAt: SourceLocation | null;
  /** The id of the finding's group (its cause; see `groupFindings`), once grouped. */
  group: string | null;
  /**
   * With a baseline: `known` when the baseline accepts it (it does not fail the run), `new`
   * when not. Null when no baseline is used.
   */
  baseline: 'new' | 'known' | null;
}

/** A finding of one type (or, without a type argument, of any type: a discriminated union). */
export type Finding<Type extends FindingType = FindingType> = {
  [T in Type]: FindingBase & { type: T; details: DetailsOf<T> };
}[Type];

/** What a caller knows when creating a finding. */
export interface FindingInput<Details> {
  page?: string | null;
  file?: string | null;
  source?: string | null;
  link?: FindingLink | null;
  details: Details;
  /** Overrides the table's default severity (a required inbound source that fails). */
  severity?: Severity;
}

/** Create a finding with its message and hint from the definitions table. */
export function createFinding<T extends FindingType>(
  type: T,
  input: FindingInput<DetailsOf<T>>,
): Finding<T> {
  const definition = findingDefinitions[type] as unknown as {
    severity: Severity;
    message: (details: DetailsOf<T>, link: FindingLink | null) => string;
    hint: (details: DetailsOf<T>, link: FindingLink | null) => string;
  };
  const link = input.link ?? null;
  // Note: what a person reads shows page-made values cut to a bounded length; the finding's
  // details and link keep them whole.
  const shownDetails = shortenValues(input.details);
  const shownLink = link && shortenValues(link);
  return {
    type,
    severity: input.severity ?? definition.severity,
    page: input.page ?? null,
    file: input.file ?? null,
    source: input.source ?? null,
    link,
    message: definition.message(shownDetails, shownLink),
    hint: definition.hint(shownDetails, shownLink),
    details: input.details,
    writtenAt: null,
    group: null,
    baseline: null,
  } as Finding<T>;
}

/** Deterministic order: page, file, line, column, type, href. */
export function compareFindings(a: Finding, b: Finding): number {
  const pa = a.page ?? '';
  const pb = b.page ?? '';
  if (pa !== pb) return pa < pb ? -1 : 1;
  // Note: findings on no page (in a stylesheet, a manifest) are kept together by file.
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.link?.position.type === 'source' ? a.link.position : { line: 0, column: 0 };
  const lb = b.link?.position.type === 'source' ? b.link.position : { line: 0, column: 0 };
  if (la.line !== lb.line) return la.line - lb.line;
  if (la.column !== lb.column) return la.column - lb.column;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const ha = a.link?.href ?? '';
  const hb = b.link?.href ?? '';
  return ha < hb ? -1 : ha > hb ? 1 : 0;
}
