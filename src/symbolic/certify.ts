/**
 * Certified identities: an exact reduction, checked by an evaluation that does
 * not use the computer algebra system.
 *
 * An identity LHS = RHS (with declared variable domains and side conditions
 * written as substitutions, e.g. p3 = 1 - p1 - p2) gets a `Certificate`.
 * Rational residuals (no log, exp, sqrt, abs) are evaluated exactly at k random
 * rational points; transcendental ones as rigorous enclosures. Statuses:
 * - "certified":
 *   - rational: LHS - RHS is 0 exactly at k random points, and either its
 *     numerator over a common denominator expands to the zero polynomial (a
 *     proof), or the expansion did not finish and the certificate is
 *     probabilistic: a false identity passes with probability at most the
 *     stated Schwartz-Zippel bound;
 *   - transcendental: a symbolic proof, never points alone. The own log rewrite
 *     and the exact expansion reduce LHS - RHS to 0 (or, when the expansion is
 *     too large, the atomized residual, a rational function of variables and
 *     atoms, is 0 exactly at k random points, with its Schwartz-Zippel bound),
 *     AND at k random points the enclosure of LHS - RHS contains 0 and is
 *     narrower than 10^-p (the check of the reduction);
 * - "numerically-supported" (transcendental only): no symbolic proof, and every
 *   enclosure contains 0 even at the precision cap. Evidence, not a proof: it
 *   never counts as certified;
 * - "cas-unsound": the reduction says 0 but the evaluation is nonzero somewhere;
 * - "failed": the identity is false: the evaluation is nonzero somewhere (an
 *   exact value or an enclosure excluding 0), or, rational residuals, the
 *   numerator expands to a nonzero polynomial, whatever the points say;
 * - "undecided": too few points could be evaluated, the engine could not
 *   evaluate one (e.g. an exp argument beyond its range), or an enclosure
 *   containing 0 stayed wider than 10^-p at the cap. Never a pass.
 * An identity whose log or sqrt gets a negative argument at a point inside the
 * declared domains is wrongly specified: `IdentitySpecError`.
 *
 * Main definitions
 * - `IdentitySpec`, `Certificate`, `CertifyOptions`.
 * - `certifyIdentity(spec, options)`: deterministic for a given seed.
 * - `decideStatus(...)`: how the findings combine into a status.
 *
 * Main statements
 * - Schwartz-Zippel (rational identities). Write the residual as N/D over a
 *   common denominator (`toRationalForm`), deg N <= d, and let the singular
 *   factors (divisors' numerators) have total degree <= d_s. Each free
 *   variable is drawn independently, taking any single value with probability
 *   <= 1/N (`sampling.ts`); a point where the residual is undefined (an exact
 *   zero divisor) is redrawn. If N is not the zero polynomial, a drawn point
 *   shows residual 0 with probability
 *   P(N = 0 | defined) <= (d/N) / (1 - d_s/N) = d / (N - d_s),
 *   and k independent points all show 0 with probability <= (d / (N - d_s))^k.
 *   The same bound holds for the atomized residual of a transcendental
 *   identity, its atoms drawn as independent variables: if that rational
 *   function is 0, so is the residual wherever it is defined (logRewrite.ts).
 * - A rational residual whose numerator expands to a nonzero polynomial is not
 *   the zero rational function once one point was defined (every divisor is
 *   then a nonzero polynomial): it is nonzero on a dense open set, so the
 *   identity fails on any nonempty open domain; no point can overrule that.
 *   With atoms a nonzero expansion proves nothing (exp(x/2)^2 and exp(x) are
 *   two atoms), so transcendental falsity needs an enclosure excluding 0.
 *
 * Domains
 * - Free variables are drawn inside their declared domains.
 * - A substituted variable's declared domain is a side condition that narrows
 *   the domain (p3 = 1 - p1 - p2 as a probability means p1 + p2 < 1).
 *   Transcendental evaluation rejects and redraws a point where it fails
 *   (rejection sampling from the narrowed domain; membership that the
 *   enclosure cannot decide counts as failing). Rational evaluation does not
 *   check it: rational identities do not depend on domains, and Schwartz-Zippel
 *   needs the unconditioned product draw. A substituted variable without a
 *   declared domain is unconstrained.
 * - Only a genuinely undefined point (an exact zero divisor) is redrawn
 *   otherwise. A log of a value <= 0 (or sqrt of a value < 0) at a point inside
 *   all declared domains means the identity's domains are wrong: an error of
 *   the specification, not a redraw. The engine's own limits
 *   (`EngineLimitError`) make the certificate undecided; any other exception
 *   propagates (the runner reports it as an error).
 *
 * Implementation details
 * The reduction is `reduceByLogRewrite` (own log rewrite, atoms, common
 * denominator, exact expansion; nerdamer's expansion as a second opinion on
 * small inputs). The evaluation reads the residual as the user wrote it
 * (substitutions expanded), not the rewritten form, so the own log rewrite is
 * checked too. Interval evaluation starts at `digits` significant digits
 * (default p + 20) and doubles up to 4 times that: with a symbolic proof until
 * the enclosure excludes 0 or is narrower than 10^-p; without one until it
 * excludes 0 (so a residual like exp(x + 10^-60) - exp(x) is found nonzero).
 * A zero test with points only (no proof) is never "certified" for a
 * transcendental residual. Sample points: `sampling.ts`.
 */
import { UndecidedError, type Arithmetic } from '../arith/arithmetic.js';
import { exactArithmetic } from '../arith/exact.js';
import { intervalArithmetic } from '../arith/interval.js';
import { rationalToDecimal } from '../arith/numberObject.js';
import { Rational, parseRational, rationalToString } from '../arith/rational.js';
import { DefinitionDomainError, EngineLimitError, UndefinedPointError, evaluateExpression } from './evaluate.js';
import {
  ExpressionSyntaxError,
  RESERVED_NAMES,
  children,
  freeVariables,
  isRationalExpression,
  parseExpression,
  printExpression,
  stripBindings,
  sub,
  substituteBindings,
  type Domain,
  type Expr,
} from './expression.js';
import type { Atom } from './logRewrite.js';
import { reduceByLogRewrite, reduceBySimplify, type CasReduction } from './reduction.js';
import { polynomialDegreeBound, singularDegreeBound, toRationalForm, type RationalForm } from './rationalForm.js';
import { PointStream, drawValue, smallestPointMassBound } from './sampling.js';

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

export type CertificateStatus = 'certified' | 'numerically-supported' | 'cas-unsound' | 'failed' | 'undecided';

/** What a "certified" status rests on. */
export type CertificateBasis =
  /** the residual's numerator expands to the zero polynomial (after the own log rewrite) */
  | 'exact-expansion'
  /** rational residual, expansion unfinished: exact zeros at k random points, Schwartz-Zippel bound */
  | 'schwartz-zippel'
  /** transcendental residual, expansion unfinished: the atomized residual is 0 at k random points */
  | 'atomized-schwartz-zippel';

export interface SchwartzZippelBound {
  /** d: a bound on the total degree of the numerator */
  degree: number;
  /** d_s: total degree bound of the singular factors (points where one vanishes are redrawn) */
  singularDegree: number;
  /** N: each coordinate takes any single value with probability <= 1/N */
  sampleSetSize: string;
  /** d / (N - d_s), rounded up */
  boundPerPoint: string;
  /** (d / (N - d_s))^k, rounded up */
  bound: string;
}

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
  /** Interval evaluation: each residual's enclosure, decimal bounds rounded outward. */
  enclosures?: Array<{ lo: string; hi: string }>;
  /** What a "certified" status rests on. */
  basis?: CertificateBasis;
  /** Rational residuals (and the atomized residual of basis 'atomized-schwartz-zippel'). */
  schwartzZippel?: SchwartzZippelBound;
  /**
   * Transcendental residuals proven symbolically: the rewritten residual as a
   * rational function of the variables and atom names, and each atom's
   * expression; `residual` is 0 as a rational function of (variables, atoms).
   * `lhs` and `rhs`: the two sides rewritten the same way (residual = lhs - rhs).
   */
  atomized?: { residual: string; atoms: Record<string, string>; lhs?: string; rhs?: string };
  /** Interval evaluation: every enclosure had width below this. */
  widthBelow?: string;
  /** Interval evaluation: the highest precision used, significant digits. */
  digits?: number;
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
/** Draws per requested point before giving up (rejected and undefined points are redrawn). */
const ATTEMPTS_PER_POINT = 200;
/** Extra draws looking for a nonzero value when a nonzero expansion met k zero points. */
const WITNESS_DRAWS = 20;
/** Interval precision may grow to this multiple of the starting digits. */
const PRECISION_GROWTH = 4;

/** A malformed identity specification; the message names the field. */
export class IdentitySpecError extends Error {
  override readonly name = 'IdentitySpecError';
}

/** A sample point outside a declared domain of a substituted variable. */
class DomainRejection extends Error {}

interface Parsed {
  where: string;
  lhs: Expr;
  rhs: Expr;
  residual: Expr;
  free: string[];
}

function parseSpec(spec: IdentitySpec): Parsed {
  if (spec === null || typeof spec !== 'object') throw new IdentitySpecError('identity: expected an object');
  if (typeof spec.name !== 'string' || spec.name === '')
    throw new IdentitySpecError('name: must be a non-empty string');
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
  return { where, lhs: boundLhs, rhs: boundRhs, residual, free };
}

function drawPoint(
  free: readonly string[],
  domainOf: (name: string) => Domain,
  stream: PointStream,
): Map<string, Rational> {
  const point = new Map<string, Rational>();
  for (const name of free) point.set(name, drawValue(domainOf(name), stream));
  return point;
}

function evaluateAt<T>(
  ar: Arithmetic<T>,
  residual: Expr,
  point: ReadonlyMap<string, Rational>,
  checkDomains: boolean,
): T {
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

/** The substituted variables (bound nodes) of e, each once. */
function boundNodes(
  e: Expr,
  into = new Map<string, Extract<Expr, { kind: 'bound' }>>(),
): Map<string, Extract<Expr, { kind: 'bound' }>> {
  if (e.kind === 'bound' && !into.has(e.name)) into.set(e.name, e);
  for (const child of children(e)) boundNodes(child, into);
  return into;
}

/**
 * A substituted variable whose value at the point is not decided inside its
 * declared domain, each evaluated on its own (whatever fails elsewhere).
 */
function substitutedOutside<T>(
  ar: Arithmetic<T>,
  residual: Expr,
  point: ReadonlyMap<string, Rational>,
): string | undefined {
  for (const node of boundNodes(residual).values()) {
    if (node.domain === undefined || node.domain === 'real') continue;
    let value: T;
    try {
      value = evaluateAt(ar, node.body, point, false);
    } catch {
      continue; // its own body fails: reported through the residual
    }
    if (!insideDomain(ar, node.domain, value)) return node.name;
  }
  return undefined;
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

/** The Schwartz-Zippel bound of the module comment for N/D drawn over `domains`, k points. */
function schwartzZippelBound(form: RationalForm, domains: readonly Domain[], k: number): SchwartzZippelBound {
  const degree = polynomialDegreeBound(form.numerator);
  const singularDegree = singularDegreeBound(form);
  const size = smallestPointMassBound(domains);
  const effective = size - BigInt(singularDegree);
  const ratio = effective <= 0n ? new Rational(1n) : new Rational(BigInt(degree), effective);
  const perPoint = ratio.compare(1) > 0 ? new Rational(1n) : ratio;
  return {
    degree,
    singularDegree,
    sampleSetSize: String(size),
    boundPerPoint: upper(perPoint),
    bound: upper(perPoint.pow(k)),
  };
}

function describeBound(sz: SchwartzZippelBound, k: number): string {
  const ratio =
    sz.singularDegree > 0
      ? `${sz.degree}/(N - ${sz.singularDegree}) (divisors of total degree <= ${sz.singularDegree}; points where one vanishes are redrawn)`
      : `${sz.degree}/N`;
  return (
    `Schwartz-Zippel: numerator degree <= ${sz.degree}, each coordinate takes any value with probability <= 1/N, ` +
    `N = ${sz.sampleSetSize}; a false identity shows 0 with probability <= ${ratio} <= ${sz.boundPerPoint} ` +
    `per point, <= ${sz.bound} at ${k} independent points`
  );
}

/**
 * The certificate of `spec`. Deterministic for a given seed. Rational residuals
 * are evaluated exactly (no rounding); others in interval arithmetic whose
 * enclosures always contain the exact value, so a "failed" verdict from a
 * point is never a rounding artifact. Throws `IdentitySpecError` on a malformed
 * specification, including a log or sqrt undefined inside the declared domains.
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
  if (!Number.isInteger(digits) || digits < 10)
    throw new IdentitySpecError(`digits: must be an integer >= 10, got ${digits}`);

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

/** What the evaluation found. */
export interface Findings {
  kind: 'rational' | 'transcendental';
  /** The reduction claimed 0 (with the own expansion: a proof, checked by the points). */
  casZero: boolean;
  /** Transcendental: the atomized residual passed the exact zero test (no expansion). */
  atomizedZero?: boolean;
  /** The own exact expansion's outcome. */
  expansion?: 'zero' | 'nonzero' | 'too-large';
  /** At least one point was defined (so every divisor is a nonzero polynomial). */
  someDefined: boolean;
  /** A point where LHS - RHS is certainly nonzero. */
  counterexample: boolean;
  /** The evaluation could not decide (too few points, engine limit, too wide). */
  undecided: boolean;
}

/** The status of the module comment from the findings. */
export function decideStatus(f: Findings): CertificateStatus {
  if (f.counterexample) return f.casZero || f.atomizedZero === true ? 'cas-unsound' : 'failed';
  if (f.kind === 'rational' && f.expansion === 'nonzero' && f.someDefined) return 'failed';
  if (f.undecided) return 'undecided';
  if (f.kind === 'rational') return 'certified';
  // Only the own rewrite and expansion (or the exact zero test of its atomized residual) prove a transcendental identity.
  const proof = (f.casZero && f.expansion === 'zero') || f.atomizedZero === true;
  return proof ? 'certified' : 'numerically-supported';
}

function casSentence(cas: CasReduction): string {
  return cas.zero
    ? `CAS (${cas.method}): LHS - RHS reduces to 0.`
    : `CAS (${cas.method}): LHS - RHS does not reduce to 0 (numerator ${cas.residual}).`;
}

function certifyRational(
  spec: IdentitySpec,
  parsed: Parsed,
  cas: CasReduction,
  stream: PointStream,
  k: number,
): Certificate {
  const points: Array<Record<string, string>> = [];
  const residuals: string[] = [];
  const domainOf = (name: string): Domain => spec.variables[name]!;
  let attempts = ATTEMPTS_PER_POINT * k;
  let counterexample: string | undefined;
  let undecided: string | undefined;
  /** Next defined point (exact zero divisors redrawn), or undefined when the budget is spent. */
  const next = (): { point: Map<string, Rational>; value: Rational } | undefined => {
    while (attempts > 0) {
      attempts--;
      const point = drawPoint(parsed.free, domainOf, stream);
      try {
        return { point, value: evaluateAt(exactArithmetic, parsed.residual, point, false) };
      } catch (error) {
        if (error instanceof UndefinedPointError) continue;
        throw error;
      }
    }
    return undefined;
  };
  while (points.length < k && counterexample === undefined) {
    const result = next();
    if (!result) {
      undecided = `only ${points.length} of ${k} random points were in the domain of definition`;
      break;
    }
    points.push(pointRecord(result.point));
    residuals.push(rationalToString(result.value));
    if (result.value.n !== 0n)
      counterexample = `LHS - RHS = ${rationalToString(result.value)} (exactly) at ${describePoint(result.point)}`;
  }
  // A nonzero expansion is decisive; a witness point only makes it concrete.
  if (counterexample === undefined && cas.expansion === 'nonzero' && points.length > 0) {
    attempts = WITNESS_DRAWS;
    for (let result = next(); result; result = next())
      if (result.value.n !== 0n) {
        points.push(pointRecord(result.point));
        residuals.push(rationalToString(result.value));
        counterexample = `LHS - RHS = ${rationalToString(result.value)} (exactly) at ${describePoint(result.point)}`;
        break;
      }
  }
  const status = decideStatus({
    kind: 'rational',
    casZero: cas.zero,
    expansion: cas.expansion,
    someDefined: points.length > 0,
    counterexample: counterexample !== undefined,
    undecided: undecided !== undefined,
  });
  const certificate: Certificate = {
    name: spec.name,
    status,
    casResidual: cas.zero ? '0' : cas.residual,
    evaluation: 'exact',
    points,
    residuals,
    detail: '',
  };
  let finding: string;
  if (status === 'cas-unsound') finding = `${counterexample}. The CAS reduction is wrong.`;
  else if (status === 'failed' && counterexample !== undefined) finding = `${counterexample}.`;
  else if (status === 'failed')
    finding =
      `the numerator expands exactly to a nonzero polynomial, so LHS - RHS is not the zero rational function: ` +
      `the identity is false, although the ${points.length} random points gave 0.`;
  else if (status === 'undecided') finding = `${undecided}; undecided.`;
  else {
    const form = toRationalForm(stripBindings(parsed.residual));
    const sz = schwartzZippelBound(form, parsed.free.map(domainOf), k);
    certificate.schwartzZippel = sz;
    if (cas.zero && cas.expansion === 'zero') {
      certificate.basis = 'exact-expansion';
      finding = `LHS - RHS = 0 exactly at ${k} random rational points, as the expansion says (${describeBound(sz, k)}).`;
    } else {
      certificate.basis = 'schwartz-zippel';
      finding =
        `LHS - RHS = 0 exactly at ${k} random rational points. Certified with probability, not proven: ` +
        `${describeBound(sz, k)}.`;
    }
  }
  certificate.detail = `${casSentence(cas)} Evaluation: ${finding}`;
  return certificate;
}

/** Valid identifiers for the atoms, distinct from every variable name. */
function atomNames(atoms: readonly Atom[], taken: ReadonlySet<string>): Map<string, string> {
  let prefix = 'atom';
  const clashes = (p: string) => atoms.some((_, i) => taken.has(`${p}${i}`));
  while (clashes(prefix)) prefix = `_${prefix}`;
  return new Map(atoms.map((atom, i) => [atom.name, `${prefix}${i}`]));
}

/**
 * The evidence form of the atomized residual: names that parse, and the atoms
 * it uses (inner calls of an atom's argument were atomized too, for the atom
 * keys, but appear only inside that atom's expression). The rewrite and the
 * atomization keep the residual's top node LHS + (-RHS), so the two sides are
 * read off it.
 */
function atomizedRecord(atomized: NonNullable<CasReduction['atomized']>, spec: IdentitySpec): Certificate['atomized'] {
  const used = freeVariables(atomized.expr);
  const kept = atomized.atoms.filter((atom) => used.has(atom.name));
  const names = atomNames(kept, new Set([...Object.keys(spec.variables), ...used]));
  const show = (e: Expr): string => printExpression(e, (name) => names.get(name) ?? name);
  const atoms: Record<string, string> = {};
  for (const atom of kept) atoms[names.get(atom.name)!] = printExpression(atom.call);
  const record: NonNullable<Certificate['atomized']> = { residual: show(atomized.expr), atoms };
  const e = atomized.expr;
  if (e.kind === 'add' && e.terms.length === 2 && e.terms[1]!.kind === 'neg') {
    record.lhs = show(e.terms[0]!);
    record.rhs = show(e.terms[1]!.arg);
  }
  return record;
}

/**
 * The exact zero test of the atomized residual, its atoms drawn as independent
 * 'real' variables: a probabilistic proof when the expansion did not finish.
 */
function atomizedZeroTest(
  atomized: NonNullable<CasReduction['atomized']>,
  spec: IdentitySpec,
  stream: PointStream,
  k: number,
): { zero: boolean; bound: SchwartzZippelBound } | undefined {
  const atomSet = new Set(atomized.atoms.map((atom) => atom.name));
  const ring = [...freeVariables(atomized.expr)].sort();
  const domainOf = (name: string): Domain => (atomSet.has(name) ? 'real' : (spec.variables[name] ?? 'real'));
  let attempts = ATTEMPTS_PER_POINT * k;
  let zeros = 0;
  while (zeros < k) {
    if (attempts-- <= 0) return undefined;
    const point = drawPoint(ring, domainOf, stream);
    let value: Rational;
    try {
      value = evaluateAt(exactArithmetic, atomized.expr, point, false);
    } catch (error) {
      if (error instanceof UndefinedPointError) continue;
      throw error;
    }
    if (value.n !== 0n)
      return { zero: false, bound: schwartzZippelBound(toRationalForm(atomized.expr), ring.map(domainOf), k) };
    zeros++;
  }
  return { zero: true, bound: schwartzZippelBound(toRationalForm(atomized.expr), ring.map(domainOf), k) };
}

interface EnclosureSummary {
  /** The enclosure excludes 0: the residual is certainly nonzero. */
  excludesZero: boolean;
  /** The enclosure contains 0 and is narrower than the limit (or is the point 0). */
  narrowAroundZero: boolean;
  lo: string;
  hi: string;
}

/** Bounds from the number object, which rounds them outward. */
function enclosureOf<T>(ar: Arithmetic<T>, value: T, limit: Rational): EnclosureSummary {
  const object = ar.toNumberObject(value);
  const sign = ar.sign(value);
  const summary = { lo: object.lo, hi: object.hi };
  if (sign === 1 || sign === -1) return { ...summary, excludesZero: true, narrowAroundZero: false };
  const lo = parseRational(object.lo);
  const hi = parseRational(object.hi);
  const aroundZero = sign === 0 || (lo.compare(0) <= 0 && hi.compare(0) >= 0 && hi.sub(lo).compare(limit) < 0);
  return { ...summary, excludesZero: false, narrowAroundZero: aroundZero };
}

/** One point's outcome in interval arithmetic. */
type PointOutcome =
  | { kind: 'redraw' }
  | { kind: 'enclosure'; enclosure: EnclosureSummary; digits: number }
  | { kind: 'undecided'; reason: string; digits: number };

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
  const cap = digits * PRECISION_GROWTH;

  // The symbolic half: the expansion, or the exact zero test of the atomized residual when it did not finish
  // (or nerdamer disagreed with it).
  let atomized: ReturnType<typeof atomizedZeroTest>;
  if (!cas.zero && cas.atomized && cas.expansion !== 'nonzero')
    atomized = atomizedZeroTest(cas.atomized, spec, stream, k);
  const proof = (cas.zero && cas.expansion === 'zero') || atomized?.zero === true;

  /** Evaluate at one point, raising the precision while the enclosure cannot settle the question. */
  const evaluatePoint = (point: ReadonlyMap<string, Rational>): PointOutcome => {
    let domainsChecked = false;
    let last: PointOutcome | undefined;
    for (let precision = digits; precision <= cap; precision *= 2) {
      const ar = intervalArithmetic(precision);
      let enclosure: EnclosureSummary;
      try {
        enclosure = enclosureOf(ar, evaluateAt(ar, parsed.residual, point, !domainsChecked), limit);
      } catch (error) {
        if (error instanceof DomainRejection || error instanceof UndefinedPointError) return { kind: 'redraw' };
        if (error instanceof DefinitionDomainError) {
          if (substitutedOutside(ar, parsed.residual, point) !== undefined) return { kind: 'redraw' };
          throw new IdentitySpecError(
            `${parsed.where}: ${error.message} at ${describePoint(point)}, a point inside every declared domain: ` +
              `the identity is not defined on its declared domains (declare narrower domains, e.g. positive, ` +
              `or a side condition as a substitution with a domain)`,
          );
        }
        if (error instanceof EngineLimitError)
          return {
            kind: 'undecided',
            reason: `the engine cannot evaluate LHS - RHS at ${describePoint(point)} (${error.message})`,
            digits: precision,
          };
        if (error instanceof UndecidedError) {
          last = { kind: 'undecided', reason: `at ${describePoint(point)}: ${error.message}`, digits: precision };
          continue;
        }
        throw error;
      }
      domainsChecked = true;
      last = { kind: 'enclosure', enclosure, digits: precision };
      if (enclosure.excludesZero || (proof && enclosure.narrowAroundZero)) break;
    }
    return last!;
  };

  const points: Array<Record<string, string>> = [];
  const residuals: string[] = [];
  const enclosures: Array<{ lo: string; hi: string }> = [];
  let attempts = ATTEMPTS_PER_POINT * k;
  let maxDigitsUsed = digits;
  let counterexample: string | undefined;
  let undecided: string | undefined;
  while (points.length < k && counterexample === undefined && undecided === undefined) {
    if (attempts-- <= 0) {
      undecided = `only ${points.length} of ${k} random points were inside the declared domains and defined`;
      break;
    }
    const point = drawPoint(parsed.free, (name) => spec.variables[name]!, stream);
    const outcome = evaluatePoint(point);
    if (outcome.kind === 'redraw') continue;
    maxDigitsUsed = Math.max(maxDigitsUsed, outcome.digits);
    if (outcome.kind === 'undecided') {
      undecided = outcome.reason;
      break;
    }
    const { enclosure } = outcome;
    points.push(pointRecord(point));
    residuals.push(`[${enclosure.lo}, ${enclosure.hi}]`);
    enclosures.push({ lo: enclosure.lo, hi: enclosure.hi });
    if (enclosure.excludesZero)
      counterexample = `the enclosure [${enclosure.lo}, ${enclosure.hi}] of LHS - RHS excludes 0 at ${describePoint(point)}`;
    else if (!enclosure.narrowAroundZero)
      undecided =
        `the enclosure [${enclosure.lo}, ${enclosure.hi}] at ${describePoint(point)} neither excludes 0 ` +
        `nor is narrower than ${widthBelow}, even at ${outcome.digits} digits`;
  }

  const status = decideStatus({
    kind: 'transcendental',
    casZero: cas.zero,
    atomizedZero: atomized?.zero,
    expansion: cas.expansion,
    someDefined: points.length > 0,
    counterexample: counterexample !== undefined,
    undecided: undecided !== undefined,
  });
  const certificate: Certificate = {
    name: spec.name,
    status,
    casResidual: cas.zero ? '0' : cas.residual,
    evaluation: 'interval',
    points,
    residuals,
    enclosures,
    digits: maxDigitsUsed,
    detail: '',
  };
  const symbolic = atomized?.zero
    ? ` The atomized residual (atoms as independent variables) is 0 exactly at ${k} random points: ${describeBound(atomized.bound, k)}.`
    : '';
  let finding: string;
  if (status === 'cas-unsound') finding = `${counterexample}. The symbolic reduction is wrong.`;
  else if (status === 'failed') finding = `${counterexample}.`;
  else if (status === 'undecided') finding = `${undecided}; undecided.`;
  else {
    certificate.widthBelow = widthBelow;
    const enclosed =
      `at ${k} random points the rigorous enclosure of LHS - RHS (interval arithmetic, up to ` +
      `${maxDigitsUsed} digits) contains 0 and is narrower than ${widthBelow}`;
    if (status === 'certified') {
      certificate.basis = atomized?.zero ? 'atomized-schwartz-zippel' : 'exact-expansion';
      if (atomized?.zero) certificate.schwartzZippel = atomized.bound;
      if (cas.atomized) certificate.atomized = atomizedRecord(cas.atomized, spec);
      finding = `${enclosed}, as the symbolic reduction says.`;
    } else {
      finding = `${enclosed}. Numerically supported only: no symbolic proof, not certified.`;
    }
  }
  certificate.detail = `${casSentence(cas)}${symbolic} Evaluation: ${finding}`;
  return certificate;
}
