/**
 * Where in the page layout an element sits: navigation, page header, page footer,
 * sidebar, or content. Links in content weigh more than boilerplate links.
 */
import type { Placement } from './types.js';

/** The layout facts inherited from an element's ancestors. */
export interface PlacementScope {
  readonly placement: Placement;
  /**
   * Inside sectioning content (`article`, `aside`, `main`, `nav`, `section`): a
   * `<header>`/`<footer>` here heads or closes that section, not the page.
   */
  readonly sectioned: boolean;
  /** Inside an `<article>`: an `<aside>` here is part of the article. */
  readonly inArticle: boolean;
}

/** The scope of the document root: content, not inside any section. */
export const pagePlacementScope: PlacementScope = {
  placement: 'content',
  sectioned: false,
  inArticle: false,
};

/** ARIA landmark roles that name a boilerplate region, whatever the element. */
const landmarkRoles: Readonly<Record<string, Placement>> = {
  navigation: 'nav',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'aside',
};

const sectioningTags = new Set(['article', 'aside', 'main', 'nav', 'section']);
const sectioningRoles = new Set(['article', 'complementary', 'main', 'navigation', 'region']);

/**
 * Derive the scope of an element's content from its parent's scope.
 *
 * The nearest boilerplate ancestor decides: `<nav>` → nav, `<aside>` → aside, and a
 * `<header>`/`<footer>` → header/footer, following HTML-AAM: a header or footer is the
 * page's banner or content info only when it is not inside `article`, `aside`, `main`,
 * `nav` or `section` (the header of a blog post is part of the post). An `<aside>` inside
 * an `<article>` is a callout in the article, so it stays content; one beside or inside
 * `<main>` is a sidebar. An explicit landmark role (`navigation`, `banner`,
 * `contentinfo`, `complementary`) always counts. `<main>` and `<article>` do not reset a
 * boilerplate placement: a card inside a sidebar is still in the sidebar.
 *
 * @param scope the parent's scope
 * @param tagName lower-case tag name of the element
 * @param role first token of the element's `role`, lower-cased, or `null`
 * @returns the parent's scope object itself when nothing changes
 */
export function enterPlacementScope(
  scope: PlacementScope,
  tagName: string,
  role: string | null,
): PlacementScope {
  let placement = scope.placement;
  const roleLandmark = role === null ? undefined : landmarkRoles[role];
  if (roleLandmark !== undefined) {
    placement = roleLandmark;
  } else if (tagName === 'nav') {
    placement = 'nav';
  } else if (tagName === 'aside') {
    if (!scope.inArticle) placement = 'aside';
  } else if (tagName === 'header') {
    if (!scope.sectioned) placement = 'header';
  } else if (tagName === 'footer') {
    if (!scope.sectioned) placement = 'footer';
  }
  const sectioned =
    scope.sectioned || sectioningTags.has(tagName) || (role !== null && sectioningRoles.has(role));
  const inArticle = scope.inArticle || tagName === 'article' || role === 'article';
  if (
    placement === scope.placement &&
    sectioned === scope.sectioned &&
    inArticle === scope.inArticle
  ) {
    return scope;
  }
  return { placement, sectioned, inArticle };
}
