/**
 * Re-checking one run record: the checker's own decision of the claim on the
 * recorded instance, compared with what the record says.
 *
 * Main definitions
 * - `recheckRun(run)`: `{ decision }` when the record is confirmed (the
 *   checker's decision, or 'undecided'), `{ rejection }` naming what is wrong.
 * - `START_DIGITS`, `CAP_DIGITS`: 40 significant digits (the engine's start), doubled up to 800.
 *
 * Main statements
 * A record is confirmed only when all of these hold:
 * - its witnesses verify (witness.ts);
 * - the checker decides the claim (evaluate.ts, exact or rigorous
 *   enclosures) and finds the recorded decision; a recorded 'undecided' is
 *   accepted (it claims nothing);
 * - the recorded atom is a comparison the checker evaluated, with the same
 *   comparison and truth value, whose recorded sides are consistent with the
 *   checker's: two valid enclosures of one real always intersect, and two
 *   exact values of one real are equal; its recorded `holds` is not refuted by
 *   its own recorded values; a fail's atom is the first false comparison.
 *
 * Implementation details
 * An undecided comparison makes the whole run re-evaluated at twice the
 * digits (the numbering of comparisons then stays the engine's, evaluate.ts).
 */
import Fraction from 'fraction.js';
import { fromBounds, Interval, precision, Undecided, Undefined, type Comparison, type Value } from './enclosure.js';
import { evaluateClaim, type Outcome } from './evaluate.js';
import { decimalToRational, rationalText } from './numbers.js';
import type { Atom, Decision, Recorded, Run } from './shape.js';
import { verifyWitnesses, WitnessError } from './witness.js';

export const START_DIGITS = 40;
export const CAP_DIGITS = 800;

export type RunResult = { readonly decision: Decision } | { readonly rejection: string };

/** The run re-checked (module comment). */
export function recheckRun(run: Run): RunResult {
  let outcome: Outcome | undefined;
  try {
    const brackets = verifyWitnesses(run.claim, run.instance, run.witnesses);
    // 40, 80, ..., 640, then the cap 800: never below the engine's own cap of 640.
    for (
      let digits = START_DIGITS;
      digits <= CAP_DIGITS && outcome === undefined;
      digits = digits === CAP_DIGITS ? CAP_DIGITS + 1 : Math.min(CAP_DIGITS, digits * 2)
    ) {
      try {
        outcome = evaluateClaim(precision(digits), run.claim, run.instance, brackets);
      } catch (error) {
        if (!(error instanceof Undecided)) throw error;
      }
    }
  } catch (error) {
    if (error instanceof WitnessError) return { rejection: `witness rejected: ${error.message}` };
    if (error instanceof Undefined) return { rejection: `the claim is undefined on the instance: ${error.message}` };
    throw error;
  }
  if (outcome === undefined)
    return run.decision === 'undecided'
      ? { decision: 'undecided' }
      : { rejection: `undecided at ${CAP_DIGITS} digits (recorded ${run.decision})` };
  const decision = outcome.holds ? 'pass' : 'fail';
  if (run.decision === 'undecided') return { decision: 'undecided' };
  if (decision !== run.decision) return { rejection: `the checker finds ${decision}, recorded ${run.decision}` };
  const problem = run.atom === undefined ? undefined : atomProblem(run.atom, outcome, decision);
  return problem === undefined ? { decision } : { rejection: `atom ${run.atom!.index}: ${problem}` };
}

/** What is wrong with the recorded atom, if anything (module comment). */
function atomProblem(atom: Atom, outcome: Outcome, decision: Decision): string | undefined {
  const mine = outcome.atoms[atom.index];
  if (mine === undefined) return `not evaluated (the claim evaluates ${outcome.atoms.length} comparisons)`;
  if (mine.cmp !== atom.cmp || mine.digits !== atom.digits)
    return `recorded '${atom.cmp}', the claim's comparison is '${mine.cmp}'`;
  for (const [side, recorded, value] of [
    ['left', atom.left, mine.left],
    ['right', atom.right, mine.right],
  ] as const) {
    const problem = sideProblem(recorded, value);
    if (problem !== undefined) return `${side}: ${problem}`;
  }
  const proven = atom.left.float64 || atom.right.float64 ? undefined : provenBy(atom.cmp, atom.left, atom.right);
  if (proven !== undefined && proven !== atom.holds) return `holds=${atom.holds} contradicts its recorded values`;
  if (mine.holds !== atom.holds) return `holds=${atom.holds}, the checker finds ${mine.holds}`;
  if (decision === 'fail' && atom.index !== outcome.firstFalse)
    return `not the first false comparison (${outcome.firstFalse})`;
  return undefined;
}

/** The checker's value as exact bounds. */
function bounds(v: Value): readonly [Fraction, Fraction] {
  return v instanceof Interval ? [decimalToRational(v.lo), decimalToRational(v.hi)] : [v, v];
}

const show = (lo: Fraction, hi: Fraction): string =>
  lo.equals(hi) ? rationalText(lo) : `[${lo.toString(25)}, ${hi.toString(25)}]`;

/**
 * A recorded side against the checker's value of the same comparison side:
 * both enclose one real, so disjoint enclosures or different exact values
 * prove the record wrong. A float64 side claims no enclosure and is skipped.
 */
function sideProblem(r: Recorded, v: Value): string | undefined {
  if (r.float64) return undefined;
  if (r.lo.compare(r.hi) > 0) return 'the recorded enclosure is empty (lo > hi)';
  if (r.exact !== undefined && (r.exact.compare(r.lo) < 0 || r.exact.compare(r.hi) > 0))
    return 'the recorded exact value is outside its own [lo, hi]';
  const [lo, hi] = r.exact === undefined ? [r.lo, r.hi] : [r.exact, r.exact];
  const [mlo, mhi] = bounds(v);
  if (r.exact !== undefined && v instanceof Fraction && !v.equals(r.exact))
    return `recorded exact ${rationalText(r.exact)}, the checker's is ${rationalText(v)}`;
  if (hi.compare(mlo) < 0 || mhi.compare(lo) < 0)
    return `recorded ${show(lo, hi)} is disjoint from the checker's ${show(mlo, mhi)}`;
  return undefined;
}

/** The truth of `cmp` when the recorded bounds prove it, else undefined (the rule of enclosure.decide). */
function provenBy(cmp: Comparison, left: Recorded, right: Recorded): boolean | undefined {
  const [a, b] = left.exact === undefined ? [left.lo, left.hi] : [left.exact, left.exact];
  const [c, d] = right.exact === undefined ? [right.lo, right.hi] : [right.exact, right.exact];
  return fromBounds(cmp, b.compare(c) < 0, a.compare(d) > 0, b.compare(c) <= 0, a.compare(d) >= 0);
}
