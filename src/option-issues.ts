/**
 * Validation errors of the options, for people: one line per problem, naming the option by
 * its path (`ignore.links.2.page`), what is wrong, the value given and, for a name or a value
 * a typo away from a known one, what was meant (`failon` → `failOn`).
 */
import type { z } from 'zod';
import { nearestWithin } from './check/suggest.js';

/** Turn zod issues into one readable message: `option.path: problem (got value)`. */
export function formatOptionIssues(error: z.ZodError, input: unknown, schema: z.ZodType): string {
  const issues = error.issues.flatMap((issue) => expandIssue(issue, []));
  const lines = issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(options)';
    const got = valueAt(input, issue.path);
    const gotText =
      got === undefined || issue.code === 'unrecognized_keys' ? '' : ` (got ${describeValue(got)})`;
    // "did you mean" comes last, after the value it is about.
    const [message, meant] = describeIssue(issue, got, schema).split(SUGGESTION);
    return `  - ${path}: ${message}${gotText}${meant ? `; did you mean ${meant}?` : ''}`;
  });
  return `Invalid astro-link-report options:\n${lines.join('\n')}`;
}

/**
 * A union's issue, replaced by the issues of the alternative the value was meant for: the
 * one that got inside it (a list whose entry is wrong, an object whose key is wrong), so a
 * bad entry is named, not the whole list of alternatives. Paths are made absolute.
 */
function expandIssue(issue: z.core.$ZodIssue, prefix: PropertyKey[]): z.core.$ZodIssue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code !== 'invalid_union') return [{ ...issue, path }];
  const deeper = issue.errors.filter(
    (branch) => branch.length > 0 && branch.every((sub) => sub.path.length > 0),
  );
  if (deeper.length === 0) return [{ ...issue, path }];
  // The alternative that went furthest with the fewest problems is the one meant.
  const depth = (branch: z.core.$ZodIssue[]) => Math.max(...branch.map((sub) => sub.path.length));
  const best = deeper.reduce((a, b) =>
    depth(b) > depth(a) || (depth(b) === depth(a) && b.length < a.length) ? b : a,
  );
  return best.flatMap((sub) => expandIssue(sub, path));
}

/** Separates a message from the value it suggests, in `describeIssue`'s answer. */
const SUGGESTION = '\u0000';

/**
 * The issue's message, with what is allowed: the alternatives of a union zod leaves at
 * "Invalid input", the nearest known name for an unknown key, the nearest value for a value
 * that is not one of a list.
 */
function describeIssue(issue: z.core.$ZodIssue, got: unknown, schema: z.ZodType): string {
  if (issue.code === 'unrecognized_keys') {
    // A message of the schema's own (a list of what is allowed) is kept as written.
    const zodMessage =
      issue.keys.length === 1
        ? `Unrecognized key: ${JSON.stringify(issue.keys[0])}`
        : `Unrecognized keys: ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    if (issue.message !== zodMessage) return issue.message;
    const known = objectKeysAt(schema, issue.path);
    return issue.keys
      .map((key) => {
        const meant = nearestName(key, known);
        return `Unrecognized key: ${JSON.stringify(key)}${meant ? ` (did you mean ${JSON.stringify(meant)}?)` : ''}`;
      })
      .join('; ');
  }
  if (issue.code === 'invalid_value' && typeof got === 'string') {
    const values = issue.values.filter((v): v is string => typeof v === 'string');
    const meant = nearestName(got, values);
    const suggestion = meant ? `${SUGGESTION}${JSON.stringify(meant)}` : '';
    // Note: a long list (the finding types) is not repeated for one bad entry.
    const message =
      values.length <= 12
        ? issue.message
        : `Invalid option: not one of the ${values.length} allowed values (see the README)`;
    return `${message}${suggestion}`;
  }
  if (issue.code !== 'invalid_union') return issue.message;
  const meant =
    typeof got === 'string'
      ? nearestName(
          got,
          issue.errors.flatMap((branch) =>
            branch.flatMap((sub) =>
              sub.code === 'invalid_value'
                ? sub.values.filter((v): v is string => typeof v === 'string')
                : [],
            ),
          ),
        )
      : null;
  const suggestion = meant ? `${SUGGESTION}${JSON.stringify(meant)}` : '';
  if (issue.message !== 'Invalid input') return `${issue.message}${suggestion}`;
  const alternatives = issue.errors.map((branch) => {
    const first = branch[0];
    if (!first) return 'something else';
    if (first.code === 'invalid_value')
      return first.values.map((v) => JSON.stringify(v)).join(' | ');
    if (first.code === 'invalid_type')
      return `a${/^[aeiou]/.test(first.expected) ? 'n' : ''} ${first.expected}`;
    return first.message;
  });
  return `Invalid input: expected ${alternatives.join(', or ')}${suggestion}`;
}

/** The known name a typo was meant for: the nearest, a few edits away, case aside. */
export function nearestName(name: string, known: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const sameCase = known.find((candidate) => candidate.toLowerCase() === lower);
  if (sameCase) return sameCase;
  // Note: a word cut short (`warn` for `warning`) is further than a typo, but as clear.
  const completions = known.filter((candidate) => candidate.toLowerCase().startsWith(lower));
  if (lower.length >= 3 && completions.length === 1) return completions[0]!;
  const nearest = nearestWithin(
    lower,
    known.map((candidate) => candidate.toLowerCase()),
    Math.max(1, Math.floor(name.length / 3)),
  );
  return nearest === null ? null : (known.find((k) => k.toLowerCase() === nearest) ?? null);
}

/** The keys of every object schema found at `path` (through defaults, unions, arrays). */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.core.$ZodType[] = [schema as unknown as z.core.$ZodType];
  for (const key of path) {
    current = current.flatMap((node) => childrenAt(unwrap(node), key));
  }
  return [
    ...new Set(
      current
        .flatMap((node) => unwrap(node))
        .flatMap((node) => {
          const def = node._zod.def as {
            type: string;
            shape?: Record<string, unknown>;
            keyType?: z.core.$ZodType;
          };
          if (def.type === 'object' && def.shape) return Object.keys(def.shape);
          // A record keyed by an enum (`severity`): its keys are the enum's values.
          const keys = def.keyType?._zod.def as { entries?: Record<string, unknown> } | undefined;
          return def.type === 'record' && keys?.entries ? Object.keys(keys.entries) : [];
        }),
    ),
  ];
}

/** The schemas a value at `key` of a value of `nodes` is checked by. */
function childrenAt(nodes: z.core.$ZodType[], key: PropertyKey): z.core.$ZodType[] {
  return nodes.flatMap((node) => {
    const def = node._zod.def as {
      type: string;
      shape?: Record<string, z.core.$ZodType>;
      element?: z.core.$ZodType;
      valueType?: z.core.$ZodType;
    };
    if (def.type === 'object' && def.shape && typeof key === 'string' && def.shape[key])
      return [def.shape[key]!];
    if (def.type === 'array' && def.element && typeof key === 'number') return [def.element];
    if (def.type === 'record' && def.valueType) return [def.valueType];
    return [];
  });
}

/** A schema without its wrappers (default, optional, transform, pipe), and a union's options. */
function unwrap(node: z.core.$ZodType): z.core.$ZodType[] {
  const def = node._zod.def as {
    type: string;
    innerType?: z.core.$ZodType;
    in?: z.core.$ZodType;
    options?: z.core.$ZodType[];
  };
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === 'pipe' && def.in) return unwrap(def.in);
  if (def.type === 'union' && def.options) return def.options.flatMap(unwrap);
  return [node];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function describeValue(value: unknown): string {
  if (value instanceof RegExp) return String(value);
  if (typeof value === 'function') return 'a function';
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return String(value);
  }
}
