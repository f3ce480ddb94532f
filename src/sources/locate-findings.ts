/**
 * Say where each finding's link is written in the project's sources (`Finding.writtenAt`):
 * the built HTML is often minified to one line; the source line is where the user fixes it.
 */
import type { Finding } from '../findings/finding.js';
import type { LinkGraph } from '../graph/build-link-graph.js';
import { createSourceLocator } from './locate-in-source.js';

/** Findings located in the sources: at most this many, so a site with thousands stays fast. */
export const maxLocatedFindings = 200;

/**
 * Locate findings' links under `root`, the `first` ones (those that fail the run) before the
 * others, up to `maxLocatedFindings`. Sets `writtenAt` on the findings it locates.
 */
export async function locateFindings(
  findings: readonly Finding[],
  first: ReadonlySet<Finding>,
  root: string,
  graph: LinkGraph,
): Promise<void> {
  const locate = createSourceLocator(root);
  const ordered = [
    ...findings.filter((finding) => first.has(finding)),
    ...findings.filter((finding) => !first.has(finding)),
  ];
  for (const finding of ordered.slice(0, maxLocatedFindings)) {
    const at = await locate(finding, occurrenceOf(finding, graph));
    if (at) finding.writtenAt = at;
  }
}

/**
 * Which of the page's links with the same href (and the same kind of placement: content or
 * navigation, which come from different source files) a finding is about, in document order.
 */
function occurrenceOf(finding: Finding, graph: LinkGraph): number {
  const link = finding.link;
  const page = finding.page === null ? undefined : graph.nodes.get(finding.page);
  if (!link || !page || link.position.type !== 'source') return 0;
  const { line, column } = link.position;
  const same = page.links.filter((l) => l.href === link.href);
  const own = same.find(
    (l) => l.position.type === 'source' && l.position.line === line && l.position.column === column,
  );
  if (!own) return 0;
  const inContent = own.placement === 'content';
  const ordered = same.filter((l) => (l.placement === 'content') === inContent);
  const index = ordered.indexOf(own);
  return index === -1 ? 0 : index;
}
