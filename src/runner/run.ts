/**
 * Checking theorems: identities, properties, mutants and, on request, ablations.
 *
 * Main definitions
 * - `RunOptions`: master seed, profile, run count, certifier, ablation flag,
 *   progress callback.
 * - `runTheorem(theorem, options)`: a `TheoremResult`.
 * - `runAblation(theorem, assumption, options)`: the properties relying on an
 *   assumption, run on instances that violate it.
 * - `theoremStatus`: how the parts combine.
 *
 * Main statements
 * - A theorem is "verified" only if every identity is certified, every
 *   property is verified (exact or interval, every run passed, at least
 *   `MINIMUM_RUNS_FOR_VERIFIED` runs) and every mutant is refuted. It is
 *   "falsified" if a property has a counterexample or an identity failed or
 *   was found CAS-unsound. A mutant that survived all its runs says that the
 *   check is too weak to tell a false claim apart, not that the theorem is
 *   false: "check-too-weak". A bug (an exception) makes it "error". Undecided
 *   runs, float64-only evidence, numerically supported identities and
 *   unrefuted mutants with undecided runs make it "undecided"; properties
 *   that passed every run but ran fewer than 100 times make it "checked".
 * - Every seed is derived from the master seed and names (seed.ts): the same
 *   master seed gives the same result. A renamed spec keeps the seeds of its
 *   oldest name (renames.ts `seedName`).
 *
 * Implementation details
 * Ablation does not change the theorem's status: it answers a different
 * question (is each assumption needed?), reported beside it.
 */
import type { AssumptionSpec, PropertySpec, Theorem } from './theorem.js';
import { checkIdentity, identityFalsified, identityHolds, type Certifier, type IdentityResult } from './identity.js';
import { runMutant, runProperty, type MutantResult, type PropertyResult } from './property.js';
import { deriveSeed } from './seed.js';
import { seedName } from './renames.js';
import type { Profile } from './profiles.js';

export type TheoremStatus = 'verified' | 'checked' | 'falsified' | 'check-too-weak' | 'undecided' | 'error';

/** Most serious first: the status of a set of results is the first one present. */
export const STATUS_SEVERITY: readonly TheoremStatus[] = ['falsified', 'error', 'check-too-weak', 'undecided', 'checked', 'verified'];

export interface ProgressEvent {
  theoremId: string;
  kind: 'identity' | 'property' | 'mutant' | 'ablation';
  name: string;
  /** steps finished so far, over the whole run */
  done: number;
  total: number;
}

export interface RunOptions {
  /** master seed */
  seed: number;
  profile: Profile;
  /** overrides profile.runs */
  runs?: number;
  certify: Certifier;
  /** also run each assumption's ablation */
  ablation?: boolean;
  /** keep certificate records of every run (`check --certificate`) */
  record?: boolean;
  onProgress?: (event: ProgressEvent) => void;
}

/** Whether the runs on instances violating an assumption behaved as `needed` says. */
export type AblationOutcome = 'confirmed' | 'contradicted' | 'undecided' | 'error';

export interface AblationResult {
  id: string;
  text: string;
  needed: boolean;
  outcome: AblationOutcome;
  properties: PropertyResult[];
  error?: string;
}

export interface TheoremResult {
  id: string;
  title: string;
  statement: { text: string; latex: string };
  source: string;
  assumptions: { id: string; text: string; needed: boolean; properties: string[] }[];
  status: TheoremStatus;
  identities: IdentityResult[];
  properties: PropertyResult[];
  mutants: MutantResult[];
  ablations?: AblationResult[];
  /** The module file a user's theorem came from (`ebm-lens check FILE`); absent for the catalogue. */
  module?: string;
}

/** Number of progress steps `runTheorem` reports for a theorem. */
export function stepCount(theorem: Theorem, ablation = false): number {
  const base = theorem.identities.length + theorem.properties.length + theorem.mutants.length;
  return base + (ablation ? theorem.assumptions.length : 0);
}

/** A counter shared by the theorems of one run, so progress spans them all. */
export interface ProgressCounter {
  done: number;
  total: number;
}

export function runTheorem(theorem: Theorem, options: RunOptions, counter?: ProgressCounter): TheoremResult {
  const runs = options.runs ?? options.profile.runs;
  const progress = counter ?? { done: 0, total: stepCount(theorem, options.ablation) };
  // Reported when a step starts (`done` counts the steps already finished), so a bar can name what is running.
  const step = <R>(kind: ProgressEvent['kind'], name: string, work: () => R): R => {
    options.onProgress?.({ theoremId: theorem.id, kind, name, done: progress.done, total: progress.total });
    const result = work();
    progress.done += 1;
    return result;
  };

  const identities = theorem.identities.map((spec) =>
    step('identity', spec.name, () =>
      checkIdentity(spec, options.certify, {
        points: options.profile.identityPoints,
        widthDigits: options.profile.identityWidthDigits,
        seed: deriveSeed(options.seed, theorem.id, 'identity', spec.name),
      }),
    ),
  );
  const properties = theorem.properties.map((spec) =>
    step('property', spec.name, () => runProperty(spec, { seed: deriveSeed(options.seed, theorem.id, 'property', seedName(spec)), runs, record: options.record === true })),
  );
  const mutants = theorem.mutants.map((spec) =>
    step('mutant', spec.name, () => runMutant(spec, { seed: deriveSeed(options.seed, theorem.id, 'mutant', seedName(spec)), runs, record: options.record === true })),
  );

  const result: TheoremResult = {
    id: theorem.id,
    title: theorem.title,
    statement: { text: theorem.statement.text, latex: theorem.statement.latex },
    source: theorem.source,
    assumptions: theorem.assumptions.map((a) => ({ id: a.id, text: a.text, needed: a.needed, properties: [...a.properties] })),
    status: theoremStatus(identities, properties, mutants),
    identities,
    properties,
    mutants,
  };
  if (options.ablation) {
    result.ablations = theorem.assumptions.map((assumption) => step('ablation', assumption.id, () => runAblation(theorem, assumption, options)));
  }
  return result;
}

export function theoremStatus(
  identities: readonly IdentityResult[],
  properties: readonly PropertyResult[],
  mutants: readonly MutantResult[],
): TheoremStatus {
  const falsified = identities.some((i) => identityFalsified(i.status)) || properties.some((p) => p.status === 'falsified');
  if (falsified) return 'falsified';
  const error = identities.some((i) => i.status === 'error') || properties.some((p) => p.status === 'error') || mutants.some((m) => m.status === 'error');
  if (error) return 'error';
  if (mutants.some((m) => m.status === 'survived')) return 'check-too-weak';
  const held = identities.every((i) => identityHolds(i.status)) && mutants.every((m) => m.refuted);
  if (!held || properties.some((p) => p.status !== 'verified' && p.status !== 'checked')) return 'undecided';
  return properties.some((p) => p.status === 'checked') ? 'checked' : 'verified';
}

/**
 * Run the properties that rely on `assumption` on its `violate` instances.
 * needed: confirmed when every one of them finds a counterexample, contradicted
 * when one holds on every run. Not needed: the reverse.
 */
export function runAblation(theorem: Theorem, assumption: AssumptionSpec<unknown>, options: RunOptions): AblationResult {
  const runs = options.runs ?? options.profile.runs;
  const base = { id: assumption.id, text: assumption.text, needed: assumption.needed };
  const specs: PropertySpec<unknown>[] = [];
  for (const name of assumption.properties) {
    const spec = theorem.properties.find((p) => p.name === name);
    if (spec === undefined) {
      return { ...base, outcome: 'error', properties: [], error: `assumption ${assumption.id} names unknown property '${name}' of ${theorem.id}` };
    }
    specs.push(spec);
  }
  if (specs.length === 0) {
    return { ...base, outcome: 'error', properties: [], error: `assumption ${assumption.id} names no property to ablate` };
  }
  const properties = specs.map((spec) =>
    runProperty(spec, { seed: deriveSeed(options.seed, theorem.id, 'ablation', seedName(assumption), seedName(spec)), runs }, assumption.violate),
  );
  return { ...base, outcome: ablationOutcome(assumption.needed, properties), properties };
}

function ablationOutcome(needed: boolean, properties: readonly PropertyResult[]): AblationOutcome {
  if (properties.some((p) => p.status === 'error')) return 'error';
  const held = (p: PropertyResult): boolean => p.status === 'verified' || p.status === 'checked' || p.status === 'passed-float64';
  if (needed) {
    if (properties.every((p) => p.status === 'falsified')) return 'confirmed';
    return properties.some(held) ? 'contradicted' : 'undecided';
  }
  if (properties.some((p) => p.status === 'falsified')) return 'contradicted';
  return properties.every(held) ? 'confirmed' : 'undecided';
}

export interface CatalogueResult {
  seed: number;
  profile: Profile;
  runs: number;
  theorems: TheoremResult[];
}

/** Check several theorems with one progress counter. */
export function runCatalogue(theorems: readonly Theorem[], options: RunOptions): CatalogueResult {
  const counter: ProgressCounter = { done: 0, total: theorems.reduce((n, t) => n + stepCount(t, options.ablation), 0) };
  return {
    seed: options.seed,
    profile: options.profile,
    runs: options.runs ?? options.profile.runs,
    theorems: theorems.map((theorem) => runTheorem(theorem, options, counter)),
  };
}


/** The status of a whole run: the most serious present (`STATUS_SEVERITY`), verified when empty. */
export function overallStatus(statuses: readonly TheoremStatus[]): TheoremStatus {
  return STATUS_SEVERITY.find((status) => statuses.includes(status)) ?? 'verified';
}
