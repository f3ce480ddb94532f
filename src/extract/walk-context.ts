/**
 * What the extraction walk knows about an element's ancestors: its layout placement,
 * whether it is in the body, in SVG, in `<noscript>`, inside a chart, and so whether
 * content signals count there.
 */
import type { Element } from 'hast';
import { readAttribute, readTokens } from './html-attributes.js';
import { enterPlacementScope, type PlacementScope, pagePlacementScope } from './placement.js';

/** What the walk knows about an element's ancestors. */
export interface WalkContext {
  readonly scope: PlacementScope;
  readonly inBody: boolean;
  readonly inSvg: boolean;
  /** Inside `<noscript>`: links count, content signals do not (it duplicates the page). */
  readonly inNoscript: boolean;
  /** Inside an element already counted as a chart, so its parts are not counted again. */
  readonly inChart: boolean;
  /** Main content of the body: where content signals are counted. */
  readonly counted: boolean;
}

/** Create a context; `counted` follows from the rest. */
function createWalkContext(
  scope: PlacementScope,
  inBody: boolean,
  inSvg: boolean,
  inNoscript: boolean,
  inChart: boolean,
): WalkContext {
  const counted = inBody && !inNoscript && scope.placement === 'content';
  return { scope, inBody, inSvg, inNoscript, inChart, counted };
}

/** The context of the document root: before `<body>`, in content. */
export const rootWalkContext = createWalkContext(pagePlacementScope, false, false, false, false);

/**
 * Derive an element's context from its parent's.
 * @returns the parent's context object itself when nothing changes
 */
export function enterWalkContext(context: WalkContext, element: Element): WalkContext {
  const tag = element.tagName;
  const role = readTokens(element, 'role')[0] ?? null;
  const scope = enterPlacementScope(context.scope, tag, role);
  const inBody = context.inBody || tag === 'body';
  const inSvg = context.inSvg || tag === 'svg';
  const inNoscript = context.inNoscript || tag === 'noscript';
  if (
    scope === context.scope &&
    inBody === context.inBody &&
    inSvg === context.inSvg &&
    inNoscript === context.inNoscript
  ) {
    return context;
  }
  return createWalkContext(scope, inBody, inSvg, inNoscript, context.inChart);
}

/** Tell whether a `<template>` is a declarative shadow root (`shadowrootmode`), which browsers render. */
export function isShadowRoot(template: Element): boolean {
  const mode = readAttribute(template, 'shadowRootMode')?.trim().toLowerCase();
  return mode === 'open' || mode === 'closed';
}
