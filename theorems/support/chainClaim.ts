/**
 * A response chain (responseChain.ts) in the certificate language
 * (src/certificate/format.ts), for the certificate claims of T2 and T2q.
 *
 * Main definitions
 * - `ChainClaim`: a chain's primitive data as exact instance values and the
 *   chain as definitions (q, C, Phi, s, r, w, v, K, P, Z_Phi, e^U, ... at a
 *   temperature), its stationary law as a witnessed value (`stationaryLaw`)
 *   or written by GTH state reduction (`gthLaw`).
 * - `stationaryLawClaim(text, name, f)`: the claim that the stationary law
 *   of P is the law proportional to f.
 * - `sameSupport(a, b)`: a > 0 iff b > 0.
 *
 * Implementation details
 * In the weight form at the instance's beta, w, v and K are the rational
 * instance values themselves, so claims on them are decided exactly; at any
 * other temperature, and in the value form, they are exponentials, compared
 * in interval arithmetic by the checker.
 */
import { normalize } from '../../src/arith/rationalVector.js';
import type { Rational } from '../../src/arith/rational.js';
import {
  add,
  all,
  and,
  div,
  eq,
  exp,
  gt,
  log,
  matrixValue,
  mul,
  neg,
  num,
  or,
  rationalValue,
  ref,
  sum,
  vectorValue,
} from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type {
  BoolExpr,
  Definition,
  Index,
  InstanceValue,
  NumExpr,
  Range,
  Witness,
} from '../../src/certificate/format.js';
import { exactChain, referenceMeasureOf, type ResponseChainInstance } from './responseChain.js';

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
    if (
      interaction.form !== this.form ||
      (reward.kind === 'pairwise' && reward.offset.form !== this.form) ||
      (reward.kind === 'any' && reward.reward.form !== this.form)
    ) {
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

  /**
   * The reward r(x,y): Phi(y) + c(x) + s(x,y), Phi(y) - Phi(x) + s(x,y), or the free reward; beta log K(x,y) in the
   * weight form.
   */
  r(x: Index, y: Index): NumExpr {
    if (this.form === 'weights') {
      this.define('r', ['x', 'y'], mul(ref('beta'), log(this.K('x', 'y'))));
    } else {
      const reward = this.chain.reward;
      const offset =
        reward.kind === 'pairwise' ? ref('c', 'x') : reward.kind === 'potential' ? neg(this.Phi('x')) : undefined;
      this.define(
        'r',
        ['x', 'y'],
        offset === undefined ? ref('reward', 'x', 'y') : add(this.Phi('y'), offset, this.s('x', 'y')),
      );
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

  /**
   * K_b(x,y) = exp(r(x,y)/b); in the weight form at beta cw(x) w(y) v(x,y), w(y) v(x,y) / w(x) or the free reward's
   * weight.
   */
  K(x: Index, y: Index, tag = ''): NumExpr {
    if (this.rationalAt(tag)) {
      const reward = this.chain.reward;
      const wv = mul(ref('w', 'y'), ref('v', 'x', 'y'));
      const body =
        reward.kind === 'pairwise'
          ? mul(ref('cw', 'x'), wv)
          : reward.kind === 'potential'
            ? div(wv, ref('w', 'x'))
            : ref('reward', 'x', 'y');
      this.define('K', ['x', 'y'], body);
    } else {
      this.define(`K${tag}`, ['x', 'y'], exp(div(this.r('x', 'y'), ref(`beta${tag}`))));
    }
    return ref(`K${tag}`, x, y);
  }

  /**
   * Defines Z_b(x) = sum_y q(y|x) K_b(x,y) and the tuned kernel P_b(x,y) = q(y|x) K_b(x,y) / Z_b(x); returns P_b's
   * name.
   */
  kernel(tag = ''): string {
    const [Z, P] = [`Z${tag}`, `P${tag}`];
    this.define(Z, ['x'], sum('y', this.states, mul(this.q('x', 'y'), this.K('x', 'y', tag))));
    this.define(P, ['x', 'y'], div(mul(this.q('x', 'y'), this.K('x', 'y', tag)), ref(Z, 'x')));
    return P;
  }

  /** Defines T2's Z_Phi,b(x) = sum_y q(y|x) w_b(y) v_b(x,y); returns its name. */
  zPhi(tag = ''): string {
    this.define(
      `ZPhi${tag}`,
      ['x'],
      sum('y', this.states, mul(this.q('x', 'y'), this.w('y', tag), this.v('x', 'y', tag))),
    );
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
      this.define(
        censored(k - 1),
        ['i', 'j'],
        add(ref(Pk, 'i', 'j'), div(mul(ref(Pk, 'i', k), ref(Pk, k, 'j')), S(k))),
      );
    }
    const x = (k: number): NumExpr => ref(`${name}_x${k}`);
    this.define(`${name}_x0`, [], num(1));
    for (let k = 1; k < n; k++)
      this.define(
        `${name}_x${k}`,
        [],
        div(add(...states.slice(0, k).map((i) => mul(x(i), ref(censored(k), i, k)))), S(k)),
      );
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
    return chain.certified(
      text,
      chain.sameLaws(
        mu,
        chain.law(name, (x) => f(chain, x)),
      ),
    );
  };
