/**
 * The two-way graph of a count matrix and a cycle basis of it.
 *
 * The two-way graph has an edge {x, y}, x != y, when transitions were seen in both
 * directions, N(x, y) > 0 and N(y, x) > 0. Only on it are the log-ratios
 * log P(x, y) - log P(y, x) finite, so the potential is identified within each of its
 * connected components and detailed balance is testable on its cycles.
 *
 * Main definitions
 * - `TwoWayGraph`: edges (x < y), adjacency, components (each with >= 2 states).
 * - `twoWayGraph(counts)`.
 * - `cycleBasis(graph)`: the fundamental cycles of a breadth-first spanning forest.
 * - `cycleRank(graph)`: edges - vertices + components, the number of independent cycles.
 *
 * Main statements
 * - The fundamental cycles of a spanning forest form a basis of the cycle space, so their
 *   number is the cycle rank, and every cycle's affinity is a signed sum of theirs.
 *
 * Implementation details
 * Deterministic: components and trees are explored in state order (first appearance in
 * the input), non-tree edges are taken in (x, y) order. A fundamental cycle is written as
 * the tree path from x up to the common ancestor and down to y, closed by the edge y -> x.
 */

export interface Edge {
  /** x < y by state index. */
  readonly x: number;
  readonly y: number;
}

export interface TwoWayGraph {
  readonly n: number;
  readonly edges: readonly Edge[];
  /** Sorted neighbour lists. */
  readonly adjacency: readonly (readonly number[])[];
  /** Component id of each state, -1 for a state with no two-way edge. */
  readonly component: readonly number[];
  /** The states of each component, sorted; ids by smallest state. */
  readonly components: readonly (readonly number[])[];
}

/** The two-way graph of counts[x][y] (self-transitions ignored). */
export function twoWayGraph(counts: readonly (readonly number[])[]): TwoWayGraph {
  const n = counts.length;
  const edges: Edge[] = [];
  const adjacency: number[][] = Array.from({ length: n }, () => []);
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      if (counts[x]![y]! > 0 && counts[y]![x]! > 0) {
        edges.push({ x, y });
        adjacency[x]!.push(y);
        adjacency[y]!.push(x);
      }
    }
  }
  for (const list of adjacency) list.sort((a, b) => a - b);
  const component = new Array<number>(n).fill(-1);
  const components: number[][] = [];
  for (let start = 0; start < n; start++) {
    if (component[start] !== -1 || adjacency[start]!.length === 0) continue;
    const id = components.length;
    const members: number[] = [start];
    component[start] = id;
    for (let head = 0; head < members.length; head++) {
      for (const next of adjacency[members[head]!]!) {
        if (component[next] === -1) {
          component[next] = id;
          members.push(next);
        }
      }
    }
    members.sort((a, b) => a - b);
    components.push(members);
  }
  return { n, edges, adjacency, component, components };
}

/** edges - vertices + components over the two-way graph. */
export function cycleRank(graph: TwoWayGraph): number {
  const vertices = graph.components.reduce((total, members) => total + members.length, 0);
  return graph.edges.length - vertices + graph.components.length;
}

/**
 * Fundamental cycles of the breadth-first spanning forest. Each cycle is a list of distinct
 * states [s0, ..., s_{k-1}], k >= 3, read s0 -> s1 -> ... -> s_{k-1} -> s0.
 */
export function cycleBasis(graph: TwoWayGraph): number[][] {
  const parent = new Array<number>(graph.n).fill(-1);
  const depth = new Array<number>(graph.n).fill(-1);
  for (const members of graph.components) {
    const root = members[0]!;
    depth[root] = 0;
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      for (const w of graph.adjacency[v]!) {
        if (depth[w] === -1) {
          depth[w] = depth[v]! + 1;
          parent[w] = v;
          queue.push(w);
        }
      }
    }
  }
  const cycles: number[][] = [];
  for (const { x, y } of graph.edges) {
    if (parent[y] === x || parent[x] === y) continue; // tree edge
    const up: number[] = [];
    const down: number[] = [];
    let a = x;
    let b = y;
    while (depth[a]! > depth[b]!) {
      up.push(a);
      a = parent[a]!;
    }
    while (depth[b]! > depth[a]!) {
      down.push(b);
      b = parent[b]!;
    }
    while (a !== b) {
      up.push(a);
      down.push(b);
      a = parent[a]!;
      b = parent[b]!;
    }
    cycles.push([...up, a, ...down.reverse()]);
  }
  return cycles;
}
