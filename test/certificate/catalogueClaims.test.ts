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
  // A claim that disagrees with its predicate makes the run an error (src/runner/property.ts, certifyRun),
  // and one left undecided makes it undecided: every property must still pass every run, every mutant be refuted.
  const options = { seed: 251218730, profile: PROFILES.quick, runs: RUNS, certify: certifyIdentity, record: true };
  const recorded = runTheorem({ ...theorem, identities: [] }, options);

  it.each(recorded.properties.map((p) => [p.name, p] as const))(
    'property %s: claim agrees with predicate on every run',
    (_name, property) => {
      expect(property.error).toBeUndefined();
      expect(property.status).toBe('checked'); // every run passed; fewer than the 100 runs VERIFIED needs
      expect(property.records!.map((r) => [r.run, r.decision])).toEqual(
        Array.from({ length: RUNS }, (_, run) => [run, 'pass']),
      );
    },
  );

  it.each(recorded.mutants.map((m) => [m.name, m] as const))(
    'mutant %s: refuting instance recorded',
    (_name, mutant) => {
      expect(mutant.error).toBeUndefined();
      expect(mutant.status).toBe('refuted');
      expect(mutant.records!.map((r) => [r.run, r.decision])).toEqual([[-1, 'fail']]);
    },
  );
});
