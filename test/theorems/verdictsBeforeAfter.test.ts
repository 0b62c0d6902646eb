/**
 * The theorem-kit rewrite changes names, not verdicts: `check` (quick
 * profile, default seed) and `ablate` of every theorem, run now, against the
 * output recorded before it (test/fixtures/before-theorem-kit/). Old names
 * are mapped to new ones through the catalogue's `formerNames`; a name on one
 * side only is a failure. Compared: statuses and verdicts, seeds, run, pass
 * and undecided counts, and every counterexample's seed, path and instance
 * (ablations: also the degree of failure).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ablateTheorems, type AblationReport } from '../../src/assume/ablate.js';
import { toJsonText } from '../../src/report/json.js';
import { PROFILES } from '../../src/runner/profiles.js';
import { runCatalogue, type TheoremResult } from '../../src/runner/run.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { Theorem } from '../../src/runner/theorem.js';
import { certifyIdentity } from '../../src/symbolic/index.js';
import { catalogue } from '../../theorems/index.js';

const FIXTURES = 'test/fixtures/before-theorem-kit';
type Json = Record<string, any>;

const fixture = (file: string): Json => JSON.parse(readFileSync(`${FIXTURES}/${file}`, 'utf8')) as Json;
/** A value as the command line's JSON prints it. */
const asPrinted = (value: unknown): any => (value === undefined ? undefined : JSON.parse(toJsonText(value)));

/** old name -> current name, for the specs of one kind (current names map to themselves). */
function renames(specs: readonly { readonly name?: string; readonly id?: string; readonly formerNames?: readonly string[] }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const spec of specs) {
    const name = spec.name ?? spec.id!;
    map.set(name, name);
    for (const former of spec.formerNames ?? []) map.set(former, name);
  }
  return map;
}

/** Before's entries keyed by their current name, checked to name exactly the entries of now. */
function paired(where: string, before: readonly Json[], now: readonly Json[], names: Map<string, string>, key = 'name'): [Json, Json][] {
  const current = (old: string): string => names.get(old) ?? `(no current name for '${old}')`;
  expect(before.map((entry) => current(entry[key])).sort(), `${where}: names before (mapped) and now`).toEqual(now.map((entry) => entry[key]).sort());
  return before.map((entry) => [entry, now.find((n) => n[key] === current(entry[key]))!]);
}

const counts = (entry: Json) => ({ status: entry.status, seed: entry.seed, runs: entry.runs, passes: entry.passes, undecided: entry.undecided, requestedRuns: entry.requestedRuns });
const where = (c: Json | undefined) => (c === undefined ? undefined : { seed: c.seed, path: c.path, shrinks: c.shrinks, instance: c.instance });

const theorem = (id: string): Theorem => catalogue.find((t) => t.id === id) ?? expect.fail(`no theorem ${id} now`);

describe('verdicts before and after the theorem kit (quick profile, default seed)', () => {
  let check: Json;
  let ablate: Json;
  beforeAll(() => {
    const result = runCatalogue(catalogue, { seed: DEFAULT_SEED, profile: PROFILES.quick, certify: certifyIdentity });
    check = asPrinted({ theorems: result.theorems as TheoremResult[] });
    const reports: AblationReport[] = ablateTheorems(catalogue, { seed: DEFAULT_SEED, runs: PROFILES.quick.runs, profile: PROFILES.quick, degreeSamples: 50 });
    ablate = asPrinted({ ablations: reports });
  }, 240_000);

  it('check: the same theorems, identities, properties and mutants, with the same verdicts, seeds, counts and counterexamples', () => {
    const before = fixture('check-quick.json');
    expect(before.seed).toBe(DEFAULT_SEED);
    expect(check.theorems.map((t: Json) => t.id)).toEqual(before.theorems.map((t: Json) => t.id));
    for (const old of before.theorems as Json[]) {
      const t = theorem(old.id);
      const now = check.theorems.find((n: Json) => n.id === old.id) as Json;
      expect(now.status, `${old.id} status`).toBe(old.status);
      for (const [b, n] of paired(`${old.id} identities`, old.identities, now.identities, renames(t.identities))) {
        expect({ status: n.status, seed: n.seed }, `${old.id} identity ${b.name}`).toEqual({ status: b.status, seed: b.seed });
      }
      for (const [b, n] of paired(`${old.id} properties`, old.properties, now.properties, renames(t.properties))) {
        expect({ ...counts(n), counterexample: where(n.counterexample) }, `${old.id} property ${b.name}`).toEqual({ ...counts(b), counterexample: where(b.counterexample) });
      }
      for (const [b, n] of paired(`${old.id} mutants`, old.mutants, now.mutants, renames(t.mutants))) {
        expect({ ...counts(n), refuted: n.refuted, counterexample: where(n.counterexample) }, `${old.id} mutant ${b.name}`).toEqual({
          ...counts(b),
          refuted: b.refuted,
          counterexample: where(b.counterexample),
        });
      }
    }
  });

  it('ablate: the same assumptions, outcomes, per-property statuses, counterexamples and degrees of failure', () => {
    const before = fixture('ablate-all.json');
    expect(before.seed).toBe(DEFAULT_SEED);
    expect(before.runs).toBe(PROFILES.quick.runs);
    for (const id of new Set((before.ablations as Json[]).map((a) => a.theorem))) {
      const t = theorem(id);
      const assumptionNames = renames(t.assumptions);
      const propertyNames = renames(t.properties);
      const of = (list: Json[]) => list.filter((a) => a.theorem === id);
      for (const [b, n] of paired(`${id} assumptions`, of(before.ablations), of(ablate.ablations), assumptionNames, 'assumption')) {
        const what = `${id} assumption ${b.assumption}`;
        expect({ outcome: n.outcome, necessary: n.necessary, needed: n.needed, runs: n.runs }, what).toEqual({ outcome: b.outcome, necessary: b.necessary, needed: b.needed, runs: b.runs });
        for (const [bp, np] of paired(`${what} properties`, b.properties, n.properties, propertyNames)) {
          expect({ status: np.status, runs: np.runs, undecided: np.undecided }, `${what} property ${bp.name}`).toEqual({ status: bp.status, runs: bp.runs, undecided: bp.undecided });
        }
        const counterexample = (c: Json | undefined) => (c === undefined ? undefined : { property: c.property, ...where(c) });
        const mapped = b.counterexample === undefined ? undefined : { ...b.counterexample, property: propertyNames.get(b.counterexample.property) };
        expect(counterexample(n.counterexample), `${what} counterexample`).toEqual(counterexample(mapped));
        expect(n.degree, `${what} degree of failure`).toEqual(b.degree);
      }
    }
  });
});
