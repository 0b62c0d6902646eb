import { Decimal } from 'decimal.js';
import { describe, expect, test } from 'vitest';
import type { RationalIdentityEvidence, TranscendentalIdentityEvidence } from '../../src/certificate/format.js';
import { identityRecord } from '../../src/certificate/identityRecord.js';
import { certifyIdentity, type IdentitySpec } from '../../src/symbolic/index.js';

/**
 * The identity record read by an independent oracle: a small parser and
 * decimal.js at 80 digits, sharing no code with the symbolic layer. What it
 * checks is what a checker without the engine would: the residuals at the
 * points, the atoms substituted back into the atomized sides, the atomized
 * residual being 0 whatever the atom values, and the Schwartz-Zippel bound.
 */

const D = Decimal.clone({ precision: 80 });
type Env = (name: string) => Decimal;

/** value of an expression in the identity syntax; `^` takes an integer exponent */
function evaluate(text: string, env: Env): Decimal {
  const tokens = text.match(/\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_]\w*|[-+*/^()]/g) ?? [];
  expect(tokens.join('')).toBe(text.replace(/\s+/g, ''));
  let i = 0;
  const take = (t?: string): string => {
    const token = tokens[i++];
    if (token === undefined || (t !== undefined && token !== t))
      throw new Error(`oracle: expected ${t ?? 'a token'} in ${text}`);
    return token;
  };
  const sum = (): Decimal => {
    let value = product();
    while (tokens[i] === '+' || tokens[i] === '-')
      value = take() === '+' ? value.plus(product()) : value.minus(product());
    return value;
  };
  const product = (): Decimal => {
    let value = unary();
    while (tokens[i] === '*' || tokens[i] === '/') value = take() === '*' ? value.times(unary()) : value.div(unary());
    return value;
  };
  const unary = (): Decimal => {
    const sign = tokens[i];
    if (sign !== '-' && sign !== '+') return power();
    take();
    return sign === '-' ? unary().neg() : unary();
  };
  const power = (): Decimal => {
    const base = primary();
    if (tokens[i] !== '^') return base;
    take('^');
    const exponent = unary();
    expect(exponent.isInteger()).toBe(true);
    return base.pow(exponent);
  };
  const primary = (): Decimal => {
    const token = take();
    if (token === '(') {
      const value = sum();
      take(')');
      return value;
    }
    if (/^\d/.test(token)) return new D(token);
    if (tokens[i] === '(') {
      take('(');
      const argument = sum();
      take(')');
      const functions: Record<string, (x: Decimal) => Decimal> = {
        log: (x) => D.ln(x),
        exp: (x) => D.exp(x),
        sqrt: (x) => D.sqrt(x),
        abs: (x) => x.abs(),
      };
      return functions[token]!(argument);
    }
    return env(token);
  };
  const value = sum();
  expect(i).toBe(tokens.length);
  return value;
}

const fraction = (text: string): Decimal => {
  const [p, q] = text.split('/');
  return new D(p!).div(new D(q ?? '1'));
};

/** The free variables at a point, then the substitutions (which may use each other), then `extra`. */
function environment(
  spec: IdentitySpec,
  point: Readonly<Record<string, string>>,
  extra: Record<string, Decimal> = {},
): Env {
  const cache = new Map<string, Decimal>();
  const env: Env = (name) => {
    if (extra[name] !== undefined) return extra[name];
    if (point[name] !== undefined) return fraction(point[name]);
    const cached = cache.get(name);
    if (cached) return cached;
    const definition = spec.substitutions?.[name];
    if (definition === undefined) throw new Error(`oracle: no value for ${name}`);
    const value = evaluate(definition, env);
    cache.set(name, value);
    return value;
  };
  return env;
}

const close = (a: Decimal, b: Decimal, digits: number): boolean =>
  a
    .minus(b)
    .abs()
    .lte(new D(10).pow(-digits).times(D.max(1, a.abs(), b.abs())));

describe('identity records, checked by decimal.js', () => {
  test('transcendental (Gibbs, n = 2): atoms substituted back give both sides; the atomized residual is 0 for any atom values', () => {
    const spec: IdentitySpec = {
      name: 'Gibbs n = 2',
      lhs: 'p1*r1 + p2*r2 - beta*(p1*log(p1/q1) + p2*log(p2/q2))',
      rhs: 'beta*log(Z) - beta*(p1*log(p1/s1) + p2*log(p2/s2))',
      variables: {
        p1: 'probability',
        p2: 'probability',
        q1: 'positive',
        q2: 'positive',
        r1: 'real',
        r2: 'real',
        beta: 'positive',
        Z: 'positive',
        s1: 'probability',
        s2: 'probability',
      },
      substitutions: {
        p2: '1 - p1',
        Z: 'q1*exp(r1/beta) + q2*exp(r2/beta)',
        s1: 'q1*exp(r1/beta)/Z',
        s2: 'q2*exp(r2/beta)/Z',
      },
    };
    const record = identityRecord(spec, certifyIdentity(spec, { points: 3 }));
    expect(record).toMatchObject({
      name: spec.name,
      status: 'certified',
      lhs: spec.lhs,
      rhs: spec.rhs,
      substitutions: spec.substitutions,
    });
    const evidence = record.evidence as TranscendentalIdentityEvidence;
    expect(evidence.kind).toBe('transcendental');
    expect(evidence.basis).toBe('exact-expansion');
    expect(evidence.points).toHaveLength(3);
    const atomized = evidence.atomized!;
    expect(Object.keys(atomized.atoms).length).toBeGreaterThan(0);
    for (const atom of Object.values(atomized.atoms)) expect(atom).toMatch(/^(log|exp|sqrt|abs)\(/);
    // the atomized residual has no calls: a rational function of variables and atoms
    expect(atomized.residual).not.toMatch(/(log|exp|sqrt|abs)\(/);

    evidence.points.forEach((point, k) => {
      const env = environment(spec, point);
      const atoms: Record<string, Decimal> = {};
      for (const [name, expression] of Object.entries(atomized.atoms)) atoms[name] = evaluate(expression, env);
      const withAtoms = environment(spec, point, atoms);
      const lhs = evaluate(spec.lhs, env);
      const rhs = evaluate(spec.rhs, env);
      expect(close(evaluate(atomized.lhs!, withAtoms), lhs, 60)).toBe(true);
      expect(close(evaluate(atomized.rhs!, withAtoms), rhs, 60)).toBe(true);
      const residual = lhs.minus(rhs);
      expect(residual.abs().lte(new D('1e-60'))).toBe(true);
      expect(evaluate(atomized.residual, withAtoms).minus(residual).abs().lte(new D('1e-60'))).toBe(true);
      // the enclosure holds the residual (0 up to the oracle's rounding)
      const { lo, hi } = evidence.residuals[k]!;
      expect(new D(lo).lte(residual.plus('1e-60')) && residual.minus('1e-60').lte(new D(hi))).toBe(true);
      expect(new D(hi).minus(new D(lo)).lt('1e-30')).toBe(true);
      // identically 0: atoms replaced by unrelated values
      const unrelated: Record<string, Decimal> = {};
      Object.keys(atomized.atoms).forEach((name, j) => (unrelated[name] = new D(j + 2).div(7 + k).plus(k)));
      expect(
        evaluate(atomized.residual, environment(spec, point, unrelated))
          .abs()
          .lte(new D('1e-60')),
      ).toBe(true);
    });
  });

  test('rational: the residuals are exact at the points, and the Schwartz-Zippel bound is at least (d/(N - d_s))^k', () => {
    const variables = { a: 'probability', b: 'probability', mu1: 'probability', mu2: 'probability' } as const;
    const spec: IdentitySpec = {
      name: '(mu P)_1 = mu_1',
      lhs: 'mu1*(1-a) + mu2*b',
      rhs: 'mu1',
      variables,
      substitutions: { mu1: 'b/(a+b)', mu2: 'a/(a+b)' },
    };
    const record = identityRecord(spec, certifyIdentity(spec));
    expect(record.status).toBe('certified');
    const evidence = record.evidence as RationalIdentityEvidence;
    expect(evidence.kind).toBe('rational');
    expect(evidence.basis).toBe('exact-expansion');
    expect(evidence.points).toHaveLength(5);
    evidence.points.forEach((point, k) => {
      const env = environment(spec, point);
      expect(evaluate(spec.lhs, env).minus(evaluate(spec.rhs, env)).abs().lte(new D('1e-70'))).toBe(true);
      expect(evidence.residuals[k]).toBe('0');
    });
    const sz = evidence.schwartzZippel!;
    expect(sz).toMatchObject({ degree: 2, singularDegree: 1, points: 5 });
    const perPoint = new D(sz.degree).div(new D(sz.sampleSetSize).minus(sz.singularDegree));
    expect(new D(sz.boundPerPoint).gte(perPoint)).toBe(true);
    expect(new D(sz.bound).gte(perPoint.pow(5))).toBe(true);
  });

  test('rational, false: the exact nonzero residual at the witness point', () => {
    const spec: IdentitySpec = {
      name: 'missing cross term',
      lhs: '(a + b)^2',
      rhs: 'a^2 + b^2',
      variables: { a: 'real', b: 'positive' },
    };
    const record = identityRecord(spec, certifyIdentity(spec));
    expect(record.status).toBe('failed');
    const evidence = record.evidence as RationalIdentityEvidence;
    expect(evidence.schwartzZippel).toBeUndefined();
    const point = evidence.points.at(-1)!;
    const env = environment(spec, point);
    expect(
      close(evaluate(spec.lhs, env).minus(evaluate(spec.rhs, env)), fraction(evidence.residuals.at(-1)!), 70),
    ).toBe(true);
    expect(fraction(evidence.residuals.at(-1)!).isZero()).toBe(false);
  });
});
