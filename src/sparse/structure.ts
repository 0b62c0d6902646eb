/**
 * The communicating structure of a sparse chain: strongly connected
 * components, closed classes and the period, in time and memory linear in
 * the number of stored entries.
 *
 * Main definitions
 * - `sparseStructure(P)`: { irreducible, components (count), closedClasses
 *   (the states of each closed class, at most `MAX_CLASSES_LISTED` listed),
 *   closedClassCount, period (irreducible chains only), aperiodic }.
 *
 * Main statements
 * - A chain is irreducible iff its transition graph is strongly connected; a
 *   closed class is a strongly connected component with no edge leaving it
 *   (a finite chain has at least one, and a unique stationary law iff it has
 *   exactly one).
 * - (period) For an irreducible chain and BFS levels L from any state, the
 *   period is the gcd over all edges i -> j of L(i) + 1 - L(j).
 *
 * Implementation details
 * Tarjan's algorithm with an explicit stack (no recursion: a 100,000-state
 * path would overflow the call stack): per state the position in its row
 * where the depth-first search resumes.
 */
import type { CsrMatrix } from './csr.js';

export const MAX_CLASSES_LISTED = 20;

export interface SparseStructure {
  readonly irreducible: boolean;
  readonly components: number;
  readonly closedClassCount: number;
  /** States of the closed classes (the first MAX_CLASSES_LISTED, each sorted). */
  readonly closedClasses: number[][];
  /** The period of an irreducible chain. */
  readonly period?: number;
}

/** Component id of each state (Tarjan, iterative) and the number of components. */
export function stronglyConnectedComponents(P: CsrMatrix): { component: Int32Array; count: number } {
  const { n, indptr, indices } = P;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const resume = new Int32Array(n);
  const stack = new Int32Array(n);
  const callStack = new Int32Array(n);
  let stackTop = 0;
  let next = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callStack[depth++] = root;
    index[root] = low[root] = next++;
    resume[root] = indptr[root]!;
    stack[stackTop++] = root;
    while (depth > 0) {
      const v = callStack[depth - 1]!;
      const k = resume[v]!;
      if (k < indptr[v + 1]!) {
        resume[v] = k + 1;
        const w = indices[k]!;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          resume[w] = indptr[w]!;
          stack[stackTop++] = w;
          callStack[depth++] = w;
        } else if (component[w] === -1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callStack[depth - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack[--stackTop]!;
          component[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return { component, count };
}

export function sparseStructure(P: CsrMatrix): SparseStructure {
  const { n, indptr, indices } = P;
  const { component, count } = stronglyConnectedComponents(P);
  if (count === 1) {
    const period = periodOf(P);
    return { irreducible: true, components: 1, closedClassCount: 1, closedClasses: [], period };
  }
  const leaves = new Uint8Array(count);
  for (let i = 0; i < n; i++) {
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      if (component[indices[k]!] !== component[i]) leaves[component[i]!] = 1;
    }
  }
  // closed classes in the order of their smallest state
  const listed = new Map<number, number[]>();
  let closedClassCount = 0;
  for (let c = 0; c < count; c++) if (leaves[c] === 0) closedClassCount++;
  for (let i = 0; i < n; i++) {
    const c = component[i]!;
    if (leaves[c] !== 0) continue;
    const members = listed.get(c);
    if (members) members.push(i);
    else if (listed.size < MAX_CLASSES_LISTED) listed.set(c, [i]);
  }
  return { irreducible: false, components: count, closedClassCount, closedClasses: [...listed.values()] };
}

/** The period of an irreducible chain (module comment). */
function periodOf(P: CsrMatrix): number {
  const { n, indptr, indices } = P;
  const level = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  level[0] = 0;
  queue[tail++] = 0;
  let g = 0;
  while (head < tail) {
    const i = queue[head++]!;
    for (let k = indptr[i]!; k < indptr[i + 1]!; k++) {
      const j = indices[k]!;
      if (level[j] === -1) {
        level[j] = level[i]! + 1;
        queue[tail++] = j;
      } else {
        g = gcd(g, Math.abs(level[i]! + 1 - level[j]!));
        if (g === 1) return 1;
      }
    }
  }
  return g;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}
