/**
 * T1: the Gibbs variational identity, the closed form pi* of the optimal
 * KL-regularized policy (an energy-based model) and its value
 * (docs/catalogue.md#t1; the claim itself is `statement` below).
 *
 * Main definitions
 * - `T1`: the theorem module; its instances are `GibbsInstance`s
 *   (support/gibbsInstances.ts): q, r (values or weights w = exp(r/beta)),
 *   beta and a law pi.
 * - `gibbsIdentityDefect`: |LHS - RHS| of the identity, the degree of
 *   failure of `policy-sums-to-one`.
 *
 * Main statements
 * - Identities (n = 3, certified): the identity on the simplex; its residual
 *   off the simplex, beta log Z (p1 + p2 + p3 - 1); J(pi*) = beta log Z.
 * - Properties: `gibbs-identity`, `pi-star-maximizes`, `max-value`. Mutants:
 *   the identity with the KL reversed or without beta (template
 *   `gibbsIdentity`), q left out of Z (template `maxValue`), q the maximizer.
 * - Assumptions: `support-within-reference` (not needed: off it both sides
 *   are -infinity), `policy-sums-to-one` (needed by the identity),
 *   `beta-positive` (needed by the maximizer: for beta < 0, pi* minimizes J).
 * - Slots (`assume`): q a row of the reference slot and r the same row of
 *   the reward built from the potential, interaction and reward slots; beta.
 *
 * Implementation details
 * Equalities hold to 30 digits (`decideComparisons`: the enclosure of
 * LHS - RHS contains 0 and is narrower than 10^-30, 40 digits doubled up to
 * 640) and fail only when it excludes 0. J, KL and pi* come from the engine
 * (`kl`, `optimalPolicy`), never from the closed form checked. "pi != pi*" is
 * decided exactly where pi* is rational; where it is not, no rational pi is
 * pi*, and J(pi) < J(pi*) is decided by separated enclosures. Off supp q
 * (decided exactly) KL(pi || q) = KL(pi || pi*) = +infinity. Certificate
 * claims (support/gibbsClaims.ts) restate each claim over q, pi, beta and r
 * or w, deciding "pi != pi*" as the check does.
 */
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../src/arith/interval.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { equalVectors } from '../src/arith/rationalVector.js';
import { all, and, eq30, gt, implies, klDivergence, le, log, lt } from '../src/certificate/build.js';
import { mul, not, num, ref, sub, sum } from '../src/certificate/build.js';
import type { BoolExpr, NumExpr } from '../src/certificate/format.js';
import { kl } from '../src/info/divergences.js';
import { decideComparisons } from '../src/runner/decideComparisons.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import { drawnFrom, slotLaboratory, specs, theoremModule, variables } from '../src/runner/kit/index.js';
import type { Predicate, SpecParts } from '../src/runner/kit/index.js';
import { fail, pass, type IdentitySpec, type Theorem, type Verdict } from '../src/runner/theorem.js';
import { energyWeights } from '../properties/index.js';
import { describeGibbs, exactGibbsOptimum, gibbs, gibbsFamily } from './support/gibbsInstances.js';
import { gibbsInstance, leavesSupport, objective } from './support/gibbsInstances.js';
import type { Gibbs, GibbsInstance, GibbsPolicyKind } from './support/gibbsInstances.js';
import { differ, gibbsClaim, objectiveOf, withinSupport } from './support/gibbsClaims.js';
import { EBM_SENTENCE } from './support/abstract.js';

// ---------------------------------------------------------------- statement

const statement = {
  text:
    'For every distribution pi(.|x) with supp pi within supp q(.|x): ' +
    'J_x(pi) = E_pi r - beta KL(pi || q) = beta log Z(x) - beta KL(pi || pi*), ' +
    'where pi*(y|x) = q(y|x) exp(r(x,y)/beta) / Z(x) and Z(x) = sum_y q(y|x) exp(r(x,y)/beta). ' +
    'Hence pi* is the unique maximizer of J_x and max J_x = beta log Z(x).',
  latex:
    'J_x(\\pi) = \\mathbb{E}_{y\\sim\\pi}[r(x,y)] - \\beta\\,\\mathrm{KL}(\\pi\\,\\|\\,q) ' +
    '= \\beta\\log Z(x) - \\beta\\,\\mathrm{KL}(\\pi\\,\\|\\,\\pi^*),\\quad ' +
    '\\pi^*(y|x) = \\frac{q(y|x)\\,e^{r(x,y)/\\beta}}{Z(x)},\\quad \\arg\\max_\\pi J_x = \\pi^*,\\quad ' +
    '\\max_\\pi J_x = \\beta\\log Z(x)',
};

const source = EBM_SENTENCE;

// ---------------------------------------------------------------- instances and checks

type Parts = SpecParts<GibbsInstance, Predicate<GibbsInstance>>;
const gibbsSpecs = specs<GibbsInstance>({ mode: 'interval', describe: describeGibbs });

const onSupportKinds: GibbsPolicyKind[] = ['random', 'reference', 'optimal', 'nearOptimal'];
const onSupport = gibbsInstance({ kinds: onSupportKinds });
const unnormalized = gibbsInstance({ kinds: ['unnormalized'] });

/** The term beta KL(pi || pi*) of the identity (or a mutant's), with the runs it decides without intervals. */
interface KlTerm {
  readonly text: string;
  readonly of: (ar: IntervalArithmetic, g: Gibbs<Interval>) => Interval;
  readonly expr: NumExpr;
  /** The verdict where the term is infinite, decided exactly (undefined: decide in intervals). */
  readonly infinite?: (instance: GibbsInstance) => Verdict | undefined;
  /** The certificate claim's condition and its words. */
  readonly condition?: { readonly text: string; readonly holds: (identity: BoolExpr) => BoolExpr };
}

/** beta log Z - term. */
const gibbsRhs = (ar: IntervalArithmetic, g: Gibbs<Interval>, term: KlTerm): Interval =>
  ar.sub(ar.mul(g.beta, ar.log(g.Z)), term.of(ar, g));

/** J(pi) < J(pi*) (strictly), or J(pi) <= J(q), decided in intervals. */
function objectiveBelow(instance: GibbsInstance, law: 'piStar' | 'q', claim: string): Verdict {
  return decideComparisons(claim, (ar) => {
    const g = gibbs(ar, instance);
    const [relation, name] = law === 'piStar' ? (['less', 'J(pi*)'] as const) : (['atMost', 'J(q)'] as const);
    return [{ relation, lhs: objective(ar, g, g.pi), rhs: objective(ar, g, g[law]), names: ['J(pi)', name] }];
  });
}

/** |LHS - RHS| of the Gibbs identity (zero on the simplex), enclosed at 40 digits. */
export function gibbsIdentityDefect(instance: GibbsInstance): NumberObject {
  const ar = intervalArithmetic(40);
  const g = gibbs(ar, instance);
  return ar.toNumberObject(ar.abs(ar.sub(objective(ar, g, g.pi), gibbsRhs(ar, g, BETA_KL))));
}

// ---------------------------------------------------------------- assumptions

const assumptions = [
  gibbsSpecs.assumption(
    'support-within-reference',
    'supp pi(.|x) within supp q(.|x). Not needed for the truth of the statement: off it KL(pi||q) = KL(pi||pi*) ' +
      '= +infinity, both sides are -infinity and pi* still maximizes; it keeps J(pi) finite.',
    {
      needed: false,
      violate: gibbsInstance({ kinds: ['offSupport'] }),
      properties: ['gibbs-identity', 'pi-star-maximizes'],
      formerNames: ['support'],
    },
  ),
  gibbsSpecs.assumption(
    'policy-sums-to-one',
    'pi(.|x) is a probability law (sum_y pi(y) = 1): the proof uses it; ' +
      'off the simplex LHS - RHS = beta log Z (sum pi - 1).',
    {
      needed: true,
      violate: unnormalized,
      properties: ['gibbs-identity'],
      degree: {
        name: 'gibbs-identity-defect',
        measure: '|J(pi) - (beta log Z - beta KL(pi || pi*))| = |beta log Z (sum pi - 1)|, enclosed at 40 digits',
        defect: gibbsIdentityDefect,
        levels: [{ label: 'pi = c nu, c != 1', arbitrary: unnormalized }],
      },
      formerNames: ['simplex'],
    },
  ),
  gibbsSpecs.assumption('beta-positive', 'beta > 0: for beta < 0 the identity still holds but pi* minimizes J.', {
    needed: true,
    violate: gibbsInstance({ kinds: ['random', 'reference', 'nearOptimal'], negativeBeta: true }),
    properties: ['pi-star-maximizes'],
  }),
];

// ---------------------------------------------------------------- identities

const VARIABLES = {
  ...variables('probability', 'p1', 'p2', 'p3'),
  ...variables('positive', 'q1', 'q2', 'q3'),
  ...variables('real', 'r1', 'r2', 'r3'),
  ...variables('positive', 'beta', 'Z'),
  ...variables('probability', 's1', 's2', 's3'),
};

/** Z and pi* = (s1, s2, s3) by definition. */
const OPTIMUM = {
  Z: 'q1*exp(r1/beta) + q2*exp(r2/beta) + q3*exp(r3/beta)',
  ...Object.fromEntries([1, 2, 3].map((y) => [`s${y}`, `q${y}*exp(r${y}/beta)/Z`])),
};
/** J(law) for n = 3. */
const sumN3 = (term: (y: number) => string) => [1, 2, 3].map(term).join(' + ');
const objectiveN3 = (law: string) =>
  `${sumN3((y) => `${law}${y}*r${y}`)} - beta*(${sumN3((y) => `${law}${y}*log(${law}${y}/q${y})`)})`;
const GIBBS_RHS = 'beta*log(Z) - beta*(p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3))';

const identities: IdentitySpec[] = [
  {
    name: 'gibbs-identity-n3',
    description: 'E_p r - beta KL(p||q) = beta log Z - beta KL(p||pi*) on the simplex, n = 3',
    lhs: objectiveN3('p'),
    rhs: GIBBS_RHS,
    variables: VARIABLES,
    substitutions: { ...OPTIMUM, p3: '1 - p1 - p2' },
  },
  {
    name: 'gibbs-residual-n3',
    description: 'off the simplex: LHS - RHS = beta log Z (p1 + p2 + p3 - 1), so the identity needs sum p = 1',
    lhs: objectiveN3('p'),
    rhs: `${GIBBS_RHS} + beta*log(Z)*(p1 + p2 + p3 - 1)`,
    variables: VARIABLES,
    substitutions: OPTIMUM,
  },
  {
    name: 'gibbs-max-value-n3',
    description: 'J(pi*) = beta log Z, n = 3',
    lhs: objectiveN3('s'),
    rhs: 'beta*log(Z)',
    variables: VARIABLES,
    substitutions: OPTIMUM,
  },
];

// ---------------------------------------------------------------- properties

/** beta KL(pi || pi*); off supp q both sides are -sign(beta) infinity: the identity holds in the extended reals. */
const BETA_KL: KlTerm = {
  text: 'beta KL(pi || pi*)',
  of: (ar, g) => ar.mul(g.beta, kl(ar, g.pi, g.piStar)),
  expr: mul(ref('beta'), klDivergence('pi', 'piStar', 'q')),
  infinite: (instance) => (leavesSupport(instance) ? pass(0) : undefined),
  condition: { text: ' when supp pi is within supp q', holds: (identity) => implies(withinSupport, identity) },
};

/**
 * The mutants' terms: KL(pi* || pi), infinite where pi(y) = 0 < q(y) (pi*(y) > 0 there: the right side is
 * -infinity, J(pi) finite); KL(pi || pi*) without beta.
 */
const REVERSED_KL: KlTerm = {
  text: 'beta KL(pi* || pi)',
  of: (ar, g) => ar.mul(g.beta, kl(ar, g.piStar, g.pi)),
  expr: mul(ref('beta'), klDivergence('piStar', 'pi', 'q')),
  infinite: (instance) => {
    if (!instance.pi.some((p, y) => p.n === 0n && instance.q[y]!.n !== 0n)) return undefined;
    const ar = intervalArithmetic(40);
    const g = gibbs(ar, instance);
    const values = { 'J(pi)': ar.toNumberObject(objective(ar, g, g.pi)), 'beta log Z - beta KL(pi*||pi)': '-Infinity' };
    return fail('J(pi) is finite but beta log Z - beta KL(pi* || pi) = -infinity', values);
  },
  condition: {
    text: ', KL(pi* || pi) finite',
    holds: (identity) =>
      and(all('y', 'q', implies(gt(ref('piStar', 'y'), num(0)), gt(ref('pi', 'y'), num(0)))), identity),
  },
};
const KL_WITHOUT_BETA: KlTerm = {
  text: 'KL(pi || pi*)',
  of: (ar, g) => kl(ar, g.pi, g.piStar),
  expr: klDivergence('pi', 'piStar', 'q'),
};

/** J(pi) = beta log Z - term (to 30 digits); true for beta KL(pi || pi*). */
function gibbsIdentity(term: KlTerm): Parts {
  const text = `J(pi) = beta log Z - ${term.text}`;
  const identity = eq30(objectiveOf('pi'), sub(mul(ref('beta'), log(ref('Z'))), term.expr));
  return {
    claim: text,
    arbitrary: onSupport,
    check: (instance) =>
      term.infinite?.(instance) ??
      decideComparisons(text, (ar) => {
        const g = gibbs(ar, instance);
        const names = ['J(pi)', `beta log Z - ${term.text.replace(/ \|\| /g, '||')}`] as const;
        return [{ relation: 'equal', lhs: objective(ar, g, g.pi), rhs: gibbsRhs(ar, g, term), names }];
      }),
    certify: (instance) =>
      gibbsClaim(instance, `${text}${term.condition?.text ?? ''}`, term.condition?.holds(identity) ?? identity),
  };
}

/** max J = J(pi*) = beta log Z (to 30 digits); false with q left out of Z. */
function maxValue(withReference: boolean): Parts {
  const [partition, name] = withReference ? ['Z', 'Z'] : ['sum_y exp(r(y)/beta)', 'sum exp(r/beta)'];
  const text = `J(pi*) = beta log ${partition}`;
  return {
    claim: `max J = ${text}`,
    arbitrary: onSupport,
    check: (instance) =>
      decideComparisons(text, (ar) => {
        const g = gibbs(ar, instance);
        const Z = withReference
          ? g.Z
          : energyWeights(ar, instance.reward, g.beta).reduce((acc, w) => ar.add(acc, w), ar.zero);
        const rhs = ar.mul(g.beta, ar.log(Z));
        return [{ relation: 'equal', lhs: objective(ar, g, g.piStar), rhs, names: ['J(pi*)', `beta log ${name}`] }];
      }),
    certify: (instance) => {
      const Z = withReference ? ref('Z') : sum('y', 'q', ref('w', 'y'));
      return gibbsClaim(instance, text, eq30(objectiveOf('piStar'), mul(ref('beta'), log(Z))));
    },
  };
}

const properties = [
  gibbsSpecs.property('gibbs-identity', {
    ...gibbsIdentity(BETA_KL),
    claim: 'J(pi) = E_pi r - beta KL(pi || q) equals beta log Z - beta KL(pi || pi*) (equal to 30 digits)',
    precision: EQUALITY_PRECISION,
  }),
  gibbsSpecs.property('pi-star-maximizes', {
    claim: 'J(pi) <= J(pi*), strictly when pi != pi* (pi* the unique maximizer)',
    arbitrary: onSupport,
    check: (instance) => {
      if (leavesSupport(instance)) {
        // J(pi) = -infinity for beta > 0 (strictly below the finite J(pi*)), +infinity for beta < 0.
        if (instance.beta.s > 0n) return pass(Number.POSITIVE_INFINITY);
        return fail('J(pi) = +infinity > J(pi*) (beta < 0 and pi leaves supp q)', { 'J(pi)': '+Infinity' });
      }
      const exact = exactGibbsOptimum(instance);
      if (exact !== undefined && equalVectors(instance.pi, exact)) return pass(0); // pi = pi*: equality, allowed
      return objectiveBelow(instance, 'piStar', 'J(pi) < J(pi*) for pi != pi*');
    },
    // J(pi) <= J(pi*) holds with equality at pi = pi*: what is checked is the strict inequality for pi != pi*.
    certify: (instance) => {
      const strict = implies(
        withinSupport,
        implies(differ('pi', 'piStar'), lt(objectiveOf('pi'), objectiveOf('piStar'))),
      );
      const text =
        'J(pi) < J(pi*) when pi != pi* (supp pi within supp q); off supp q, J(pi) = -infinity < J(pi*) iff beta > 0';
      return gibbsClaim(instance, text, and(strict, implies(not(withinSupport), gt(ref('beta'), num(0)))));
    },
  }),
  gibbsSpecs.property('max-value', {
    ...maxValue(true),
    claim: 'max J = J(pi*) = beta log Z (equal to 30 digits)',
    precision: EQUALITY_PRECISION,
  }),
];

// ---------------------------------------------------------------- mutants

const mutants = [
  gibbsSpecs.mutant('reversed-kl', gibbsIdentity(REVERSED_KL), 'KL arguments reversed'),
  gibbsSpecs.mutant('kl-without-beta', gibbsIdentity(KL_WITHOUT_BETA), 'factor beta dropped from the KL term'),
  gibbsSpecs.mutant(
    'reference-maximizes',
    {
      claim: 'J(pi) <= J(q) for every pi',
      arbitrary: onSupport,
      check: (instance) =>
        equalVectors(instance.pi, instance.q) ? pass(0) : objectiveBelow(instance, 'q', 'J(pi) <= J(q)'),
      // J(q) <= J(q) trivially: what is checked is J(pi) <= J(q) for pi != q.
      certify: (instance) =>
        gibbsClaim(
          instance,
          'J(pi) <= J(q) for pi != q',
          implies(differ('pi', 'q'), le(objectiveOf('pi'), objectiveOf('q'))),
        ),
    },
    'the reference, not pi*, is optimal',
  ),
  gibbsSpecs.mutant('partition-without-reference', maxValue(false), 'q left out of Z'),
];

// ---------------------------------------------------------------- slots (assume)

/** The same kinds from slots: exact optima need the weight form. */
const families = [
  gibbsFamily('any', 'weights', onSupportKinds),
  gibbsFamily('reversibleSparse', 'weights', onSupportKinds),
  gibbsFamily('any', 'values', ['random', 'reference']),
  gibbsFamily('reversibleSparse', 'values', ['random', 'reference']),
];

export const T1: Theorem = theoremModule(
  { id: 'T1', title: 'Gibbs variational identity (EBM closed form)', statement, source },
  {
    assumptions,
    identities,
    properties,
    mutants,
    ...slotLaboratory(properties.map((spec) => drawnFrom(spec, families))),
  },
);
