/**
 * A function of a string remembered for the strings seen before, bounded: when the memo
 * holds `limit` answers it starts again, so a site with more distinct keys than that costs
 * time, never unbounded memory. Keys are kept `detached`: a key may be a slice of a page.
 */
import { detached } from './detached.js';

export function boundedMemo<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  const answers = new Map<string, V>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = compute(key);
      if (answers.size >= limit) answers.clear();
      answers.set(detached(key), answer);
    }
    return answer;
  };
}
