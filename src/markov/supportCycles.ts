/**
 * The fundamental cycles of a kernel's support graph: the cycles on which a
 * cycle criterion (Kolmogorov's, or the cycle affinities) needs checking.
 *
 * Main definitions
 * - `supportCycles(P, nonzero)`: the fundamental cycles of a BFS spanning
 *   forest (cycleBasis.ts) of the undirected graph with x ~ y when
 *   P(x,y) or P(y,x) is nonzero.
 *
 * Main statements
 * - Every cycle of the support graph is a combination of these cycles
 *   (cycleBasis.ts), so an edge function g with g(y,x) = 1/g(x,y) has product
 *   1 around every cycle iff it has around each of them. A forest (no cycle)
 *   gives none; n states with m undirected edges and c components give
 *   m - n + c.
 *
 * Implementation details
 * The diagonal is ignored (a self-loop is no cycle of the criterion). The
 * basis is deterministic (roots and neighbours in increasing order), and each
 * cycle is listed from the smaller end of its non-tree edge, closing implied.
 */
import { cycleBasis, fundamentalCycle } from './cycleBasis.js';

export function supportCycles<T>(P: readonly (readonly T[])[], nonzero: (value: T) => boolean): number[][] {
  const adjacent = P.map((row, x) => row.map((value, y) => nonzero(value) || nonzero(P[y]![x]!)));
  const basis = cycleBasis(adjacent);
  return basis.nonTreeEdges.map(([x, y]) => fundamentalCycle(basis, x, y));
}
