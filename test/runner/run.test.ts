import { describe, expect, it } from 'vitest';
import {
  runCatalogue,
  runTheorem,
  overallStatus,
  stepCount,
  type ProgressEvent,
  type RunOptions,
} from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { deriveSeed } from '../../src/runner/seed.js';
import {
  assumptionTheorem,
  crashingTheorem,
  fakeCertify,
  falsifiedTheorem,
  floatTheorem,
  identityTheorem,
  survivingMutantTheorem,
  undecidedTheorem,
  verifiedTheorem,
} from './fixtures.js';

const options: RunOptions = { seed: 99, profile: PROFILES.quick, runs: 100, certify: fakeCertify };

describe('runTheorem', () => {
  it('verified: every property verified and every mutant refuted', () => {
    const result = runTheorem(verifiedTheorem, options);
    expect(result.status).toBe('verified');
    expect(result.properties.map((p) => p.status)).toEqual(['verified', 'verified']);
    expect(result.mutants.map((m) => m.refuted)).toEqual([true]);
    expect(result.properties[0]!.runs).toBe(100);
  });

  it('falsified when a property has a counterexample', () => {
    const result = runTheorem(falsifiedTheorem, options);
    expect(result.status).toBe('falsified');
    expect(result.properties[0]!.counterexample?.instance).toEqual({ n: 500 });
    expect(result.properties[1]!.status).toBe('verified');
  });

  it('undecided when runs are undecided; float64-only evidence is not verified', () => {
    expect(runTheorem(undecidedTheorem, options).status).toBe('undecided');
    expect(runTheorem(floatTheorem, options).status).toBe('undecided');
  });

  it('a surviving mutant says the check is too weak, not that the theorem is false', () => {
    const result = runTheorem(survivingMutantTheorem, options);
    expect(result.properties[0]!.status).toBe('verified');
    expect(result.mutants[0]).toMatchObject({ refuted: false, status: 'survived' });
    expect(result.status).toBe('check-too-weak');
  });

  it('VERIFIED needs 100 decided runs: 99 passing runs are "checked", never verified', () => {
    const result = runTheorem(verifiedTheorem, { ...options, runs: 99 });
    expect(result.properties.map((p) => [p.status, p.runs])).toEqual([
      ['checked', 99],
      ['checked', 99],
    ]);
    expect(result.status).toBe('checked');
    expect(runTheorem(falsifiedTheorem, { ...options, runs: 99 }).status).toBe('falsified');
  });

  it('an exception is an error, not a verdict', () => {
    expect(runTheorem(crashingTheorem, options).status).toBe('error');
  });

  it('identities: only certified holds, numerically supported is undecided, failed and CAS-unsound falsify, a crash is an error', () => {
    expect(runTheorem(identityTheorem('I1', ['certified', 'certified']), options).status).toBe('verified');
    // enclosures containing 0 without a symbolic proof: evidence, never a pass
    expect(runTheorem(identityTheorem('I7', ['certified', 'numerically-supported']), options).status).toBe('undecided');
    expect(runTheorem(identityTheorem('I2', ['certified', 'cas-unsound']), options).status).toBe('falsified');
    expect(runTheorem(identityTheorem('I3', ['failed']), options).status).toBe('falsified');
    expect(runTheorem(identityTheorem('I6', ['certified', 'undecided']), options).status).toBe('undecided');
    const crashed = runTheorem(identityTheorem('I4', ['throw']), options);
    expect(crashed.status).toBe('error');
    expect(crashed.identities[0]).toMatchObject({ status: 'error', error: 'certifier crashed' });
  });

  it('passes the profile and a derived seed to the certifier', () => {
    const result = runTheorem(identityTheorem('I5', ['certified']), options);
    const seed = deriveSeed(99, 'I5', 'identity', 'identity-0');
    expect(result.identities[0]!.seed).toBe(seed);
    expect(result.identities[0]!.certificate?.points).toHaveLength(PROFILES.quick.identityPoints);
    expect(result.identities[0]!.certificate?.detail).toBe(
      `fake certified (seed ${seed}, width 1e-${PROFILES.quick.identityWidthDigits})`,
    );
  });

  it('derives each seed from the master seed and names, so results repeat', () => {
    const a = runTheorem(falsifiedTheorem, options);
    expect(runTheorem(falsifiedTheorem, options)).toEqual(a);
    expect(a.properties[0]!.seed).toBe(deriveSeed(99, 'F2', 'property', 'below-five-hundred'));
  });

  it('uses the profile run count unless overridden', () => {
    const result = runTheorem(verifiedTheorem, { seed: 1, profile: PROFILES.quick, certify: fakeCertify });
    expect(result.properties[0]!.requestedRuns).toBe(200);
    expect(result.mutants[0]!.requestedRuns).toBe(200);
  });

  it('ablation: a needed assumption is confirmed by counterexamples; one that is not needed by passes', () => {
    const result = runTheorem(assumptionTheorem, { ...options, ablation: true });
    expect(result.status).toBe('verified');
    const outcomes = Object.fromEntries((result.ablations ?? []).map((a) => [a.id, a.outcome]));
    expect(outcomes).toEqual({ 'non-negative': 'confirmed', small: 'confirmed', bogus: 'contradicted' });
    expect(result.ablations![0]!.properties[0]!.counterexample?.instance).toBe('-1');
  });

  it('reports progress over all steps of a catalogue', () => {
    const events: ProgressEvent[] = [];
    const theorems = [verifiedTheorem, falsifiedTheorem];
    const total = stepCount(verifiedTheorem) + stepCount(falsifiedTheorem);
    const result = runCatalogue(theorems, { ...options, onProgress: (e) => events.push(e) });
    expect(result.theorems.map((t) => t.status)).toEqual(['verified', 'falsified']);
    expect(events.map((e) => e.done)).toEqual([...Array(total).keys()]);
    expect(events.every((e) => e.total === total)).toBe(true);
    expect(events[0]).toMatchObject({ theoremId: 'F1', kind: 'property', name: 'binomial-square' });
  });
});

describe('overallStatus', () => {
  it('falsified over error over check-too-weak over undecided over checked over verified', () => {
    expect(overallStatus([])).toBe('verified');
    expect(overallStatus(['verified', 'checked'])).toBe('checked');
    expect(overallStatus(['checked', 'undecided'])).toBe('undecided');
    expect(overallStatus(['undecided', 'check-too-weak'])).toBe('check-too-weak');
    expect(overallStatus(['check-too-weak', 'error'])).toBe('error');
    expect(overallStatus(['error', 'falsified', 'verified'])).toBe('falsified');
  });
});
