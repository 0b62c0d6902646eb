/**
 * The certificate file: what `ebm-lens check --certificate FILE` writes and
 * `ebm-lens-verify FILE` (checker/) re-checks without the engine.
 *
 * Main definitions
 * - `NumExpr`, `BoolExpr`: the claim language, a small JSON expression tree
 *   over the instance (`+ - * /`, log, exp, sums, comparisons).
 * - `Claim`: a claim (`assert`) with named definitions (`defs`) it uses.
 * - `InstanceValues`: the instance of one run, every number an exact rational.
 * - `Witness`: a value the engine found and the checker only verifies
 *   (a stationary law, hitting times, an eigenvalue bracket by inertia counts).
 * - `RunRecord`, `PropertyRecord`, `MutantRecord`, `IdentityRecord`,
 *   `TheoremRecord`, `CertificateFile`: the file itself.
 *
 * Main statements (the semantics both sides implement)
 * - Numbers: a rational constant `{ q: "p/q" }`; an instance value or a
 *   definition `{ v: name, at?: [index, ...] }`; operations `{ op, args }`.
 *   Indices are integers or names of bound indices (`sum`, `all`, `any`), all
 *   0-based. Ranges `{ n: k }` or `{ len: name }` are 0..k-1 (len: the length
 *   of a vector, the number of rows of a matrix).
 * - `add`, `mul`, `min`, `max` take one or more arguments; `sub`, `div` two;
 *   `neg`, `abs`, `log`, `exp`, `sqrt` one; `pow` one with an integer `k >= 0`;
 *   `xlogy` [x, y] is x log(x / y), and exactly 0 when x = 0 (y unused then):
 *   the convention 0 log 0 = 0 of KL divergences. `log` of a value that may
 *   be <= 0 and `div` by a value that may be 0 are undefined: an exact zero
 *   divisor or non-positive log argument is an error of the claim, an
 *   enclosure containing 0 is undecided at that precision.
 * - Truth values: `{ cmp, args: [a, b] }` with cmp one of < <= = != >= >;
 *   `{ cmp: '=', digits: 30 }` means "equal to 30 digits": it holds when
 *   |a - b| < 10^-30 is proven, fails when a != b is proven, else undecided.
 *   `and`, `or` (any number of parts: an empty `and` holds, an empty `or` fails), `not`, `implies` [a, b], `all` / `any`
 *   { index, range, body }, and `{ if: cond, then, else }` for numbers.
 * - Evaluation order is fixed: arguments left to right; `and` and `all`
 *   stop at the first false, `or` and `any` at the first true, `implies`
 *   evaluates its consequent only when its hypothesis holds, `if` only the
 *   branch taken. Comparisons are numbered 0, 1, ... in the order they are
 *   evaluated; a run's `atom` names one of them by that number.
 * - Definitions: `defs[name] = { index: [i, j], body }` defines name[i][j]
 *   (a scalar when `index` is empty); names are unique across instance,
 *   definitions and witnesses.
 * - Witnesses, each verified by the checker in exact rationals:
 *   - 'stationary' { matrix, law }: every entry of `matrix` >= 0, every row
 *     sums to 1, `law` >= 0, sums to 1, and law * matrix = law exactly.
 *   - 'hitting' { matrix, target, value }: target is a 0/1 vector with at
 *     least one 1; value(x) = 0 on the target and
 *     value(x) = 1 + sum_y matrix(x, y) value(y) off it, exactly.
 *   - 'eigenvalue' { matrix, law, states?, rank, name, lo, hi }: the
 *     eigenvalue of `matrix` restricted to `states` (a 0/1 vector, default
 *     all) of the given rank (1 = largest, 2 = second largest, ...; -1 =
 *     smallest, -2 = second smallest; multiplicities counted) lies in
 *     [lo, hi]. Verified with `law` > 0 on the states and diag(law) matrix
 *     symmetric there (so the eigenvalues are real, by the similarity
 *     D^(1/2) M D^(-1/2)), by Sylvester's law of inertia: the number of
 *     eigenvalues above s is the number of positive pivots of the exact
 *     LDL^T factorization of diag(law) (matrix - s I) (no pivoting; a zero
 *     pivot rejects the witness). With k the rank from the top, the bracket
 *     holds when #{eig > hi} <= k - 1 and #{eig > lo} >= k. The value enters
 *     the claim as the enclosure [lo, hi] under `name`.
 * - A run's decision is 'pass' (the claim holds), 'fail' (it does not) or
 *   'undecided'; `atom` is the comparison that decided a fail (the first
 *   false one), or for a pass the one with the smallest |a - b|, with both
 *   sides as number objects.
 */
import type { NumberObject } from '../arith/numberObject.js';

export const CERTIFICATE_FORMAT = 'ebm-lens-certificate/1';

export type Index = number | string;
export type Range = { readonly n: number } | { readonly len: string };

export type NumExpr =
  | { readonly q: string }
  | { readonly v: string; readonly at?: readonly Index[] }
  | { readonly op: 'add' | 'mul' | 'min' | 'max'; readonly args: readonly NumExpr[] }
  | { readonly op: 'sub' | 'div' | 'xlogy'; readonly args: readonly [NumExpr, NumExpr] }
  | { readonly op: 'neg' | 'abs' | 'log' | 'exp' | 'sqrt'; readonly args: readonly [NumExpr] }
  | { readonly op: 'pow'; readonly args: readonly [NumExpr]; readonly k: number }
  | { readonly op: 'sum'; readonly index: string; readonly range: Range; readonly body: NumExpr }
  | { readonly if: BoolExpr; readonly then: NumExpr; readonly else: NumExpr };

export type Comparison = '<' | '<=' | '=' | '!=' | '>=' | '>';

export type BoolExpr =
  | { readonly cmp: Comparison; readonly args: readonly [NumExpr, NumExpr]; readonly digits?: number }
  | { readonly and: readonly BoolExpr[] }
  | { readonly or: readonly BoolExpr[] }
  | { readonly not: BoolExpr }
  | { readonly implies: readonly [BoolExpr, BoolExpr] }
  | { readonly all: string; readonly range: Range; readonly body: BoolExpr }
  | { readonly any: string; readonly range: Range; readonly body: BoolExpr }
  | { readonly const: boolean };

export interface Definition {
  readonly index: readonly string[];
  readonly body: NumExpr;
}

export interface Claim {
  /** A short reading of the claim for people, e.g. 'KL(nu P || mu) <= KL(nu || mu)'. */
  readonly text: string;
  readonly defs?: Readonly<Record<string, Definition>>;
  readonly assert: BoolExpr;
}

/** Rationals as "p/q" or integer strings: a scalar, a vector or a matrix. */
export type InstanceValue = string | readonly string[] | readonly (readonly string[])[];
export type InstanceValues = Readonly<Record<string, InstanceValue>>;

export type Witness =
  | { readonly kind: 'stationary'; readonly matrix: string; readonly law: string }
  | { readonly kind: 'hitting'; readonly matrix: string; readonly target: string; readonly value: string }
  | {
      readonly kind: 'eigenvalue';
      readonly matrix: string;
      readonly law: string;
      readonly states?: string;
      readonly rank: number;
      readonly name: string;
      readonly lo: string;
      readonly hi: string;
    };

export type Decision = 'pass' | 'fail' | 'undecided';

export interface AtomRecord {
  /** the comparison's number in evaluation order */
  readonly index: number;
  readonly cmp: Comparison;
  readonly digits?: number;
  readonly left: NumberObject;
  readonly right: NumberObject;
  readonly holds: boolean;
}

/** One run: the instance, the claim it was checked against, and what was decided. */
export interface RunRecord {
  /** 0-based run number within its property (fast-check's order) */
  readonly run: number;
  /** index into the property's `claims` */
  readonly claim: number;
  readonly instance: InstanceValues;
  readonly witnesses?: readonly Witness[];
  readonly decision: Decision;
  /** significant digits at which the engine decided (absent: exact) */
  readonly digits?: number;
  readonly atom?: AtomRecord;
  /** for undecided runs: why */
  readonly reason?: string;
}

export interface PropertyRecord {
  readonly name: string;
  readonly mode: 'exact' | 'interval' | 'float';
  /**
   * The runner's status; 'uncertified' when the property states no claim in
   * this language (its runs are not recorded, and its verdict cannot be
   * re-checked: the checker does not confirm it).
   */
  readonly status: 'verified' | 'checked' | 'passed-float64' | 'falsified' | 'undecided' | 'error' | 'uncertified';
  /** runs counted for the verdict (before the first failure) */
  readonly runs: number;
  readonly claims: readonly Claim[];
  /** every counted run in order, then (for a falsified property) the shrunk counterexample with run = -1 */
  readonly records: readonly RunRecord[];
}

export interface MutantRecord {
  readonly name: string;
  readonly status: 'refuted' | 'survived' | 'undecided' | 'error' | 'uncertified';
  readonly runs: number;
  readonly claims: readonly Claim[];
  /** refuted: the shrunk refuting instance (decision 'fail') */
  readonly records: readonly RunRecord[];
}

/**
 * An identity LHS = RHS (identityRecord.ts builds it). `status` is the
 * symbolic layer's: 'certified' (the only one that holds),
 * 'numerically-supported' (undecided), 'failed' and 'cas-unsound'
 * (falsified), 'undecided', or 'error' (no certificate: `evidence.error`).
 *
 * Evidence. Points give the free variables as "p/q"; the residual is
 * LHS - RHS with the substitutions expanded, `residuals[i]` its value at
 * `points[i]`.
 * - kind 'rational' (no log, exp, sqrt, abs): residuals exact "p/q".
 *   `schwartzZippel` (when certified): { degree d of the numerator over a
 *   common denominator, singularDegree d_s of the divisors' numerators,
 *   sampleSetSize N (each coordinate took any single value with probability
 *   <= 1/N), boundPerPoint >= d / (N - d_s), bound >= boundPerPoint^k,
 *   points k }. `basis` 'exact-expansion': the numerator expands to the zero
 *   polynomial (the points and the bound are a second check);
 *   'schwartz-zippel': the expansion did not finish and the certificate is
 *   probabilistic, a false identity passing with probability <= bound.
 * - kind 'transcendental': residuals are enclosures { lo, hi } (decimal
 *   strings, rounded outward) computed at up to `digits` significant digits.
 *   When certified, `atomized` = { residual, atoms, lhs?, rhs? }: `residual`
 *   is an expression in the syntax of lhs/rhs (numbers, names, + - * /, ^
 *   with an integer exponent, parentheses) over the free variables and the
 *   atom names, with no function calls: a rational function that is
 *   identically 0; `atoms[name]` is an expression in the free variables
 *   (log/exp/sqrt/abs allowed). Substituting each atom's expression for its
 *   name gives a function equal to the residual wherever the residual is
 *   defined inside the declared domains (the own log rewrite: log of
 *   products of positive factors split, exp of sums split, log(exp u) = u,
 *   ...); `lhs` and `rhs` are the two sides rewritten the same way
 *   (residual = lhs - rhs), each equal to the original side after the
 *   substitution, which can be checked at the points. `basis` 'exact-expansion': the
 *   numerator of `residual` expands to the zero polynomial;
 *   'atomized-schwartz-zippel': `residual` was 0 exactly at k random points,
 *   the atoms drawn as independent variables, with `schwartzZippel` as above.
 *   `widthBelow`: every enclosure was narrower than this.
 */
export interface RationalIdentityEvidence {
  readonly kind: 'rational';
  readonly basis?: 'exact-expansion' | 'schwartz-zippel';
  readonly points: readonly Readonly<Record<string, string>>[];
  readonly residuals: readonly string[];
  /** "0", or the expanded numerator of the residual (or why it was not expanded) */
  readonly casResidual: string;
  readonly schwartzZippel?: SchwartzZippelEvidence;
  readonly detail: string;
}

export interface TranscendentalIdentityEvidence {
  readonly kind: 'transcendental';
  readonly basis?: 'exact-expansion' | 'atomized-schwartz-zippel';
  readonly points: readonly Readonly<Record<string, string>>[];
  readonly residuals: readonly { readonly lo: string; readonly hi: string }[];
  readonly digits: number;
  readonly widthBelow?: string;
  readonly casResidual: string;
  readonly atomized?: {
    readonly residual: string;
    readonly atoms: Readonly<Record<string, string>>;
    readonly lhs?: string;
    readonly rhs?: string;
  };
  readonly schwartzZippel?: SchwartzZippelEvidence;
  readonly detail: string;
}

export interface SchwartzZippelEvidence {
  readonly degree: number;
  readonly singularDegree: number;
  readonly sampleSetSize: string;
  readonly boundPerPoint: string;
  readonly bound: string;
  readonly points: number;
}

export type IdentityEvidence = RationalIdentityEvidence | TranscendentalIdentityEvidence | { readonly error: string };

export interface IdentityRecord {
  readonly name: string;
  readonly status: string;
  readonly lhs: string;
  readonly rhs: string;
  readonly variables: Readonly<Record<string, string>>;
  readonly substitutions?: Readonly<Record<string, string>>;
  readonly evidence: IdentityEvidence;
}

export interface TheoremRecord {
  readonly id: string;
  readonly title: string;
  readonly status: 'verified' | 'falsified' | 'undecided' | 'error';
  readonly identities: readonly IdentityRecord[];
  readonly properties: readonly PropertyRecord[];
  readonly mutants: readonly MutantRecord[];
}

export interface CertificateFile {
  readonly format: typeof CERTIFICATE_FORMAT;
  readonly tool: { readonly name: 'ebm-lens'; readonly version: string };
  readonly seed: number;
  readonly profile: string;
  readonly runsPerProperty: number;
  /** VERIFIED needs at least this many decided runs per property */
  readonly minimumRuns: number;
  readonly theorems: readonly TheoremRecord[];
  readonly summary: {
    readonly status: 'verified' | 'falsified' | 'undecided' | 'error';
    /** number of run records in the file */
    readonly records: number;
  };
}
