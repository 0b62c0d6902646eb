/**
 * T7: the Bernoulli KL decomposition of KL(pi || pi*) over the correct and
 * the wrong set, and the lower bound it gives the suboptimality gap
 * (docs/catalogue.md#t7; the claim itself is `statement` below).
 *
 * Main definitions
 * - `T7`: the theorem module; its instances are T6's `RlvrPolicyInstance`s
 *   (support/rlvrInstances.ts), with policies of every kind.
 *
 * Main statements
 * - Identities (certified): the decomposition for n = 4, C = {1, 2} and for
 *   n = 3, C = {1}; the gap of a tilt equal to its Bernoulli part, n = 4.
 * - Properties: `kl-decomposition`, `gap-lower-bound` (equality for tilts,
 *   strict for non-tilts), `tilt-equality`, `optimal-conditionals` (exact).
 *   Mutants from the same templates (`decomposition`, `gapEquality`): the
 *   Bernoulli KL reversed, the factor p_pi or beta dropped, the equality
 *   claimed for non-tilts.
 * - Assumption: `policy-is-tilt`, needed for the equality only (degree of
 *   failure: the gap's excess over its Bernoulli part). Slots (`assume`): n,
 *   prompts, beta or expOneOverBeta, start.
 *
 * Implementation details
 * Policies: q, tilts, random laws, non-tilts (one response of a two-member
 * class rescaled) and the class conditionals q(.|C), q(.|W) (p_pi in {0, 1});
 * prompts of every correct-set size. Conditional laws are exact and "pi is a
 * tilt" is decided exactly, so for a tilt the equality is exact too (both
 * conditional KL terms vanish); for a non-tilt the strict inequality is
 * decided by separated enclosures. Equalities with logs hold to 30 digits
 * (`decideComparisons`, 40 digits doubled up to 640). The quantities come
 * from the engine (support/rlvrChecks.ts); certificate claims from
 * support/rlvrClaims.ts.
 */
import { intervalArithmetic } from '../src/arith/interval.js';
import { and, eq30, gt, implies, not } from '../src/certificate/build.js';
import { decideComparisons, type Comparison } from '../src/runner/decideComparisons.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import { drawnFrom, overridesLabel, realizeFamilies, slotLaboratory, theoremModule } from '../src/runner/kit/index.js';
import { touches, variables, type Predicate } from '../src/runner/kit/index.js';
import { fail, type DegreeSpec, type IdentitySpec } from '../src/runner/theorem.js';
import type { SlotOverrides, Theorem } from '../src/runner/theorem.js';
import type fc from 'fast-check';
import { conditionalMismatch, everyPolicyIsTilt, gapExcessDegree, gapSides } from './support/rlvrChecks.js';
import { optimalConditionalsHold, promptParts, reversedBernoulliInfiniteAt } from './support/rlvrChecks.js';
import { bernoulliGapExpr, decompositionClaim, everyPolicyTilts, gapClaim, gapExpr } from './support/rlvrClaims.js';
import { optimalConditionalsClaim, optimumSymbols } from './support/rlvrClaims.js';
import { RLVR_SENTENCE } from './support/abstract.js';
import { exactValues, rlvr, type RlvrParts } from './support/rlvrInstances.js';
import { rlvrEveryPolicyFamilies, rlvrPolicyFamily, rlvrPolicyInstance } from './support/rlvrInstances.js';
import type { PolicyKind, RlvrPolicyInstance } from './support/rlvrInstances.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'For every pi(.|x): KL(pi || pi*) = kl(p_pi || p*) + p_pi KL(pi(.|C) || q(.|C)) ' +
    '+ (1 - p_pi) KL(pi(.|W) || q(.|W)). ' +
    'So J(pi*) - J(pi) >= beta E_x kl(p_pi || p*), with equality iff pi agrees with q inside C and inside W ' +
    '(pi is an exponential tilt of q by r).',
  latex:
    '\\mathrm{KL}(\\pi\\,\\|\\,\\pi^*) = \\mathrm{kl}(p_\\pi\\,\\|\\,p^*) ' +
    '+ p_\\pi\\,\\mathrm{KL}(\\pi(\\cdot|C)\\,\\|\\,q(\\cdot|C)) ' +
    '+ (1-p_\\pi)\\,\\mathrm{KL}(\\pi(\\cdot|W)\\,\\|\\,q(\\cdot|W)),\\quad ' +
    'J(\\pi^*) - J(\\pi) \\ge \\beta\\,\\mathbb{E}_x\\,\\mathrm{kl}(p_\\pi\\,\\|\\,p^*)\\ ' +
    '\\text{with equality iff}\\ \\pi(\\cdot|C) = q(\\cdot|C),\\ \\pi(\\cdot|W) = q(\\cdot|W)',
};

const source = RLVR_SENTENCE;

// ---------------------------------------------------------------- instances and checks

const tiltKinds: PolicyKind[] = ['reference', 'tilt', 'classConditional'];
/** Every policy kind; tilts (q, tilts, class conditionals); policies outside the tilt family. */
const everyPolicy = rlvrPolicyInstance();
const tilts = rlvrPolicyInstance({ kinds: tiltKinds });
const nonTilts = rlvrPolicyInstance({ kinds: ['nonTilt'] });

/** J(pi*) - J(pi) = (beta) E_x kl(p_pi||p*), to 30 digits; `qualifier` ends the claim of an undecided or failed run. */
function gapEquals(withBeta: boolean, qualifier = ''): Predicate<RlvrPolicyInstance> {
  const rhs = `${withBeta ? 'beta ' : ''}E_x kl(p_pi||p*)`;
  return (instance) =>
    decideComparisons(`J(pi*) - J(pi) = ${rhs}${qualifier}`, (ar) => {
      const { gap, bernoulliGap } = gapSides(ar, instance, withBeta);
      return [{ relation: 'equal', lhs: gap, rhs: bernoulliGap, names: ['J(pi*) - J(pi)', rhs] }];
    });
}

// ---------------------------------------------------------------- assumptions

const assumptions = [
  rlvr.assumption(
    'policy-is-tilt',
    'pi(.|x) is an exponential tilt of q(.|x) by r: pi agrees with q inside C and inside W. ' +
      'Needed for the equality only; the decomposition and the inequality hold for every pi.',
    {
      needed: true,
      violate: nonTilts,
      properties: ['tilt-equality'],
      degree: gapExcessDegree([{ label: 'pi outside the tilt family', arbitrary: nonTilts }]),
      formerNames: ['tilt'],
    },
  ),
];

// ---------------------------------------------------------------- identities

const decompositionVariables: IdentitySpec['variables'] = {
  ...variables('positive', 'beta', 'Z', 'U', 'V', 'u1', 'u2', 'u3', 'u4', 'v1', 'v2', 'v3', 'v4'),
  ...variables('probability', 'p1', 'p2', 'p3', 'p4', 'q1', 'q2', 'q3', 'q4', 'pC', 'pW', 'qC', 'qW'),
  ...variables('probability', 's1', 's2', 's3', 's4', 'sC', 'sW'),
};

/** law1..law4 normalized from positive weights (no rejection of sample points), and its masses of C and W. */
const normalizedN4 = (law: string, weight: string, total: string) => ({
  [total]: [1, 2, 3, 4].map((y) => `${weight}${y}`).join(' + '),
  ...Object.fromEntries([1, 2, 3, 4].map((y) => [`${law}${y}`, `${weight}${y}/${total}`])),
  [`${law}C`]: `${law}1 + ${law}2`,
  [`${law}W`]: `${law}3 + ${law}4`,
});
/** n = 4, C = {1, 2}, W = {3, 4}: q from weights v, pi* = s by definition. */
const referenceAndOptimum = {
  ...normalizedN4('q', 'v', 'V'),
  Z: 'qW + qC*exp(1/beta)',
  ...optimumSymbols([1, 2, 3, 4, 'C', 'W'], [1, 2, 'C']),
};

/** KL(p(.|K) || q(.|K)) over the responses of class K, whose masses under p and q are pK and qK. */
const classKl = (K: string, ...ys: number[]) =>
  ys.map((y) => `(p${y}/p${K})*log((p${y}/p${K})/(q${y}/q${K}))`).join(' + ');
const bernoulliN4 = 'pC*log(pC/sC) + pW*log(pW/sW)';
/** J(law) for n = 4, C = {1, 2} (T6's objective), the law's mass of C named `mass`. */
const objectiveN4 = (law: string, mass: string) =>
  `(${mass} - beta*(${[1, 2, 3, 4].map((y) => `${law}${y}*log(${law}${y}/q${y})`).join(' + ')}))`;

const identities: IdentitySpec[] = [
  {
    name: 'kl-decomposition-n4',
    description:
      'n = 4, C = {1, 2}, W = {3, 4}: KL(p||pi*) = kl(pC||sC) + pC KL(p(.|C)||q(.|C)) + pW KL(p(.|W)||q(.|W))',
    lhs: 'p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3) + p4*log(p4/s4)',
    rhs: `${bernoulliN4} + pC*(${classKl('C', 1, 2)}) + pW*(${classKl('W', 3, 4)})`,
    variables: decompositionVariables,
    // pi = p from weights u, with class masses pC, pW
    substitutions: { ...referenceAndOptimum, ...normalizedN4('p', 'u', 'U') },
  },
  {
    name: 'kl-decomposition-n3',
    description:
      'n = 3, C = {1}, W = {2, 3}: KL(p||pi*) = kl(p1||s1) + pW KL(p(.|W)||q(.|W)) ' +
      '(the correct class is a single response)',
    lhs: 'p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3)',
    rhs: `p1*log(p1/s1) + pW*log(pW/sW) + pW*(${classKl('W', 2, 3)})`,
    variables: {
      ...variables('positive', 'beta', 'Z'),
      ...variables('probability', 'p1', 'p2', 'p3', 'q1', 'q2', 'q3', 'pW', 'qW', 's1', 's2', 's3', 'sW'),
    },
    substitutions: {
      p3: '1 - p1 - p2',
      q3: '1 - q1 - q2',
      pW: 'p2 + p3',
      qW: 'q2 + q3',
      Z: 'qW + q1*exp(1/beta)',
      ...optimumSymbols([1, 2, 3, 'W'], [1]),
    },
  },
  {
    name: 'tilt-gap-n4',
    description: 'n = 4, C = {1, 2}, pi = q tilted by a on C and b on W: J(pi*) - J(pi) = beta kl(pC||sC)',
    lhs: `${objectiveN4('s', 'sC')} - ${objectiveN4('p', 'pC')}`,
    rhs: `beta*(${bernoulliN4})`,
    variables: { ...decompositionVariables, ...variables('positive', 'a', 'b', 'N') },
    substitutions: {
      ...referenceAndOptimum,
      N: 'a*qC + b*qW',
      ...Object.fromEntries([1, 2, 3, 4].map((y) => [`p${y}`, `${y <= 2 ? 'a' : 'b'}*q${y}/N`])),
      pC: 'a*qC/N',
      pW: 'b*qW/N',
    },
  },
];

// ---------------------------------------------------------------- properties

/**
 * KL(pi||pi*) = kl(p_pi||p*) + p_pi KL_C + (1 - p_pi) KL_W at every prompt (to 30 digits); false with the
 * Bernoulli KL `reversed` (then +infinity where p_pi is 0 or 1 but p* is not) or `withoutFactor` p_pi.
 */
function decomposition(
  variant: { reversed?: boolean; withoutFactor?: boolean },
  arbitrary: fc.Arbitrary<RlvrPolicyInstance>,
  text?: string,
): RlvrParts {
  const { reversed = false, withoutFactor = false } = variant;
  const head = `${reversed ? 'kl(p*||p_pi)' : 'kl(p_pi||p*)'} + ${withoutFactor ? '' : 'p_pi '}KL_C + `;
  const decided = `KL(pi||pi*) = ${head}(1 - p_pi) KL_W`;
  const sides = (x: number) => [`KL(pi||pi*) at prompt ${x}`, `${head}(1-p_pi) KL_W at prompt ${x}`] as const;
  const claim = text ?? decided;
  return {
    claim,
    arbitrary,
    check: (instance) => {
      const infinite = reversed ? reversedBernoulliInfiniteAt(instance) : -1;
      if (infinite >= 0) {
        const ar = intervalArithmetic(40);
        const [lhs, rhsAt] = sides(infinite);
        return fail(`KL(pi||pi*) is finite but kl(p*||p_pi) = +infinity at prompt ${infinite}`, {
          [lhs]: ar.toNumberObject(promptParts(ar, instance)[infinite]!.klToOptimum),
          [rhsAt]: '+Infinity',
        });
      }
      return decideComparisons(decided, (ar) =>
        promptParts(ar, instance).map((d, x): Comparison => {
          const bernoulli = reversed ? d.reversedBernoulli! : d.bernoulli;
          return {
            relation: 'equal',
            lhs: d.klToOptimum,
            rhs: ar.add(ar.add(bernoulli, withoutFactor ? d.correctKl : d.correctTerm), d.wrongTerm),
            names: sides(x),
          };
        }),
      );
    },
    certify: (instance) =>
      decompositionClaim(instance, `${claim} for every prompt`, { reversed, accuracyFactor: !withoutFactor }),
  };
}

/** J(pi*) - J(pi) = beta E_x kl(p_pi||p*) (to 30 digits) `scope`; false for non-tilts, or without the factor beta. */
function gapEquality(withBeta: boolean, scope: string, arbitrary: fc.Arbitrary<RlvrPolicyInstance>): RlvrParts {
  const text = `J(pi*) - J(pi) = ${withBeta ? 'beta ' : ''}E_x kl(p_pi||p*)`;
  return {
    claim: `${text} ${scope}`,
    arbitrary,
    check: gapEquals(withBeta),
    certify: (instance) => gapClaim(instance, text, eq30(gapExpr(), bernoulliGapExpr(withBeta))),
  };
}

const DECOMPOSITION = 'KL(pi||pi*) = kl(p_pi||p*) + p_pi KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL(pi(.|W)||q(.|W))';
const BOUND = 'J(pi*) - J(pi) = beta E_x kl(p_pi||p*)';

const properties = [
  rlvr.property('kl-decomposition', {
    ...decomposition({}, everyPolicy, DECOMPOSITION),
    claim: `${DECOMPOSITION} for every prompt (equal to 30 digits)`,
    precision: EQUALITY_PRECISION,
  }),
  rlvr.property('gap-lower-bound', {
    claim:
      "J(pi*) - J(pi) >= beta E_x kl(p_pi||p*): equal (to 30 digits, conditionals exactly q's) " +
      'when pi is a tilt of q, strictly greater (decided) otherwise',
    arbitrary: everyPolicy,
    check: (instance) => {
      if (everyPolicyIsTilt(instance)) {
        if (conditionalMismatch(instance) !== undefined)
          throw new Error('isTilt and the conditional laws disagree (a bug of the tilt test)');
        return gapEquals(true, ' for a tilt pi')(instance);
      }
      return decideComparisons('J(pi*) - J(pi) > beta E_x kl(p_pi||p*) for pi not a tilt', (ar) => {
        const { gap, bernoulliGap } = gapSides(ar, instance);
        return [{ relation: 'less', lhs: bernoulliGap, rhs: gap, names: ['beta E_x kl(p_pi||p*)', 'J(pi*) - J(pi)'] }];
      });
    },
    certify: (instance) => {
      const [gap, bound] = [gapExpr(), bernoulliGapExpr()];
      const text = `${BOUND} when pi is a tilt of q at every prompt, J(pi*) - J(pi) > beta E_x kl(p_pi||p*) otherwise`;
      const assert = and(implies(everyPolicyTilts, eq30(gap, bound)), implies(not(everyPolicyTilts), gt(gap, bound)));
      return gapClaim(instance, text, assert, true);
    },
    precision: EQUALITY_PRECISION,
  }),
  rlvr.property('tilt-equality', {
    claim: `for pi a tilt of q: pi(.|C) = q(.|C), pi(.|W) = q(.|W) (exact) and ${BOUND} (equal to 30 digits)`,
    arbitrary: tilts,
    check: (instance) => {
      const numeric = gapEquals(true)(instance);
      if (numeric.status !== 'pass') return numeric;
      // The equality to 30 digits is exact when the conditional terms vanish exactly; otherwise some
      // conditional KL is > 0, so by the decomposition the gap exceeds beta E_x kl: the equality fails.
      const mismatch = conditionalMismatch(instance);
      if (mismatch === undefined) return numeric;
      const { cls, prompt } = mismatch;
      const claim =
        `pi(.|${cls}) != q(.|${cls}) exactly at prompt ${prompt}, ` +
        'so J(pi*) - J(pi) > beta E_x kl(p_pi||p*) by the decomposition';
      return fail(claim, exactValues([`pi(y|${cls})`, `q(y|${cls})`], mismatch.pi, mismatch.q));
    },
    certify: (instance) => {
      const text = `${BOUND}, and pi(.|C) = q(.|C), pi(.|W) = q(.|W) at every prompt`;
      return gapClaim(instance, text, and(eq30(gapExpr(), bernoulliGapExpr()), everyPolicyTilts), true);
    },
    precision: EQUALITY_PRECISION,
  }),
  rlvr.property('optimal-conditionals', {
    claim: 'pi*(.|C) = q(.|C) and pi*(.|W) = q(.|W) (exact, E = e^{1/beta} rational)',
    arbitrary: rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp' }),
    mode: 'exact',
    check: optimalConditionalsHold,
    certify: optimalConditionalsClaim,
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  rlvr.mutant(
    'bernoulli-kl-reversed',
    decomposition({ reversed: true }, everyPolicy),
    'Bernoulli KL arguments reversed',
  ),
  rlvr.mutant(
    'missing-accuracy-factor',
    decomposition(
      { withoutFactor: true },
      rlvrPolicyInstance({ kinds: ['any', 'nonTilt'] }),
      'KL(pi||pi*) = kl(p_pi||p*) + KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL_W',
    ),
    'factor p_pi missing',
  ),
  rlvr.mutant(
    'equality-for-non-tilts',
    gapEquality(true, 'for every pi', nonTilts),
    'inequality turned into an equality',
  ),
  rlvr.mutant('beta-dropped', gapEquality(false, 'for a tilt pi', tilts), 'factor beta dropped'),
];

// ---------------------------------------------------------------- slots (assume)

const tiltFamilies = rlvrEveryPolicyFamilies(['reference', 'tilt']);

/** The gap's excess over beta E_x kl(p_pi || p*) on the tilt-equality instances with the replaced slots. */
function degreesFor(overrides: SlotOverrides): DegreeSpec<RlvrPolicyInstance>[] {
  if (!touches(overrides, ['start'])) return [];
  const arbitrary = realizeFamilies(tiltFamilies, overrides);
  return arbitrary === undefined ? [] : [gapExcessDegree([{ label: overridesLabel(overrides), arbitrary }])];
}

const [klDecomposition, gapLowerBound, tiltEquality, optimalConditionals] = properties;

const laboratory = slotLaboratory(
  [
    drawnFrom(klDecomposition!, rlvrEveryPolicyFamilies()),
    drawnFrom(gapLowerBound!, rlvrEveryPolicyFamilies()),
    // "equality iff pi is a tilt": with pi replaced, the equality is checked where pi is a tilt (the implication it is)
    drawnFrom(tiltEquality!, tiltFamilies, {
      text: 'pi is a tilt of q at every prompt',
      slots: ['start'],
      holds: everyPolicyIsTilt,
    }),
    drawnFrom(optimalConditionals!, [rlvrPolicyFamily({ temperature: 'exp' })]),
  ],
  degreesFor,
);

export const T7: Theorem = theoremModule(
  { id: 'T7', title: 'Bernoulli KL decomposition of the suboptimality gap', statement, source },
  { assumptions, identities, properties, mutants, ...laboratory },
);
