/**
 * T7, the Bernoulli KL decomposition of the suboptimality gap.
 *
 * With the notation of T6 (correct set C, wrong set W, p_pi = pi(C),
 * p* = pi*(C)), for every policy pi(.|x):
 *   KL(pi || pi*) = kl(p_pi || p*) + p_pi KL(pi(.|C) || q(.|C))
 *                   + (1 - p_pi) KL(pi(.|W) || q(.|W)),
 * hence, by T6, J(pi*) - J(pi) = beta E_x KL(pi || pi*) >= beta E_x kl(p_pi || p*),
 * with equality iff pi agrees with q inside C and inside W (pi is an
 * exponential tilt of q by r). (Claims from the paper's abstract, formalized.)
 * Proof: pi*(.|C) = q(.|C), pi*(.|W) = q(.|W) and pi*(C) = p*, then the chain
 * rule of KL over the partition {C, W}.
 *
 * Main definitions
 * - `T7`: the theorem module (instances and shared predicates:
 *   ./support/rlvrGibbs.ts).
 *
 * Main statements
 * - Identities (certified): the decomposition for n = 4 with C = {1, 2},
 *   W = {3, 4} and for n = 3 with C = {1}; the equality
 *   J(pi*) - J(pi) = beta kl(p_pi || p*) for a tilt pi, n = 4.
 * - Properties: `kl-decomposition`, `gap-lower-bound` (equality for tilts,
 *   strict for non-tilts, both decided), `tilt-equality`, and
 *   `optimal-conditionals` (exact).
 * - Assumption: pi is a tilt of q (needed for the equality only).
 *
 * Implementation details
 * Policies per prompt: q itself, tilts of q, random positive laws, non-tilts
 * (a tilt with one response of a two-member class rescaled), and the
 * class conditionals q(.|C), q(.|W) (tilts by eta = +-infinity, so p_pi is 0
 * or 1 and a term p_pi KL(pi(.|C) || q(.|C)) with p_pi = 0 is 0). Prompts of
 * every correct-set size (p0 in {0, 1} included: there pi* = q, p* = p0).
 * Every conditional law is an exact rational vector; "pi is a tilt" is decided
 * exactly (pi(y)/q(y) constant on C and on W). Equalities with logs hold "to
 * 30 digits" (the enclosure of the difference contains 0 and is narrower than
 * 10^-30; 40 digits, doubled up to 640 while undecided) and fail only when the
 * enclosure excludes 0. For a tilt the equality is also exact: its
 * conditionals are checked to equal q's exactly, so both conditional KL terms
 * are exactly 0 and the gap, beta E_x KL(pi || pi*) by T6, equals
 * beta E_x kl(p_pi || p*) by the decomposition. For a non-tilt some conditional KL is > 0 and the strict
 * inequality is decided by separated enclosures. J, KL and pi* come from the
 * engine (src/rlvr, src/info).
 * Certificate claims (`certify`): T6's definitions (support/rlvrGibbs.ts) and
 * the conditional laws. "pi is a tilt of q" is tiltDefect = 0, the squared
 * distance of pi(.|C), pi(.|W) to q(.|C), q(.|W): a rational, so decided
 * exactly even inside a claim with logs (rational parts stay exact there).
 */
import { intervalArithmetic, type Interval, type IntervalArithmetic } from '../src/arith/interval.js';
import { Rational } from '../src/arith/rational.js';
import { InfiniteDivergenceError, kl } from '../src/info/divergences.js';
import { fail, pass, type AssumptionSpec, type DegreeSpec, type IdentitySpec, type PropertySpec, type SlotOverrides, type Theorem } from '../src/runner/theorem.js';
import { add, all, and, div, eq, eq30, gt, ifThen, implies, mul, not, num, pow, ref, sub, sum } from '../src/certificate/build.js';
import type { CertifiedClaim } from '../src/certificate/evaluateClaim.js';
import type { BoolExpr, Definition, NumExpr } from '../src/certificate/format.js';
import {
  accuracy,
  bernoulliKlOf,
  betaOf,
  conditional,
  decideComparisons,
  describeRlvr,
  enclose,
  everyPrompt,
  exactOptimum,
  exactValues,
  expectation,
  isTiltPolicy,
  klToOptimum,
  objectiveDefs,
  optimumDefs,
  overPrompts,
  promptObjective,
  promptOptimum,
  rlvrClaim,
  rlvrEveryPolicyFamilies,
  rlvrPolicyFamily,
  rlvrPolicyInstance,
  rowKl,
  supported,
  temperatureDefs,
  type Comparison,
  type PolicyKind,
  type RlvrPolicyInstance,
} from './support/rlvrGibbs.js';
import type { NumberObject } from '../src/arith/numberObject.js';
import { EQUALITY_PRECISION } from '../src/runner/decideInIntervals.js';
import { realizeFamilies, slotLaboratory, touches } from './support/slotLab.js';

// ---------------------------------------------------------------- quantities

/** p KL(law || reference) over one class, with 0 for p = 0 (the conditional law then does not exist). */
function classTerm(ar: IntervalArithmetic, mass: Rational, law: Rational[] | undefined, reference: Rational[] | undefined): Interval {
  if (mass.n === 0n || law === undefined) return ar.zero;
  return ar.mul(ar.fromRational(mass), kl(ar, enclose(ar, law), enclose(ar, reference!)));
}

interface PromptParts {
  /** KL(pi || pi*) */
  klToOptimum: Interval;
  /** kl(p_pi || p*), and the mutant's kl(p* || p_pi) (+infinity as undefined) */
  bernoulli: Interval;
  reversedBernoulli: Interval | undefined;
  /** p_pi KL(pi(.|C) || q(.|C)) and (1 - p_pi) KL(pi(.|W) || q(.|W)) */
  correctTerm: Interval;
  wrongTerm: Interval;
  /** KL(pi(.|C) || q(.|C)) without its factor p_pi (0 when pi(C) = 0) */
  correctKl: Interval;
  /** J(pi*) - J(pi) */
  gap: Interval;
}

/** The pieces of T7 for every prompt, pi exact and pi*, J, KL by the engine. */
function parts(ar: IntervalArithmetic, instance: RlvrPolicyInstance): PromptParts[] {
  const beta = betaOf(ar, instance.temperature);
  return instance.prompts.map((p, i) => {
    const pi = instance.policies[i]!.pi;
    const prompt = supported(ar, p);
    const optimum = promptOptimum(ar, prompt, beta);
    const [pC, pW] = accuracy(pi, p.correct);
    const accuracyLaw = enclose(ar, [pC, pW]);
    const optimumLaw = [optimum.pStar, optimum.pStarWrong];
    let reversedBernoulli: Interval | undefined;
    try {
      reversedBernoulli = kl(ar, optimumLaw, accuracyLaw);
    } catch (error) {
      if (!(error instanceof InfiniteDivergenceError)) throw error;
    }
    const piC = conditional(pi, p.correct, true);
    const piW = conditional(pi, p.correct, false);
    const qC = conditional(p.reference, p.correct, true);
    const qW = conditional(p.reference, p.correct, false);
    const degenerate = prompt.regime !== 'interior';
    const optimalValue = promptObjective(ar, optimum.policy, prompt, beta, degenerate);
    return {
      klToOptimum: klToOptimum(ar, pi, optimum),
      bernoulli: kl(ar, accuracyLaw, optimumLaw),
      reversedBernoulli,
      correctTerm: classTerm(ar, pC, piC, qC),
      wrongTerm: classTerm(ar, pW, piW, qW),
      correctKl: classTerm(ar, new Rational(1n), piC, qC),
      gap: ar.sub(optimalValue, promptObjective(ar, enclose(ar, pi), prompt, beta)),
    };
  });
}

/** J(pi*) - J(pi) and beta E_x kl(p_pi || p*) (or E_x kl without beta). */
function gapSides(ar: IntervalArithmetic, instance: RlvrPolicyInstance, withBeta = true): { gap: Interval; bernoulliGap: Interval } {
  const all = parts(ar, instance);
  const gap = expectation(ar, instance.prompts, all.map((d) => d.gap));
  const expectedKl = expectation(ar, instance.prompts, all.map((d) => d.bernoulli));
  return { gap, bernoulliGap: withBeta ? ar.mul(betaOf(ar, instance.temperature), expectedKl) : expectedKl };
}

/** Every prompt's pi agrees with q inside C and inside W, exactly. */
function everyPolicyIsTilt(instance: RlvrPolicyInstance): boolean {
  return instance.prompts.every((p, i) => isTiltPolicy(instance.policies[i]!.pi, p));
}

interface Mismatch {
  prompt: number;
  cls: 'C' | 'W';
  pi: Rational;
  q: Rational;
}

/** The first response where pi(.|C) != q(.|C) or pi(.|W) != q(.|W) (classes with mass under pi), decided exactly; undefined when none. */
function conditionalMismatch(instance: RlvrPolicyInstance): Mismatch | undefined {
  for (const [x, p] of instance.prompts.entries()) {
    for (const cls of [true, false]) {
      const law = conditional(instance.policies[x]!.pi, p.correct, cls);
      if (law === undefined) continue;
      const reference = conditional(p.reference, p.correct, cls)!;
      const y = law.findIndex((v, k) => !v.equals(reference[k]!));
      if (y >= 0) return { prompt: x, cls: cls ? 'C' : 'W', pi: law[y]!, q: reference[y]! };
    }
  }
  return undefined;
}

const GAP_NAMES = ['J(pi*) - J(pi)', 'beta E_x kl(p_pi||p*)'] as const;

// ---------------------------------------------------------------- certificate claims

/** The two classes: C (r = 1) and W (r = 0), with the names of their masses under q, pi and pi*. */
const CLASSES = [
  { name: 'C', indicator: (): NumExpr => ref('r', 'x', 'y'), q: 'p0', pi: 'pPi', piStar: 'pStar' },
  { name: 'W', indicator: (): NumExpr => sub(num(1), ref('r', 'x', 'y')), q: 'w0', pi: 'wPi', piStar: 'wStar' },
] as const;
type ClassInfo = (typeof CLASSES)[number];

/**
 * law(.|class) at (x, y): law(x, y) [y in class] / law(class|x). Used only where law(class|x) > 0
 * (definitions are evaluated when referenced).
 */
const conditionalDef = (law: 'q' | 'pi' | 'piStar', cls: ClassInfo): Definition => ({
  index: ['x', 'y'],
  body: div(mul(ref(law, 'x', 'y'), cls.indicator()), ref(cls[law], 'x')),
});

/**
 * T7's definitions on top of T6's (temperature, optimum, objective): the conditional laws pi(.|C), q(.|C),
 * pi(.|W), q(.|W), and either (`kl`) klC(x) = KL(pi(.|C) || q(.|C)) and klW(x), each 0 when pi gives the class
 * no mass (it then carries the factor pi(class) = 0), or (`tiltDefect`) tiltDefect(x) = the sum over classes
 * with pi-mass of ||pi(.|class) - q(.|class)||^2, 0 exactly when pi agrees with q inside C and inside W (pi is
 * a tilt of q).
 */
function classDefs(instance: RlvrPolicyInstance, uses: 'kl' | 'tiltDefect'): Record<string, Definition> {
  const n = instance.responses;
  const defs: Record<string, Definition> = { ...temperatureDefs(instance), ...optimumDefs(instance), ...objectiveDefs(instance) };
  const onMass = (cls: ClassInfo, value: NumExpr): NumExpr => ifThen(gt(ref(cls.pi, 'x'), num(0)), value, num(0));
  const defect: NumExpr[] = [];
  for (const cls of CLASSES) {
    const [piGiven, qGiven] = [`piGiven${cls.name}`, `qGiven${cls.name}`];
    defs[piGiven] = conditionalDef('pi', cls);
    defs[qGiven] = conditionalDef('q', cls);
    if (uses === 'kl') defs[`kl${cls.name}`] = { index: ['x'], body: onMass(cls, rowKl(piGiven, qGiven, n)) };
    else defect.push(onMass(cls, sum('y', n, pow(sub(ref(piGiven, 'x', 'y'), ref(qGiven, 'x', 'y')), 2))));
  }
  if (uses === 'tiltDefect') defs.tiltDefect = { index: ['x'], body: add(...defect) };
  return defs;
}

/**
 * For every prompt, KL(pi || pi*) = bernoulli + factor_C klC + (1 - p_pi) klW (to 30 digits): bernoulli is
 * kl(p_pi || p*) (or the mutant's kl(p* || p_pi)), factor_C is p_pi (or the mutant's 1).
 */
function decompositionClaim(instance: RlvrPolicyInstance, text: string, options: { reversed?: boolean; accuracyFactor?: boolean } = {}): CertifiedClaim {
  const bernoulli = options.reversed ? bernoulliKlOf('piStar', 'pi') : bernoulliKlOf('pi', 'piStar');
  const correctTerm = options.accuracyFactor === false ? ref('klC', 'x') : mul(ref('pPi', 'x'), ref('klC', 'x'));
  const rhs = add(bernoulli, correctTerm, mul(ref('wPi', 'x'), ref('klW', 'x')));
  const identity = everyPrompt(eq30(rowKl('pi', 'piStar', instance.responses), rhs));
  // kl(p* || p_pi) is finite only when p_pi > 0 on each class where p* > 0: otherwise the right side is +infinity.
  const finite = everyPrompt(and(implies(gt(ref('pStar', 'x'), num(0)), gt(ref('pPi', 'x'), num(0))), implies(gt(ref('wStar', 'x'), num(0)), gt(ref('wPi', 'x'), num(0)))));
  return rlvrClaim(instance, true, text, classDefs(instance, 'kl'), options.reversed ? and(finite, identity) : identity);
}

/** J(pi*) - J(pi) and beta E_x kl(p_pi || p*) (without beta for the mutant). */
const gap = (): NumExpr => sub(ref('JStar'), ref('J'));
const bernoulliGap = (withBeta = true): NumExpr => {
  const expected = overPrompts(bernoulliKlOf('pi', 'piStar'));
  return withBeta ? mul(ref('beta'), expected) : expected;
};

/** pi is a tilt of q at every prompt: its conditional laws on C and W are q's (to 30 digits; see the module comment). */
const everyPolicyTilts: BoolExpr = everyPrompt(eq(ref('tiltDefect', 'x'), num(0)));

/**
 * For every prompt and class: pi*(class) > 0 exactly when q(class) > 0, and then pi*(.|class) = q(.|class),
 * exactly (E = e^{1/beta} given, so pi* is rational).
 */
function optimalConditionalsClaim(instance: RlvrPolicyInstance): CertifiedClaim {
  const defs: Record<string, Definition> = optimumDefs(instance);
  const perClass = CLASSES.map((cls) => {
    const [starGiven, qGiven] = [`piStarGiven${cls.name}`, `qGiven${cls.name}`];
    defs[starGiven] = conditionalDef('piStar', cls);
    defs[qGiven] = conditionalDef('q', cls);
    const [starMass, qMass] = [gt(ref(cls.piStar, 'x'), num(0)), gt(ref(cls.q, 'x'), num(0))];
    return and(implies(starMass, qMass), implies(qMass, starMass), implies(qMass, all('y', instance.responses, eq(ref(starGiven, 'x', 'y'), ref(qGiven, 'x', 'y')))));
  });
  return rlvrClaim(instance, false, 'pi*(.|C) = q(.|C) and pi*(.|W) = q(.|W) for every prompt (E = e^{1/beta})', defs, everyPrompt(and(...perClass)));
}

/** A claim on the gap; `tilt`: it also reads tiltDefect. */
const gapClaim = (instance: RlvrPolicyInstance, text: string, assert: BoolExpr, tilt = false): CertifiedClaim =>
  rlvrClaim(instance, true, text, tilt ? classDefs(instance, 'tiltDefect') : { ...temperatureDefs(instance), ...optimumDefs(instance), ...objectiveDefs(instance) }, assert);

// ---------------------------------------------------------------- properties

const tiltKinds: PolicyKind[] = ['reference', 'tilt', 'classConditional'];

const klDecomposition: PropertySpec<RlvrPolicyInstance> = {
  name: 'kl-decomposition',
  claim: 'KL(pi||pi*) = kl(p_pi||p*) + p_pi KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL(pi(.|W)||q(.|W)) for every prompt (equal to 30 digits)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: rlvrPolicyInstance(),
  describe: describeRlvr,
  certify: (instance) => decompositionClaim(instance, 'KL(pi||pi*) = kl(p_pi||p*) + p_pi KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL(pi(.|W)||q(.|W)) for every prompt'),
  predicate: (instance) =>
    decideComparisons('KL(pi||pi*) = kl(p_pi||p*) + p_pi KL_C + (1 - p_pi) KL_W', (ar) =>
      parts(ar, instance).map((d, x): Comparison => ({
        relation: 'equal',
        lhs: d.klToOptimum,
        rhs: ar.add(ar.add(d.bernoulli, d.correctTerm), d.wrongTerm),
        names: [`KL(pi||pi*) at prompt ${x}`, `kl(p_pi||p*) + p_pi KL_C + (1-p_pi) KL_W at prompt ${x}`],
      })),
    ),
};

const gapLowerBound: PropertySpec<RlvrPolicyInstance> = {
  name: 'gap-lower-bound',
  claim: 'J(pi*) - J(pi) >= beta E_x kl(p_pi||p*): equal (to 30 digits, conditionals exactly q\'s) when pi is a tilt of q, strictly greater (decided) otherwise',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: rlvrPolicyInstance(),
  describe: describeRlvr,
  certify: (instance) =>
    gapClaim(
      instance,
      'J(pi*) - J(pi) = beta E_x kl(p_pi||p*) when pi is a tilt of q at every prompt, J(pi*) - J(pi) > beta E_x kl(p_pi||p*) otherwise',
      and(implies(everyPolicyTilts, eq30(gap(), bernoulliGap())), implies(not(everyPolicyTilts), gt(gap(), bernoulliGap()))),
      true,
    ),
  predicate: (instance) => {
    if (everyPolicyIsTilt(instance)) {
      if (conditionalMismatch(instance) !== undefined) {
        throw new Error('isTilt and the conditional laws disagree (a bug of the tilt test)');
      }
      return decideComparisons('J(pi*) - J(pi) = beta E_x kl(p_pi||p*) for a tilt pi', (ar) => {
        const { gap, bernoulliGap } = gapSides(ar, instance);
        return [{ relation: 'equal', lhs: gap, rhs: bernoulliGap, names: GAP_NAMES }];
      });
    }
    return decideComparisons('J(pi*) - J(pi) > beta E_x kl(p_pi||p*) for pi not a tilt', (ar) => {
      const { gap, bernoulliGap } = gapSides(ar, instance);
      return [{ relation: 'less', lhs: bernoulliGap, rhs: gap, names: [GAP_NAMES[1], GAP_NAMES[0]] }];
    });
  },
};

const tiltEquality: PropertySpec<RlvrPolicyInstance> = {
  name: 'tilt-equality',
  claim: 'for pi a tilt of q: pi(.|C) = q(.|C), pi(.|W) = q(.|W) (exact) and J(pi*) - J(pi) = beta E_x kl(p_pi||p*) (equal to 30 digits)',
  mode: 'interval',
  precision: EQUALITY_PRECISION,
  arbitrary: rlvrPolicyInstance({ kinds: tiltKinds }),
  describe: describeRlvr,
  certify: (instance) =>
    gapClaim(instance, 'J(pi*) - J(pi) = beta E_x kl(p_pi||p*), and pi(.|C) = q(.|C), pi(.|W) = q(.|W) at every prompt', and(eq30(gap(), bernoulliGap()), everyPolicyTilts), true),
  predicate: (instance) => {
    const numeric = decideComparisons('J(pi*) - J(pi) = beta E_x kl(p_pi||p*)', (ar) => {
      const { gap, bernoulliGap } = gapSides(ar, instance);
      return [{ relation: 'equal', lhs: gap, rhs: bernoulliGap, names: GAP_NAMES }];
    });
    if (numeric.status !== 'pass') return numeric;
    // The equality to 30 digits is exact when the conditional terms vanish exactly; otherwise some
    // conditional KL is > 0, so by the decomposition the gap exceeds beta E_x kl: the equality fails.
    const mismatch = conditionalMismatch(instance);
    if (mismatch === undefined) return numeric;
    return fail(
      `pi(.|${mismatch.cls}) != q(.|${mismatch.cls}) exactly at prompt ${mismatch.prompt}, so J(pi*) - J(pi) > beta E_x kl(p_pi||p*) by the decomposition`,
      exactValues([`pi(y|${mismatch.cls})`, `q(y|${mismatch.cls})`], mismatch.pi, mismatch.q),
    );
  },
};

const optimalConditionals: PropertySpec<RlvrPolicyInstance> = {
  name: 'optimal-conditionals',
  claim: 'pi*(.|C) = q(.|C) and pi*(.|W) = q(.|W) (exact, E = e^{1/beta} rational)',
  mode: 'exact',
  arbitrary: rlvrPolicyInstance({ kinds: ['reference'], temperature: 'exp' }),
  describe: describeRlvr,
  certify: (instance) => optimalConditionalsClaim(instance),
  predicate: (instance) => {
    const t = instance.temperature;
    if (t.form !== 'exp') throw new Error('optimal-conditionals needs the temperature as E = e^{1/beta}');
    for (const [x, p] of instance.prompts.entries()) {
      const { policy } = exactOptimum(p, t.E);
      for (const cls of [true, false]) {
        const optimal = conditional(policy, p.correct, cls);
        const reference = conditional(p.reference, p.correct, cls);
        if ((optimal === undefined) !== (reference === undefined)) return fail(`pi* and q differ in support on ${cls ? 'C' : 'W'} at prompt ${x}`);
        if (optimal === undefined) continue;
        const y = optimal.findIndex((v, k) => !v.equals(reference![k]!));
        if (y >= 0) return fail(`pi*(.|${cls ? 'C' : 'W'}) != q(.|${cls ? 'C' : 'W'}) at prompt ${x}`, exactValues(['pi*(y|class)', 'q(y|class)'], optimal[y]!, reference![y]!));
      }
    }
    return pass(0);
  },
};

// ---------------------------------------------------------------- mutants

const bernoulliKlReversed: PropertySpec<RlvrPolicyInstance> = {
  name: 'bernoulli-kl-reversed',
  claim: 'KL(pi||pi*) = kl(p*||p_pi) + p_pi KL_C + (1 - p_pi) KL_W (Bernoulli KL arguments reversed)',
  mode: 'interval',
  arbitrary: rlvrPolicyInstance(),
  describe: describeRlvr,
  certify: (instance) => decompositionClaim(instance, 'KL(pi||pi*) = kl(p*||p_pi) + p_pi KL_C + (1 - p_pi) KL_W for every prompt', { reversed: true }),
  predicate: (instance) => {
    // p_pi in {0, 1} with 0 < p* < 1 (decided exactly: p* is interior iff p0 is): kl(p*||p_pi) = +infinity.
    const infinite = instance.prompts.findIndex((p, i) => {
      const [pC, pW] = accuracy(instance.policies[i]!.pi, p.correct);
      return (pC.n === 0n || pW.n === 0n) && p.p0.n !== 0n && !p.p0.equals(new Rational(1n));
    });
    if (infinite >= 0) {
      const ar = intervalArithmetic(40);
      return fail(`KL(pi||pi*) is finite but kl(p*||p_pi) = +infinity at prompt ${infinite}`, {
        [`KL(pi||pi*) at prompt ${infinite}`]: ar.toNumberObject(parts(ar, instance)[infinite]!.klToOptimum),
        [`kl(p*||p_pi) + p_pi KL_C + (1-p_pi) KL_W at prompt ${infinite}`]: '+Infinity',
      });
    }
    return decideComparisons('KL(pi||pi*) = kl(p*||p_pi) + p_pi KL_C + (1 - p_pi) KL_W', (ar) =>
      parts(ar, instance).map((d, x): Comparison => ({
        relation: 'equal',
        lhs: d.klToOptimum,
        rhs: ar.add(ar.add(d.reversedBernoulli!, d.correctTerm), d.wrongTerm),
        names: [`KL(pi||pi*) at prompt ${x}`, `kl(p*||p_pi) + p_pi KL_C + (1-p_pi) KL_W at prompt ${x}`],
      })),
    );
  },
};

const missingAccuracyFactor: PropertySpec<RlvrPolicyInstance> = {
  name: 'missing-accuracy-factor',
  claim: 'KL(pi||pi*) = kl(p_pi||p*) + KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL_W (factor p_pi missing)',
  mode: 'interval',
  arbitrary: rlvrPolicyInstance({ kinds: ['any', 'nonTilt'] }),
  describe: describeRlvr,
  certify: (instance) => decompositionClaim(instance, 'KL(pi||pi*) = kl(p_pi||p*) + KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL_W for every prompt', { accuracyFactor: false }),
  predicate: (instance) =>
    decideComparisons('KL(pi||pi*) = kl(p_pi||p*) + KL_C + (1 - p_pi) KL_W', (ar) =>
      parts(ar, instance).map((d, x): Comparison => ({
        relation: 'equal',
        lhs: d.klToOptimum,
        rhs: ar.add(ar.add(d.bernoulli, d.correctKl), d.wrongTerm),
        names: [`KL(pi||pi*) at prompt ${x}`, `kl(p_pi||p*) + KL_C + (1-p_pi) KL_W at prompt ${x}`],
      })),
    ),
};

const equalityForNonTilts: PropertySpec<RlvrPolicyInstance> = {
  name: 'equality-for-non-tilts',
  claim: 'J(pi*) - J(pi) = beta E_x kl(p_pi||p*) for every pi (inequality turned into an equality)',
  mode: 'interval',
  arbitrary: rlvrPolicyInstance({ kinds: ['nonTilt'] }),
  describe: describeRlvr,
  certify: (instance) => gapClaim(instance, 'J(pi*) - J(pi) = beta E_x kl(p_pi||p*)', eq30(gap(), bernoulliGap())),
  predicate: (instance) =>
    decideComparisons('J(pi*) - J(pi) = beta E_x kl(p_pi||p*)', (ar) => {
      const { gap, bernoulliGap } = gapSides(ar, instance);
      return [{ relation: 'equal', lhs: gap, rhs: bernoulliGap, names: GAP_NAMES }];
    }),
};

const betaDropped: PropertySpec<RlvrPolicyInstance> = {
  name: 'beta-dropped',
  claim: 'J(pi*) - J(pi) = E_x kl(p_pi||p*) for a tilt pi (factor beta dropped)',
  mode: 'interval',
  arbitrary: rlvrPolicyInstance({ kinds: tiltKinds }),
  describe: describeRlvr,
  certify: (instance) => gapClaim(instance, 'J(pi*) - J(pi) = E_x kl(p_pi||p*)', eq30(gap(), bernoulliGap(false))),
  predicate: (instance) =>
    decideComparisons('J(pi*) - J(pi) = E_x kl(p_pi||p*)', (ar) => {
      const { gap, bernoulliGap } = gapSides(ar, instance, false);
      return [{ relation: 'equal', lhs: gap, rhs: bernoulliGap, names: ['J(pi*) - J(pi)', 'E_x kl(p_pi||p*)'] }];
    }),
};

// ---------------------------------------------------------------- identities

const decompositionVariables: IdentitySpec['variables'] = { beta: 'positive', Z: 'positive', U: 'positive', V: 'positive' };
for (const name of ['u1', 'u2', 'u3', 'u4', 'v1', 'v2', 'v3', 'v4']) decompositionVariables[name] = 'positive';
for (const name of ['p1', 'p2', 'p3', 'p4', 'q1', 'q2', 'q3', 'q4', 'pC', 'pW', 'qC', 'qW', 's1', 's2', 's3', 's4', 'sC', 'sW']) {
  decompositionVariables[name] = 'probability';
}

/** n = 4, C = {1, 2}, W = {3, 4}: q normalized from positive weights v (no rejection of sample points), pi* = s by definition. */
const referenceAndOptimum = {
  V: 'v1 + v2 + v3 + v4',
  q1: 'v1/V',
  q2: 'v2/V',
  q3: 'v3/V',
  q4: 'v4/V',
  qC: 'q1 + q2',
  qW: 'q3 + q4',
  Z: 'qW + qC*exp(1/beta)',
  s1: 'q1*exp(1/beta)/Z',
  s2: 'q2*exp(1/beta)/Z',
  s3: 'q3/Z',
  s4: 'q4/Z',
  sC: 'qC*exp(1/beta)/Z',
  sW: 'qW/Z',
};

/** ... and pi = p normalized from positive weights u, with class masses pC, pW. */
const decompositionSubstitutions = {
  ...referenceAndOptimum,
  U: 'u1 + u2 + u3 + u4',
  p1: 'u1/U',
  p2: 'u2/U',
  p3: 'u3/U',
  p4: 'u4/U',
  pC: 'p1 + p2',
  pW: 'p3 + p4',
};

const klToOptimumN4 = 'p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3) + p4*log(p4/s4)';
const bernoulliN4 = 'pC*log(pC/sC) + pW*log(pW/sW)';

const tiltVariables: IdentitySpec['variables'] = { ...decompositionVariables, a: 'positive', b: 'positive', N: 'positive' };

const identities: IdentitySpec[] = [
  {
    name: 'kl-decomposition-n4',
    description: 'n = 4, C = {1, 2}, W = {3, 4}: KL(p||pi*) = kl(pC||sC) + pC KL(p(.|C)||q(.|C)) + pW KL(p(.|W)||q(.|W))',
    lhs: klToOptimumN4,
    rhs:
      `${bernoulliN4} + pC*((p1/pC)*log((p1/pC)/(q1/qC)) + (p2/pC)*log((p2/pC)/(q2/qC)))` +
      ' + pW*((p3/pW)*log((p3/pW)/(q3/qW)) + (p4/pW)*log((p4/pW)/(q4/qW)))',
    variables: decompositionVariables,
    substitutions: decompositionSubstitutions,
  },
  {
    name: 'kl-decomposition-n3',
    description: 'n = 3, C = {1}, W = {2, 3}: KL(p||pi*) = kl(p1||s1) + pW KL(p(.|W)||q(.|W)) (the correct class is a single response)',
    lhs: 'p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3)',
    rhs: 'p1*log(p1/s1) + pW*log(pW/sW) + pW*((p2/pW)*log((p2/pW)/(q2/qW)) + (p3/pW)*log((p3/pW)/(q3/qW)))',
    variables: { beta: 'positive', Z: 'positive', p1: 'probability', p2: 'probability', p3: 'probability', q1: 'probability', q2: 'probability', q3: 'probability', pW: 'probability', qW: 'probability', s1: 'probability', s2: 'probability', s3: 'probability', sW: 'probability' },
    substitutions: { p3: '1 - p1 - p2', q3: '1 - q1 - q2', pW: 'p2 + p3', qW: 'q2 + q3', Z: 'qW + q1*exp(1/beta)', s1: 'q1*exp(1/beta)/Z', s2: 'q2/Z', s3: 'q3/Z', sW: 'qW/Z' },
  },
  {
    name: 'tilt-gap-n4',
    description: 'n = 4, C = {1, 2}, pi = q tilted by a on C and b on W: J(pi*) - J(pi) = beta kl(pC||sC)',
    lhs:
      '(sC - beta*(s1*log(s1/q1) + s2*log(s2/q2) + s3*log(s3/q3) + s4*log(s4/q4)))' +
      ' - (pC - beta*(p1*log(p1/q1) + p2*log(p2/q2) + p3*log(p3/q3) + p4*log(p4/q4)))',
    rhs: `beta*(${bernoulliN4})`,
    variables: tiltVariables,
    substitutions: {
      ...referenceAndOptimum,
      N: 'a*qC + b*qW',
      p1: 'a*q1/N',
      p2: 'a*q2/N',
      p3: 'b*q3/N',
      p4: 'b*q4/N',
      pC: 'a*qC/N',
      pW: 'b*qW/N',
    },
  },
];

// ---------------------------------------------------------------- degrees of failure

const GAP_EXCESS = '(J(pi*) - J(pi)) - beta E_x kl(p_pi || p*) = beta E_x[p_pi KL(pi(.|C)||q(.|C)) + (1 - p_pi) KL(pi(.|W)||q(.|W))], enclosed at 40 digits; 0 iff pi is a tilt of q';

/** How far the gap exceeds its Bernoulli part, enclosed at 40 digits. */
export function gapExcess(instance: RlvrPolicyInstance): NumberObject {
  const ar = intervalArithmetic(40);
  const { gap, bernoulliGap } = gapSides(ar, instance);
  return ar.toNumberObject(ar.sub(gap, bernoulliGap));
}

// ---------------------------------------------------------------- slots (assume)

const tiltFamilies = (['reference', 'tilt'] as const).flatMap((start) => (['beta', 'exp'] as const).map((temperature) => rlvrPolicyFamily({ temperature, start })));

/** The gap's excess over beta E_x kl(p_pi || p*) on the tilt-equality instances with the replaced slots. */
function degreesFor(overrides: SlotOverrides): DegreeSpec<RlvrPolicyInstance>[] {
  if (!touches(overrides, ['start'])) return [];
  const arbitrary = realizeFamilies(tiltFamilies, overrides);
  if (arbitrary === undefined) return [];
  return [{ name: 'gap-excess', measure: GAP_EXCESS, defect: gapExcess, levels: [{ label: Object.values(overrides).map((o) => o.label).join(', '), arbitrary }] }];
}

// ---------------------------------------------------------------- assumptions

const assumptions: AssumptionSpec<RlvrPolicyInstance>[] = [
  {
    id: 'tilt',
    text: 'pi(.|x) is an exponential tilt of q(.|x) by r: pi agrees with q inside C and inside W. Needed for the equality only; the decomposition and the inequality hold for every pi.',
    needed: true,
    violate: rlvrPolicyInstance({ kinds: ['nonTilt'] }),
    properties: ['tilt-equality'],
    degree: { name: 'gap-excess', measure: GAP_EXCESS, defect: gapExcess, levels: [{ label: 'pi outside the tilt family', arbitrary: rlvrPolicyInstance({ kinds: ['nonTilt'] }) }] },
  },
];

export const T7: Theorem = {
  id: 'T7',
  title: 'Bernoulli KL decomposition of the suboptimality gap',
  statement: {
    text:
      'For every pi(.|x): KL(pi || pi*) = kl(p_pi || p*) + p_pi KL(pi(.|C) || q(.|C)) + (1 - p_pi) KL(pi(.|W) || q(.|W)). ' +
      'So J(pi*) - J(pi) >= beta E_x kl(p_pi || p*), with equality iff pi agrees with q inside C and inside W (pi is an exponential tilt of q by r).',
    latex:
      '\\mathrm{KL}(\\pi\\,\\|\\,\\pi^*) = \\mathrm{kl}(p_\\pi\\,\\|\\,p^*) + p_\\pi\\,\\mathrm{KL}(\\pi(\\cdot|C)\\,\\|\\,q(\\cdot|C)) + (1-p_\\pi)\\,\\mathrm{KL}(\\pi(\\cdot|W)\\,\\|\\,q(\\cdot|W)),\\quad ' +
      'J(\\pi^*) - J(\\pi) \\ge \\beta\\,\\mathbb{E}_x\\,\\mathrm{kl}(p_\\pi\\,\\|\\,p^*)\\ \\text{with equality iff}\\ \\pi(\\cdot|C) = q(\\cdot|C),\\ \\pi(\\cdot|W) = q(\\cdot|W)',
  },
  source:
    '"For reasoning models trained with verifiable rewards (RLVR), we show the objective is equivalent to expected KL minimization toward an optimal reasoning distribution, with the suboptimality gap reducing to the Bernoulli KL between target and current accuracies along the natural gradient flow."',
  assumptions,
  identities,
  properties: [klDecomposition, gapLowerBound, tiltEquality, optimalConditionals],
  mutants: [bernoulliKlReversed, missingAccuracyFactor, equalityForNonTilts, betaDropped],
  // Slots (`assume`): n, prompts, beta or expOneOverBeta, and start (pi: every kind for the decomposition, tilts for the equality).
  ...slotLaboratory(
    [
      { spec: klDecomposition, families: rlvrEveryPolicyFamilies() },
      { spec: gapLowerBound, families: rlvrEveryPolicyFamilies() },
      // "equality iff pi is a tilt": with pi replaced, the equality is checked where pi is a tilt (the implication it is)
      { spec: tiltEquality, families: tiltFamilies, hypothesis: { text: 'pi is a tilt of q at every prompt', slots: ['start'], holds: everyPolicyIsTilt } },
      { spec: optimalConditionals, families: [rlvrPolicyFamily({ temperature: 'exp' })] },
    ],
    degreesFor,
  ),
};
