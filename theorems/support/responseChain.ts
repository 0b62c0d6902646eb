/**
 * Shared pieces of the response-chain theorems: T2 (detailed balance with a
 * canonical potential), T2q (the high-quality stationary law) and T3
 * (monotone KL convergence).
 *
 * The tuned model, fed its previous response x, answers y ~ pi*(.|x), so
 * P(x,y) = q(y|x) exp(r(x,y)/beta) / Z(x). Under A1 (r(x,y) = Phi(y) + c(x) +
 * s(x,y), s symmetric) and A2 (rho(x) q(y|x) = C(x,y) symmetric), with
 * w = exp(Phi/beta), v = exp(s/beta) and Z_Phi(x) = sum_y q(y|x) w(y) v(x,y),
 * the law mu(x) proportional to rho(x) w(x) Z_Phi(x) is reversible for P.
 *
 * Main definitions
 * - `ResponseChainInstance`, `responseChains(slots)`: instances built from the
 *   slots of properties/ (reference q, potential Phi, interaction s, reward
 *   form, beta), in the weight form (w, v, c rational: P exact) or the value
 *   form (Phi, s, c, beta rational: P transcendental).
 * - `ebmModelOf`: the instance as the engine's `EbmModel` (the full reward, so
 *   the engine builds P = pi* itself, c(x) included).
 * - `referenceMeasureOf`, `edgeMeasureOf`: rho (the reversing measure of q, or
 *   q's stationary law when q is not reversible) and C(x,y) = rho(x) q(y|x).
 * - `canonicalTilt`: Z_Phi and e^U = rho w Z_Phi in any arithmetic.
 * - `exactChain`: P (by `ebmKernel`), mu (by GTH, `stationaryDistribution`)
 *   and the closed-form pieces, exactly, for weight-form instances.
 * - `interactionVanishes`, `potentialIsConstant`: s = 0 and Phi constant, exactly.
 * - `stationaryLawAt`: the stationary law of P = pi* at any beta (the engine's
 *   `optimalPolicy`, then GTH), in any arithmetic.
 * - `equalTo30Digits`, `EQUALITY_PRECISION`: deciding equalities between
 *   enclosures (escalation: `decideInIntervals` in src/runner).
 * - `exactValue`, `describeInstance`.
 * - Certificate claims (src/certificate/): `ChainClaim`, a chain's instance
 *   values and definitions (q, r, P, Z_Phi, e^U, ... at a temperature) for
 *   the claims of T2 and T2q; `sameSupport`.
 *
 * Implementation details
 * Nothing here computes a quantity from the closed form it is meant to test:
 * the kernel comes from `ebmKernel` / `optimalPolicy` (src/models/ebm.ts), the
 * stationary law from GTH state reduction (src/markov/stationaryDistribution.ts),
 * and only the comparison value is built from rho, w, Z_Phi. Interval claims
 * are recomputed from the exact inputs at each precision (40 digits doubled up
 * to 640); an undecided comparison returns an undecided verdict, never a pass.
 */
import type fc from 'fast-check';
import type { Arithmetic } from '../../src/arith/arithmetic.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { exactNumberObject, type NumberObject } from '../../src/arith/numberObject.js';
import { ONE, Rational } from '../../src/arith/rational.js';
import { normalize } from '../../src/arith/rationalVector.js';
import { stationaryDistribution } from '../../src/markov/stationaryDistribution.js';
import { ebmKernel, optimalPolicy, type EbmModel } from '../../src/models/ebm.js';
import { add, all, and, div, eq, exp, gt, log, matrixValue, mul, neg, num, or, rationalValue, ref, sum, vectorValue } from '../../src/certificate/build.js';
import type { BoolExpr, Definition, Index, InstanceValue, NumExpr, Range, Witness } from '../../src/certificate/format.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import {
  energyMatrixWeights,
  energyWeights,
  instanceFromSlots,
  instanceToJson,
  rewardValues,
  rewardWeights,
  type BetaConstraints,
  type EnergyVector,
  type InteractionSample,
  type InteractionVariant,
  type PotentialVariant,
  type ReferenceSample,
  type ReferenceVariant,
  type RewardParts,
  type RewardSample,
  type RewardVariant,
} from '../../properties/index.js';

// ---------------------------------------------------------------- exact helpers

/** The JSON number object of an exact rational. */
export function exactValue(q: Rational): NumberObject {
  return exactNumberObject(q);
}

/** The JSON view of an instance: every rational as "p/q". */
export function describeInstance(instance: unknown): unknown {
  return instanceToJson(instance);
}

// ---------------------------------------------------------------- instances

/** One response chain: q, Phi, s, the reward form and beta (all exact). */
export interface ResponseChainInstance {
  readonly n: number;
  readonly reference: ReferenceSample;
  readonly potential: EnergyVector;
  readonly interaction: InteractionSample;
  readonly reward: RewardSample;
  readonly beta: Rational;
}

/** Slot variants of a response chain (see properties/slots.ts). */
export interface ResponseChainSlots {
  readonly n?: number | { min?: number; max?: number };
  readonly reference: ReferenceVariant;
  readonly potential: PotentialVariant;
  readonly interaction: InteractionVariant;
  /** default 'pairwise': r(x,y) = Phi(y) + c(x) + s(x,y) with a random offset c */
  readonly reward?: RewardVariant;
  readonly beta?: BetaConstraints;
}

/** Response chains with the given slot variants (n defaults to 2..6). */
export function responseChains(slots: ResponseChainSlots): fc.Arbitrary<ResponseChainInstance> {
  return instanceFromSlots({
    n: slots.n ?? 'default',
    reference: slots.reference,
    potential: slots.potential,
    interaction: slots.interaction,
    reward: slots.reward ?? 'pairwise',
    beta: slots.beta ?? 'default',
  });
}

/** The parts r(x,y) is built from. */
function rewardParts(instance: ResponseChainInstance): RewardParts {
  return { potential: instance.potential, interaction: instance.interaction, reward: instance.reward };
}

/**
 * The instance as the engine's model. The full reward is handed over (weights
 * exp(r/beta) = c(x) w(y) v(x,y) in the weight form, values r with beta in the
 * value form), so the engine builds P = pi* with c(x) and its own normalizer Z(x).
 * A reversible reference is given by its conductance (q = C / row sums), any
 * other by its rows.
 */
export function ebmModelOf(instance: ResponseChainInstance): EbmModel {
  const { reference } = instance;
  const base: EbmModel = reference.reversible !== undefined ? { conductance: reference.reversible.conductance } : { reference: reference.q };
  if (instance.potential.form === 'weights') return { ...base, interactionWeights: rewardWeights(exactArithmetic, rewardParts(instance)) };
  return { ...base, reward: rewardValues(exactArithmetic, rewardParts(instance)), beta: instance.beta };
}

/**
 * rho: the reversing measure of q under A2 (row sums of C), or, when q is not
 * reversible, its stationary law (the untilted limit beta -> infinity). Not normalized.
 */
export function referenceMeasureOf(reference: ReferenceSample): Rational[] {
  if (reference.reversible !== undefined) return reference.reversible.rho;
  if (reference.circulation !== undefined) return reference.circulation.stationary;
  return stationaryDistribution(exactArithmetic, reference.q);
}

/** C(x,y) = rho(x) q(y|x): the conductance under A2 (symmetric), the flux of q otherwise. */
export function edgeMeasureOf(reference: ReferenceSample, rho: readonly Rational[]): Rational[][] {
  if (reference.reversible !== undefined) return reference.reversible.conductance;
  return reference.q.map((row, x) => row.map((value) => rho[x]!.mul(value)));
}

/**
 * Z_Phi(x) = sum_y q(y|x) w(y) v(x,y) and e^{U(x)} = rho(x) w(x) Z_Phi(x), the
 * canonical potential's exponential (T2), in any arithmetic.
 * Precision contract: sums of products of nonnegative numbers, no cancellation.
 */
export function canonicalTilt<T>(
  ar: Arithmetic<T>,
  q: readonly (readonly T[])[],
  rho: readonly T[],
  w: readonly T[],
  v: readonly (readonly T[])[],
): { zPhi: T[]; tilt: T[] } {
  const zPhi = q.map((row, x) => row.reduce((acc, qxy, y) => ar.add(acc, ar.mul(ar.mul(qxy, w[y]!), v[x]![y]!)), ar.zero));
  const tilt = zPhi.map((z, x) => ar.mul(ar.mul(rho[x]!, w[x]!), z));
  return { zPhi, tilt };
}

/** Everything about a weight-form chain, exactly. */
export interface ExactChain {
  readonly q: Rational[][];
  /** P = pi*, by the engine (`ebmKernel`). */
  readonly P: Rational[][];
  /** The stationary law of P by GTH, computed without the closed form. */
  readonly mu: Rational[];
  readonly w: Rational[];
  readonly v: Rational[][];
  readonly rho: Rational[];
  readonly C: Rational[][];
  readonly zPhi: Rational[];
  /** e^U = rho w Z_Phi (not normalized). */
  readonly tilt: Rational[];
}

/** The exact chain of a weight-form instance (w, v, c rational); an Error for the value form. */
export function exactChain(instance: ResponseChainInstance): ExactChain {
  if (instance.potential.form !== 'weights' || instance.interaction.form !== 'weights') {
    throw new Error('exactChain: the instance must be in the weight form (w, v rational) to be exact');
  }
  const ar = exactArithmetic;
  const P = ebmKernel(ar, ebmModelOf(instance)).kernel;
  const mu = stationaryDistribution(ar, P);
  const q = instance.reference.q;
  const w = energyWeights(ar, instance.potential);
  const v = energyMatrixWeights(ar, instance.interaction);
  const rho = referenceMeasureOf(instance.reference);
  const { zPhi, tilt } = canonicalTilt(ar, q, rho, w, v);
  return { q, P, mu, w, v, rho, C: edgeMeasureOf(instance.reference, rho), zPhi, tilt };
}

/** The interaction is s = 0 exactly (v = 1 in the weight form). */
export function interactionVanishes(instance: ResponseChainInstance): boolean {
  const s = instance.interaction;
  return s.form === 'weights' ? s.weights.every((row) => row.every((v) => v.equals(ONE))) : s.values.every((row) => row.every((v) => v.n === 0n));
}

/** Phi is constant (w constant in the weight form). */
export function potentialIsConstant(potential: EnergyVector): boolean {
  const values = potential.form === 'weights' ? potential.weights : potential.values;
  return values.every((v) => v.equals(values[0]!));
}

// ---------------------------------------------------------------- interval helpers

/** P = pi* at temperature `beta` (the instance's rewards r, exact or beta0 log of the weights), by `optimalPolicy`. */
function kernelAt<T>(ar: Arithmetic<T>, instance: ResponseChainInstance, beta: T): T[][] {
  const r = rewardValues(ar, rewardParts(instance), ar.fromRational(instance.beta));
  const q = instance.reference.q.map((row) => row.map((value) => ar.fromRational(value)));
  return optimalPolicy(ar, q, r, beta).policy;
}

/** The stationary law of P = pi* at temperature `beta`, by GTH (enclosures in interval mode). */
export function stationaryLawAt<T>(ar: Arithmetic<T>, instance: ResponseChainInstance, beta: T): T[] {
  return stationaryDistribution(ar, kernelAt(ar, instance, beta));
}



// ---------------------------------------------------------------- certificate claims


/** a > 0 iff b > 0, for a, b >= 0: both positive or both zero. */
export function sameSupport(a: NumExpr, b: NumExpr): BoolExpr {
  return or(and(gt(a, num(0)), gt(b, num(0))), and(eq(a, num(0)), eq(b, num(0))));
}

/**
 * A response chain in the certificate language (src/certificate/format.ts):
 * the instance's primitive data as exact rationals, the chain as definitions.
 *
 * Instance values: the reference, by its conductance C (A2: q(y|x) =
 * C(x,y)/rho(x), rho the row sums of C), or by q itself with rho its
 * stationary law (a witness) and C(x,y) = rho(x) q(y|x) when q is not given
 * as reversible; the potential, w = exp(Phi/beta) (weight form) or Phi (value
 * form); the interaction, v = exp(s/beta) or s; the offset of a pairwise
 * reward r(x,y) = Phi(y) + c(x) + s(x,y), cw = exp(c/beta) or c (none for
 * r(x,y) = Phi(y) - Phi(x) + s(x,y)), or a free reward `reward`; beta; extra
 * scalars (T2q's beta2).
 * Definitions at a temperature b, named with a tag ('' for beta, '2' for
 * beta2): Phi = beta log w and s = beta log v in the weight form; r;
 * w_b = exp(Phi/b), v_b = exp(s/b), K_b = exp(r/b); the tuned kernel
 * P_b(x,y) = q(y|x) K_b(x,y) / Z_b(x), Z_b(x) = sum_y q(y|x) K_b(x,y); T2's
 * Z_Phi,b(x) = sum_y q(y|x) w_b(y) v_b(x,y) and e^{U_b} = rho w_b Z_Phi,b.
 * In the weight form at b = beta, w, v and K = cw(x) w(y) v(x,y) are the
 * rational instance values themselves, so claims on them stay exact.
 * Definitions are made on first use; `certified` returns the claim.
 */
export class ChainClaim {
  readonly instance: Record<string, InstanceValue> = {};
  readonly defs: Record<string, Definition> = {};
  readonly witnesses: Witness[] = [];
  readonly n: number;
  readonly form: 'weights' | 'values';
  /** The states: the rows of C (or of q). */
  readonly states: Range;
  private readonly conductanceGiven: boolean;

  constructor(
    readonly chain: ResponseChainInstance,
    extra: Readonly<Record<string, Rational>> = {},
  ) {
    const { reference, potential, interaction, reward } = chain;
    this.form = potential.form;
    if (interaction.form !== this.form || (reward.kind === 'pairwise' && reward.offset.form !== this.form) || (reward.kind === 'any' && reward.reward.form !== this.form)) {
      throw new Error('ChainClaim: the potential, interaction and reward must be in one form');
    }
    this.n = reference.q.length;
    const values = this.instance;
    this.conductanceGiven = reference.reversible !== undefined;
    if (reference.reversible !== undefined) {
      values.C = matrixValue(reference.reversible.conductance);
      this.define('rho', ['x'], sum('y', 'C', ref('C', 'x', 'y')));
    } else {
      values.q = matrixValue(reference.q);
      values.rho = vectorValue(normalize(referenceMeasureOf(reference)));
      this.witnesses.push({ kind: 'stationary', matrix: 'q', law: 'rho' });
      this.define('C', ['x', 'y'], mul(ref('rho', 'x'), ref('q', 'x', 'y')));
    }
    this.states = { len: this.conductanceGiven ? 'C' : 'q' };
    if (potential.form === 'weights') values.w = vectorValue(potential.weights);
    else values.Phi = vectorValue(potential.values);
    if (interaction.form === 'weights') values.v = matrixValue(interaction.weights);
    else values.s = matrixValue(interaction.values);
    if (reward.kind === 'pairwise') {
      const offset = reward.offset;
      if (offset.form === 'weights') values.cw = vectorValue(offset.weights);
      else values.c = vectorValue(offset.values);
    } else if (reward.kind === 'any') {
      values.reward = matrixValue(reward.reward.form === 'weights' ? reward.reward.weights : reward.reward.values);
    }
    values.beta = rationalValue(chain.beta);
    for (const [name, value] of Object.entries(extra)) values[name] = rationalValue(value);
  }

  /** name[index...] = body, unless already defined. */
  define(name: string, index: readonly string[], body: NumExpr): void {
    if (!(name in this.defs)) this.defs[name] = { index, body };
  }

  /** q(y|x): C(x,y) / rho(x) when C is given, else the instance's q. */
  q(x: Index, y: Index): NumExpr {
    return this.conductanceGiven ? div(ref('C', x, y), ref('rho', x)) : ref('q', x, y);
  }

  C(x: Index, y: Index): NumExpr {
    return ref('C', x, y);
  }

  /** Phi(x): given in the value form, beta log w(x) in the weight form. */
  Phi(x: Index): NumExpr {
    if (this.form === 'weights') this.define('Phi', ['x'], mul(ref('beta'), log(ref('w', 'x'))));
    return ref('Phi', x);
  }

  /** s(x,y): given in the value form, beta log v(x,y) in the weight form. */
  s(x: Index, y: Index): NumExpr {
    if (this.form === 'weights') this.define('s', ['x', 'y'], mul(ref('beta'), log(ref('v', 'x', 'y'))));
    return ref('s', x, y);
  }

  /** The reward r(x,y): Phi(y) + c(x) + s(x,y), Phi(y) - Phi(x) + s(x,y), or the free reward; beta log K(x,y) in the weight form. */
  r(x: Index, y: Index): NumExpr {
    if (this.form === 'weights') {
      this.define('r', ['x', 'y'], mul(ref('beta'), log(this.K('x', 'y'))));
    } else {
      const reward = this.chain.reward;
      const offset = reward.kind === 'pairwise' ? ref('c', 'x') : reward.kind === 'potential' ? neg(this.Phi('x')) : undefined;
      this.define('r', ['x', 'y'], offset === undefined ? ref('reward', 'x', 'y') : add(this.Phi('y'), offset, this.s('x', 'y')));
    }
    return ref('r', x, y);
  }

  /** w_b(x) = exp(Phi(x)/b). */
  w(x: Index, tag = ''): NumExpr {
    if (!this.rationalAt(tag)) this.define(`w${tag}`, ['x'], exp(div(this.Phi('x'), ref(`beta${tag}`))));
    return ref(`w${tag}`, x);
  }

  /** v_b(x,y) = exp(s(x,y)/b). */
  v(x: Index, y: Index, tag = ''): NumExpr {
    if (!this.rationalAt(tag)) this.define(`v${tag}`, ['x', 'y'], exp(div(this.s('x', 'y'), ref(`beta${tag}`))));
    return ref(`v${tag}`, x, y);
  }

  /** K_b(x,y) = exp(r(x,y)/b); in the weight form at beta cw(x) w(y) v(x,y), w(y) v(x,y) / w(x) or the free reward's weight. */
  K(x: Index, y: Index, tag = ''): NumExpr {
    if (this.rationalAt(tag)) {
      const reward = this.chain.reward;
      const wv = mul(ref('w', 'y'), ref('v', 'x', 'y'));
      const body = reward.kind === 'pairwise' ? mul(ref('cw', 'x'), wv) : reward.kind === 'potential' ? div(wv, ref('w', 'x')) : ref('reward', 'x', 'y');
      this.define('K', ['x', 'y'], body);
    } else {
      this.define(`K${tag}`, ['x', 'y'], exp(div(this.r('x', 'y'), ref(`beta${tag}`))));
    }
    return ref(`K${tag}`, x, y);
  }

  /** Defines Z_b(x) = sum_y q(y|x) K_b(x,y) and the tuned kernel P_b(x,y) = q(y|x) K_b(x,y) / Z_b(x); returns P_b's name. */
  kernel(tag = ''): string {
    const [Z, P] = [`Z${tag}`, `P${tag}`];
    this.define(Z, ['x'], sum('y', this.states, mul(this.q('x', 'y'), this.K('x', 'y', tag))));
    this.define(P, ['x', 'y'], div(mul(this.q('x', 'y'), this.K('x', 'y', tag)), ref(Z, 'x')));
    return P;
  }

  /** Defines T2's Z_Phi,b(x) = sum_y q(y|x) w_b(y) v_b(x,y); returns its name. */
  zPhi(tag = ''): string {
    this.define(`ZPhi${tag}`, ['x'], sum('y', this.states, mul(this.q('x', 'y'), this.w('y', tag), this.v('x', 'y', tag))));
    return `ZPhi${tag}`;
  }

  /** Defines T2's tilt e^{U_b(x)} = rho(x) w_b(x) Z_Phi,b(x); returns its name. */
  tilt(tag = ''): string {
    this.define(`eU${tag}`, ['x'], mul(ref('rho', 'x'), this.w('x', tag), ref(this.zPhi(tag), 'x')));
    return `eU${tag}`;
  }

  /** Defines name(x) = f(x) / sum_z f(z), the law proportional to f; returns name. */
  law(name: string, f: (x: Index) => NumExpr): string {
    this.define(`${name}Total`, [], sum('z', this.states, f('z')));
    this.define(name, ['x'], div(f('x'), ref(`${name}Total`)));
    return name;
  }

  /**
   * The stationary law of P (the kernel named `P`, at beta) found by GTH
   * (`exactChain`, weight form): the instance value `mu` with its witness
   * (mu P = mu, sum mu = 1, checked exactly).
   */
  stationaryLaw(P = 'P'): string {
    this.instance.mu = vectorValue(exactChain(this.chain).mu);
    this.witnesses.push({ kind: 'stationary', matrix: P, law: 'mu' });
    return 'mu';
  }

  /**
   * The stationary law of the (irreducible) kernel named P by GTH state
   * reduction, written as definitions as `stationaryDistribution` computes
   * it: censoring to {0..k-1}, P_{k-1}(i,j) = P_k(i,j) + P_k(i,k) P_k(k,j) / S_k
   * with S_k = sum_{j<k} P_k(k,j) and P_{n-1} = P; then x(0) = 1,
   * x(k) = sum_{i<k} x(i) P_k(i,k) / S_k and mu = x / sum x. Sums, products
   * and quotients of nonnegative numbers only: no cancellation, so enclosures
   * keep their relative precision. Returns mu(k), the scalar <name>_<k>.
   */
  gthLaw(P: string, name: string): (k: number) => NumExpr {
    const n = this.n;
    const states = Array.from({ length: n }, (_, k) => k);
    const censored = (k: number): string => (k === n - 1 ? P : `${P}_${k}`);
    const S = (k: number): NumExpr => ref(`${P}_S${k}`);
    for (let k = n - 1; k >= 1; k--) {
      const Pk = censored(k);
      this.define(`${P}_S${k}`, [], sum('j', { n: k }, ref(Pk, k, 'j')));
      this.define(censored(k - 1), ['i', 'j'], add(ref(Pk, 'i', 'j'), div(mul(ref(Pk, 'i', k), ref(Pk, k, 'j')), S(k))));
    }
    const x = (k: number): NumExpr => ref(`${name}_x${k}`);
    this.define(`${name}_x0`, [], num(1));
    for (let k = 1; k < n; k++) this.define(`${name}_x${k}`, [], div(add(...states.slice(0, k).map((i) => mul(x(i), ref(censored(k), i, k)))), S(k)));
    this.define(`${name}Total`, [], add(...states.map(x)));
    for (const k of states) this.define(`${name}_${k}`, [], div(x(k), ref(`${name}Total`)));
    return (k) => ref(`${name}_${k}`);
  }

  /** a(x) = b(x) for every state x. */
  sameLaws(a: string, b: string): BoolExpr {
    return all('x', this.states, eq(ref(a, 'x'), ref(b, 'x')));
  }

  certified(text: string, assert: BoolExpr): CertifiedClaim {
    return { claim: { text, defs: this.defs, assert }, instance: this.instance, witnesses: this.witnesses };
  }

  /** w, v and K are the rational instance values themselves: the weight form at beta. */
  private rationalAt(tag: string): boolean {
    return this.form === 'weights' && tag === '';
  }
}

/** The claim that the stationary law of P (GTH, witnessed) is the law `name` proportional to f (weight form: exact). */
export const stationaryLawClaim =
  (text: string, name: string, f: (chain: ChainClaim, x: Index) => NumExpr) =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const mu = chain.stationaryLaw(chain.kernel());
    return chain.certified(text, chain.sameLaws(mu, chain.law(name, (x) => f(chain, x))));
  };
