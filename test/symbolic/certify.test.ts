import { describe, expect, test } from 'vitest';
import { casSimplify } from '../../src/symbolic/cas.js';
import { decideStatus, type Findings } from '../../src/symbolic/certify.js';
import { certifyIdentity, differentiate, IdentitySpecError, type IdentitySpec } from '../../src/symbolic/index.js';

/**
 * Known answers: every identity below is true or false by a hand derivation
 * written next to it; Schwartz-Zippel numbers are d/(N - d_s) with N the
 * smallest count of numerators for the least denominator 2^30 + 1 (2^30 for
 * probabilities, 8(2^30 + 1) + 1 for reals), d and d_s counted by hand,
 * rounded up to 3 digits (checked with exact fractions outside the suite).
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
    expect(certificate.basis).toBe('exact-expansion');
    expect(certificate.evaluation).toBe('exact');
    expect(certificate.residuals).toEqual(['0', '0', '0', '0', '0']);
    // d = 2, nothing singular, N = 8589934601: 2/N = 2.3283e-10 per point, (2/N)^5 = 6.8417e-49
    expect(certificate.schwartzZippel).toEqual({
      degree: 2,
      singularDegree: 0,
      sampleSetSize: '8589934601',
      boundPerPoint: '2.33e-10',
      bound: '6.85e-49',
    });
  });

  test('2-state chain: mu = (b, a)/(a+b) satisfies mu P = mu componentwise', () => {
    const variables = { a: 'probability', b: 'probability', mu1: 'probability', mu2: 'probability' } as const;
    const substitutions = { mu1: 'b/(a+b)', mu2: 'a/(a+b)' };
    // (mu P)_1 = mu1 (1-a) + mu2 b,  (mu P)_2 = mu1 a + mu2 (1-b)
    const first = certifyIdentity({
      name: '(mu P)_1 = mu_1',
      lhs: 'mu1*(1-a) + mu2*b',
      rhs: 'mu1',
      variables,
      substitutions,
    });
    const second = certifyIdentity({
      name: '(mu P)_2 = mu_2',
      lhs: 'mu1*a + mu2*(1-b)',
      rhs: 'mu2',
      variables,
      substitutions,
    });
    for (const certificate of [first, second]) {
      expect(certificate.status).toBe('certified');
      // d = 2 and singular a+b (d_s = 1), N = 2^30: 2/(2^30 - 1) = 1.8626e-9, its 5th power 2.2471e-44
      expect(certificate.schwartzZippel?.degree).toBe(2);
      expect(certificate.schwartzZippel?.singularDegree).toBe(1);
      expect(certificate.schwartzZippel?.sampleSetSize).toBe('1073741824');
      expect(certificate.schwartzZippel?.boundPerPoint).toBe('1.87e-9');
      expect(certificate.schwartzZippel?.bound).toBe('2.25e-44');
    }
    // mutant: the other component's law
    const wrong = certifyIdentity({
      name: 'mu = (a, b)/(a+b)',
      lhs: 'mu2*(1-a) + mu1*b',
      rhs: 'mu2',
      variables,
      substitutions,
    });
    expect(wrong.status).toBe('failed');
  });

  test('x^2 vs x^2 + 1e-30 x: refused, with the exact nonzero residual', () => {
    const certificate = certifyIdentity({
      name: 'tiny term',
      lhs: 'x^2',
      rhs: 'x^2 + 1e-30*x',
      variables: { x: 'positive' },
    });
    expect(certificate.status).toBe('failed');
    const x = certificate.points[0]!.x!;
    const [p, q] = x.includes('/') ? x.split('/').map(BigInt) : [BigInt(x), 1n];
    // residual = -x/10^30 exactly
    const [rp, rq] = certificate.residuals[0]!.split('/').map(BigInt);
    expect(rp! * q! * 10n ** 30n).toBe(-p! * rq!);
  });

  test('a true transcendental identity the CAS leaves unreduced is only numerically supported, never certified', () => {
    // exp(x/2)^2 = exp(x): exp(x/2) and exp(x) stay two atoms, so there is no symbolic proof;
    // every enclosure contains 0, which is evidence, not a proof.
    const certificate = certifyIdentity({
      name: 'exp of a half',
      lhs: 'exp(x/2)^2',
      rhs: 'exp(x)',
      variables: { x: 'real' },
    });
    expect(certificate.status).toBe('numerically-supported');
    expect(certificate.casResidual).not.toBe('0');
    expect(certificate.basis).toBeUndefined();
    expect(certificate.atomized).toBeUndefined();
    // escalated to the cap (50 digits doubled twice) looking for a nonzero value
    expect(certificate.digits).toBe(200);
    expect(certificate.detail).toMatch(/Numerically supported only: no symbolic proof, not certified/);
  });

  test('log(x^2) = 2 log|x| for x != 0 is proven by the rewrite (an even power needs no hypothesis)', () => {
    const certificate = certifyIdentity({
      name: 'log of a square',
      lhs: 'log(x^2)',
      rhs: '2*log(abs(x))',
      variables: { x: 'nonzero' },
    });
    expect(certificate.status).toBe('certified');
    expect(certificate.casResidual).toBe('0');
    expect(certificate.widthBelow).toBe('1e-30');
    // x of both signs among the points
    const signs = new Set(certificate.points.map((point) => point.x!.startsWith('-')));
    expect(signs.size).toBe(2);
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
    const rest: Record<string, string> = { ...gibbsSubstitutions };
    delete rest.p3;
    const certificate = certifyIdentity({ ...gibbs, name: 'T1 off the simplex', substitutions: rest }, { points: 3 });
    expect(certificate.status).toBe('failed');
  });

  test('T1 mutant with KL(pi*||p) in place of KL(p||pi*) is refused', () => {
    const mutant = {
      ...gibbs,
      name: 'reversed KL',
      rhs: 'beta*log(Z) - beta*(s1*log(s1/p1) + s2*log(s2/p2) + s3*log(s3/p3))',
    };
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
    const variables = {
      beta: 'positive',
      t: 'positive',
      q: 'probability',
      r: 'real',
      theta0: 'real',
      thetaStar: 'real',
      theta: 'real',
    } as const;
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
    const spec: IdentitySpec = {
      name: 'square',
      lhs: '(a-b)*(a+b)',
      rhs: 'a^2 - b^2',
      variables: { a: 'real', b: 'nonzero' },
    };
    expect(certifyIdentity(spec, { seed: 11 })).toEqual(certifyIdentity(spec, { seed: 11 }));
    expect(certifyIdentity(spec, { seed: 12 }).points).not.toEqual(certifyIdentity(spec, { seed: 11 }).points);
  });

  test('bad specifications name the field', () => {
    const base: IdentitySpec = { name: 'x', lhs: 'a', rhs: 'a', variables: { a: 'real' } };
    expect(() => certifyIdentity({ ...base, lhs: 'a + b' })).toThrow(/variable "b" has no declared domain/);
    expect(() => certifyIdentity({ ...base, variables: { a: 'complex' as never } })).toThrow(/variables.a/);
    expect(() => certifyIdentity({ ...base, rhs: 'a^' })).toThrow(IdentitySpecError);
    expect(() => certifyIdentity(base, { points: 2 })).toThrow(/points/);
    expect(() =>
      certifyIdentity({ ...base, substitutions: { a: 'b', b: 'a' }, variables: { a: 'real', b: 'real' } }),
    ).toThrow(/circular/);
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

  test('defined nowhere in its declared domain: an error of the specification, never a pass', () => {
    // log(-a) is undefined for every positive a; the CAS reduces log(-a) - log(-a) to 0 all the same
    const spec: IdentitySpec = {
      name: 'nowhere defined',
      lhs: 'log(-a)',
      rhs: 'log(-a)',
      variables: { a: 'positive' },
    };
    expect(() => certifyIdentity(spec)).toThrow(IdentitySpecError);
    expect(() => certifyIdentity(spec)).toThrow(/log of a value < 0 at a = .*inside every declared domain/);
  });

  test('no point where the residual is defined: undecided, never a pass', () => {
    // 1/(x - x) has an exact zero divisor at every point: each draw is redrawn until the budget is spent
    const certificate = certifyIdentity({ name: 'zero divisor', lhs: '1/(x - x)', rhs: '0', variables: { x: 'real' } });
    expect(certificate.status).toBe('undecided');
    expect(certificate.detail).toMatch(/only 0 of 5 random points were in the domain of definition/);
  });
});

describe('adversarial false identities are not certified', () => {
  test('exp(x + 10^-60) = exp(x): the enclosure is refined until it excludes 0: failed', () => {
    // the residual is exp(x) (exp(10^-60) - 1), about 10^-60 exp(x): inside every 50-digit enclosure
    // of width ~10^-50, outside the 100-digit ones.
    const certificate = certifyIdentity({
      name: 'tiny shift',
      lhs: 'exp(x + 10^(-60))',
      rhs: 'exp(x)',
      variables: { x: 'real' },
    });
    expect(certificate.status).toBe('failed');
    expect(certificate.casResidual).not.toBe('0');
    expect(certificate.digits).toBe(100);
    expect(certificate.detail).toMatch(/excludes 0/);
    // exp(x) (exp(10^-60) - 1) > 0
    expect(Number(certificate.enclosures!.at(-1)!.lo)).toBeGreaterThan(0);
  });

  test('a factor vanishing on the old small grid (x = j/8, j = -32..32) is refused: failed', () => {
    const grid = Array.from({ length: 65 }, (_, j) => `(x - ${j - 32}/8)`).join('*');
    const certificate = certifyIdentity({
      name: 'grid factor',
      lhs: `exp(x)*${grid}`,
      rhs: '0',
      variables: { x: 'real' },
    });
    expect(certificate.status).toBe('failed');
    expect(certificate.detail).toMatch(/excludes 0/);
  });

  test('a factor vanishing at 1/2, 1/3, ..., 1/32 (old probability grid j/32 included) is refused', () => {
    const factors = [
      ...Array.from({ length: 31 }, (_, j) => `(p - ${j + 1}/32)`),
      ...Array.from({ length: 15 }, (_, j) => `(p - 1/${j + 2})`),
    ].join('*');
    const rational = certifyIdentity({ name: 'grid factor', lhs: factors, rhs: '0', variables: { p: 'probability' } });
    expect(rational.status).toBe('failed');
    const transcendental = certifyIdentity({
      name: 'grid factor',
      lhs: `log(p)*${factors}`,
      rhs: '0',
      variables: { p: 'probability' },
    });
    expect(transcendental.status).toBe('failed');
  });

  test('x (x - 1) ... (x - 10) = 0 is refused with an exact witness', () => {
    const lhs = Array.from({ length: 11 }, (_, j) => `(x - ${j})`).join('*');
    const certificate = certifyIdentity({ name: 'integer roots', lhs, rhs: '0', variables: { x: 'real' } });
    expect(certificate.status).toBe('failed');
    expect(certificate.casResidual).toMatch(/^x\^11-55\*x\^10/);
    expect(certificate.residuals.at(-1)).not.toBe('0');
  });

  test('the sample points are fresh random rationals: large denominators, new for each seed, the same for one seed', () => {
    const spec: IdentitySpec = {
      name: 'square',
      lhs: '(a-b)*(a+b)',
      rhs: 'a^2 - b^2',
      variables: { a: 'real', b: 'probability' },
    };
    const first = certifyIdentity(spec, { seed: 1 });
    expect(certifyIdentity(spec, { seed: 1 })).toEqual(first);
    const values = first.points.flatMap((point) => Object.values(point));
    for (const value of values) expect(BigInt(value.split('/')[1]!)).toBeGreaterThan(2n ** 20n);
    const second = certifyIdentity(spec, { seed: 2 }).points.flatMap((point) => Object.values(point));
    expect(values.filter((v) => second.includes(v))).toEqual([]);
  });

  test('a completed nonzero expansion is failed whatever the points say (rational residuals)', () => {
    const findings: Findings = {
      kind: 'rational',
      casZero: false,
      expansion: 'nonzero',
      someDefined: true,
      counterexample: false,
      undecided: false,
    };
    expect(decideStatus(findings)).toBe('failed');
    // even when too few points were defined, one defined point makes the expansion decisive
    expect(decideStatus({ ...findings, undecided: true })).toBe('failed');
    // no point defined: the divisors may vanish identically, the expansion proves nothing
    expect(decideStatus({ ...findings, someDefined: false, undecided: true })).toBe('undecided');
    // with atoms a nonzero expansion proves nothing (exp(x/2)^2 - exp(x)): points alone never certify
    expect(decideStatus({ ...findings, kind: 'transcendental' })).toBe('numerically-supported');
    // an unfinished expansion: exact zeros at random points certify a rational residual (Schwartz-Zippel)
    expect(decideStatus({ ...findings, expansion: 'too-large' })).toBe('certified');
  });

  test('end to end: a nonzero expansion reads as failed, with the expanded numerator', () => {
    const certificate = certifyIdentity({
      name: 'cross term',
      lhs: '(a+b)^2',
      rhs: 'a^2 + b^2',
      variables: { a: 'real', b: 'real' },
    });
    expect(certificate.status).toBe('failed');
    expect(certificate.casResidual).toBe('2*a*b');
  });

  test('log(x^2) = 2 log(x) with x real: an error of the specification (log of a negative x), not certified', () => {
    const spec: IdentitySpec = {
      name: 'log of a square, real x',
      lhs: 'log(x^2)',
      rhs: '2*log(x)',
      variables: { x: 'real' },
    };
    expect(() => certifyIdentity(spec)).toThrow(IdentitySpecError);
    expect(() => certifyIdentity(spec)).toThrow(/log of a value < 0 at x = -.*not defined on its declared domains/);
    // the same identity over positive x is true and proven
    expect(certifyIdentity({ ...spec, variables: { x: 'positive' } }).status).toBe('certified');
  });

  test("the engine's exp limit is not an undefined point: undecided, never redrawn into a pass", () => {
    // (x - 1) exp(10^8 (x - 1)^2) is 0 only at x = 1; elsewhere exp's argument exceeds the engine's range.
    // Redrawing those points would keep only x = 1 (a grid point of old) and pass a false identity.
    const certificate = certifyIdentity({
      name: 'exp beyond range',
      lhs: '(x - 1)*exp(10^8*(x - 1)^2)',
      rhs: '0',
      variables: { x: 'positive' },
    });
    expect(certificate.status).toBe('undecided');
    expect(certificate.detail).toMatch(/the engine cannot evaluate LHS - RHS at x = .*exp argument/);
  });

  test('true identities are still certified: exp of a sum, log of a quotient of substituted positives', () => {
    const exponential = certifyIdentity({
      name: 'exp of a sum',
      lhs: 'exp(x + y)',
      rhs: 'exp(x)*exp(y)',
      variables: { x: 'real', y: 'real' },
    });
    expect(exponential).toMatchObject({ status: 'certified', basis: 'exact-expansion', casResidual: '0' });
    const quotient = certifyIdentity({
      name: 'log of a quotient',
      lhs: 'log(s)',
      rhs: 'log(a) - log(1 - a)',
      variables: { a: 'probability', s: 'positive', t: 'positive' },
      substitutions: { s: 'a/t', t: '1 - a' },
    });
    expect(quotient.status).toBe('certified');
  });
});

describe('certificates that rest on Schwartz-Zippel when the expansion does not finish', () => {
  // six sums of eight variables: the product has 8^6 = 262144 monomials, above the expansion cap
  const groups = ['a', 'b', 'c', 'd', 'f', 'g'];
  const sums = groups.map((g) => `(${Array.from({ length: 8 }, (_, i) => `${g}${i}`).join(' + ')})`);
  const variables: Record<string, 'real' | 'positive'> = { x: 'positive' };
  for (const g of groups) for (let i = 0; i < 8; i++) variables[`${g}${i}`] = 'real';
  const reversed = [...sums].reverse().join('*');

  test('rational: certified with probability, the bound stated, the wording honest', { timeout: 30_000 }, () => {
    const certificate = certifyIdentity(
      { name: 'commuted product', lhs: sums.join('*'), rhs: reversed, variables },
      { points: 3 },
    );
    expect(certificate.status).toBe('certified');
    expect(certificate.basis).toBe('schwartz-zippel');
    expect(certificate.casResidual).toMatch(/not expanded/);
    expect(certificate.detail).toMatch(/Certified with probability, not proven/);
    // d = 6, N = 8(2^30 + 1) + 1 (real): 6/N = 6.985e-10
    expect(certificate.schwartzZippel).toMatchObject({
      degree: 6,
      singularDegree: 0,
      sampleSetSize: '8589934601',
      boundPerPoint: '6.99e-10',
    });
  });

  test(
    'transcendental: the atomized residual, atoms as independent variables, is 0 at random points',
    { timeout: 30_000 },
    () => {
      const certificate = certifyIdentity(
        { name: 'commuted product with a log', lhs: `log(x)*${sums.join('*')}`, rhs: `${reversed}*log(x)`, variables },
        { points: 3 },
      );
      expect(certificate.status).toBe('certified');
      expect(certificate.basis).toBe('atomized-schwartz-zippel');
      expect(certificate.schwartzZippel?.degree).toBe(7);
      expect(certificate.atomized?.atoms).toEqual({ atom0: 'log(x)' });
    },
  );
});
