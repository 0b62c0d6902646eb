/**
 * Checking theorems: identities, properties, mutants and, on request, ablations.
 *
 * Main definitions
 * - `RunOptions`: master seed, profile, run count, certifier, ablation flag,
 *   progress callback.
 * - `runTheorem(theorem, options)`: a `TheoremResult`.
 * - `theoremSteps(theorem, options)`: its steps in order, each with its seed;
 *   `runStep` runs one in this thread, `assembleTheorem` builds the result
 *   from the steps' results (the parallel runner, parallel.ts, and `merge` of
 *   a sharded check use the same three).
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
import type { AssumptionSpec, IdentitySpec, PropertySpec, Theorem } from './theorem.js';
import { checkIdentity, identityFalsified, identityHolds, type Certifier, type IdentityResult } from './identity.js';
import { runMutant, runProperty, type MutantResult, type PropertyResult } from './property.js';
import { deriveSeed } from './seed.js';
import { seedName } from './renames.js';
import type { Profile } from './profiles.js';

export type TheoremStatus = 'verified' | 'checked' | 'falsified' | 'check-too-weak' | 'undecided' | 'error';

/** Most serious first: the status of a set of results is the first one present. */
export const STATUS_SEVERITY: readonly TheoremStatus[] = [
  'falsified',
  'error',
  'check-too-weak',
  'undecided',
  'checked',
  'verified',
];

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

/**
 * One step of a theorem check with its seed, in the order `runTheorem` runs
 * them: identities, properties, mutants, then (with `ablation`) assumptions.
 * The parallel runner (parallel.ts) splits the same steps, so both derive
 * every seed here.
 */
export type TheoremStep =
  | { readonly kind: 'identity'; readonly name: string; readonly seed: number; readonly spec: IdentitySpec }
  | {
      readonly kind: 'property' | 'mutant';
      readonly name: string;
      readonly seed: number;
      readonly spec: PropertySpec<unknown>;
    }
  | {
      readonly kind: 'ablation';
      readonly name: string;
      readonly assumption: AssumptionSpec<unknown>;
      readonly plan: AblationPlan;
    };

/** The result of a step, by kind. */
export type StepResult = IdentityResult | PropertyResult | MutantResult | AblationResult;

export function theoremSteps(theorem: Theorem, options: RunOptions): TheoremStep[] {
  const steps: TheoremStep[] = [
    ...theorem.identities.map((spec): TheoremStep => ({
      kind: 'identity',
      name: spec.name,
      seed: deriveSeed(options.seed, theorem.id, 'identity', spec.name),
      spec,
    })),
    ...theorem.properties.map((spec): TheoremStep => ({
      kind: 'property',
      name: spec.name,
      seed: deriveSeed(options.seed, theorem.id, 'property', seedName(spec)),
      spec,
    })),
    ...theorem.mutants.map((spec): TheoremStep => ({
      kind: 'mutant',
      name: spec.name,
      seed: deriveSeed(options.seed, theorem.id, 'mutant', seedName(spec)),
      spec,
    })),
  ];
  if (options.ablation) {
    for (const assumption of theorem.assumptions)
      steps.push({
        kind: 'ablation',
        name: assumption.id,
        assumption,
        plan: ablationPlan(theorem, assumption, options),
      });
  }
  return steps;
}

/** Run one step in this thread. */
export function runStep(step: TheoremStep, options: RunOptions): StepResult {
  const runs = options.runs ?? options.profile.runs;
  switch (step.kind) {
    case 'identity':
      return checkIdentity(step.spec, options.certify, {
        points: options.profile.identityPoints,
        widthDigits: options.profile.identityWidthDigits,
        seed: step.seed,
      });
    case 'property':
      return runProperty(step.spec, { seed: step.seed, runs, record: options.record === true });
    case 'mutant':
      return runMutant(step.spec, { seed: step.seed, runs, record: options.record === true });
    case 'ablation':
      return assembleAblation(
        step.assumption,
        step.plan,
        'runs' in step.plan
          ? step.plan.runs.map((run) => runProperty(run.spec, { seed: run.seed, runs }, step.assumption.violate))
          : [],
      );
  }
}

export function runTheorem(theorem: Theorem, options: RunOptions, counter?: ProgressCounter): TheoremResult {
  const progress = counter ?? { done: 0, total: stepCount(theorem, options.ablation) };
  // Reported when a step starts (`done` counts the steps already finished), so a bar can name what is running.
  const results = theoremSteps(theorem, options).map((step) => {
    options.onProgress?.({
      theoremId: theorem.id,
      kind: step.kind,
      name: step.name,
      done: progress.done,
      total: progress.total,
    });
    const result = runStep(step, options);
    progress.done += 1;
    return result;
  });
  return assembleTheorem(theorem, options, results);
}

/** A theorem's result from the results of its steps (`theoremSteps`, in order). */
export function assembleTheorem(
  theorem: Theorem,
  options: Pick<RunOptions, 'ablation'>,
  results: readonly StepResult[],
): TheoremResult {
  let at = 0;
  const take = <R extends StepResult>(count: number): R[] => results.slice(at, (at += count)) as R[];
  const identities = take<IdentityResult>(theorem.identities.length);
  const properties = take<PropertyResult>(theorem.properties.length);
  const mutants = take<MutantResult>(theorem.mutants.length);
  const result: TheoremResult = {
    id: theorem.id,
    title: theorem.title,
    statement: { text: theorem.statement.text, latex: theorem.statement.latex },
    source: theorem.source,
    assumptions: theorem.assumptions.map((a) => ({
      id: a.id,
      text: a.text,
      needed: a.needed,
      properties: [...a.properties],
    })),
    status: theoremStatus(identities, properties, mutants),
    identities,
    properties,
    mutants,
  };
  if (options.ablation) result.ablations = take<AblationResult>(theorem.assumptions.length);
  if (at !== results.length) throw new Error(`${theorem.id}: ${results.length} step results for ${at} steps`);
  return result;
}

export function theoremStatus(
  identities: readonly IdentityResult[],
  properties: readonly PropertyResult[],
  mutants: readonly MutantResult[],
): TheoremStatus {
  const falsified =
    identities.some((i) => identityFalsified(i.status)) || properties.some((p) => p.status === 'falsified');
  if (falsified) return 'falsified';
  const error =
    identities.some((i) => i.status === 'error') ||
    properties.some((p) => p.status === 'error') ||
    mutants.some((m) => m.status === 'error');
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
export function runAblation(
  theorem: Theorem,
  assumption: AssumptionSpec<unknown>,
  options: RunOptions,
): AblationResult {
  return runStep(
    { kind: 'ablation', name: assumption.id, assumption, plan: ablationPlan(theorem, assumption, options) },
    options,
  ) as AblationResult;
}

/** The properties an ablation runs, each with its seed, or the error that prevents it. */
export type AblationPlan =
  | { readonly error: string }
  | { readonly runs: readonly { readonly spec: PropertySpec<unknown>; readonly seed: number }[] };

export function ablationPlan(
  theorem: Theorem,
  assumption: AssumptionSpec<unknown>,
  options: Pick<RunOptions, 'seed'>,
): AblationPlan {
  const specs: PropertySpec<unknown>[] = [];
  for (const name of assumption.properties) {
    const spec = theorem.properties.find((p) => p.name === name);
    if (spec === undefined)
      return { error: `assumption ${assumption.id} names unknown property '${name}' of ${theorem.id}` };
    specs.push(spec);
  }
  if (specs.length === 0) return { error: `assumption ${assumption.id} names no property to ablate` };
  return {
    runs: specs.map((spec) => ({
      spec,
      seed: deriveSeed(options.seed, theorem.id, 'ablation', seedName(assumption), seedName(spec)),
    })),
  };
}

/** An ablation's result from the results of its plan's runs, in order. */
export function assembleAblation(
  assumption: AssumptionSpec<unknown>,
  plan: AblationPlan,
  properties: PropertyResult[],
): AblationResult {
  const base = { id: assumption.id, text: assumption.text, needed: assumption.needed };
  if ('error' in plan) return { ...base, outcome: 'error', properties: [], error: plan.error };
  return { ...base, outcome: ablationOutcome(assumption.needed, properties), properties };
}

function ablationOutcome(needed: boolean, properties: readonly PropertyResult[]): AblationOutcome {
  if (properties.some((p) => p.status === 'error')) return 'error';
  const held = (p: PropertyResult): boolean =>
    p.status === 'verified' || p.status === 'checked' || p.status === 'passed-float64';
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
