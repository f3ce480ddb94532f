/**
 * Internal PageRank by power iteration, and the 1–100 log scale it is shown on.
 */

/** Parameters of `computePageRank`. */
export interface PageRankOptions {
  /**
   * Probability of following a link rather than jumping.
   * @default 0.85
   */
  damping?: number;
  /**
   * Random-jump weight of each node (normalized to sum 1; missing nodes weigh 0). Dead ends
   * spread their rank by the same weights. Default: every node alike.
   */
  jump?: ReadonlyMap<string, number> | undefined;
  /**
   * Stop when the sum of absolute changes of one iteration falls below this.
   * @default 1e-10
   */
  tolerance?: number;
  /** @default 100 */
  maxIterations?: number;
}

/** What `computePageRank` found. */
export interface PageRankResult {
  /** Rank of each node; the ranks sum to 1. */
  ranks: Map<string, number>;
  /** Iterations run. */
  iterations: number;
  /** Whether the change fell below the tolerance within `maxIterations`. */
  converged: boolean;
}

/** Defaults of `computePageRank`. */
export const pageRankDefaults = { damping: 0.85, tolerance: 1e-10, maxIterations: 100 } as const;

/**
 * Compute PageRank over a directed graph by power iteration.
 *
 * Each iteration: `r'(v) = (1 − d)·j(v) + d·(Σ r(u)/out(u) over u → v) + d·D·j(v)`, where
 * `d` is the damping, `j` the jump vector (uniform unless given), `out(u)` the number of
 * distinct nodes `u` links to and `D` the total rank of dead ends (nodes with no links),
 * which is spread by `j`, so the ranks keep summing to 1. It starts from `j`.
 *
 * Duplicate edges count once, self-links and edges to unknown nodes are dropped. Nodes and
 * edges are sorted first, so the result does not depend on input order.
 *
 * @throws RangeError when a jump vector is given and its weights do not sum above 0.
 */
export function computePageRank(
  nodes: readonly string[],
  edges: readonly { from: string; to: string }[],
  options: PageRankOptions = {},
): PageRankResult {
  const damping = options.damping ?? pageRankDefaults.damping;
  const tolerance = options.tolerance ?? pageRankDefaults.tolerance;
  const maxIterations = options.maxIterations ?? pageRankDefaults.maxIterations;
  const ids = [...new Set(nodes)].sort(compare);
  const n = ids.length;
  if (n === 0) return { ranks: new Map(), iterations: 0, converged: true };
  const indexOf = new Map(ids.map((id, i) => [id, i]));

  const jump = createJumpVector(ids, options.jump);
  const targets: Set<number>[] = ids.map(() => new Set<number>());
  for (const { from, to } of edges) {
    const u = indexOf.get(from);
    const v = indexOf.get(to);
    if (u === undefined || v === undefined || u === v) continue;
    targets[u]!.add(v);
  }
  const out = targets.map((set) => [...set].sort((a, b) => a - b));

  let rank = Float64Array.from(jump);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations += 1;
    let dangling = 0;
    for (let u = 0; u < n; u++) if (out[u]!.length === 0) dangling += rank[u]!;
    const next = new Float64Array(n);
    for (let v = 0; v < n; v++) next[v] = (1 - damping + damping * dangling) * jump[v]!;
    for (let u = 0; u < n; u++) {
      const links = out[u]!;
      if (links.length === 0) continue;
      const share = (damping * rank[u]!) / links.length;
      for (const v of links) next[v]! += share;
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    rank = next;
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { ranks: new Map(ids.map((id, i) => [id, rank[i]!])), iterations, converged };
}

/**
 * Show ranks on a 1–100 log scale: `1 + 99 · (ln r − ln min) / (ln max − ln min)`, over the
 * ranks above 0, rounded to one decimal. The best-linked page scores 100, the least 1;
 * when every rank is the same, every page scores 100. A rank of 0 scores 0.
 */
export function toLogScores(ranks: ReadonlyMap<string, number>): Map<string, number> {
  const positive = [...ranks.values()].filter((rank) => rank > 0);
  const scores = new Map<string, number>();
  if (positive.length === 0) {
    for (const id of ranks.keys()) scores.set(id, 0);
    return scores;
  }
  // Note: a loop, not Math.min(...ranks): spreading 100k arguments overflows the stack.
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const rank of positive) {
    if (rank < min) min = rank;
    if (rank > max) max = rank;
  }
  const low = Math.log(min);
  const span = Math.log(max) - low;
  for (const [id, rank] of ranks) {
    if (rank <= 0) scores.set(id, 0);
    // Note: below this span the ranks differ only by floating-point noise.
    else if (span < 1e-9) scores.set(id, 100);
    // Note: the least-linked page scores 1, not 0: it is linked, and 0 reads like a dead page.
    else scores.set(id, Math.round(10 + (990 * (Math.log(rank) - low)) / span) / 10);
  }
  return scores;
}

function createJumpVector(
  ids: readonly string[],
  weights: ReadonlyMap<string, number> | undefined,
): number[] {
  if (!weights) return ids.map(() => 1 / ids.length);
  const raw = ids.map((id) => Math.max(0, weights.get(id) ?? 0));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  if (!(total > 0))
    throw new RangeError('computePageRank: the jump weights must sum to more than 0');
  return raw.map((weight) => weight / total);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
