/**
 * The public surface of the package, pinned: the names each entry point of
 * package.json `exports` gives. A name added or removed here is a change of
 * the documented API (docs/library.md, docs/api/); everything else is internal.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as main from '../../api/index.js';
import * as claims from '../../api/claims.js';

const ROOT = join(import.meta.dirname, '..', '..');

const MAIN = [
  'DEFAULT_SEED',
  'EQUALITY_DIGITS',
  'EQUALITY_PRECISION',
  'InexactError',
  'InfiniteDivergenceError',
  'Interval',
  'MINIMUM_RUNS_FOR_VERIFIED',
  'PRECISION_EQUAL',
  'PRECISION_STRICT',
  'PROFILES',
  'Rational',
  'ReducibleChainError',
  'TheoremDefinitionError',
  'UndecidedError',
  'UnreachableTargetError',
  'assumption',
  'mutant',
  'property',
  'specs',
  'intervalSpecs',
  'IntervalChecks',
  'intervalCheck',
  'bernoulliKl',
  'beta',
  'binaryEntropy',
  'canonicalPotential',
  'catalogue',
  'certifyIdentity',
  'chainStructure',
  'checkTheorem',
  'chiSquare',
  'conductance',
  'decideInIntervals',
  'decidedLess',
  'decidedSign',
  'defaultSlotVariants',
  'defineTheorem',
  'detailedBalance',
  'distanceToStationarity',
  'distribution',
  'ebmKernel',
  'ebmStationaryClosedForm',
  'energyMatrixValues',
  'energyMatrixWeights',
  'energyValues',
  'energyWeights',
  'entropy',
  'equalTo30Digits',
  'exactArithmetic',
  'exactNumberObject',
  'expOneOverBeta',
  'expectedHittingTimeFrom',
  'expectedHittingTimes',
  'exponentialTilt',
  'fail',
  'fc',
  'floatArithmetic',
  'floatNumberObject',
  'flowCoefficients',
  'flowLogits',
  'flowPolicy',
  'initialPolicy',
  'instanceFromSlots',
  'instanceSlots',
  'instanceToFloat',
  'instanceToJson',
  'integrateNaturalGradientFlow',
  'interaction',
  'interactionWeights',
  'intervalArithmetic',
  'isDistribution',
  'isIrreducible',
  'isStochastic',
  'isSymmetric',
  'isTilt',
  'kernelSpectrum',
  'kl',
  'kolmogorovCriterion',
  'kolmogorovCycle',
  'largestEigenvalue',
  'levelSet',
  'mixingTime',
  'nearReversiblePrior',
  'nonReversiblePrior',
  'optimalPolicy',
  'optimalReasoningPolicy',
  'parseRational',
  'parseSlotVariant',
  'pass',
  'positiveRational',
  'positiveWeights',
  'potential',
  'promptSet',
  'properThresholds',
  'rational',
  'rationalToDecimal',
  'rationalToString',
  'restrictToSupport',
  'reversiblePrior',
  'rewardValues',
  'rewardWeights',
  'rlvrObjective',
  'satisfiesDetailedBalance',
  'slotVariantLabel',
  'softmaxPolicy',
  'splitMass',
  'startDistribution',
  'stateCount',
  'stationaryDistribution',
  'stepDistribution',
  'stochasticMatrix',
  'superiorLevelSet',
  'superiorSet',
  'symmetricPrior',
  'time',
  'times',
  'totalVariation',
  'trajectory',
  'undecided',
  'validateKernel',
];

const CLAIMS = [
  'ClaimError',
  'abs',
  'add',
  'all',
  'and',
  'any',
  'bernoulliKl',
  'chiSquare',
  'decideClaim',
  'div',
  'dotProduct',
  'entropy',
  'eq',
  'eq30',
  'exp',
  'ge',
  'gt',
  'ifThen',
  'implies',
  'klDivergence',
  'le',
  'log',
  'lt',
  'matrixValue',
  'max',
  'min',
  'mul',
  'ne',
  'neg',
  'not',
  'num',
  'or',
  'pow',
  'rationalValue',
  'ref',
  'sqrt',
  'sub',
  'sum',
  'totalVariation',
  'truth',
  'vectorValue',
  'xlogy',
];

const VITEST = ['theoremTestCases', 'theoremTests'];

describe('the public surface', () => {
  it("'ebm-lens' exports exactly the documented names", () => {
    expect(Object.keys(main).sort()).toEqual([...MAIN].sort());
  });

  it("'ebm-lens/claims' exports exactly the claim language", () => {
    expect(Object.keys(claims).sort()).toEqual([...CLAIMS].sort());
  });

  it("'ebm-lens/vitest' exports theoremTests and theoremTestCases", async () => {
    const vitestEntry = await import('../../api/vitest.js');
    expect(Object.keys(vitestEntry).sort()).toEqual(VITEST);
  });

  it('package.json maps each entry point to built JavaScript and declarations, and nothing else', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      types: string;
      exports: Record<string, string | { types: string; default: string }>;
      files: string[];
      bin: Record<string, string>;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './claims', './package.json', './vitest']);
    const entries = { '.': 'index', './claims': 'claims', './vitest': 'vitest' } as const;
    for (const [key, name] of Object.entries(entries)) {
      expect(pkg.exports[key]).toEqual({ types: `./dist/api/${name}.d.ts`, default: `./dist/api/${name}.js` });
    }
    expect(pkg.main).toBe('./dist/api/index.js');
    expect(pkg.types).toBe('./dist/api/index.d.ts');
    expect(pkg.files).toEqual(expect.arrayContaining(['bin', 'dist', 'examples']));
    expect(Object.keys(pkg.bin).sort()).toEqual(['ebm-lens', 'ebm-lens-verify']);
  });

  it('the built entry points (npm test builds first) have declarations and the same names as the sources', async () => {
    for (const name of ['index', 'claims']) {
      expect(existsSync(join(ROOT, 'dist', 'api', `${name}.d.ts`))).toBe(true);
    }
    expect(existsSync(join(ROOT, 'dist', 'api', 'vitest.d.ts'))).toBe(true);
    // the package imports itself by name through its exports map (the names typed string, so typechecking needs no dist/)
    const mainName: string = 'ebm-lens';
    const claimsName: string = 'ebm-lens/claims';
    const built = (await import(mainName)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual([...MAIN].sort());
    const builtClaims = (await import(claimsName)) as Record<string, unknown>;
    expect(Object.keys(builtClaims).sort()).toEqual([...CLAIMS].sort());
  });
});
