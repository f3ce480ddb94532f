/**
 * `@type`s of JSON-LD blocks (`<script type="application/ld+json">`).
 */

/**
 * Add every `@type` in a JSON-LD block to a set: at any depth (`@graph`, nested
 * `author`, `mainEntity`, …), as a string or an array of strings.
 * @param source the script's text
 * @param types collects the types
 * @returns `false` when the block is not valid JSON (it is then ignored)
 */
export function collectJsonLdTypes(source: string, types: Set<string>): boolean {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch {
    return false;
  }
  // Note: an explicit stack, so deeply nested JSON cannot overflow the call stack.
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (key === '@type') addTypes(item, types);
        else if (typeof item === 'object' && item !== null) stack.push(item);
      }
    }
  }
  return true;
}

function addTypes(value: unknown, types: Set<string>): void {
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string' && item.trim() !== '') types.add(item.trim());
  }
}
