import { describe, expect, it } from 'vitest';
import { recheckIdentity } from '../../checker/identity.js';
import { Malformed, type Identity } from '../../checker/shape.js';

const SEED = 251218730;
/** An identity record as the checker reads it. */
function identity(
  fields: Partial<Omit<Identity, 'variables' | 'substitutions'>> & {
    variables: Record<string, string>;
    substitutions?: Record<string, string>;
  },
): Identity {
  return {
    name: 'id',
    status: 'certified',
    lhs: '0',
    rhs: '0',
    evidence: {},
    path: '$.theorems[0].identities[0]',
    ...fields,
    variables: new Map(Object.entries(fields.variables)),
    substitutions: new Map(Object.entries(fields.substitutions ?? {})),
  };
}
const rationalEvidence = (points: Record<string, string>[], residuals: string[]) => ({
  kind: 'rational',
  points,
  residuals,
  casResidual: '0',
  detail: '',
});
const transcendentalEvidence = (
  points: Record<string, string>[],
  atomized?: { residual: string; atoms: Record<string, string> },
) => ({
  kind: 'transcendental',
  points,
  residuals: points.map(() => ({ lo: '-1e-40', hi: '1e-40' })),
  digits: 60,
  casResidual: '0',
  ...(atomized === undefined ? {} : { atomized }),
  detail: '',
});

describe('rational identities', () => {
  // (a + b)^3 = a^3 + 3a^2 b + 3 a b^2 + b^3, with b = 1 - a substituted: 1 = ...
  const cube = {
    lhs: '1',
    rhs: 'a^3 + 3*a^2*b + 3*a*b^2 + b^3',
    variables: { a: 'probability', b: 'probability' },
    substitutions: { b: '1 - a' },
  };

  it('a true identity is certified at the recorded and fresh points', () => {
    expect(
      recheckIdentity(identity({ ...cube, evidence: rationalEvidence([{ a: '1/3' }], ['0']) }), SEED),
    ).toBeUndefined();
  });

  it('a false one recorded certified is rejected: at a recorded point, or at a fresh one', () => {
    const wrong = { lhs: '(a + b)^2', rhs: 'a^2 + b^2', variables: { a: 'real', b: 'real' } };
    expect(
      recheckIdentity(identity({ ...wrong, evidence: rationalEvidence([{ a: '1', b: '3/2' }], ['0']) }), SEED),
    ).toBe('point 0: residual 3, recorded 0');
    // at a = 0 the residual 2ab vanishes: only the fresh points expose it
    expect(
      recheckIdentity(identity({ ...wrong, evidence: rationalEvidence([{ a: '0', b: '3/2' }], ['0']) }), SEED),
    ).toMatch(/^fresh points: .* != 0 at a = /);
    expect(
      recheckIdentity(
        identity({ ...wrong, status: 'failed', evidence: rationalEvidence([{ a: '1', b: '3/2' }], ['3']) }),
        SEED,
      ),
    ).toBeUndefined();
    expect(
      recheckIdentity(identity({ ...cube, status: 'failed', evidence: rationalEvidence([{ a: '1/3' }], ['0']) }), SEED),
    ).toBe('recorded failed, but the residual is 0 at every point');
  });

  it('a recorded point outside its declared domain is an error', () => {
    expect(recheckIdentity(identity({ ...cube, evidence: rationalEvidence([{ a: '3/2' }], ['0']) }), SEED)).toBe(
      'point 0: a is outside its domain probability',
    );
    const q = { lhs: 'x/x', rhs: '1', variables: { x: 'nonzero' } };
    expect(recheckIdentity(identity({ ...q, evidence: rationalEvidence([{ x: '0' }], ['0']) }), SEED)).toBe(
      'point 0: x is outside its domain nonzero',
    );
  });

  it('substitutions that refer to each other are expanded; a cycle is refused', () => {
    const chained = { lhs: 'c', rhs: '2*a', variables: { a: 'real' }, substitutions: { b: 'a', c: 'a + b' } };
    expect(
      recheckIdentity(identity({ ...chained, evidence: rationalEvidence([{ a: '5' }], ['0']) }), SEED),
    ).toBeUndefined();
    const cycle = { lhs: 'c', rhs: '2*a', variables: { a: 'real' }, substitutions: { b: 'c - a', c: 'a + b' } };
    expect(recheckIdentity(identity({ ...cycle, evidence: rationalEvidence([{ a: '5' }], ['0']) }), SEED)).toBe(
      'the residual is undefined at point 0',
    );
  });

  it('a syntax error in the record is a malformed certificate', () => {
    expect(() =>
      recheckIdentity(
        identity({ lhs: 'a +', rhs: 'a', variables: { a: 'real' }, evidence: rationalEvidence([], []) }),
        SEED,
      ),
    ).toThrow(Malformed);
  });
});

describe('transcendental identities', () => {
  // log(x y) + exp(u)^2 = log x + log y + exp(2u)
  const logExp = {
    lhs: 'log(x*y) + exp(u)^2',
    rhs: 'log(x) + log(y) + exp(2*u)',
    variables: { x: 'positive', y: 'positive', u: 'real' },
  };
  const atomized = { residual: 'Lx + Ly + E^2 - (Lx + Ly + E^2)', atoms: { Lx: 'log(x)', Ly: 'log(y)', E: 'exp(u)' } };
  const points = [
    { x: '2', y: '3', u: '1/2' },
    { x: '1/7', y: '5', u: '-3' },
  ];

  it('certified with an atomized residual that is identically 0', () => {
    expect(
      recheckIdentity(identity({ ...logExp, evidence: transcendentalEvidence(points, atomized) }), SEED),
    ).toBeUndefined();
  });

  it('without an atomized residual: at best numerically supported', () => {
    expect(recheckIdentity(identity({ ...logExp, evidence: transcendentalEvidence(points) }), SEED)).toMatch(
      /^certified without an atomized residual/,
    );
    expect(
      recheckIdentity(
        identity({ ...logExp, status: 'numerically-supported', evidence: transcendentalEvidence(points) }),
        SEED,
      ),
    ).toBeUndefined();
  });

  it('an atomized residual that is not identically 0 is rejected', () => {
    const wrong = { residual: 'Lx + Ly + E^2 - (Lx + Ly + 2*E)', atoms: atomized.atoms };
    expect(recheckIdentity(identity({ ...logExp, evidence: transcendentalEvidence(points, wrong) }), SEED)).toMatch(
      /^atomized residual: .* != 0 at /,
    );
  });

  it('an atomized residual that is 0 but unrelated to the residual is caught numerically', () => {
    const unrelated = { lhs: 'log(x*y)', rhs: 'log(x) - log(y)', variables: { x: 'positive', y: 'positive' } };
    const evidence = transcendentalEvidence([{ x: '2', y: '1' }], { residual: 'Lx - Lx', atoms: { Lx: 'log(x)' } });
    // at y = 1 the false identity holds; the fresh points expose it
    expect(recheckIdentity(identity({ ...unrelated, evidence }), SEED)).toBe(
      'the residual is nonzero at a fresh point',
    );
    const recordedFalse = { ...evidence, points: [{ x: '2', y: '3' }], residuals: [{ lo: '2.19', hi: '2.2' }] };
    expect(recheckIdentity(identity({ ...unrelated, evidence: recordedFalse }), SEED)).toMatch(
      /^the residual's enclosure excludes 0 at point 0/,
    );
    expect(
      recheckIdentity(identity({ ...unrelated, status: 'failed', evidence: recordedFalse }), SEED),
    ).toBeUndefined();
  });

  it('a recorded residual enclosure disjoint from the checker is rejected', () => {
    const evidence = {
      ...transcendentalEvidence(points, atomized),
      residuals: [
        { lo: '1e-30', hi: '2e-30' },
        { lo: '0', hi: '0' },
      ],
    };
    expect(recheckIdentity(identity({ ...logExp, evidence }), SEED)).toMatch(
      /^point 0: the recorded residual .* is disjoint from the checker's/,
    );
  });
});
