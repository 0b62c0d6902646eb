/**
 * A cycle basis of an undirected graph: a BFS spanning forest and its
 * fundamental cycles.
 *
 * Main definitions
 * - `cycleBasis(adjacent)`: for a symmetric boolean adjacency matrix, the BFS
 *   forest (parent, depth, visiting order) and the non-tree edges {x, y}, x < y.
 * - `fundamentalCycle(basis, x, y)`: the cycle made by the non-tree edge x -> y and
 *   the tree path from y back to x.
 *
 * Main statements
 * - Every cycle of the graph is, as a sum of edge indicators over Z, a combination
 *   of fundamental cycles; so a multiplicative (or additive) edge function g with
 *   g(y, x) = 1 / g(x, y) has product 1 over every cycle iff it has product 1 over
 *   every fundamental cycle. Equivalently: with the tree potential r(root) = 1,
 *   r(c) = r(p) g(p, c), the fundamental cycle of x -> y has product
 *   r(x) g(x, y) / r(y) (the tree path from y to x contributes r(x) / r(y)).
 *
 * Implementation details
 * Roots are taken in increasing order, neighbours in increasing order, so the
 * basis (and every reported cycle) is deterministic. O(n^2) for a dense matrix.
 */

export interface CycleBasis {
  /** States in BFS order; a parent always precedes its children. */
  readonly order: number[];
  /** Tree parent, -1 for a root. */
  readonly parent: Int32Array;
  readonly depth: Int32Array;
  /** Non-tree edges {x, y} with x < y, in discovery order. */
  readonly nonTreeEdges: [number, number][];
}

/** The BFS spanning forest and non-tree edges of a symmetric boolean adjacency matrix (diagonal ignored). */
export function cycleBasis(adjacent: readonly (readonly boolean[])[]): CycleBasis {
  const n = adjacent.length;
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const visited = new Uint8Array(n);
  const order: number[] = [];
  const nonTreeEdges: [number, number][] = [];
  for (let root = 0; root < n; root++) {
    if (visited[root]) continue;
    visited[root] = 1;
    order.push(root);
    for (let head = order.length - 1; head < order.length; head++) {
      const x = order[head]!;
      const row = adjacent[x]!;
      for (let y = 0; y < n; y++) {
        if (y === x || !row[y]) continue;
        if (!visited[y]) {
          visited[y] = 1;
          parent[y] = x;
          depth[y] = depth[x]! + 1;
          order.push(y);
        } else if (x < y && parent[y] !== x && parent[x] !== y) {
          // Seen from its smaller end only: the larger end was visited before x was processed.
          nonTreeEdges.push([x, y]);
        }
      }
    }
  }
  return { order, parent, depth, nonTreeEdges };
}

/** The fundamental cycle of the non-tree edge x -> y: x, y, up to the common ancestor, down to x (closing implied). */
export function fundamentalCycle(basis: CycleBasis, x: number, y: number): number[] {
  const { parent, depth } = basis;
  const fromX: number[] = [];
  const fromY: number[] = [];
  let a = x;
  let b = y;
  while (depth[a]! > depth[b]!) {
    fromX.push(a);
    a = parent[a]!;
  }
  while (depth[b]! > depth[a]!) {
    fromY.push(b);
    b = parent[b]!;
  }
  while (a !== b) {
    fromX.push(a);
    fromY.push(b);
    a = parent[a]!;
    b = parent[b]!;
  }
  const cycle = [x, ...fromY];
  if (a !== x) cycle.push(a, ...fromX.slice(1).reverse());
  return cycle;
}
