/**
 * Hand-built certificates for the checker's tests, every recorded value from a
 * closed form: the two-state chain P = [[1-a, a], [b, 1-b]] (stationary law
 * (b, a)/(a+b), eigenvalues 1 and 1-a-b, hitting time of state 1 from 0 equal
 * to 1/a), the lazy walk on a 3-cycle (eigenvalues 1, 1/4, 1/4, uniform law,
 * hitting time of state 0 from the others 4), and KL divergences written with
 * ln 2 and ln 3 (constants to 60 decimals, checked against decimal.js in
 * enclosure.test.ts).
 */

/** ln 2, ln 3 and ln 10 truncated to 60 decimals, times 10^60. */
export const LN2 = 693147180559945309417232121458176568075500134360255254120680n;
export const LN3 = 1098612288668109691395245236922525704647490557822749451734694n;
export const LN10 = 2302585092994045684017991454684364207601101488628772976033327n;
export const SCALE = 10n ** 60n;

/** A decimal string of m / 10^60. */
export function decimal(m: bigint): string {
  const sign = m < 0n ? '-' : '';
  const a = m < 0n ? -m : m;
  return `${sign}${a / SCALE}.${(a % SCALE).toString().padStart(60, '0')}`;
}

/** A number object enclosing m / 10^60 to within `slack` units of 10^-60. */
export function around(m: bigint, slack = 10n): { approx: string; lo: string; hi: string } {
  return { approx: decimal(m), lo: decimal(m - slack), hi: decimal(m + slack) };
}

/** The number object of the exact rational n/d: lo, hi its floor and ceiling at 60 decimals. */
export function exact(n: bigint, d = 1n): { approx: string; lo: string; hi: string; exact: string } {
  const floor = (n * SCALE) / d - ((n * SCALE) % d !== 0n && n < 0n ? 1n : 0n);
  const ceil = floor + ((n * SCALE) % d === 0n ? 0n : 1n);
  return { approx: decimal(floor), lo: decimal(floor), hi: decimal(ceil), exact: d === 1n ? `${n}` : `${n}/${d}` };
}

/** The enclosure [lo, hi] of rationals as a number object, rounded outward at 60 decimals. */
export function bracket(lo: [bigint, bigint], hi: [bigint, bigint]): { approx: string; lo: string; hi: string } {
  return { approx: exact(lo[0], lo[1]).lo, lo: exact(lo[0], lo[1]).lo, hi: exact(hi[0], hi[1]).hi };
}

const r = (n: number, d = 1): string => (d === 1 ? `${n}` : `${n}/${d}`);
const ref = (v: string, ...at: (number | string)[]) => (at.length === 0 ? { v } : { v, at });
const q = (s: string) => ({ q: s });

/** The two-state chain as instance values, a = an/ad, b = bn/bd. */
function twoState(an: number, ad: number, bn: number, bd: number) {
  // a + b = (an bd + bn ad) / (ad bd); mu = (b, a) / (a + b)
  const s = an * bd + bn * ad;
  return {
    P: [
      [r(ad - an, ad), r(an, ad)],
      [r(bn, bd), r(bd - bn, bd)],
    ],
    mu: [r(bn * ad, s), r(an * bd, s)],
  };
}

const lazyCycle = [
  ['1/2', '1/4', '1/4'],
  ['1/4', '1/2', '1/4'],
  ['1/4', '1/4', '1/2'],
];

const kl = { op: 'sum', index: 'i', range: { len: 'p' }, body: { op: 'xlogy', args: [ref('p', 'i'), ref('q', 'i')] } };

/**
 * A certificate as the JSON document the checker reads, typed as far as the
 * tests read or tamper with it; the other fields are left open.
 */
export interface CertificateDocument {
  format: string;
  minimumRuns: number;
  theorems: TheoremDocument[];
  summary: { status: string; records: number };
  [field: string]: unknown;
}
export interface TheoremDocument {
  id: string;
  status: string;
  identities: { name: string; lhs: string; [field: string]: unknown }[];
  properties: SuiteDocument[];
  mutants: SuiteDocument[];
  [field: string]: unknown;
}
export interface SuiteDocument {
  name: string;
  status: string;
  runs: number;
  claims: { text: string; assert: { and?: Record<string, unknown>[]; [field: string]: unknown } }[];
  records: RunDocument[];
  [field: string]: unknown;
}
export interface RunDocument {
  run: number;
  claim: number;
  instance: Record<string, unknown>;
  witnesses?: Record<string, unknown>[];
  decision: string;
  atom: { cmp: string; holds: boolean; left: unknown; [field: string]: unknown };
  [field: string]: unknown;
}

/** A valid certificate: theorem TA verified (identities, four properties with witnesses, a mutant), TB falsified. */
export function validCertificate(): CertificateDocument {
  const balance = {
    text: 'mu0 P01 = mu1 P10 and mu0 >= 0',
    assert: {
      and: [
        {
          cmp: '=',
          args: [
            { op: 'mul', args: [ref('mu', 0), ref('P', 0, 1)] },
            { op: 'mul', args: [ref('mu', 1), ref('P', 1, 0)] },
          ],
        },
        { cmp: '>=', args: [ref('mu', 0), q('0')] },
      ],
    },
  };
  // mu0 a = ab/(a+b) for (a, b) = (1/3, 1/4): 1/12 / (7/12) = 1/7
  const balanceRuns = [
    [1, 3, 1, 4, 1n, 7n],
    [1, 2, 1, 5, 1n, 7n],
    [2, 7, 3, 7, 6n, 35n],
  ].map(([an, ad, bn, bd, n, d], run) => {
    const instance = twoState(an as number, ad as number, bn as number, bd as number);
    return {
      run,
      claim: 0,
      instance,
      witnesses: [{ kind: 'stationary', matrix: 'P', law: 'mu' }],
      decision: 'pass',
      atom: {
        index: 0,
        cmp: '=',
        left: exact(n as bigint, d as bigint),
        right: exact(n as bigint, d as bigint),
        holds: true,
      },
    };
  });

  const gibbs = {
    text: 'KL(p||q) >= 0 and log(xy) = log x + log y to 30 digits',
    assert: {
      and: [
        { cmp: '>=', args: [kl, q('0')] },
        {
          cmp: '=',
          digits: 30,
          args: [
            { op: 'log', args: [{ op: 'mul', args: [ref('x'), ref('y')] }] },
            {
              op: 'add',
              args: [
                { op: 'log', args: [ref('x')] },
                { op: 'log', args: [ref('y')] },
              ],
            },
          ],
        },
      ],
    },
  };
  const gibbsRuns = [
    // KL((1/2, 1/2) || (1/4, 3/4)) = ln 2 - ln 3 / 2
    {
      run: 0,
      claim: 0,
      instance: { p: ['1/2', '1/2'], q: ['1/4', '3/4'], x: '2', y: '3' },
      decision: 'pass',
      digits: 40,
      atom: { index: 0, cmp: '>=', left: around(LN2 - LN3 / 2n), right: exact(0n), holds: true },
    },
    // KL((1/3, 2/3) || (2/3, 1/3)) = ln 2 / 3; log 4 = 2 ln 2 on both sides
    {
      run: 1,
      claim: 0,
      instance: { p: ['1/3', '2/3'], q: ['2/3', '1/3'], x: '2', y: '2' },
      decision: 'pass',
      digits: 40,
      atom: { index: 1, cmp: '=', digits: 30, left: around(2n * LN2), right: around(2n * LN2), holds: true },
    },
  ];

  const gap = { text: 'lambda < 1', assert: { cmp: '<', args: [ref('lambda'), q('1')] } };
  const gapRuns = [
    // 1 - a - b = 5/12 for (a, b) = (1/3, 1/4): the smallest eigenvalue (rank -1)
    {
      run: 0,
      claim: 0,
      instance: twoState(1, 3, 1, 4),
      witnesses: [
        { kind: 'eigenvalue', matrix: 'P', law: 'mu', rank: -1, name: 'lambda', lo: '413/1000', hi: '419/1000' },
      ],
      decision: 'pass',
      digits: 40,
      atom: { index: 0, cmp: '<', left: bracket([413n, 1000n], [419n, 1000n]), right: exact(1n), holds: true },
    },
    // lazy 3-cycle: eigenvalue 2 is 1/4
    {
      run: 1,
      claim: 0,
      instance: { P: lazyCycle, mu: ['1/3', '1/3', '1/3'] },
      witnesses: [{ kind: 'eigenvalue', matrix: 'P', law: 'mu', rank: 2, name: 'lambda', lo: '1/5', hi: '3/10' }],
      decision: 'pass',
      digits: 40,
      atom: { index: 0, cmp: '<', left: bracket([1n, 5n], [3n, 10n]), right: exact(1n), holds: true },
    },
  ];

  const hittingClaims = [
    { text: 'h(0) = 1/a', assert: { cmp: '=', args: [ref('h', 0), { op: 'div', args: [q('1'), ref('P', 0, 1)] }] } },
    { text: 'h(1) = 4', assert: { cmp: '=', args: [ref('h', 1), q('4')] } },
  ];
  const hittingRuns = [
    {
      run: 0,
      claim: 0,
      instance: { ...twoState(1, 3, 1, 4), target: ['0', '1'], h: ['3', '0'] },
      witnesses: [{ kind: 'hitting', matrix: 'P', target: 'target', value: 'h' }],
      decision: 'pass',
      atom: { index: 0, cmp: '=', left: exact(3n), right: exact(3n), holds: true },
    },
    {
      run: 1,
      claim: 1,
      instance: { P: lazyCycle, target: ['1', '0', '0'], h: ['0', '4', '4'] },
      witnesses: [{ kind: 'hitting', matrix: 'P', target: 'target', value: 'h' }],
      decision: 'pass',
      atom: { index: 0, cmp: '=', left: exact(4n), right: exact(4n), holds: true },
    },
  ];

  const reversed = { text: 'KL(p||q) <= 0', assert: { cmp: '<=', args: [kl, q('0')] } };
  const mutantRecord = {
    run: -1,
    claim: 0,
    instance: { p: ['1/2', '1/2'], q: ['1/4', '3/4'] },
    decision: 'fail',
    digits: 40,
    atom: { index: 0, cmp: '<=', left: around(LN2 - LN3 / 2n), right: exact(0n), holds: false },
  };

  const bounded = {
    text: 'v <= 1',
    assert: { all: 'i', range: { len: 'v' }, body: { cmp: '<=', args: [ref('v', 'i'), q('1')] } },
  };
  const boundedRuns = [
    {
      run: 0,
      claim: 0,
      instance: { v: ['1/2', '1'] },
      decision: 'pass',
      atom: { index: 1, cmp: '<=', left: exact(1n), right: exact(1n), holds: true },
    },
    {
      run: -1,
      claim: 0,
      instance: { v: ['2'] },
      decision: 'fail',
      atom: { index: 0, cmp: '<=', left: exact(2n), right: exact(1n), holds: false },
    },
  ];

  return {
    format: 'ebm-lens-certificate/1',
    tool: { name: 'ebm-lens', version: '0.1.0' },
    seed: 251218730,
    profile: 'test',
    runsPerProperty: 3,
    minimumRuns: 2,
    theorems: [
      {
        id: 'TA',
        title: 'closed forms of small chains',
        status: 'verified',
        identities: [
          {
            name: 'square',
            status: 'certified',
            lhs: '(a + b)^2 - c',
            rhs: 'a^2 + 2*a*b + b^2 - c',
            variables: { a: 'real', b: 'positive', c: 'real' },
            substitutions: { c: 'a*b/2' },
            evidence: {
              kind: 'rational',
              points: [{ a: '1/2', b: '3' }],
              residuals: ['0'],
              casResidual: '0',
              detail: '',
            },
          },
          {
            name: 'log-exp',
            status: 'certified',
            lhs: 'log(x*y) + exp(u)^2',
            rhs: 'log(x) + log(y) + exp(2*u)',
            variables: { x: 'positive', y: 'positive', u: 'real' },
            evidence: {
              kind: 'transcendental',
              basis: 'exact-expansion',
              points: [{ x: '2', y: '3', u: '1/2' }],
              residuals: [{ lo: '-1e-45', hi: '1e-45' }],
              digits: 60,
              casResidual: '0',
              atomized: {
                residual: 'Lx + Ly + Eu^2 - (Lx + Ly + Eu^2)',
                atoms: { Lx: 'log(x)', Ly: 'log(y)', Eu: 'exp(u)' },
              },
              detail: '',
            },
          },
        ],
        properties: [
          {
            name: 'two-state-balance',
            mode: 'exact',
            status: 'verified',
            runs: 3,
            claims: [balance],
            records: balanceRuns,
          },
          {
            name: 'gibbs-inequality',
            mode: 'interval',
            status: 'verified',
            runs: 2,
            claims: [gibbs],
            records: gibbsRuns,
          },
          { name: 'spectral-bracket', mode: 'interval', status: 'verified', runs: 2, claims: [gap], records: gapRuns },
          {
            name: 'hitting-times',
            mode: 'exact',
            status: 'verified',
            runs: 2,
            claims: hittingClaims,
            records: hittingRuns,
          },
        ],
        mutants: [{ name: 'reversed-gibbs', status: 'refuted', runs: 1, claims: [reversed], records: [mutantRecord] }],
      },
      {
        id: 'TB',
        title: 'a false claim',
        status: 'falsified',
        identities: [],
        properties: [
          { name: 'bounded', mode: 'exact', status: 'falsified', runs: 1, claims: [bounded], records: boundedRuns },
        ],
        mutants: [],
      },
    ],
    summary: { status: 'falsified', records: 12 },
  };
}

/** A deep copy to tamper with. */
export const copy = <T>(x: T): T => structuredClone(x);
