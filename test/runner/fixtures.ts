/**
 * Small fake theorems for the runner, report and CLI tests. Their claims are
 * about integers and rationals, so whether each one holds is known by hand.
 */
import fc from 'fast-check';
import { UndecidedError } from '../../src/arith/arithmetic.js';
import { exactArithmetic } from '../../src/arith/exact.js';
import { exactNumberObject } from '../../src/arith/numberObject.js';
import { Rational } from '../../src/arith/rational.js';
import { fail, pass, undecided, type PropertySpec, type Theorem } from '../../src/runner/theorem.js';
import type { Certificate, Certifier, IdentitySpec } from '../../src/runner/identity.js';
import { add, eq, lt, mul, num, pow, ref, rationalValue } from '../../src/certificate/build.js';

const ar = exactArithmetic;
const integer = fc.integer({ min: -50, max: 50 });
const rational = fc.tuple(integer, fc.integer({ min: 1, max: 20 })).map(([p, q]) => new Rational(BigInt(p), BigInt(q)));

/** True: (a + b)^2 = a^2 + 2ab + b^2 over the rationals, decided exactly. */
export const binomialSquare: PropertySpec<[Rational, Rational]> = {
  name: 'binomial-square',
  claim: '(a + b)^2 = a^2 + 2ab + b^2',
  mode: 'exact',
  arbitrary: fc.tuple(rational, rational),
  describe: ([a, b]) => ({ a: a.toFraction(), b: b.toFraction() }),
  predicate: ([a, b]) => {
    const lhs = ar.pow(ar.add(a, b), 2);
    const rhs = ar.add(ar.add(ar.pow(a, 2), ar.mul(ar.fromInteger(2), ar.mul(a, b))), ar.pow(b, 2));
    return ar.compare(lhs, rhs) === 0
      ? pass(0)
      : fail('(a + b)^2 != a^2 + 2ab + b^2', { lhs: exactNumberObject(lhs), rhs: exactNumberObject(rhs) });
  },
  certify: ([a, b]) => ({
    claim: {
      text: '(a + b)^2 = a^2 + 2ab + b^2',
      assert: eq(
        pow(add(ref('a'), ref('b')), 2),
        add(pow(ref('a'), 2), mul(num(2), ref('a'), ref('b')), pow(ref('b'), 2)),
      ),
    },
    instance: { a: rationalValue(a), b: rationalValue(b) },
  }),
};

/** True, margin 1000 - n: the smallest margin over n drawn from {3, 5, 7} is 1000 - 7 = 993. */
export const belowThousand: PropertySpec<number> = {
  name: 'below-thousand',
  claim: 'n < 1000 for n in {3, 5, 7}',
  mode: 'exact',
  arbitrary: fc.constantFrom(3, 5, 7),
  predicate: (n) => (n < 1000 ? pass(1000 - n) : fail('n >= 1000')),
  certify: (n) => ({ claim: { text: 'n < 1000', assert: lt(ref('n'), num(1000)) }, instance: { n: String(n) } }),
};

/** False: "for all integers n in [0, 1000], n < 500"; the minimal counterexample is 500. */
export const belowFiveHundred: PropertySpec<number> = {
  name: 'below-five-hundred',
  claim: 'n < 500 for every integer n in [0, 1000]',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  predicate: (n) => (n < 500 ? pass(500 - n) : fail(`${n} >= 500`, { n: String(n) })),
  describe: (n) => ({ n }),
  certify: (n) => ({ claim: { text: 'n < 500', assert: lt(ref('n'), num(500)) }, instance: { n: String(n) } }),
};

/**
 * False, with undecided instances below 100. If an undecided run counted as a
 * failure, shrinking would end at 0; the minimal real counterexample is 500.
 */
export const belowFiveHundredUndecidedLow: PropertySpec<number> = {
  name: 'below-five-hundred-undecided-low',
  claim: 'n < 500 for every integer n in [0, 1000] (undecided below 100)',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 1000 }),
  predicate: (n) => (n < 100 ? undecided('low') : n < 500 ? pass() : fail(`${n} >= 500`)),
};

/** Never decided. */
export const alwaysUndecided: PropertySpec<number> = {
  name: 'always-undecided',
  claim: 'cannot be decided',
  mode: 'interval',
  arbitrary: fc.integer(),
  predicate: () => undecided('enclosures overlap'),
};

/** Undecided by throwing UndecidedError (as the interval arithmetic does). */
export const throwsUndecided: PropertySpec<number> = {
  name: 'throws-undecided',
  claim: 'sign decided',
  mode: 'interval',
  arbitrary: fc.integer({ min: 0, max: 10 }),
  predicate: (n) => {
    if (n % 2 === 0) throw new UndecidedError('sign of x undecided at interval(40 digits)');
    return pass();
  },
};

/** True, but checked in float64: never "verified". */
export const floatCommutes: PropertySpec<[number, number]> = {
  name: 'float-commutes',
  claim: 'x + y = y + x in float64',
  mode: 'float',
  arbitrary: fc.tuple(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, min: -1e6, max: 1e6 })),
  predicate: ([x, y]) => (x + y === y + x ? pass() : fail('x + y != y + x')),
};

/**
 * In float64, k/10 + 2k/10 differs from 3k/10 for 576 of k = 1..1000 (0.1 + 0.2
 * != 0.3), yet exactly 1/10 + 2/10 = 3/10: every such fail is a rounding artifact.
 */
function tenthsFloat(): PropertySpec<number> {
  return {
    name: 'tenths-float',
    claim: 'k/10 + 2k/10 = 3k/10',
    mode: 'float',
    arbitrary: fc.integer({ min: 1, max: 1000 }),
    predicate: (k) => (k / 10 + (2 * k) / 10 === (3 * k) / 10 ? pass() : fail('float64: k/10 + 2k/10 != 3k/10')),
  };
}
export const tenthsUnconfirmed: PropertySpec<number> = tenthsFloat();
export const tenthsConfirmed: PropertySpec<number> = {
  ...tenthsFloat(),
  name: 'tenths-confirmed',
  confirm: (k) => {
    const lhs = new Rational(BigInt(k), 10n).add(new Rational(BigInt(2 * k), 10n));
    return lhs.equals(new Rational(BigInt(3 * k), 10n)) ? pass() : fail('k/10 + 2k/10 != 3k/10 exactly');
  },
};

/** A float64 property whose rigorous re-check agrees it fails (k/10 + 2k/10 = 3k/10 + 1 is false). */
export const tenthsOffByOne: PropertySpec<number> = {
  name: 'tenths-off-by-one',
  claim: 'k/10 + 2k/10 = 3k/10 + 1',
  mode: 'float',
  arbitrary: fc.integer({ min: 1, max: 1000 }),
  predicate: (k) => (k / 10 + (2 * k) / 10 === (3 * k) / 10 + 1 ? pass() : fail('float64: k/10 + 2k/10 != 3k/10 + 1')),
  confirm: (k) => {
    const difference = new Rational(BigInt(3 * k), 10n).sub(new Rational(BigInt(3 * k), 10n).add(new Rational(1n)));
    return difference.equals(new Rational(0n))
      ? pass()
      : fail('k/10 + 2k/10 - (3k/10 + 1) != 0 exactly', { difference: exactNumberObject(difference) });
  },
};

/** A bug: the predicate throws something other than UndecidedError for n > 5. */
export const crashes: PropertySpec<number> = {
  name: 'crashes',
  claim: 'does not crash',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 100 }),
  predicate: (n) => {
    if (n > 5) throw new TypeError('boom');
    return pass();
  },
};

/** Mutants of binomialSquare: "(a + b)^2 = a^2 + b^2" is false (refuted); a true variant survives. */
export const missingCrossTerm: PropertySpec<[Rational, Rational]> = {
  ...binomialSquare,
  name: 'missing-cross-term',
  claim: '(a + b)^2 = a^2 + b^2',
  predicate: ([a, b]) => {
    const lhs = ar.pow(ar.add(a, b), 2);
    const rhs = ar.add(ar.pow(a, 2), ar.pow(b, 2));
    return ar.compare(lhs, rhs) === 0
      ? pass()
      : fail('(a + b)^2 != a^2 + b^2', { lhs: exactNumberObject(lhs), rhs: exactNumberObject(rhs) });
  },
  certify: ([a, b]) => ({
    claim: {
      text: '(a + b)^2 = a^2 + b^2',
      assert: eq(pow(add(ref('a'), ref('b')), 2), add(pow(ref('a'), 2), pow(ref('b'), 2))),
    },
    instance: { a: rationalValue(a), b: rationalValue(b) },
  }),
};
export const notAMutant: PropertySpec<[Rational, Rational]> = {
  ...binomialSquare,
  name: 'not-a-mutant',
  claim: 'a true claim posing as a mutant',
};

function theorem(id: string, parts: Partial<Theorem>): Theorem {
  return {
    id,
    title: `fake theorem ${id}`,
    statement: { text: `statement of ${id}`, latex: `\\text{${id}}` },
    source: 'a test fixture',
    assumptions: [],
    identities: [],
    properties: [],
    mutants: [],
    ...parts,
  };
}

export const verifiedTheorem = theorem('F1', {
  title: 'binomial square',
  properties: [binomialSquare, belowThousand],
  mutants: [missingCrossTerm],
});
export const falsifiedTheorem = theorem('F2', {
  title: 'a false bound',
  properties: [belowFiveHundred, binomialSquare],
});
export const undecidedTheorem = theorem('F3', { title: 'never decided', properties: [alwaysUndecided] });
export const floatTheorem = theorem('F4', { title: 'float only', properties: [floatCommutes] });
export const survivingMutantTheorem = theorem('F5', {
  title: 'weak suite',
  properties: [binomialSquare],
  mutants: [notAMutant],
});
export const crashingTheorem = theorem('F6', { title: 'buggy', properties: [crashes] });

/** A theorem with an assumption: n >= 0 is needed for sqrt(n^2) = n. */
const absoluteValue: PropertySpec<number> = {
  name: 'sqrt-square',
  claim: 'sqrt(n^2) = n',
  mode: 'exact',
  arbitrary: fc.integer({ min: 0, max: 100 }),
  predicate: (n) => (Math.abs(n) === n ? pass() : fail(`sqrt(${n}^2) = ${-n} != ${n}`)),
};
const assumptionTheorem = theorem('F7', {
  title: 'with assumptions',
  properties: [absoluteValue],
  assumptions: [
    // Renamed from N, SMALL and BOGUS: the former names keep their seeds and replay lines (renames.ts).
    {
      id: 'non-negative',
      text: 'n >= 0',
      needed: true,
      violate: fc.integer({ min: -100, max: -1 }),
      properties: ['sqrt-square'],
      formerNames: ['N'],
    },
    {
      id: 'small',
      text: 'n <= 100',
      needed: false,
      violate: fc.integer({ min: 101, max: 10_000 }),
      properties: ['sqrt-square'],
      formerNames: ['SMALL'],
    },
    {
      id: 'bogus',
      text: 'claims to be needed',
      needed: true,
      violate: fc.integer({ min: 200, max: 300 }),
      properties: ['sqrt-square'],
      formerNames: ['BOGUS'],
    },
  ],
});
export { assumptionTheorem };

/** The seven fixture theorems F1..F7, in order: the catalogue of the CLI and parallel-runner tests. */
export const fixtureCatalogue: readonly Theorem[] = [
  verifiedTheorem,
  falsifiedTheorem,
  undecidedTheorem,
  floatTheorem,
  survivingMutantTheorem,
  crashingTheorem,
  assumptionTheorem,
];

/** Identities: a fake certifier reads the status off the spec (the real one is tested with the symbolic layer). */
export interface FakeIdentity extends IdentitySpec {
  status: Certificate['status'] | 'throw';
}
export const fakeCertify: Certifier = (spec, options) => {
  const status = (spec as FakeIdentity).status;
  if (status === 'throw') throw new Error('certifier crashed');
  const points = options.points ?? 5;
  return {
    name: spec.name,
    status,
    casResidual: '0',
    evaluation: 'exact',
    points: Array.from({ length: points }, (_, k) => ({ x: String(k + 1) })),
    residuals: Array.from({ length: points }, () => '0'),
    detail: `fake ${status} (seed ${options.seed}, width 1e-${options.widthDigits})`,
  };
};
export function identityTheorem(id: string, statuses: FakeIdentity['status'][]): Theorem {
  return theorem(id, {
    title: 'identities',
    identities: statuses.map((status, k) => ({
      name: `identity-${k}`,
      lhs: 'x',
      rhs: 'x',
      variables: { x: 'real' },
      status,
    })),
    properties: [binomialSquare],
    mutants: [missingCrossTerm],
  });
}
