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
 * The strongly connected components come from the Markov toolkit's
 * `stronglyConnectedComponents` (each sorted, listed by smallest member);
 * only the graph (x != y, N > 0) is specific to counts.
 */
import { stronglyConnectedComponents } from '../markov/communicatingClasses.js';

/** Strongly connected components of the observed transition graph. */
export function communicatingClasses(counts: readonly (readonly number[])[]): number[][] {
  const adjacency = counts.map((row, x) => row.flatMap((count, y) => (x !== y && count > 0 ? [y] : [])));
  return stronglyConnectedComponents(adjacency);
}
