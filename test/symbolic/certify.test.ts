import { describe, expect, test } from 'vitest';
import { casSimplify } from '../../src/symbolic/cas.js';
import { certifyIdentity, differentiate, IdentitySpecError, type IdentitySpec } from '../../src/symbolic/index.js';

/**
 * Known answers: every identity below is true or false by a hand derivation
 * written next to it; Schwartz-Zippel numbers are d/(|S| - d_s) with |S| = 2^32,
 * d and d_s counted by hand, rounded up to 3 digits (checked with exact
 * fractions outside the suite).
 */

const gibbsVariables = {
  p1: 'probability',
  p2: 'probability',
  p3: 'probability',
  q1: 'positive',
  q2: 'positive',
  q3: 'positive',
  r1: 'real',
  r2: 'real',
  r3: 'real',
  beta: 'positive',
  Z: 'positive',
  s1: 'probability',
  s2: 'probability',
  s3: 'probability',
} as const;

const gibbsSubstitutions = {
  p3: '1 - p1 - p2',
  Z: 'q1*exp(r1/beta) + q2*exp(r2/beta) + q3*exp(r3/beta)',
  s1: 'q1*exp(r1/beta)/Z',
  s2: 'q2*exp(r2/beta)/Z',
  s3: 'q3*exp(r3/beta)/Z',
};

/** T1 for n = 3: E_p[r] - beta KL(p||q) = beta log Z - beta KL(p||pi*), with pi*_i = s_i. */
const gibbs: IdentitySpec = {
  name: 'T1 Gibbs variational identity, n = 3',
  lhs: 'p1*r1 + p2*r2 + p3*r3 - beta*(p1*log(p1/q1) + p2*log(p2/q2) + p3*log(p3/q3))',
  rhs: 'beta*log(Z) - beta*(p1*log(p1/s1) + p2*log(p2/s2) + p3*log(p3/s3))',
  variables: { ...gibbsVariables },
  substitutions: gibbsSubstitutions,
};

describe('the two documented nerdamer simplify bugs are refused', () => {
  test('log(a*b) - log(a) - log(b) = 0 is certified by the own log rewrite', () => {
    const certificate = certifyIdentity({
      name: 'log of a product',
      lhs: 'log(a*b) - log(a) - log(b)',
      rhs: '0',
      variables: { a: 'positive', b: 'positive' },
    });
    expect(certificate.status).toBe('certified');
    expect(certificate.casResidual).toBe('0');
    expect(certificate.evaluation).toBe('interval');
    expect(certificate.points).toHaveLength(5);
  });

  test('what simplify claims, log(a*b)-log(a)-log(b) = -log(a*b)^2+log(a)+log(b), is false: raw simplify is cas-unsound', () => {
    const claimed = casSimplify('log(a*b)-log(a)-log(b)');
    expect(claimed).toBe('-log(a*b)^2+log(a)+log(b)');
    const claim: IdentitySpec = {
      name: 'nerdamer simplify output',
      lhs: 'log(a*b) - log(a) - log(b)',
      rhs: claimed,
      variables: { a: 'positive', b: 'positive' },
    };
    // Trusting simplify, the CAS says 0; independent evaluation (residual = log(ab)^2 != 0) says no.
    const trusting = certifyIdentity(claim, { reduction: 'nerdamer-simplify' });
    expect(trusting.status).toBe('cas-unsound');
    expect(trusting.casResidual).toBe('0');
    expect(trusting.detail).toMatch(/excludes 0/);
    // The layer's own reduction does not claim 0, and the claim is refuted.
    const own = certifyIdentity(claim);
    expect(own.status).toBe('failed');
    expect(own.casResidual).not.toBe('0');
  });

  test('a/(a+b) + b/(a+c) is not 0: failed, never certified', () => {
    const certificate = certifyIdentity({
      name: 'sum of fractions',
      lhs: 'a/(a+b) + b/(a+c)',
      rhs: '0',
      variables: { a: 'positive', b: 'positive', c: 'positive' },
    });
    expect(certificate.status).toBe('failed');
    expect(certificate.evaluation).toBe('exact');
    // numerator a(a+c) + b(a+b), expanded
    expect(certificate.casResidual).toBe('a^2+a*b+a*c+b^2');
    // positive a, b, c: the residual is positive at the first point already
    expect(certificate.residuals).toHaveLength(1);
    expect(certificate.residuals[0]).not.toBe('0');
  });

  test('a/(a+b) + b/(a+c) = simplify output: raw simplify is cas-unsound, the layer says failed', () => {
    const claimed = casSimplify('a/(a+b)+b/(a+c)');
    const claim: IdentitySpec = {
      name: 'nerdamer simplify output',
      lhs: 'a/(a+b) + b/(a+c)',
      rhs: claimed,
      variables: { a: 'positive', b: 'positive', c: 'positive' },
    };
    expect(certifyIdentity(claim, { reduction: 'nerdamer-simplify' }).status).toBe('cas-unsound');
    expect(certifyIdentity(claim).status).toBe('failed');
  });
});

describe('rational identities: exact evaluation with the Schwartz-Zippel bound', () => {
  test('(a+b)^2 = a^2 + 2ab + b^2', () => {
    const certificate = certifyIdentity({
      name: 'binomial square',
      lhs: '(a+b)^2',
      rhs: 'a^2 + 2*a*b + b^2',
      variables: { a: 'real', b: 'real' },
    });
    expect(certificate.status).toBe('certified');
    expect(certificate.evaluation).toBe('exact');
    expect(certificate.residuals).toEqual(['0', '0', '0', '0', '0']);
    // d = 2, nothing singular: 2/2^32 = 4.6566e-10 per point, (2^-31)^5 = 2.1895e-47
    expect(certificate.schwartzZippel).toEqual({
      degree: 2,
      sampleSetSize: '4294967296',
      boundPerPoint: '4.66e-10',
      bound: '2.19e-47',
    });
  });

  test('2-state chain: mu = (b, a)/(a+b) satisfies mu P = mu componentwise', () => {
    const variables = { a: 'probability', b: 'probability', mu1: 'probability', mu2: 'probability' } as const;
    const substitutions = { mu1: 'b/(a+b)', mu2: 'a/(a+b)' };
    // (mu P)_1 = mu1 (1-a) + mu2 b,  (mu P)_2 = mu1 a + mu2 (1-b)
    const first = certifyIdentity({ name: '(mu P)_1 = mu_1', lhs: 'mu1*(1-a) + mu2*b', rhs: 'mu1', variables, substitutions });
    const second = certifyIdentity({ name: '(mu P)_2 = mu_2', lhs: 'mu1*a + mu2*(1-b)', rhs: 'mu2', variables, substitutions });
    for (const certificate of [first, second]) {
      expect(certificate.status).toBe('certified');
      // d = 2 and singular a+b (d_s = 1): 2/(2^32 - 1)
      expect(certificate.schwartzZippel?.degree).toBe(2);
      expect(certificate.schwartzZippel?.boundPerPoint).toBe('4.66e-10');
      expect(certificate.schwartzZippel?.bound).toBe('2.19e-47');
    }
    // mutant: the other component's law
    const wrong = certifyIdentity({ name: 'mu = (a, b)/(a+b)', lhs: 'mu2*(1-a) + mu1*b', rhs: 'mu2', variables, substitutions });
    expect(wrong.status).toBe('failed');
  });

  test('x^2 vs x^2 + 1e-30 x: refused, with the exact nonzero residual', () => {
    const certificate = certifyIdentity({ name: 'tiny term', lhs: 'x^2', rhs: 'x^2 + 1e-30*x', variables: { x: 'positive' } });
    expect(certificate.status).toBe('failed');
    const x = certificate.points[0]!.x!;
    const [p, q] = x.includes('/') ? x.split('/').map(BigInt) : [BigInt(x), 1n];
    // residual = -x/10^30 exactly
    const [rp, rq] = certificate.residuals[0]!.split('/').map(BigInt);
    expect(rp! * q! * 10n ** 30n).toBe(-p! * rq!);
  });

  test('a true identity the CAS leaves unreduced would be numerically certified, with the bound', () => {
    // log(x^2) = 2 log|x| for x != 0: the rewrite refuses log(x^2) -> 2 log x (false for x < 0),
    // so the CAS sees two independent atoms; interval evaluation at x of both signs finds 0.
    const certificate = certifyIdentity({ name: 'log of a square', lhs: 'log(x^2)', rhs: '2*log(abs(x))', variables: { x: 'nonzero' } });
    expect(certificate.status).toBe('numerically-certified');
    expect(certificate.casResidual).not.toBe('0');
    expect(certificate.widthBelow).toBe('1e-30');
  });
});

describe('transcendental identities: rigorous enclosures', () => {
  test('atoms equal as rational functions are one atom: exp(r/beta) exp(-r beta^(-1)) = 1', () => {
    const certificate = certifyIdentity({
      name: 'one exp atom',
      lhs: 'exp(r/beta) * exp(-r*beta^(-1))',
      rhs: '1',
      variables: { r: 'real', beta: 'positive' },
    });
    expect(certificate.status).toBe('certified');
  });

  test('T1 Gibbs identity, n = 3, on the simplex', () => {
    const certificate = certifyIdentity(gibbs, { points: 3 });
    expect(certificate.status).toBe('certified');
    expect(certificate.casResidual).toBe('0');
    expect(certificate.evaluation).toBe('interval');
    expect(certificate.widthBelow).toBe('1e-30');
    for (const point of certificate.points) {
      // p3 = 1 - p1 - p2 stayed a probability
      const [p1, p2] = [point.p1!, point.p2!].map((v) => Number(v.split('/')[0]) / Number(v.split('/')[1] ?? 1));
      expect(p1! + p2!).toBeLessThan(1);
    }
  });

  test('T1 without the side condition sum p = 1 is refused (residual beta log Z (sum p - 1))', () => {
    const { p3: _dropped, ...rest } = gibbsSubstitutions;
    const certificate = certifyIdentity({ ...gibbs, name: 'T1 off the simplex', substitutions: rest }, { points: 3 });
    expect(certificate.status).toBe('failed');
  });

  test('T1 mutant with KL(pi*||p) in place of KL(p||pi*) is refused', () => {
    const mutant = { ...gibbs, name: 'reversed KL', rhs: 'beta*log(Z) - beta*(s1*log(s1/p1) + s2*log(s2/p2) + s3*log(s3/p3))' };
    expect(certifyIdentity(mutant, { points: 3 }).status).toBe('failed');
  });

  test('d/dt exp(-beta t) = -beta exp(-beta t): nerdamer derivative, certified', () => {
    const derivative = differentiate('exp(-beta*t)', 't');
    const certificate = certifyIdentity({
      name: 'derivative of exp(-beta t)',
      lhs: derivative,
      rhs: '-beta*exp(-beta*t)',
      variables: { beta: 'positive', t: 'positive' },
    });
    expect(certificate.status).toBe('certified');
  });

  test('T8 closed form solves d theta/dt = r - beta (theta - log q); a wrong sign does not', () => {
    const variables = { beta: 'positive', t: 'positive', q: 'probability', r: 'real', theta0: 'real', thetaStar: 'real', theta: 'real' } as const;
    const closedForm = 'thetaStar + exp(-beta*t)*(theta0 - thetaStar)';
    const substitutions = { thetaStar: 'log(q) + r/beta', theta: closedForm };
    const solves = certifyIdentity({
      name: 'T8 flow solution',
      lhs: differentiate(closedForm, 't'),
      rhs: 'r - beta*(theta - log(q))',
      variables,
      substitutions,
    });
    expect(solves.status).toBe('certified');
    const wrong = certifyIdentity({
      name: 'T8 wrong sign',
      lhs: differentiate('thetaStar + exp(beta*t)*(theta0 - thetaStar)', 't'),
      rhs: 'r - beta*(theta - log(q))',
      variables,
      substitutions,
    });
    expect(wrong.status).toBe('failed');
  });
});

describe('determinism and validation', () => {
  test('same seed, same certificate; another seed, other points', () => {
    const spec: IdentitySpec = { name: 'square', lhs: '(a-b)*(a+b)', rhs: 'a^2 - b^2', variables: { a: 'real', b: 'nonzero' } };
    expect(certifyIdentity(spec, { seed: 11 })).toEqual(certifyIdentity(spec, { seed: 11 }));
    expect(certifyIdentity(spec, { seed: 12 }).points).not.toEqual(certifyIdentity(spec, { seed: 11 }).points);
  });

  test('bad specifications name the field', () => {
    const base: IdentitySpec = { name: 'x', lhs: 'a', rhs: 'a', variables: { a: 'real' } };
    expect(() => certifyIdentity({ ...base, lhs: 'a + b' })).toThrow(/variable "b" has no declared domain/);
    expect(() => certifyIdentity({ ...base, variables: { a: 'complex' as never } })).toThrow(/variables.a/);
    expect(() => certifyIdentity({ ...base, rhs: 'a^' })).toThrow(IdentitySpecError);
    expect(() => certifyIdentity(base, { points: 2 })).toThrow(/points/);
    expect(() => certifyIdentity({ ...base, substitutions: { a: 'b', b: 'a' }, variables: { a: 'real', b: 'real' } })).toThrow(/circular/);
  });

  test('an enclosure that stays too wide is undecided, never a pass', () => {
    // exp(200 x) - exp(200 x): the CAS sees 0, but with x >= 1/8 each term is >= e^25 ~ 7e10, so
    // at 10 digits doubled up to 40 the enclosure of the difference (~7e10 * 1e-39 wide) stays
    // wider than 1e-30 although it contains 0.
    const certificate = certifyIdentity(
      { name: 'cancellation', lhs: 'exp(200*x) - exp(200*x)', rhs: '0', variables: { x: 'positive' } },
      { points: 3, digits: 10 },
    );
    expect(certificate.casResidual).toBe('0');
    expect(certificate.status).toBe('undecided');
    expect(certificate.detail).toMatch(/neither excludes 0 nor is narrower than 1e-30, even at 40 digits/);
  });

  test('no valid point: undecided, never a pass', () => {
    // log(-a) is undefined for every positive a
    const certificate = certifyIdentity({ name: 'nowhere defined', lhs: 'log(-a)', rhs: 'log(-a)', variables: { a: 'positive' } });
    expect(certificate.status).toBe('undecided');
  });
});
