/**
 * T2's claims: the checks of its properties and mutants with their
 * certificate claims (src/certificate/), each claim restated on the chain's
 * definitions (`ChainClaim`, chainClaim.ts) for the checker to decide apart
 * from the predicate.
 *
 * Main definitions
 * - Certificate claims: `detailedBalanceClaim(law)`, `ratioClaim(text, g)`,
 *   `edgeMeasureClaim(text, E)`, `closedForm`, `closedFormStationaryClaim`,
 *   `kolmogorovClaim`, `transcendentalClaim`.
 * - Checks with their claims: `onChain(check)` (a check of the exact chain),
 *   `stationaryLawIs(...)` and `edgeMeasureIs(...)` (the templates of a
 *   property and its mutants), `transcendentalBalance` (the value form).
 *
 * Implementation details
 * P = pi* is defined from C, w, v and the offset, exactly in the weight
 * form; mu, where a claim is about the stationary law of P, is GTH's, a
 * witnessed instance value. Kolmogorov's cycles are listed in the claim (the
 * same cycles the predicate checks). The value form decides reversibility as
 * `ebmReversibleExact` does (rational cycle ratios and affinities;
 * Lindemann), then the log ratios to 30 digits: log P(x,y) - log P(y,x) -
 * (U(y) - U(x)) must enclose 0 with width < 1e-30.
 */
import type fc from 'fast-check';
import type { NumberObject } from '../../src/arith/numberObject.js';
import type { Rational } from '../../src/arith/rational.js';
import { normalize } from '../../src/arith/rationalVector.js';
import {
  add,
  all,
  and,
  div,
  eq,
  eq30,
  gt,
  implies,
  log,
  mul,
  num,
  ref,
  sub,
  sum,
} from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Index, NumExpr } from '../../src/certificate/format.js';
import { ebmReversibleExact } from '../../src/markov/ebmReversibility.js';
import { ebmKernel } from '../../src/models/ebm.js';
import { decideInIntervals, equalTo30Digits } from '../../src/runner/decideInIntervals.js';
import type { Predicate, SpecParts } from '../../src/runner/kit/index.js';
import { fail, pass, type Verdict } from '../../src/runner/theorem.js';
import { ChainClaim, sameSupport, stationaryLawClaim } from './chainClaim.js';
import { edgeMeasureVerdict, fundamentalCycles, kolmogorovCycles, sameLawVerdict } from './exactChainChecks.js';
import {
  canonicalPotential,
  ebmModelOf,
  exactChain,
  exactValue,
  type ExactChain,
  type ResponseChainInstance,
} from './responseChain.js';

export type ChainExpr = (chain: ChainClaim, x: Index) => NumExpr;
export type EdgeExpr = (chain: ChainClaim, x: string, y: string) => NumExpr;
/** A claim of T2: its text, instances, check and certificate claim. */
export type ChainParts = SpecParts<ResponseChainInstance, Predicate<ResponseChainInstance>>;

/** law(x) P(x,y) = law(y) P(y,x) for all x, y; law = mu (GTH, witnessed) or rho (untilted, a mutant). */
export const detailedBalanceClaim =
  (law: 'mu' | 'rho') =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const P = chain.kernel();
    if (law === 'mu') chain.stationaryLaw(P);
    const S = chain.states;
    const flow = (x: string, y: string): NumExpr => mul(ref(law, x), ref(P, x, y));
    return chain.certified(
      `${law}(x) P(x,y) = ${law}(y) P(y,x) for all x, y`,
      all('x', S, all('y', S, eq(flow('x', 'y'), flow('y', 'x')))),
    );
  };

/** P(x,y) = 0 iff P(y,x) = 0, and P(x,y) / P(y,x) = g(y) / g(x) where P(y,x) > 0. */
export const ratioClaim =
  (text: string, g: ChainExpr) =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const P = chain.kernel();
    const [forward, backward] = [ref(P, 'x', 'y'), ref(P, 'y', 'x')];
    const ratio = implies(gt(backward, num(0)), eq(div(forward, backward), div(g(chain, 'y'), g(chain, 'x'))));
    return chain.certified(
      text,
      all('x', chain.states, all('y', chain.states, and(sameSupport(forward, backward), ratio))),
    );
  };

/** mu(x) P(x,y) = E(x,y) / sum E for all x, y (mu: GTH, witnessed). */
export const edgeMeasureClaim =
  (text: string, E: EdgeExpr) =>
  (instance: ResponseChainInstance): CertifiedClaim => {
    const chain = new ChainClaim(instance);
    const P = chain.kernel();
    const mu = chain.stationaryLaw(P);
    const S = chain.states;
    chain.define('E', ['x', 'y'], E(chain, 'x', 'y'));
    chain.define('ETotal', [], sum('x', S, sum('y', S, ref('E', 'x', 'y'))));
    return chain.certified(
      text,
      all('x', S, all('y', S, eq(mul(ref(mu, 'x'), ref(P, 'x', 'y')), div(ref('E', 'x', 'y'), ref('ETotal'))))),
    );
  };

/** T2's closed form mu(x) = e^{U(x)} / sum = rho(x) w(x) Z_Phi(x) / sum. */
export const closedForm: ChainExpr = (chain, x) => ref(chain.tilt(), x);

/** mu P = mu for the closed form mu (no witness: the claim is the stationarity). */
export function closedFormStationaryClaim(instance: ResponseChainInstance): CertifiedClaim {
  const chain = new ChainClaim(instance);
  const P = chain.kernel();
  const S = chain.states;
  const mu = chain.law('muClosed', (x) => closedForm(chain, x));
  const muP = sum('x', S, mul(ref(mu, 'x'), ref(P, 'x', 'y')));
  return chain.certified('(mu P)(y) = mu(y) for all y, mu = rho w Z_Phi / sum', all('y', S, eq(muP, ref(mu, 'y'))));
}

/** The product of P along c_0 -> c_1 -> ... -> c_0. */
function cycleProduct(P: string, cycle: readonly number[]): NumExpr {
  return mul(...cycle.map((a, k) => ref(P, a, cycle[(k + 1) % cycle.length]!)));
}

/**
 * Equal forward and backward products of P around every triangle and every fundamental cycle of the support
 * (listed).
 */
export function kolmogorovClaim(instance: ResponseChainInstance): CertifiedClaim {
  const chain = new ChainClaim(instance);
  const P = chain.kernel();
  const cycles = kolmogorovCycles(exactChain(instance).P);
  const balanced = cycles.map((cycle) => eq(cycleProduct(P, cycle), cycleProduct(P, [...cycle].reverse())));
  return chain.certified(
    'forward = backward product of P around every triangle and every fundamental cycle of the support (listed)',
    and(...balanced),
  );
}

/**
 * Reversibility, decided exactly as `ebmReversibleExact` does: the support
 * of q is symmetric, and around each fundamental cycle k of it R_k = 1 and
 * t_k = 0. Along a cycle the forward/backward product of P is
 * R_k exp(t_k/beta) (w and Z telescope), with R_k = prod q(y|x)/q(x|y) and
 * t_k = sum r(x,y) - r(y,x) rational; it is 1 iff R_k = 1 and t_k = 0
 * (Lindemann: exp of a nonzero rational is transcendental).
 */
function reversibilityClaim(chain: ChainClaim, q: readonly (readonly Rational[])[]): BoolExpr {
  const S = chain.states;
  // In the weight form K = exp(r/beta) is rational too: R_k takes it in, and there is no t_k.
  const rational = (a: number, b: number): NumExpr =>
    chain.form === 'weights' ? mul(chain.q(a, b), chain.K(a, b)) : chain.q(a, b);
  const balanced = fundamentalCycles(q).map((cycle, k) => {
    const edges = cycle.map((a, i) => [a, cycle[(i + 1) % cycle.length]!] as const);
    chain.define(`R${k}`, [], mul(...edges.map(([a, b]) => div(rational(a, b), rational(b, a)))));
    if (chain.form === 'weights') return eq(ref(`R${k}`), num(1));
    chain.define(`t${k}`, [], add(...edges.map(([a, b]) => sub(chain.r(a, b), chain.r(b, a)))));
    return and(eq(ref(`R${k}`), num(1)), eq(ref(`t${k}`), num(0)));
  });
  return and(all('x', S, all('y', S, sameSupport(chain.q('x', 'y'), chain.q('y', 'x')))), ...balanced);
}

/** P reversible (exactly), and log P(x,y) - log P(y,x) = U(y) - U(x) to 30 digits where q(y|x) > 0. */
export function transcendentalClaim(instance: ResponseChainInstance): CertifiedClaim {
  const chain = new ChainClaim(instance);
  const P = chain.kernel();
  const S = chain.states;
  const reversible = reversibilityClaim(chain, instance.reference.q);
  chain.define('U', ['x'], add(log(ref('rho', 'x')), div(chain.Phi('x'), ref('beta')), log(ref(chain.zPhi(), 'x'))));
  const logRatio = sub(log(ref(P, 'x', 'y')), log(ref(P, 'y', 'x')));
  const potential = all(
    'x',
    S,
    all('y', S, implies(gt(chain.q('x', 'y'), num(0)), eq30(logRatio, sub(ref('U', 'y'), ref('U', 'x'))))),
  );
  return chain.certified(
    'P reversible: q(y|x) > 0 iff q(x|y) > 0, and around each fundamental cycle k of the support (listed) R_k = ' +
      'prod q(y|x)/q(x|y) = 1 ' +
      'and t_k = sum r(x,y) - r(y,x) = 0, since forward/backward = R_k exp(t_k/beta) (w and Z telescope; Lindemann) ' +
      '(weight form: R_k = prod q(y|x) K(x,y) / (q(x|y) K(y,x)), no t_k; rationals compared exactly, to 30 ' +
      'digits in the interval pass); ' +
      'and log P(x,y) - log P(y,x) = U(y) - U(x) where q(y|x) > 0, U = log rho + Phi/beta + log Z_Phi (equal to ' +
      '30 digits)',
    and(reversible, potential),
  );
}

// ---------------------------------------------------------------- checks with their claims

/** A check of the exact chain of a weight-form instance. */
export const onChain =
  (check: (chain: ExactChain) => Verdict): Predicate<ResponseChainInstance> =>
  (instance) =>
    check(exactChain(instance));

/**
 * The stationary law of P (GTH) is `law` normalized (`text`: the law in words), certified as the law `name`
 * proportional to `f`.
 */
export function stationaryLawIs(
  claim: string,
  text: string,
  law: (chain: ExactChain) => Rational[],
  name: string,
  f: ChainExpr,
  arbitrary: fc.Arbitrary<ResponseChainInstance>,
): ChainParts {
  return {
    claim,
    arbitrary,
    check: onChain((chain) => sameLawVerdict(chain.mu, normalize(law(chain)), ['mu(x) (GTH)', text])),
    certify: stationaryLawClaim(`mu = ${text} (mu: the stationary law of P, witnessed)`, name, f),
  };
}

/** The edge measure mu(x) P(x,y) is proportional to `text`, computed by `edge` and certified as `E`. */
export function edgeMeasureIs(
  claim: string,
  text: string,
  edge: (chain: ExactChain, x: number, y: number) => Rational,
  E: EdgeExpr,
  arbitrary: fc.Arbitrary<ResponseChainInstance>,
): ChainParts {
  return {
    claim,
    arbitrary,
    check: onChain((chain) => edgeMeasureVerdict(chain, (x, y) => edge(chain, x, y), text)),
    certify: edgeMeasureClaim(`mu(x) P(x,y) = E(x,y) / sum E, E = ${text} (mu: the stationary law of P, witnessed)`, E),
  };
}

/**
 * With Phi, s, beta rational: P reversible (decided exactly), then log P(x,y) - log P(y,x) = U(y) - U(x) to 30
 * digits.
 */
export function transcendentalBalance(instance: ResponseChainInstance): Verdict {
  const model = ebmModelOf(instance);
  const reversibility = ebmReversibleExact(model);
  if (!reversibility.reversible) {
    const values: Record<string, string | NumberObject> = {};
    if (reversibility.ratio !== undefined) values['cycle ratio R'] = exactValue(reversibility.ratio);
    if (reversibility.affinity !== undefined) values['cycle affinity t'] = exactValue(reversibility.affinity);
    if (reversibility.cycle !== undefined) values.cycle = reversibility.cycle.join(' -> ');
    return fail(`P is not reversible: ${reversibility.reason ?? 'Kolmogorov criterion fails'}`, values);
  }
  const claim = 'log P(x,y) - log P(y,x) = U(y) - U(x)';
  const q = instance.reference.q;
  return decideInIntervals(claim, (ar) => {
    const P = ebmKernel(ar, model).kernel;
    const U = canonicalPotential(ar, instance);
    let widest = 0;
    let open = false;
    for (let x = 0; x < q.length; x++) {
      for (let y = x + 1; y < q.length; y++) {
        if (q[x]![y]!.n === 0n) continue; // P(x,y) = P(y,x) = 0: the support is symmetric (decided above)
        const lhs = ar.sub(ar.log(P[x]![y]!), ar.log(P[y]![x]!));
        const rhs = ar.sub(U[y]!, U[x]!);
        const difference = ar.sub(lhs, rhs);
        const { verdict, width } = equalTo30Digits(ar, difference);
        if (verdict === 'different') {
          return fail(`${claim} fails for x = ${x}, y = ${y}`, {
            'log P(x,y) - log P(y,x)': ar.toNumberObject(lhs),
            'U(y) - U(x)': ar.toNumberObject(rhs),
            difference: ar.toNumberObject(difference),
            precision: ar.label,
          });
        }
        if (verdict === 'open') open = true;
        widest = Math.max(widest, width);
      }
    }
    return open ? undefined : pass(widest);
  });
}
