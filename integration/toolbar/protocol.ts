/**
 * What the dev toolbar app and the dev server say to each other: the app posts the page's
 * references, read from the live DOM, to `/_link-report/page.json`; the dev server answers
 * with each reference's status (checked now, against its own routes) and what the last
 * build's report knows about the page. Types only: the app file may import nothing at run
 * time (see `app.ts`). The report parts keep the report's own shapes (`report.json`).
 */
import type { LinkKind, LinkScope, Placement } from '../../src/extract/types.js';
import type { Finding, SourceLocation } from '../../src/findings/finding.js';
import type { Report, ReportPage } from '../../src/report/model/report-schema.js';

/** An element of the page that holds URLs, as the app read it from the DOM. */
export interface ToolbarElement {
  /** Lower-case tag name: `a`, `img`, `link`, `meta`, … */
  tag: string;
  /**
   * Its URL attributes as written (`getAttribute`), and those that decide what kind of
   * reference it is: `href`, `src`, `srcset`, `poster`, `data`, `action`, `xlink:href`,
   * `content` (meta refresh), `http-equiv`, `rel`, `type`, `target`, `hreflang`.
   */
  attributes: Record<string, string>;
  /** Its accessible text (text, else an image's alt, aria-label or title), whitespace folded. */
  text: string;
  /** Where it sits on the page (the nearest nav, header, footer or aside; else content). */
  placement: Placement;
  /** Where Astro says it is written (`data-astro-source-file`/`-loc`), when it says so. */
  writtenAt: SourceLocation | null;
}

/** The body of a `POST /_link-report/page.json`. */
export interface ToolbarRequest {
  /** `location.href` of the page. */
  page: string;
  /** `document.baseURI`: what relative URLs resolve against (`<base href>` applied). */
  baseUri: string;
  title: string | null;
  /** The `content` of `<meta name="robots">`, or null. */
  robots: string | null;
  /** Every element with a URL attribute, in document order (at most `maxElements`). */
  elements: ToolbarElement[];
  /** Elements not sent: past `maxElements`, or with a URL attribute longer than 8 KiB. */
  omitted: number;
  /** Every `id` and `<a name>` in the live DOM: what same-page fragments find. */
  ids: string[];
}

/** What a reference's URL points at. */
export type ReferenceTarget =
  /** A page the dev server has a route for. */
  | 'page'
  /** A file: in `public/`, a static endpoint, or served by the dev server (Vite's dev URLs). */
  | 'file'
  | 'redirect'
  /** A route rendered on demand: never requested (rendering it could have side effects). */
  | 'on-demand'
  | 'missing'
  /** Another site: its status comes only from the last build's outbound check. */
  | 'outbound'
  /** `mailto:`, `tel:`, `data:`, `javascript:` and other schemes: never checked. */
  | 'other'
  /** Not checked now (too many requests for one page, or the dev server did not answer). */
  | 'unchecked';

/** One URL of one element, checked. */
export interface CheckedReference {
  /** Index of its element in `ToolbarRequest.elements`. */
  element: number;
  /** Its element's tag and the attribute the URL is in. */
  tag: string;
  attribute: string;
  kind: LinkKind;
  scope: LinkScope;
  /** The URL as written (one candidate of a `srcset`). */
  href: string;
  /** The absolute URL, or null when it does not parse. */
  url: string | null;
  target: ReferenceTarget;
  /** About the target: the redirect's destination, the on-demand route, why unchecked. */
  detail: string | null;
  /**
   * What the next build would report about it, found now against the dev server's routes:
   * the same finding types, texts and severities (the `severity` option applied).
   */
  findings: Finding[];
  /** The types of those at the `failOn` level: they would fail the build. */
  failing: string[];
  /** The last build's outbound check of this URL, when it ran and checked it. */
  outbound: OutboundResult | null;
  /** The last build's findings about this URL on this page (outbound checks). */
  lastBuild: Finding[];
  /** Left out by `ignore.links`: never reported. */
  ignored: boolean;
  /** The worst of it: `error`, `warning` and `info` follow the findings; `ok` has none. */
  level: 'error' | 'warning' | 'info' | 'ok';
}

/** An entry of the last report's outbound check (`outbound.check.urls`), without its page list. */
export type OutboundResult = Omit<Report['outbound']['check']['urls'][number], 'pages'>;

/** The last build's report, as the dev server found it. */
export type ReportState =
  | {
      status: 'missing' | 'unreadable';
      /** What is wrong, naming the folder or file. */
      message: string;
      /** How to get a report. */
      hint: string;
    }
  | {
      status: 'ok';
      /** When `report.json` was written (its modification time, ISO 8601). */
      writtenAt: string;
      generatedAt: string;
      /** Source files of this page changed since the report was written. */
      changed: { file: string; changedAt: string }[];
      /** How to refresh it. */
      hint: string;
      /** The report page on this dev server. */
      reportPage: string;
      /** Whether the last build checked outbound URLs (`external.check`). */
      outboundChecked: boolean;
      /** Whether the last build had inbound sources (`inbound`). */
      inbound: boolean;
    };

/** What the last report knows about this page, in the report's own shapes. */
export interface PageFacts {
  /** The page's entry of `pages[]`, with at most `maxInlinks` inlinks. */
  page: ReportPage;
  /** Inlinks past those listed. */
  inlinksOmitted: number;
  /**
   * The kind of the listed inlinks' pages that are not content pages (a redirect, a fallback
   * copy, the 404 page): their links are listed, but not counted in `linkingPages`.
   */
  inlinkKinds: Record<string, Exclude<ReportPage['kind'], 'page'>>;
  /** The home page click depth counts from (`orphans.home`). */
  home: string | null;
  orphan: Report['orphans']['orphans'][number] | null;
  island: Report['orphans']['islands'][number] | null;
  boilerplateOnly: Report['orphans']['boilerplateOnly'][number] | null;
  /** Why the orphan analysis leaves it out (home, redirect, noindex, …), if it does. */
  excluded: Report['orphans']['excluded'][number] | null;
  asset: Report['assets']['pages'][number] | null;
  /** An override that says it is no asset. */
  assetSuppressed: Report['assets']['suppressed'][number] | null;
  /** The last build's findings on this page, at most `maxFindings`. */
  findings: Finding[];
  findingsOmitted: number;
}

/** The answer to a `POST /_link-report/page.json`. */
export interface ToolbarResponse {
  /** The page's path, with base, as the report names pages. */
  path: string;
  /** Matched by `ignore.pages`: the build reports nothing on it. */
  ignored: boolean;
  report: ReportState;
  /** Null without a report, or when the last build had no such page (a new page). */
  facts: PageFacts | null;
  references: CheckedReference[];
  /** The title of each finding type in this answer (from the definitions table). */
  titles: Record<string, string>;
  /** What the reader should know about this check (limits reached, options that apply). */
  notes: string[];
}
