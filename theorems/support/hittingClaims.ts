/**
 * T5's certificate claims: each property and mutant restated over the
 * instance in the certificate language (src/certificate/), for `certify`.
 *
 * Main definitions
 * - `dirichletGapClaim(withMu)`, `stationaryHittingDirichletClaim`,
 *   `stationaryHittingSpectralClaim(withMu)`, `survivalClaim(withPrefactor)`,
 *   `pointHittingClaim(inverted)`: the claims of the checks of the same names
 *   in hittingChecks.ts, with the same flags.
 *
 * Main statements
 * - Each claim is over the instance P, mu (witnessed stationary), the 0/1
 *   masks A and Ac of the target and its complement, and h = E_.[tau_A] (the
 *   hitting witness: h = 0 on A, h = 1 + P h off A). Definitions: muA = mu(A),
 *   muAc = mu(A^c), Emu = E_mu[tau_A] = sum_x mu(x) h(x), rhoQ = rho(Q) (Q = P
 *   on A^c: Q_yy when A^c = {y}, else the Perron witness on the mask Ac),
 *   lA = 1 - rhoQ, l2 (witness for n >= 3, tr P - 1 for n = 2), g = 1 - l2,
 *   surv{t}(x) = P_x(tau_A > t) = (Q^t 1)(x).
 * - Square roots are removed by squaring both sides, as in the checks; a
 *   bound c / g is stated as E g <= c (g may be 0).
 */
import { exactArithmetic } from '../../src/arith/exact.js';
import { all, div, eq, ge, implies, le, mul, num, pow, ref, sub, sum } from '../../src/certificate/build.js';
import { vectorValue } from '../../src/certificate/build.js';
import type { CertifiedClaim } from '../../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, NumExpr } from '../../src/certificate/format.js';
import { complementOf, expectedHittingTimes } from '../../src/markov/hittingTimes.js';
import type { T5Instance } from './hittingChecks.js';
import { chainClaim, definition, extremeEigenvalues, maskValue, perronRootOn, powerOf } from './spectralClaims.js';
import { upTo, type ClaimParts } from './spectralClaims.js';

type Certify = (instance: T5Instance) => CertifiedClaim;

const inRest = (x: string): BoolExpr => eq(ref('Ac', x), num(1));

/** A claim on the hitting data of the instance; `spectral` adds l2 and g, `horizon` the survival probabilities. */
function hittingClaim(
  instance: T5Instance,
  text: string,
  assert: BoolExpr,
  options: { spectral?: boolean; horizon?: number } = {},
): CertifiedClaim {
  const { chain, target } = instance;
  const n = chain.kernel.length;
  const rest = complementOf(n, target);
  const mass = (mask: string): NumExpr => sum('x', 'mu', mul(ref(mask, 'x'), ref('mu', 'x')));
  const survival: Record<string, Definition> = {};
  for (let t = 1; t <= (options.horizon ?? 0); t++) {
    survival[`surv${t}`] = definition(
      ['x'],
      mul(ref('Ac', 'x'), sum('y', 'mu', mul(ref('P', 'x', 'y'), ref(`surv${t - 1}`, 'y')))),
    );
  }
  const data: ClaimParts = {
    values: {
      A: maskValue(n, target),
      Ac: maskValue(n, rest),
      h: vectorValue(expectedHittingTimes(exactArithmetic, chain.kernel, target)),
    },
    defs: {
      muA: definition([], mass('A')),
      muAc: definition([], mass('Ac')),
      Emu: definition([], sum('x', 'mu', mul(ref('mu', 'x'), ref('h', 'x')))),
      lA: definition([], sub(num(1), ref('rhoQ'))),
      ...(options.horizon === undefined ? {} : { surv0: definition(['x'], ref('Ac', 'x')), ...survival }),
      ...(options.spectral ? { g: definition([], sub(num(1), ref('l2'))) } : {}),
    },
    witnesses: [{ kind: 'hitting', matrix: 'P', target: 'A', value: 'h' }],
  };
  return chainClaim(
    chain,
    text,
    assert,
    data,
    perronRootOn(chain, rest),
    ...(options.spectral ? [extremeEigenvalues(chain, ['l2'])] : []),
  );
}

/** l_A >= g w, w = mu(A) (the claim) or 1 (the mutant). */
export function dirichletGapClaim(withMu: boolean): Certify {
  return (instance) =>
    hittingClaim(
      instance,
      withMu ? 'l_A >= g mu(A)' : 'l_A >= g',
      ge(ref('lA'), withMu ? mul(ref('g'), ref('muA')) : ref('g')),
      { spectral: true },
    );
}

export const stationaryHittingDirichletClaim: Certify = (instance) =>
  hittingClaim(instance, 'E_mu[tau_A] <= mu(A^c) / l_A', le(ref('Emu'), div(ref('muAc'), ref('lA'))));

/** E_mu[tau_A] <= c / (g w) as E_mu[tau_A] g w <= c: (c, w) = (1 - mu(A), mu(A)), or (mu(A^c), 1) for the mutant. */
export function stationaryHittingSpectralClaim(withMu: boolean): Certify {
  return (instance) =>
    withMu
      ? hittingClaim(
          instance,
          'E_mu[tau_A] <= (1 - mu(A)) / (g mu(A)), as E_mu[tau_A] g mu(A) <= 1 - mu(A)',
          le(mul(ref('Emu'), ref('g'), ref('muA')), sub(num(1), ref('muA'))),
          { spectral: true },
        )
      : hittingClaim(
          instance,
          'E_mu[tau_A] <= mu(A^c) / g, as E_mu[tau_A] g <= mu(A^c)',
          le(mul(ref('Emu'), ref('g')), ref('muAc')),
          { spectral: true },
        );
}

/**
 * For x in A^c and t = 0..horizon: surv^2 mu(x) <= mu(A^c) (1 - l_A)^(2t) (the
 * claim, squared), or the mutant surv <= (1 - l_A)^t.
 */
export function survivalClaim(withPrefactor: boolean): Certify {
  return (instance) => {
    const decay = (k: number): NumExpr => powerOf(sub(num(1), ref('lA')), k);
    const at = (t: number): BoolExpr => {
      const s = ref(`surv${t}`, 'x');
      return withPrefactor ? le(mul(pow(s, 2), ref('mu', 'x')), mul(ref('muAc'), decay(2 * t))) : le(s, decay(t));
    };
    const text = withPrefactor
      ? 'P_x(tau_A > t)^2 mu(x) <= mu(A^c) (1 - l_A)^(2t), i.e. P_x(tau_A > t) <= sqrt(mu(A^c)/mu(x)) (1 - l_A)^t'
      : 'P_x(tau_A > t) <= (1 - l_A)^t';
    return hittingClaim(
      instance,
      `${text} for every x in A^c, t = 0..${instance.horizon}; P_x(tau_A > t) = (Q^t 1)(x)`,
      all('x', 'mu', implies(inRest('x'), upTo(0, instance.horizon, at))),
      { horizon: instance.horizon },
    );
  };
}

/** For x in A^c: (E_x[tau_A] l_A)^2 a(x) <= b(x), (a, b) = (mu(x), mu(A^c)) for the claim, (mu(A^c), mu(x)) for the inverted mutant. */
export function pointHittingClaim(inverted: boolean): Certify {
  return (instance) => {
    const [a, b] = inverted ? [ref('muAc'), ref('mu', 'x')] : [ref('mu', 'x'), ref('muAc')];
    const text = inverted
      ? 'E_x[tau_A] <= sqrt(mu(x)/mu(A^c)) / l_A, as (E_x[tau_A] l_A)^2 mu(A^c) <= mu(x)'
      : 'E_x[tau_A] <= sqrt(mu(A^c)/mu(x)) / l_A, as (E_x[tau_A] l_A)^2 mu(x) <= mu(A^c)';
    return hittingClaim(
      instance,
      `${text}, every x in A^c`,
      all('x', 'mu', implies(inRest('x'), le(mul(pow(mul(ref('h', 'x'), ref('lA')), 2), a), b))),
    );
  };
}
