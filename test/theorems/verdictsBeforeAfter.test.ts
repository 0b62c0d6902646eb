/**
 * The theorem-kit rewrite changes names, not verdicts: `ebm-lens check`
 * (quick profile, default seed) and `ebm-lens ablate` of every theorem, run now
 * through the command line, against the output recorded before it (test/fixtures/before-theorem-kit/). Old names
 * are mapped to new ones through the catalogue's `formerNames`; a name on one
 * side only is a failure. Compared: statuses and verdicts, seeds, run, pass
 * and undecided counts, and every counterexample's seed, path and instance
 * (ablations: also the degree of failure).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/runner/profiles.js';
import { DEFAULT_SEED } from '../../src/runner/seed.js';
import type { Theorem } from '../../src/runner/theorem.js';
import { catalogue } from '../../theorems/index.js';
import { buildIfMissing, runBin } from '../support/cli.js';

const FIXTURES = 'test/fixtures/before-theorem-kit';

/** The fields of the JSON output this test compares (as `check --json` and `ablate --json` print them). */
interface PrintedCounterexample {
  readonly property?: string | undefined;
  readonly seed?: unknown;
  readonly path?: unknown;
  readonly shrinks?: unknown;
  readonly instance?: unknown;
}
interface PrintedIdentity {
  readonly name: string;
  readonly status: unknown;
  readonly seed: unknown;
}
interface PrintedProperty {
  readonly name: string;
  readonly status: unknown;
  readonly seed: unknown;
  readonly runs: unknown;
  readonly passes: unknown;
  readonly undecided: unknown;
  readonly requestedRuns: unknown;
  readonly refuted?: unknown;
  readonly counterexample?: PrintedCounterexample;
}
interface PrintedTheorem {
  readonly id: string;
  readonly status: unknown;
  readonly identities: readonly PrintedIdentity[];
  readonly properties: readonly PrintedProperty[];
  readonly mutants: readonly PrintedProperty[];
}
interface PrintedCheck {
  readonly seed?: unknown;
  readonly theorems: readonly PrintedTheorem[];
}
interface PrintedAblationProperty {
  readonly name: string;
  readonly status: unknown;
  readonly runs: unknown;
  readonly undecided: unknown;
}
interface PrintedAblation {
  readonly theorem: string;
  readonly assumption: string;
  readonly outcome: unknown;
  readonly necessary: unknown;
  readonly needed: unknown;
  readonly runs: unknown;
  readonly properties: readonly PrintedAblationProperty[];
  readonly counterexample?: PrintedCounterexample & { readonly property: string };
  readonly degree?: unknown;
}
interface PrintedAblate {
  readonly seed?: unknown;
  readonly runs?: unknown;
  readonly ablations: readonly PrintedAblation[];
}

const fixture = (file: string): unknown => JSON.parse(readFileSync(`${FIXTURES}/${file}`, 'utf8'));

/** What `ebm-lens ARGS` prints on stdout; a failure to run (not a verdict's exit code) rejects. */
async function printed(args: readonly string[]): Promise<string> {
  const { status, stdout, stderr } = await runBin(args);
  if (status === 0 || status === 1) return stdout;
  throw new Error(`ebm-lens ${args.join(' ')}: exit ${status}: ${stderr}`);
}

/** old name -> current name, for the specs of one kind (current names map to themselves). */
function renames(
  specs: readonly { readonly name?: string; readonly id?: string; readonly formerNames?: readonly string[] }[],
): Map<string, string> {
  const map = new Map<string, string>();
  for (const spec of specs) {
    const name = spec.name ?? spec.id!;
    map.set(name, name);
    for (const former of spec.formerNames ?? []) map.set(former, name);
  }
  return map;
}

/** Before's entries keyed by their current name (`nameOf`), checked to name exactly the entries of now. */
function paired<E>(
  where: string,
  before: readonly E[],
  now: readonly E[],
  names: Map<string, string>,
  nameOf: (entry: E) => string,
): [E, E][] {
  const current = (old: string): string => names.get(old) ?? `(no current name for '${old}')`;
  expect(before.map((entry) => current(nameOf(entry))).sort(), `${where}: names before (mapped) and now`).toEqual(
    now.map((entry) => nameOf(entry)).sort(),
  );
  return before.map((entry) => [entry, now.find((n) => nameOf(n) === current(nameOf(entry)))!]);
}
const byName = (entry: { readonly name: string }): string => entry.name;
const byAssumption = (entry: PrintedAblation): string => entry.assumption;

const counts = (entry: PrintedProperty) => ({
  status: entry.status,
  seed: entry.seed,
  runs: entry.runs,
  passes: entry.passes,
  undecided: entry.undecided,
  requestedRuns: entry.requestedRuns,
});
const where = (c: PrintedCounterexample | undefined) =>
  c === undefined ? undefined : { seed: c.seed, path: c.path, shrinks: c.shrinks, instance: c.instance };

const theorem = (id: string): Theorem => catalogue.find((t) => t.id === id) ?? expect.fail(`no theorem ${id} now`);

describe('verdicts before and after the theorem kit (quick profile, default seed)', () => {
  let check: PrintedCheck;
  let ablate: PrintedAblate;
  // The command line in a child process, as the fixtures were recorded: this thread stays free to answer vitest.
  beforeAll(async () => {
    buildIfMissing('dist/src/cli/main.js', 'dist/theorems/index.js');
    check = JSON.parse(
      await printed(['check', '--profile', 'quick', '--json', '--quiet', '--workers', '1']),
    ) as PrintedCheck;
    const ids = catalogue.map((t) => t.id);
    ablate = JSON.parse(await printed(['ablate', ...ids, '--json', '--quiet', '--workers', '1'])) as PrintedAblate;
  }, 240_000);

  it('check: the same theorems, identities, properties and mutants, with the same verdicts, seeds, counts and counterexamples', () => {
    const before = fixture('check-quick.json') as PrintedCheck;
    expect(before.seed).toBe(DEFAULT_SEED);
    expect(check.theorems.map((t) => t.id)).toEqual(before.theorems.map((t) => t.id));
    for (const old of before.theorems) {
      const t = theorem(old.id);
      const now = check.theorems.find((n) => n.id === old.id)!;
      expect(now.status, `${old.id} status`).toBe(old.status);
      for (const [b, n] of paired(
        `${old.id} identities`,
        old.identities,
        now.identities,
        renames(t.identities),
        byName,
      )) {
        expect({ status: n.status, seed: n.seed }, `${old.id} identity ${b.name}`).toEqual({
          status: b.status,
          seed: b.seed,
        });
      }
      for (const [b, n] of paired(
        `${old.id} properties`,
        old.properties,
        now.properties,
        renames(t.properties),
        byName,
      )) {
        expect({ ...counts(n), counterexample: where(n.counterexample) }, `${old.id} property ${b.name}`).toEqual({
          ...counts(b),
          counterexample: where(b.counterexample),
        });
      }
      for (const [b, n] of paired(`${old.id} mutants`, old.mutants, now.mutants, renames(t.mutants), byName)) {
        expect(
          { ...counts(n), refuted: n.refuted, counterexample: where(n.counterexample) },
          `${old.id} mutant ${b.name}`,
        ).toEqual({
          ...counts(b),
          refuted: b.refuted,
          counterexample: where(b.counterexample),
        });
      }
    }
  });

  it('ablate: the same assumptions, outcomes, per-property statuses, counterexamples and degrees of failure', () => {
    const before = fixture('ablate-all.json') as PrintedAblate;
    expect(before.seed).toBe(DEFAULT_SEED);
    expect(before.runs).toBe(PROFILES.quick.runs);
    for (const id of new Set(before.ablations.map((a) => a.theorem))) {
      const t = theorem(id);
      const assumptionNames = renames(t.assumptions);
      const propertyNames = renames(t.properties);
      const of = (list: readonly PrintedAblation[]) => list.filter((a) => a.theorem === id);
      for (const [b, n] of paired(
        `${id} assumptions`,
        of(before.ablations),
        of(ablate.ablations),
        assumptionNames,
        byAssumption,
      )) {
        const what = `${id} assumption ${b.assumption}`;
        expect({ outcome: n.outcome, necessary: n.necessary, needed: n.needed, runs: n.runs }, what).toEqual({
          outcome: b.outcome,
          necessary: b.necessary,
          needed: b.needed,
          runs: b.runs,
        });
        for (const [bp, np] of paired(`${what} properties`, b.properties, n.properties, propertyNames, byName)) {
          expect({ status: np.status, runs: np.runs, undecided: np.undecided }, `${what} property ${bp.name}`).toEqual({
            status: bp.status,
            runs: bp.runs,
            undecided: bp.undecided,
          });
        }
        const counterexample = (c: PrintedCounterexample | undefined) =>
          c === undefined ? undefined : { property: c.property, ...where(c) };
        const mapped =
          b.counterexample === undefined
            ? undefined
            : { ...b.counterexample, property: propertyNames.get(b.counterexample.property) };
        expect(counterexample(n.counterexample), `${what} counterexample`).toEqual(counterexample(mapped));
        expect(n.degree, `${what} degree of failure`).toEqual(b.degree);
      }
    }
  });
});
