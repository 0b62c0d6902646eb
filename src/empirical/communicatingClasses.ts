/**
 * Communicating classes of the observed transitions.
 *
 * States x and y communicate when each is reachable from the other along observed
 * transitions (N > 0). The reversible MLE exists in the interior (every flow positive on
 * the symmetric support) when the counts restricted to a set of states are irreducible;
 * across classes a transition seen one way can never be balanced and the likelihood is
 * maximised only in a limit. So the reversible MLE is fitted class by class.
 *
 * Main definitions
 * - `communicatingClasses(counts)`: the strongly connected components of the directed
 *   graph x -> y (x != y, counts[x][y] > 0), each sorted, ordered by smallest state.
 *
 * Implementation details
 * Kosaraju's two passes with explicit stacks (no recursion depth limit), O(n^2) on the
 * dense matrix.
 */

/** Strongly connected components of the observed transition graph. */
export function communicatingClasses(counts: readonly (readonly number[])[]): number[][] {
  const n = counts.length;
  const edge = (x: number, y: number): boolean => x !== y && counts[x]![y]! > 0;
  // pass 1: finishing order of a depth-first search on the graph
  const visited = new Array<boolean>(n).fill(false);
  const order: number[] = [];
  for (let start = 0; start < n; start++) {
    if (visited[start]) continue;
    visited[start] = true;
    const stack: [number, number][] = [[start, 0]];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [v, next] = top;
      let w = next;
      while (w < n && (visited[w] || !edge(v, w))) w++;
      if (w < n) {
        top[1] = w + 1;
        visited[w] = true;
        stack.push([w, 0]);
      } else {
        stack.pop();
        order.push(v);
      }
    }
  }
  // pass 2: search the reversed graph in decreasing finishing time
  const label = new Array<number>(n).fill(-1);
  const classes: number[][] = [];
  for (let k = n - 1; k >= 0; k--) {
    const root = order[k]!;
    if (label[root] !== -1) continue;
    const members = [root];
    label[root] = classes.length;
    for (let head = 0; head < members.length; head++) {
      const v = members[head]!;
      for (let u = 0; u < n; u++) {
        if (label[u] === -1 && edge(u, v)) {
          label[u] = classes.length;
          members.push(u);
        }
      }
    }
    classes.push(members.sort((a, b) => a - b));
  }
  return classes.sort((a, b) => a[0]! - b[0]!);
}
