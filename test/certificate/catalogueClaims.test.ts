/**
 * Every property and mutant of the catalogue states its claim in the
 * certificate language, and that claim, decided on its own, agrees with the
 * predicate on every run (a disagreement is an error of the run).
 * THEOREMS=T1,T3 restricts the theorems (for work on one module).
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../theorems/index.js';
import { runTheorem } from '../../src/runner/run.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { certifyIdentity } from '../../src/symbolic/certify.js';

const RUNS = 25;
const selected = process.env.THEOREMS?.split(',').map((id) => id.trim());
const theorems = catalogue.filter((theorem) => selected === undefined || selected.includes(theorem.id));

describe.each(theorems.map((theorem) => [theorem.id, theorem] as const))('certificate claims of %s', (_id, theorem) => {
  const options = { seed: 251218730, profile: PROFILES.quick, runs: RUNS, certify: certifyIdentity };
  const plain = runTheorem({ ...theorem, identities: [] }, options);
  const recorded = runTheorem({ ...theorem, identities: [] }, { ...options, record: true });

  it.each(recorded.properties.map((p, k) => [p.name, p, plain.properties[k]!] as const))('property %s: claim agrees with predicate', (_name, withRecords, without) => {
    expect(withRecords.error).toBeUndefined();
    expect(withRecords.status).toBe(without.status);
    const counted = withRecords.records!.filter((r) => r.run >= 0);
    expect(counted.length).toBe(withRecords.status === 'falsified' ? withRecords.runs - 1 : withRecords.runs);
    if (withRecords.status === 'verified') expect(counted.every((r) => r.decision === 'pass')).toBe(true);
  });

  it.each(recorded.mutants.map((m, k) => [m.name, m, plain.mutants[k]!] as const))('mutant %s: refuting instance recorded', (_name, withRecords, without) => {
    expect(withRecords.error).toBeUndefined();
    expect(withRecords.status).toBe(without.status);
    if (withRecords.status === 'refuted') expect(withRecords.records!.map((r) => r.decision)).toEqual(['fail']);
  });
});
