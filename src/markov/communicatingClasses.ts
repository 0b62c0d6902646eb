/**
 * The graph structure of a Markov chain: communicating classes, closed classes,
 * irreducibility and period.
 *
 * Main definitions
 * - `supportGraph(ar, P)`: adjacency lists of x -> y for P(x, y) > 0.
 * - `stronglyConnectedComponents(adjacency)`: Tarjan's algorithm (iterative).
 * - `classPeriod(adjacency, members)`: the period of a communicating class.
 * - `chainStructure(ar, P)`: classes (each with `closed` and `period`), the
 *   closed classes, `irreducible`, and for an irreducible chain `period` and
 *   `aperiodic`.
 *
 * Main statements
 * - x and y communicate iff they lie in one strongly connected component of the
 *   support graph; a class is closed iff no edge leaves it.
 * - For a strongly connected graph and BFS levels L from any root, the period
 *   (gcd of all cycle lengths) equals gcd over edges u -> v of L(u) + 1 - L(v):
 *   every cycle length is a sum of these edge terms (L telescopes around the
 *   cycle), and each edge term is a difference of the lengths of two closed walks
 *   through the root (root ~> u -> v ~> root versus root ~> v ~> root, along BFS
 *   tree paths), hence a multiple of the period.
 *
 * Implementation details
 * The support uses only decided signs: an entry whose sign the arithmetic cannot
 * decide (an interval containing 0) raises `UndecidedError` instead of guessing
 * an edge. Tarjan's algorithm runs with an explicit stack (no recursion limit at
 * n = 2000). Classes are listed by smallest state, states in increasing order.
 */
import { decidedSign, type Arithmetic } from '../arith/arithmetic.js';
import type { ReadonlyMatrix } from '../linalg/matrix.js';

export interface CommunicatingClass {
  readonly states: number[];
  /** No transition leaves the class. */
  readonly closed: boolean;
  /** gcd of the lengths of cycles inside the class; 0 for a single state without a self-loop. */
  readonly period: number;
}

export interface ChainStructure {
  readonly classes: CommunicatingClass[];
  readonly closedClasses: number[][];
  readonly irreducible: boolean;
  /** The period of an irreducible chain; undefined for a reducible one. */
  readonly period: number | undefined;
  /** period = 1 for an irreducible chain; undefined for a reducible one. */
  readonly aperiodic: boolean | undefined;
}

/** Adjacency lists of the support of P (decided positive entries); UndecidedError on an undecided sign. */
export function supportGraph<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>): number[][] {
  return kernel.map((row, x) => {
    const successors: number[] = [];
    row.forEach((entry, y) => {
      if (decidedSign(ar, entry, `P(${x}, ${y})`) > 0) successors.push(y);
    });
    return successors;
  });
}

/** Strongly connected components, each sorted, listed by smallest member. */
export function stronglyConnectedComponents(adjacency: readonly (readonly number[])[]): number[][] {
  const n = adjacency.length;
  const index = new Int32Array(n).fill(-1);
  const lowLink = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    // Each frame is a vertex and the position of the next successor to visit.
    const frames: [number, number][] = [[root, 0]];
    index[root] = lowLink[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [v, next] = frame;
      const successors = adjacency[v]!;
      if (next < successors.length) {
        frame[1] = next + 1;
        const w = successors[next]!;
        if (index[w] === -1) {
          index[w] = lowLink[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w]) {
          lowLink[v] = Math.min(lowLink[v]!, index[w]!);
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]![0];
        lowLink[parent] = Math.min(lowLink[parent]!, lowLink[v]!);
      }
      if (lowLink[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        components.push(component.sort((a, b) => a - b));
      }
    }
  }
  return components.sort((a, b) => a[0]! - b[0]!);
}

/** The period of a strongly connected set of states (module comment); 0 if it has no cycle. */
export function classPeriod(adjacency: readonly (readonly number[])[], members: readonly number[]): number {
  const inClass = new Set(members);
  const level = new Map<number, number>([[members[0]!, 0]]);
  const queue = [members[0]!];
  let period = 0;
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (const v of adjacency[u]!) {
      if (!inClass.has(v)) continue;
      const known = level.get(v);
      if (known === undefined) {
        level.set(v, level.get(u)! + 1);
        queue.push(v);
      } else {
        period = gcd(period, Math.abs(level.get(u)! + 1 - known));
      }
    }
  }
  return period;
}

/** Classes, closed classes, irreducibility and period of the chain with kernel P. */
export function chainStructure<T>(ar: Arithmetic<T>, kernel: ReadonlyMatrix<T>): ChainStructure {
  return chainStructureOfGraph(supportGraph(ar, kernel));
}

/** `chainStructure` from the support graph directly. */
export function chainStructureOfGraph(adjacency: readonly (readonly number[])[]): ChainStructure {
  const components = stronglyConnectedComponents(adjacency);
  const componentOf = new Int32Array(adjacency.length);
  components.forEach((states, c) => states.forEach((x) => (componentOf[x] = c)));
  const classes = components.map((states, c) => ({
    states,
    closed: states.every((x) => adjacency[x]!.every((y) => componentOf[y] === c)),
    period: classPeriod(adjacency, states),
  }));
  const irreducible = classes.length === 1;
  const period = irreducible ? classes[0]!.period : undefined;
  return {
    classes,
    closedClasses: classes.filter((c) => c.closed).map((c) => c.states),
    irreducible,
    period,
    aperiodic: period === undefined ? undefined : period === 1,
  };
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
