/**
 * Degrees of failure: how far a claim fails, level by level of a violation.
 *
 * Main definitions
 * - `DegreeLevelResult`, `DegreeResult`: per level, the samples measured and
 *   the largest defect seen.
 * - `measureDegree(spec, options)`: samples each level's instances at a seed
 *   derived from the master seed and the names, and keeps the largest defect.
 *
 * Main statements
 * - The reported `largest` encloses the largest defect of the samples: its lo
 *   is the largest lower end and its hi the largest upper end over the
 *   samples' enclosures (max is monotone in each argument), so it holds
 *   whatever the individual widths.
 *
 * Implementation details
 * Every level draws from the same seed: levels that differ only in a
 * parameter (eps, or the time beta t of the same flows) are measured on paired
 * instances, so the ladder shows the parameter's effect, not sampling noise.
 * Exact defects keep their "p/q" when the largest is exact. A sample whose
 * defect throws is counted in `failed`, never as a value. Endpoints are
 * compared exactly (their decimal strings read by `parseRational`).
 */
import fc from 'fast-check';
import type { NumberObject } from '../arith/numberObject.js';
import { parseRational } from '../arith/rational.js';
import type { DegreeSpec } from '../runner/theorem.js';
import { deriveSeed } from '../runner/seed.js';

export interface DegreeLevelResult {
  label: string;
  /** samples whose defect was measured */
  samples: number;
  /** samples whose defect could not be computed */
  failed: number;
  /** an enclosure of the largest defect over the samples ('infinite' when some defect is) */
  largest?: NumberObject | 'infinite';
  /** first reason a sample failed */
  reason?: string;
}

export interface DegreeResult {
  name: string;
  measure: string;
  levels: DegreeLevelResult[];
}

function larger(a: string, b: string): string {
  return parseRational(a).gt(parseRational(b)) ? a : b;
}

/** The enclosure of max(x, y) from enclosures of x and y. */
function maxEnclosure(a: NumberObject, b: NumberObject): NumberObject {
  const lo = larger(a.lo, b.lo);
  const hi = larger(a.hi, b.hi);
  const approx = larger(a.approx, b.approx);
  const exact =
    a.exact !== undefined && b.exact !== undefined
      ? parseRational(a.exact).gt(parseRational(b.exact))
        ? a.exact
        : b.exact
      : undefined;
  return exact !== undefined ? { approx, lo, hi, exact } : { approx, lo, hi };
}

/** Measure `spec` on `samples` instances of each level. */
export function measureDegree<I>(
  spec: DegreeSpec<I>,
  options: { seed: number; samples: number; scope: string },
): DegreeResult {
  const levels = spec.levels.map((level): DegreeLevelResult => {
    const seed = deriveSeed(options.seed, options.scope, 'degree', spec.name);
    const instances = fc.sample(level.arbitrary, { seed, numRuns: options.samples });
    let largest: NumberObject | 'infinite' | undefined;
    let samples = 0;
    let failed = 0;
    let reason: string | undefined;
    for (const instance of instances) {
      let defect: NumberObject | 'infinite';
      try {
        defect = spec.defect(instance);
      } catch (error) {
        failed += 1;
        reason ??= error instanceof Error ? error.message : String(error);
        continue;
      }
      samples += 1;
      if (largest === 'infinite' || defect === 'infinite') largest = 'infinite';
      else largest = largest === undefined ? defect : maxEnclosure(largest, defect);
    }
    return {
      label: level.label,
      samples,
      failed,
      ...(largest !== undefined ? { largest } : {}),
      ...(reason !== undefined ? { reason } : {}),
    };
  });
  return { name: spec.name, measure: spec.measure, levels };
}
