/**
 * Certified identities: a computer-algebra reduction checked by an evaluation
 * that does not use the computer algebra system.
 *
 * An identity LHS = RHS (with declared variable domains and side conditions
 * written as substitutions, e.g. p3 = 1 - p1 - p2) gets a `Certificate`:
 * - "certified": the CAS reduces LHS - RHS to 0 (after the own log rewrite) AND
 *   the residual evaluated independently is exactly 0 at k random rational
 *   points (rational identities) or has a rigorous enclosure containing 0 of
 *   width below 10^-p at k random points (transcendental identities);
 * - "numerically-certified": the CAS does not reduce to 0, the evaluation is 0
 *   at every point (with the Schwartz-Zippel bound or the enclosure width);
 * - "cas-unsound": the CAS says 0 but the evaluation is nonzero somewhere;
 * - "failed": the evaluation is nonzero somewhere; the identity is false;
 * - "undecided": fewer than k points could be evaluated, or an enclosure
 *   containing 0 stayed wider than 10^-p at the precision cap. Never a pass.
 *
 * Main definitions
 * - `IdentitySpec`, `Certificate`, `CertifyOptions`.
 * - `certifyIdentity(spec, options)`: deterministic for a given seed.
 *
 * Main statements
 * - Schwartz-Zippel (rational identities). Write the residual as N/D over a
 *   common denominator (`toRationalForm`), deg N <= d, and let the singular
 *   factors (divisors' numerators) have total degree <= d_s. Each free
 *   variable is drawn uniformly from a set of size >= s, and a point where the
 *   residual is undefined is redrawn. If the identity is false (N != 0), a
 *   drawn point shows residual 0 with probability
 *   P(N = 0 | defined) <= (d/s) / (1 - d_s/s) = d / (s - d_s),
 *   which is d/|S| when nothing can be undefined; k independent points all show
 *   0 with probability <= (d / (s - d_s))^k. (The points come from a seeded
 *   xoshiro128** stream standing in for independent uniform draws.)
 * - Rational identities do not depend on domains: a rational function zero on
 *   an open set is zero. So rational evaluation draws free variables from their
 *   domains but does not reject points where a substituted variable leaves its
 *   declared domain (that would bias the draw). Transcendental evaluation does
 *   reject them: there the domains are hypotheses (log of a probability).
 *
 * - Points where the residual is undefined (a zero divisor, the log of a
 *   non-positive value) are redrawn: an identity is certified on its domain of
 *   definition within the declared domains.
 *
 * Implementation details
 * The reduction is `reduceByLogRewrite` (own log rewrite, atoms, common
 * denominator, exact expansion; nerdamer's expansion as a second opinion on
 * small inputs). The evaluation reads the residual as the user wrote it
 * (substitutions expanded), not the rewritten form, so the own log rewrite is
 * checked too. Interval evaluation starts at `digits` significant digits
 * (default p + 20) and doubles up to 4 times that while an enclosure contains 0
 * but is too wide. Sample sets: `sampling.ts`.
 */
import { UndecidedError, type Arithmetic } from '../arith/arithmetic.js';
import { exactArithmetic } from '../arith/exact.js';
import { intervalArithmetic } from '../arith/interval.js';
import { rationalToDecimal } from '../arith/numberObject.js';
import { Rational, parseRational, rationalToString } from '../arith/rational.js';
import { evaluateExpression } from './evaluate.js';
import {
  ExpressionSyntaxError,
  RESERVED_NAMES,
  freeVariables,
  isRationalExpression,
  parseExpression,
  stripBindings,
  sub,
  substituteBindings,
  type Domain,
  type Expr,
} from './expression.js';
import { reduceByLogRewrite, reduceBySimplify, type CasReduction } from './reduction.js';
import { polynomialDegreeBound, singularDegreeBound, toRationalForm } from './rationalForm.js';
import { INTERVAL_SETS, PointStream, RATIONAL_SETS, smallestSetSize, type SampleSet } from './sampling.js';

export type { Domain } from './expression.js';

export interface IdentitySpec {
  name: string;
  lhs: string;
  rhs: string;
  variables: Record<string, Domain>;
  /** Side conditions as definitions, e.g. { p3: '1 - p1 - p2' }; may refer to each other. */
  substitutions?: Record<string, string>;
  description?: string;
}

export type CertificateStatus = 'certified' | 'numerically-certified' | 'cas-unsound' | 'failed' | 'undecided';

export interface Certificate {
  name: string;
  status: CertificateStatus;
  /**
   * The reduced residual: "0" when the reduction succeeded, else the expanded
   * numerator of LHS - RHS over the common denominator, atoms written out.
   */
  casResidual: string;
  evaluation: 'exact' | 'interval';
  /** The evaluation points (free variables, exact rationals "p/q"). */
  points: Array<Record<string, string>>;
  /** The residual at each point: an exact rational, or "[lo, hi]". */
  residuals: string[];
  schwartzZippel?: { degree: number; sampleSetSize: string; boundPerPoint: string; bound: string };
  /** Interval evaluation: every enclosure had width below this. */
  widthBelow?: string;
  detail: string;
}

export interface CertifyOptions {
  /** Number of evaluation points k (>= 3, default 5). */
  points?: number;
  /** PRNG seed (default 251218730). */
  seed?: number;
  /** Starting interval precision in significant digits (default widthDigits + 20). */
  digits?: number;
  /** p: enclosures must be narrower than 10^-p (default 30). */
  widthDigits?: number;
  /** The CAS reduction; 'nerdamer-simplify' is unsound and exists to demonstrate it. */
  reduction?: 'log-rewrite' | 'nerdamer-simplify';
}

export const DEFAULT_IDENTITY_SEED = 251218730;
const DOMAINS: ReadonlySet<string> = new Set(['positive', 'probability', 'real', 'nonzero']);
/** Draws per requested point before giving up (points outside the domain of definition are redrawn). */
const ATTEMPTS_PER_POINT = 50;
/** Interval precision may grow to this multiple of the starting digits. */
const PRECISION_GROWTH = 4;

/** A malformed identity specification; the message names the field. */
export class IdentitySpecError extends Error {
  override readonly name = 'IdentitySpecError';
}

/** A sample point outside a declared domain of a substituted variable. */
class DomainRejection extends Error {}

interface Parsed {
  lhs: Expr;
  rhs: Expr;
  residual: Expr;
  free: string[];
}

function parseSpec(spec: IdentitySpec): Parsed {
  if (spec === null || typeof spec !== 'object') throw new IdentitySpecError('identity: expected an object');
  if (typeof spec.name !== 'string' || spec.name === '') throw new IdentitySpecError('name: must be a non-empty string');
  const where = `identity "${spec.name}"`;
  if (spec.variables === null || typeof spec.variables !== 'object')
    throw new IdentitySpecError(`${where}: variables must map each variable to a domain`);
  for (const [name, domain] of Object.entries(spec.variables)) {
    if (!DOMAINS.has(domain))
      throw new IdentitySpecError(
        `${where}: variables.${name} is "${String(domain)}"; use positive, probability, real or nonzero`,
      );
    if (RESERVED_NAMES.has(name)) throw new IdentitySpecError(`${where}: "${name}" is reserved; rename the variable`);
  }
  const read = (field: string, text: unknown): Expr => {
    if (typeof text !== 'string') throw new IdentitySpecError(`${where}: ${field} must be a string`);
    try {
      return parseExpression(text);
    } catch (error) {
      if (error instanceof ExpressionSyntaxError) throw new IdentitySpecError(`${where}: ${field}: ${error.message}`);
      throw error;
    }
  };
  const substitutions = new Map<string, Expr>();
  for (const [name, text] of Object.entries(spec.substitutions ?? {})) {
    if (!/^[A-Za-z_][A-Za-z_0-9]*$/.test(name) || RESERVED_NAMES.has(name))
      throw new IdentitySpecError(`${where}: substitutions.${name} is not a usable variable name`);
    substitutions.set(name, read(`substitutions.${name}`, text));
  }
  const lhs = read('lhs', spec.lhs);
  const rhs = read('rhs', spec.rhs);
  let boundLhs: Expr;
  let boundRhs: Expr;
  try {
    boundLhs = substituteBindings(lhs, substitutions, spec.variables);
    boundRhs = substituteBindings(rhs, substitutions, spec.variables);
  } catch (error) {
    if (error instanceof ExpressionSyntaxError) throw new IdentitySpecError(`${where}: ${error.message}`);
    throw error;
  }
  const residual = sub(boundLhs, boundRhs);
  const free = [...freeVariables(residual)].sort();
  for (const name of free)
    if (spec.variables[name] === undefined)
      throw new IdentitySpecError(`${where}: variable "${name}" has no declared domain; add it to variables`);
  return { lhs: boundLhs, rhs: boundRhs, residual, free };
}

interface PointResult<T> {
  point: Map<string, Rational>;
  value: T;
}

/** Draw points until one evaluates; undefined after the attempt budget is spent. */
function evaluateAtRandomPoint<T>(
  ar: Arithmetic<T>,
  residual: Expr,
  free: readonly string[],
  domains: Readonly<Record<string, Domain>>,
  sets: Readonly<Record<Domain, SampleSet>>,
  stream: PointStream,
  checkSubstitutedDomains: boolean,
  budget: { attempts: number },
): PointResult<T> | undefined {
  while (budget.attempts > 0) {
    budget.attempts--;
    const point = new Map<string, Rational>();
    for (const name of free) {
      const set = sets[domains[name]!];
      point.set(name, set.element(stream.below(set.size)));
    }
    try {
      return { point, value: evaluateAt(ar, residual, point, checkSubstitutedDomains) };
    } catch (error) {
      if (error instanceof RangeError || error instanceof UndecidedError || error instanceof DomainRejection) continue;
      throw error;
    }
  }
  return undefined;
}

function evaluateAt<T>(ar: Arithmetic<T>, residual: Expr, point: ReadonlyMap<string, Rational>, checkDomains: boolean): T {
  const values = new Map<string, T>();
  for (const [name, value] of point) values.set(name, ar.fromRational(value));
  return evaluateExpression(ar, residual, values, (name, domain, value) => {
    if (checkDomains && !insideDomain(ar, domain, value))
      throw new DomainRejection(`${name} outside its declared domain ${String(domain)}`);
  });
}

/** Decided membership only: an undecided enclosure counts as outside. */
function insideDomain<T>(ar: Arithmetic<T>, domain: Domain | undefined, value: T): boolean {
  switch (domain) {
    case undefined:
    case 'real':
      return true;
    case 'positive':
      return ar.sign(value) === 1;
    case 'probability':
      return ar.sign(value) === 1 && ar.compare(value, ar.one) === -1;
    case 'nonzero': {
      const sign = ar.sign(value);
      return sign === 1 || sign === -1;
    }
  }
}

function pointRecord(point: ReadonlyMap<string, Rational>): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of point) record[name] = rationalToString(value);
  return record;
}

function describePoint(point: ReadonlyMap<string, Rational>): string {
  return [...point].map(([name, value]) => `${name} = ${rationalToString(value)}`).join(', ') || '(no variables)';
}

/** An upper bound rounded up to 3 significant digits. */
function upper(q: Rational): string {
  return rationalToDecimal(q, 3, 'ceil');
}

/**
 * The certificate of `spec`. Deterministic for a given seed. Rational residuals
 * are evaluated exactly (no rounding); others in interval arithmetic whose
 * enclosures always contain the exact value, so a "failed" verdict is never a
 * rounding artifact. Throws `IdentitySpecError` on a malformed specification.
 */
export function certifyIdentity(spec: IdentitySpec, options: CertifyOptions = {}): Certificate {
  const k = options.points ?? 5;
  if (!Number.isInteger(k) || k < 3) throw new IdentitySpecError(`points: must be an integer >= 3, got ${k}`);
  const seed = options.seed ?? DEFAULT_IDENTITY_SEED;
  if (!Number.isSafeInteger(seed)) throw new IdentitySpecError(`seed: must be an integer, got ${seed}`);
  const widthDigits = options.widthDigits ?? 30;
  if (!Number.isInteger(widthDigits) || widthDigits < 1)
    throw new IdentitySpecError(`widthDigits: must be a positive integer, got ${widthDigits}`);
  const digits = options.digits ?? widthDigits + 20;
  if (!Number.isInteger(digits) || digits < 10) throw new IdentitySpecError(`digits: must be an integer >= 10, got ${digits}`);

  const parsed = parseSpec(spec);
  const cas: CasReduction =
    options.reduction === 'nerdamer-simplify'
      ? reduceBySimplify(parsed.lhs, parsed.rhs)
      : reduceByLogRewrite(parsed.residual, spec.variables);
  const stream = new PointStream(seed);
  return isRationalExpression(parsed.residual)
    ? certifyRational(spec, parsed, cas, stream, k)
    : certifyTranscendental(spec, parsed, cas, stream, k, digits, widthDigits);
}

function verdict(casZero: boolean, allZero: boolean): CertificateStatus {
  if (allZero) return casZero ? 'certified' : 'numerically-certified';
  return casZero ? 'cas-unsound' : 'failed';
}

function casSentence(cas: CasReduction): string {
  return cas.zero
    ? `CAS (${cas.method}): LHS - RHS reduces to 0.`
    : `CAS (${cas.method}): LHS - RHS does not reduce to 0 (numerator ${cas.residual}).`;
}

/** What the evaluation found, before the verdict is drawn. */
interface Evaluation {
  kind: 'exact' | 'interval';
  points: Array<Record<string, string>>;
  residuals: string[];
  /** A point where LHS - RHS is certainly nonzero. */
  counterexample?: string;
  /** Why the evaluation could not decide. */
  undecided?: string;
}

/** The certificate, fields in their documented order. */
function assemble(
  spec: IdentitySpec,
  cas: CasReduction,
  evaluation: Evaluation,
  pass: { schwartzZippel?: Certificate['schwartzZippel']; widthBelow?: string; sentence: string },
): Certificate {
  const status: CertificateStatus =
    evaluation.counterexample !== undefined
      ? verdict(cas.zero, false)
      : evaluation.undecided !== undefined
        ? 'undecided'
        : verdict(cas.zero, true);
  const certificate: Certificate = {
    name: spec.name,
    status,
    casResidual: cas.zero ? '0' : cas.residual,
    evaluation: evaluation.kind,
    points: evaluation.points,
    residuals: evaluation.residuals,
    detail: '',
  };
  let finding: string;
  if (evaluation.counterexample !== undefined) {
    finding = `${evaluation.counterexample}.${status === 'cas-unsound' ? ' The CAS reduction is wrong.' : ''}`;
  } else if (evaluation.undecided !== undefined) {
    finding = `${evaluation.undecided}; undecided.`;
  } else {
    if (pass.schwartzZippel) certificate.schwartzZippel = pass.schwartzZippel;
    if (pass.widthBelow) certificate.widthBelow = pass.widthBelow;
    finding = pass.sentence;
  }
  const { detail: _placeholder, ...fields } = certificate;
  return { ...fields, detail: `${casSentence(cas)} Evaluation: ${finding}` };
}

function certifyRational(spec: IdentitySpec, parsed: Parsed, cas: CasReduction, stream: PointStream, k: number): Certificate {
  const evaluation: Evaluation = { kind: 'exact', points: [], residuals: [] };
  const budget = { attempts: ATTEMPTS_PER_POINT * k };
  while (evaluation.points.length < k && evaluation.counterexample === undefined) {
    const result = evaluateAtRandomPoint(
      exactArithmetic, parsed.residual, parsed.free, spec.variables, RATIONAL_SETS, stream, false, budget,
    );
    if (!result) {
      evaluation.undecided = `only ${evaluation.points.length} of ${k} random points were in the domain of definition`;
      break;
    }
    evaluation.points.push(pointRecord(result.point));
    evaluation.residuals.push(rationalToString(result.value));
    if (result.value.n !== 0n)
      evaluation.counterexample = `LHS - RHS = ${rationalToString(result.value)} (exactly) at ${describePoint(result.point)}`;
  }

  const form = toRationalForm(stripBindings(parsed.residual));
  const degree = polynomialDegreeBound(form.numerator);
  const singularDegree = singularDegreeBound(form);
  const domains = parsed.free.map((name) => spec.variables[name]!);
  const setSize = parsed.free.length === 0 ? RATIONAL_SETS.real.size : smallestSetSize(RATIONAL_SETS, domains);
  const effective = BigInt(setSize) - BigInt(singularDegree);
  const ratio = effective <= 0n ? new Rational(1n) : new Rational(BigInt(degree), effective);
  const perPoint = ratio.compare(1) > 0 ? new Rational(1n) : ratio;
  const schwartzZippel = {
    degree,
    sampleSetSize: String(setSize),
    boundPerPoint: upper(perPoint),
    bound: upper(perPoint.pow(k)),
  };
  const singularNote =
    singularDegree > 0
      ? ` (points where a divisor vanishes, divisors of total degree <= ${singularDegree}, are redrawn: ` +
        `bound d/(|S| - ${singularDegree}))`
      : '';
  const sentence =
    `LHS - RHS = 0 exactly at ${k} random rational points. ` +
    `Schwartz-Zippel: numerator degree <= ${degree}, |S| = ${setSize} per variable${singularNote}; ` +
    `P(a false identity passes) <= ${schwartzZippel.boundPerPoint} per point, ` +
    `<= ${schwartzZippel.bound} for ${k} independent points.`;
  return assemble(spec, cas, evaluation, { schwartzZippel, sentence });
}

function certifyTranscendental(
  spec: IdentitySpec,
  parsed: Parsed,
  cas: CasReduction,
  stream: PointStream,
  k: number,
  digits: number,
  widthDigits: number,
): Certificate {
  const limit = new Rational(1n, 10n ** BigInt(widthDigits));
  const widthBelow = `1e-${widthDigits}`;
  const evaluation: Evaluation = { kind: 'interval', points: [], residuals: [] };
  const budget = { attempts: ATTEMPTS_PER_POINT * k };
  let maxDigitsUsed = digits;
  while (evaluation.points.length < k && evaluation.counterexample === undefined && evaluation.undecided === undefined) {
    const ar = intervalArithmetic(digits);
    const result = evaluateAtRandomPoint(ar, parsed.residual, parsed.free, spec.variables, INTERVAL_SETS, stream, true, budget);
    if (!result) {
      evaluation.undecided = `only ${evaluation.points.length} of ${k} random points were inside the declared domains`;
      break;
    }
    let enclosure = enclosureOf(ar, result.value, limit);
    // Too wide to tell: the same point at doubled precision, up to the cap.
    for (
      let precision = digits * 2;
      !enclosure.excludesZero && !enclosure.narrowAroundZero && precision <= digits * PRECISION_GROWTH;
      precision *= 2
    ) {
      const finer = intervalArithmetic(precision);
      maxDigitsUsed = Math.max(maxDigitsUsed, precision);
      try {
        enclosure = enclosureOf(finer, evaluateAt(finer, parsed.residual, result.point, true), limit);
      } catch (error) {
        if (!(error instanceof UndecidedError || error instanceof DomainRejection)) throw error;
      }
    }
    evaluation.points.push(pointRecord(result.point));
    evaluation.residuals.push(enclosure.text);
    if (enclosure.excludesZero)
      evaluation.counterexample = `the enclosure ${enclosure.text} of LHS - RHS excludes 0 at ${describePoint(result.point)}`;
    else if (!enclosure.narrowAroundZero)
      evaluation.undecided =
        `the enclosure ${enclosure.text} at ${describePoint(result.point)} neither excludes 0 ` +
        `nor is narrower than ${widthBelow}, even at ${maxDigitsUsed} digits`;
  }
  const sentence =
    `at ${k} random points the rigorous enclosure of LHS - RHS (interval arithmetic, up to ` +
    `${maxDigitsUsed} digits) contains 0 and is narrower than ${widthBelow}.`;
  return assemble(spec, cas, evaluation, { widthBelow, sentence });
}

interface EnclosureSummary {
  /** The enclosure excludes 0: the residual is certainly nonzero. */
  excludesZero: boolean;
  /** The enclosure contains 0 and is narrower than the limit (or is the point 0). */
  narrowAroundZero: boolean;
  text: string;
}

/** Bounds from the number object, which rounds them outward. */
function enclosureOf<T>(ar: Arithmetic<T>, value: T, limit: Rational): EnclosureSummary {
  const object = ar.toNumberObject(value);
  const text = `[${object.lo}, ${object.hi}]`;
  const sign = ar.sign(value);
  if (sign === 1 || sign === -1) return { excludesZero: true, narrowAroundZero: false, text };
  const lo = parseRational(object.lo);
  const hi = parseRational(object.hi);
  const aroundZero = sign === 0 || (lo.compare(0) <= 0 && hi.compare(0) >= 0 && hi.sub(lo).compare(limit) < 0);
  return { excludesZero: false, narrowAroundZero: aroundZero, text };
}
