/**
 * Bad constraints throw when an arbitrary is built, with a message naming the
 * function and the constraint.
 */
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/arith/rational.js';
import {
  beta,
  conductance,
  distribution,
  expOneOverBeta,
  initialPolicy,
  interaction,
  interactionWeights,
  nearReversiblePrior,
  nonReversiblePrior,
  positiveRational,
  positiveWeights,
  potential,
  promptSet,
  rational,
  reversiblePrior,
  startDistribution,
  stateCount,
  stochasticMatrix,
  superiorLevelSet,
  superiorSet,
  symmetricPrior,
  time,
  times,
} from '../../properties/index.js';

const half = new Rational(1n, 2n);

// Each bad constraint throws when the arbitrary is built, naming the function and the constraint.
const cases: [string, () => unknown, RegExp][] = [
  ['too few states', () => stateCount({ minStates: 1 }), /^stateCount: minStates must be at least 2 \(got 1\)$/],
  [
    'reversed state range',
    () => stateCount({ minStates: 5, maxStates: 3 }),
    /^stateCount: maxStates must be at least minStates/,
  ],
  ['fractional state count', () => stateCount({ maxStates: 2.5 }), /^stateCount: maxStates must be an integer/],
  ['fixed n too small', () => potential({ n: 1 }), /^potential: n must be at least 2/],
  ['reversed rational range', () => rational({ min: 2, max: 1 }), /^rational: max must be at least min/],
  ['unreadable bound', () => rational({ min: 'x' }), /^rational: min must be a rational number/],
  [
    'empty lattice',
    () => rational({ min: '1/3', max: '1/3', maxDenominator: 2 }),
    /^rational: maxDenominator admits no rational in \[1\/3, 1\/3\]/,
  ],
  [
    'zero numerator bound',
    () => positiveRational({ maxNumerator: 0 }),
    /^positiveRational: maxNumerator must be at least 1/,
  ],
  [
    'weights denominator',
    () => positiveWeights({ maxDenominator: -3 }),
    /^positiveWeights: maxDenominator must be at least 1/,
  ],
  ['beta zero', () => beta({ min: 0 }), /^beta: min must be > 0/],
  ['beta negative', () => beta({ min: -1, max: 1 }), /^beta: min must be > 0/],
  ['beta reversed', () => beta({ min: 2, max: 1 }), /^beta: max must be at least min/],
  ['beta mantissa', () => beta({ maxMantissaDenominator: 0 }), /^beta: maxMantissaDenominator must be at least 1/],
  ['E not above 1', () => expOneOverBeta({ min: 1 }), /^expOneOverBeta: min must be > 1/],
  ['negative time', () => time({ min: -1 }), /^time: min must be >= 0/],
  [
    'too many times',
    () => times({ max: half, maxDenominator: 2, minLength: 3 }),
    /^times: minLength exceeds the 2 distinct times/,
  ],
  ['times lengths', () => times({ minLength: 4, maxLength: 2 }), /^times: maxLength must be at least minLength/],
  [
    'conductance shape',
    () => conductance({ shape: 'ring' as never }),
    /^conductance: shape must be one of 'dense', 'sparse'/,
  ],
  [
    'self-loops',
    () => conductance({ selfLoops: 'some' as never }),
    /^conductance: selfLoops must be one of 'none', 'random', 'all'/,
  ],
  [
    'reversible entries',
    () => reversiblePrior({ maxNumerator: 0 }),
    /^reversiblePrior: maxNumerator must be at least 1/,
  ],
  ['symmetric states', () => symmetricPrior({ minStates: 0 }), /^symmetricPrior: minStates must be at least 2/],
  [
    'stochastic positive flag',
    () => stochasticMatrix({ positive: 'yes' as never }),
    /^stochasticMatrix: positive must be a boolean/,
  ],
  [
    'non-reversible on 2 states',
    () => nonReversiblePrior({ minStates: 2 }),
    /^nonReversiblePrior: minStates must be at least 3/,
  ],
  ['non-reversible fixed n', () => nonReversiblePrior({ n: 2 }), /^nonReversiblePrior: n must be at least 3/],
  [
    'non-reversible base',
    () => nonReversiblePrior({ base: 'cyclic' as never }),
    /^nonReversiblePrior: base must be one of/,
  ],
  ['eps above 1', () => nearReversiblePrior({ eps: 2 }), /^nearReversiblePrior: eps must lie in \[0, 1\]/],
  ['eps negative', () => nearReversiblePrior({ eps: '-1/2' }), /^nearReversiblePrior: eps must lie in \[0, 1\]/],
  [
    'interaction kind',
    () => interaction({ kind: 'skew' as never }),
    /^interaction: kind must be one of 'none', 'symmetric', 'antisymmetric', 'any'/,
  ],
  ['interaction range', () => interaction({ min: 1, max: -1 }), /^interaction: max must be at least min/],
  [
    'interaction weights',
    () => interactionWeights({ maxDenominator: 0 }),
    /^interactionWeights: maxDenominator must be at least 1/,
  ],
  ['start kind', () => startDistribution({ kind: 'dirac' as never }), /^startDistribution: kind must be one of/],
  [
    'delta too large for n',
    () => startDistribution({ minDeltaExponent: 1, maxStates: 12 }),
    /^startDistribution: minDeltaExponent is too small for 12 states/,
  ],
  [
    'delta exponents reversed',
    () => startDistribution({ minDeltaExponent: 10, maxDeltaExponent: 5 }),
    /^startDistribution: maxDeltaExponent must be at least minDeltaExponent/,
  ],
  ['distribution weight', () => distribution({ maxWeight: 0 }), /^distribution: maxWeight must be at least 1/],
  ['superior set states', () => superiorSet({ n: 1 }), /^superiorSet: n must be at least 2/],
  [
    'constant potential',
    () => superiorLevelSet([1n, 1n, 1n].map((k) => new Rational(k))),
    /^superiorLevelSet: values must take at least two distinct values/,
  ],
  ['no prompts', () => promptSet({ minPrompts: 0 }), /^promptSet: minPrompts must be at least 1/],
  [
    'prompt counts reversed',
    () => promptSet({ minPrompts: 3, maxPrompts: 2 }),
    /^promptSet: maxPrompts must be at least minPrompts/,
  ],
  ['non-tilt on 2 responses', () => promptSet({ initial: 'nonTilt', n: 2 }), /^promptSet: n must be at least 3/],
  ['initial kind', () => promptSet({ initial: 'greedy' as never }), /^promptSet: initial must be one of/],
  [
    'non-tilt impossible',
    () => initialPolicy({ reference: [half, half], correct: [true, false] }, { kind: 'nonTilt' }),
    /^initialPolicy: kind 'nonTilt' needs a class/,
  ],
  [
    'reference not a law',
    () => initialPolicy({ reference: [half, new Rational(1n, 3n)], correct: [true, false] }),
    /^initialPolicy: prompt.reference must be a distribution/,
  ],
  [
    'correct length',
    () => initialPolicy({ reference: [half, half], correct: [true] }),
    /^initialPolicy: prompt.correct must have one entry per response/,
  ],
];

describe('bad constraints throw at the boundary, naming the constraint', () => {
  it.each(cases)('%s', (_name, build, message) => {
    expect(build).toThrow(Error);
    expect(build).toThrow(message);
  });

  it('good constraints do not throw', () => {
    expect(() => rational({ min: '1/3', max: '1/3', maxDenominator: 3 })).not.toThrow();
    expect(() => beta({ min: '0.5', max: '0.5' })).not.toThrow();
    expect(() => nearReversiblePrior({ eps: 0 })).not.toThrow();
    expect(() => nearReversiblePrior({ eps: 1 })).not.toThrow();
    expect(() => startDistribution({ minDeltaExponent: 1, maxStates: 10 })).not.toThrow();
  });
});
