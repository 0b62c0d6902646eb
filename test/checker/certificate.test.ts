import { describe, expect, it } from 'vitest';
import { checkCertificate } from '../../checker/check.js';
import { readCertificate } from '../../checker/shape.js';
import {
  around,
  copy,
  LN2,
  LN3,
  SCALE,
  validCertificate,
  type CertificateDocument,
  type TheoremDocument,
} from './fixtures.js';

const check = (json: unknown) => checkCertificate(readCertificate(json));
const rejections = (json: unknown): string[] => {
  const report = check(json);
  return [...report.theorems.flatMap((t) => t.rejections), ...report.summary];
};
/** A tampered copy of the valid certificate. */
const tampered = (change: (c: CertificateDocument) => void): CertificateDocument => {
  const c = copy(validCertificate());
  change(c);
  return c;
};
const TA = (c: CertificateDocument): TheoremDocument => c.theorems[0]!;

describe('a valid certificate', () => {
  it('is confirmed in full, falsified theorem included', () => {
    const report = check(validCertificate());
    expect(rejections(validCertificate())).toEqual([]);
    expect(report.confirmedRuns).toBe(12);
    expect(report.totalRuns).toBe(12);
    expect(report.theorems.map((t) => t.status)).toEqual(['verified', 'falsified']);
  });

  it('accepts a property checked in fewer runs than the minimum, the theorem then undecided', () => {
    const c = tampered((c) => {
      c.minimumRuns = 3;
      for (const p of TA(c).properties) if (p.runs < 3) p.status = 'checked';
      TA(c).status = 'undecided';
    });
    expect(rejections(c)).toEqual([]);
  });
});

describe('tampered certificates are rejected, naming theorem, property and run', () => {
  it('a shifted enclosure', () => {
    const c = tampered((c) => (TA(c).properties[1]!.records[0]!.atom.left = around(LN2 - LN3 / 2n + SCALE)));
    expect(rejections(c)).toEqual([
      expect.stringMatching(
        /^TA property gibbs-inequality run 0: atom 0: left: recorded .* is disjoint from the checker's/,
      ),
    ]);
  });

  it("a swapped comparison in the claim ('>=' to '<=')", () => {
    const c = tampered((c) => (TA(c).properties[1]!.claims[0]!.assert.and![0]!.cmp = '<='));
    expect(rejections(c)).toContain('TA property gibbs-inequality run 0: the checker finds fail, recorded pass');
  });

  it('a swapped comparison in the recorded atom', () => {
    const c = tampered((c) => (TA(c).properties[1]!.records[0]!.atom.cmp = '<='));
    expect(rejections(c)).toEqual([
      expect.stringMatching(
        /^TA property gibbs-inequality run 0: atom 0: recorded '<=', the claim's comparison is '>='/,
      ),
    ]);
  });

  it('a recorded holds that its own values contradict', () => {
    const c = tampered((c) => (TA(c).mutants[0]!.records[0]!.atom.holds = true));
    expect(rejections(c)).toEqual([
      'TA mutant reversed-gibbs run -1: atom 0: holds=true contradicts its recorded values',
      'TA mutant reversed-gibbs: refuted, but no fail record is confirmed',
    ]);
  });

  it('a perturbed stationary law', () => {
    const c = tampered((c) => (TA(c).properties[0]!.records[1]!.instance.mu = ['1/7', '6/7']));
    expect(rejections(c)).toEqual([
      expect.stringMatching(
        /^TA property two-state-balance run 1: witness rejected: stationary witness: \(law M\)\(0\) != law\(0\)/,
      ),
    ]);
  });

  it('an eigenvalue bracket that excludes the eigenvalue', () => {
    const c = tampered((c) => Object.assign(TA(c).properties[2]!.records[0]!.witnesses![0]!, { lo: '1/2', hi: '3/5' }));
    expect(rejections(c)).toEqual([
      expect.stringMatching(
        /^TA property spectral-bracket run 0: witness rejected: eigenvalue witness lambda: eigenvalue -1 is not in \[1\/2, 3\/5\]/,
      ),
    ]);
    const above = tampered((c) =>
      Object.assign(TA(c).properties[2]!.records[1]!.witnesses![0]!, { lo: '3/10', hi: '2/5' }),
    );
    expect(rejections(above)).toEqual([
      expect.stringMatching(
        /^TA property spectral-bracket run 1: witness rejected: eigenvalue witness lambda: eigenvalue 2 is not in/,
      ),
    ]);
  });

  it('an eigenvalue bracket ending on the eigenvalue: a zero pivot', () => {
    const c = tampered((c) =>
      Object.assign(TA(c).properties[2]!.records[1]!.witnesses![0]!, { lo: '1/4', hi: '3/10' }),
    );
    expect(rejections(c)).toEqual([
      expect.stringMatching(/run 1: witness rejected: eigenvalue witness lambda: zero pivot at s = lo/),
    ]);
  });

  it('a wrong hitting time', () => {
    const c = tampered((c) => (TA(c).properties[3]!.records[1]!.instance.h = ['0', '4', '5']));
    expect(rejections(c)).toEqual([
      expect.stringMatching(
        /^TA property hitting-times run 1: witness rejected: hitting witness: the equation at state 1 fails/,
      ),
    ]);
  });

  it('a removed run', () => {
    const c = tampered((c) => TA(c).properties[0]!.records.splice(1, 1));
    expect(rejections(c)).toEqual([
      'TA property two-state-balance run 1: missing',
      'summary: records 12, the file has 11 run records',
    ]);
  });

  it('an instance changed so that the recorded values no longer hold', () => {
    const c = tampered((c) => (TA(c).properties[1]!.records[0]!.instance.q = ['1/2', '1/2']));
    expect(rejections(c)).toEqual([
      expect.stringMatching(
        /^TA property gibbs-inequality run 0: atom 0: left: recorded .* is disjoint from the checker's 0$/,
      ),
    ]);
    const exactRun = tampered((c) => {
      const record = TA(c).properties[0]!.records[2]!;
      record.instance.mu = ['1/2', '1/2'];
      delete record.witnesses;
    });
    expect(rejections(exactRun)).toEqual([
      'TA property two-state-balance run 2: the checker finds fail, recorded pass',
    ]);
  });

  it('a wrong summary count or status, a wrong theorem status', () => {
    expect(rejections(tampered((c) => (c.summary.records = 11)))).toEqual([
      'summary: records 11, the file has 12 run records',
    ]);
    expect(rejections(tampered((c) => (c.summary.status = 'verified')))).toEqual([
      'summary: status verified, the theorems give falsified',
    ]);
    expect(rejections(tampered((c) => (TA(c).status = 'undecided')))).toEqual([
      'TA status undecided, its parts give verified',
    ]);
  });

  it('statuses that do not follow from the records', () => {
    expect(rejections(tampered((c) => (c.minimumRuns = 3)))).toContain(
      'TA property gibbs-inequality: verified with 2 runs (minimum for verified: 3)',
    );
    const unrefuted = tampered((c) => (TA(c).mutants[0]!.records[0]!.instance.q = ['1/2', '1/2']));
    expect(rejections(unrefuted)).toEqual([
      'TA mutant reversed-gibbs run -1: the checker finds pass, recorded fail',
      'TA mutant reversed-gibbs: refuted, but no fail record is confirmed',
    ]);
    const unfalsified = tampered((c) => (c.theorems[1]!.properties[0]!.records[1]!.instance.v = ['1/2']));
    expect(rejections(unfalsified)).toEqual([
      'TB property bounded run -1: the checker finds pass, recorded fail',
      'TB property bounded: falsified, but no fail record is confirmed',
    ]);
  });

  it('an uncertified property: never confirmed', () => {
    const c = tampered((c) => {
      const p = TA(c).properties[3]!;
      c.summary.records -= p.records.length;
      Object.assign(p, { status: 'uncertified', claims: [], records: [] });
    });
    expect(rejections(c)).toEqual([
      'TA property hitting-times: uncertified (no claim in the certificate language), its verdict cannot be re-checked',
    ]);
  });

  it('a claim that no precision decides', () => {
    // sqrt 2 sqrt 2 = 2 exactly, but no enclosure of the product is the point 2
    const root2 = { op: 'sqrt', args: [{ q: '2' }] };
    const c = tampered(
      (c) =>
        (TA(c).properties[1]!.claims[0]!.assert.and![1] = {
          cmp: '=',
          args: [{ op: 'mul', args: [root2, root2] }, { q: '2' }],
        }),
    );
    expect(rejections(c)).toEqual([
      'TA property gibbs-inequality run 0: undecided at 800 digits (recorded pass)',
      'TA property gibbs-inequality run 1: undecided at 800 digits (recorded pass)',
    ]);
  });
});
