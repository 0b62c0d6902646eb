/**
 * Shared helpers for the empirical tests: count data from a matrix, and simulated counts
 * from a known kernel with the project's seeded generator.
 */
import {
  buildCountData,
  type CountData,
  type CountRow,
  type TrialsEntry,
  type TrialsSpec,
} from '../../src/empirical/counts.js';
import { sampleMultinomial, type Random } from '../../src/stats/random.js';

/** Count data from a dense matrix (zero entries left out), names, and optional trials. */
export function dataFromMatrix(
  names: readonly string[],
  matrix: readonly (readonly number[])[],
  trials?: readonly number[],
): CountData {
  const rows: CountRow[] = [];
  matrix.forEach((row, x) =>
    row.forEach((count, y) => {
      if (count > 0) rows.push({ from: names[x]!, to: names[y]!, count, where: `row ${x},${y}` });
    }),
  );
  let spec: TrialsSpec = { kind: 'row sums' };
  if (trials !== undefined) {
    const map = new Map<string, TrialsEntry>(
      names.map((name, x) => [name, { trials: trials[x]!, where: `trials ${name}` }]),
    );
    spec = { kind: 'map', trials: map, source: 'trials' };
  }
  const data = buildCountData({ rows }, spec);
  // buildCountData orders states by first appearance; the tests rely on the given order
  if (data.states.join('\u0000') !== names.join('\u0000'))
    throw new Error('test data: states must first appear in the given order');
  return data;
}

/** Counts of trials[x] independent steps from each x under kernel P (rows sum to 1). */
export function simulateCounts(
  random: Random,
  kernel: readonly (readonly number[])[],
  trials: readonly number[],
): number[][] {
  return kernel.map((row, x) => sampleMultinomial(random, trials[x]!, row));
}
