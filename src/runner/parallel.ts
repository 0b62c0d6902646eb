/**
 * Checking theorems on several worker threads, with the result of one thread.
 *
 * Main definitions
 * - `Task`: one piece of a check, plain data a worker can receive: an
 *   identity, a slice of a property's runs (or a whole mutant), or one
 *   ablated property. It names the theorem and spec and carries the seed
 *   (`theoremSteps` of run.ts derives every seed, here as in one thread).
 * - `TaskReply`: the worker's plain-data answer, or `rerun` when it cannot
 *   give one (an exception, or a value structured cloning would change).
 * - `runTask(theorems, task)`: what a worker does with a task.
 * - `TaskExecutor`: runs tasks somewhere (a pool of worker threads).
 * - `runCatalogueParallel(theorems, options, executor)`: `runCatalogue` of
 *   run.ts, its work spread over the executor's workers.
 * - `runSteps(theorems, options, executor, settings, include)`: the steps
 *   `include` accepts (a shard's, or the ablations), on the executor's
 *   workers or in this thread; results by step, unassembled.
 * - `sliceCount(runs, workers)`: how many slices a property's runs are cut into.
 * - `runQueue(items, lanes, run)`: other work (`assume`'s properties) over lanes.
 *
 * Main statements
 * - The result equals `runCatalogue`'s for the same options: every step's
 *   result depends only on its seed and run indices, never on which worker
 *   ran it or when. A property's runs are cut into consecutive slices by run
 *   index (fast-check replays run k of a seed exactly: same random stream,
 *   same run id); `combineSlices` (property.ts) joins them as one run would
 *   have gone: tallies up to the first failing slice, its failure shrunk from
 *   its failing run. Mutants (refuted within a few runs) are not cut.
 * - A step is run again in this thread, at its place in the order, when a
 *   worker could not answer for it (an exception, data that cloning would
 *   change) or a slice skipped values (pre-conditions shift run indices), so
 *   the result and any exception are those of one thread.
 *
 * Implementation details
 * Tasks are queued in a fixed order (identities, then slices and ablated
 * properties, theorem by theorem) and handed to `executor.workers` lanes; a
 * lane skips a slice once an earlier slice of the same property has failed
 * (the whole run never reaches it). Progress counts finished steps.
 */
import type { ProgressEvent, RunOptions, StepResult, TheoremStep, CatalogueResult } from './run.js';
import { assembleAblation, assembleTheorem, runStep, theoremSteps } from './run.js';
import { checkIdentity, errorMessage, type Certifier, type IdentityResult } from './identity.js';
import {
  combineSlices,
  explore,
  mutantResult,
  propertyResult,
  runProperty,
  type Exploration,
  type PropertyResult,
} from './property.js';
import type { Theorem } from './theorem.js';

export type Task =
  | {
      readonly kind: 'identity';
      readonly theorem: string;
      readonly name: string;
      readonly seed: number;
      readonly points: number;
      readonly widthDigits: number;
    }
  | {
      readonly kind: 'explore';
      readonly theorem: string;
      readonly step: 'property' | 'mutant';
      readonly name: string;
      readonly seed: number;
      readonly runs: number;
      /** first run of the slice; absent for the whole exploration */
      readonly from?: number;
      readonly record: boolean;
    }
  | {
      readonly kind: 'ablation';
      readonly theorem: string;
      readonly assumption: string;
      readonly property: string;
      readonly seed: number;
      readonly runs: number;
    };

export type TaskReply = { readonly value: unknown } | { readonly rerun: string } | { readonly skipped: true };

export interface TaskExecutor {
  readonly workers: number;
  run(task: Task): Promise<TaskReply>;
}

/** Runs per slice, at least. */
const MIN_SLICE_RUNS = 50;
/** Slices per worker, at most (more slices balance better; each costs a message). */
const SLICES_PER_WORKER = 4;

/** Slices a property's `runs` are cut into for `workers` workers. */
export function sliceCount(runs: number, workers: number): number {
  if (workers <= 1) return 1;
  return Math.max(1, Math.min(Math.floor(runs / MIN_SLICE_RUNS), SLICES_PER_WORKER * workers));
}

/** The first run of each of `count` slices of `runs` runs, and their sizes. */
export function slices(runs: number, count: number): { from: number; runs: number }[] {
  const out: { from: number; runs: number }[] = [];
  for (let k = 0; k < count; k += 1) {
    const from = Math.floor((k * runs) / count);
    out.push({ from, runs: Math.floor(((k + 1) * runs) / count) - from });
  }
  return out;
}

/** What a worker does with a task, given the theorems it loaded; the value is plain data. */
export function runTask(theorems: readonly Theorem[], task: Task, certify: Certifier): unknown {
  const theorem = theorems.find((t) => t.id === task.theorem);
  if (theorem === undefined) throw new Error(`worker: no theorem ${task.theorem}`);
  switch (task.kind) {
    case 'identity': {
      const spec = theorem.identities.find((s) => s.name === task.name);
      if (spec === undefined) throw new Error(`worker: ${task.theorem} has no identity ${task.name}`);
      return checkIdentity(spec, certify, { points: task.points, widthDigits: task.widthDigits, seed: task.seed });
    }
    case 'explore': {
      const spec = (task.step === 'property' ? theorem.properties : theorem.mutants).find((s) => s.name === task.name);
      if (spec === undefined) throw new Error(`worker: ${task.theorem} has no ${task.step} ${task.name}`);
      return explore(spec, spec.arbitrary, {
        seed: task.seed,
        runs: task.runs,
        record: task.record,
        ...(task.from === undefined ? {} : { from: task.from }),
      });
    }
    case 'ablation': {
      const assumption = theorem.assumptions.find((a) => a.id === task.assumption);
      const spec = theorem.properties.find((s) => s.name === task.property);
      if (assumption === undefined || spec === undefined)
        throw new Error(`worker: ${task.theorem} has no ablation ${task.assumption} of ${task.property}`);
      return runProperty(spec, { seed: task.seed, runs: task.runs }, assumption.violate);
    }
  }
}

/**
 * True when structured cloning keeps `value` as it is: primitives, arrays and
 * plain objects only (no functions, symbols, class instances or cycles).
 */
export function isPlainData(value: unknown, ancestors: Set<object> = new Set()): boolean {
  if (value === null || value === undefined) return true;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  const object = value;
  if (ancestors.has(object)) return false;
  const prototype = Object.getPrototypeOf(object) as unknown;
  const array = Array.isArray(object);
  if (!array && prototype !== Object.prototype && prototype !== null) return false;
  if (Object.getOwnPropertySymbols(object).length > 0) return false;
  ancestors.add(object);
  try {
    for (const key of Reflect.ownKeys(object)) {
      if (array && key === 'length') continue;
      const descriptor = Object.getOwnPropertyDescriptor(object, key)!;
      if (descriptor.get !== undefined || descriptor.set !== undefined || !descriptor.enumerable) return false;
      if (!isPlainData(descriptor.value, ancestors)) return false;
    }
    // sparse arrays lose their holes' meaning in neither direction, but keep it simple: dense only
    if (array && Object.keys(object).length !== (object as unknown[]).length) return false;
  } finally {
    ancestors.delete(object);
  }
  return true;
}

/** The worker side: a task's reply (never throws). */
export function replyTo(theorems: readonly Theorem[], task: Task, certify: Certifier): TaskReply {
  try {
    const value = runTask(theorems, task, certify);
    return isPlainData(value) ? { value } : { rerun: 'the result is not plain data' };
  } catch (error) {
    return { rerun: errorMessage(error) };
  }
}

interface Job {
  readonly task: Task;
  /** the slices of the same property, for skipping after a failure */
  readonly group?: Job[];
  readonly step: { theoremId: string; kind: ProgressEvent['kind']; name: string; state: StepState };
  reply?: TaskReply;
}

interface StepState {
  pending: number;
}

export interface ParallelSettings {
  /** Identities go to the workers only when they certify as `options.certify` does (the standard certifier). */
  readonly identities: boolean;
}

/** `runCatalogue` with its work spread over `executor` (module comment). */
export async function runCatalogueParallel(
  theorems: readonly Theorem[],
  options: RunOptions,
  executor: TaskExecutor,
  settings: ParallelSettings,
): Promise<CatalogueResult> {
  const runs = options.runs ?? options.profile.runs;
  const plans = await runSteps(theorems, options, executor, settings);
  const results = plans.map(({ theorem, results: stepResults }) =>
    assembleTheorem(theorem, options, stepResults as StepResult[]),
  );
  return { seed: options.seed, profile: options.profile, runs, theorems: results };
}

export interface TheoremRun {
  readonly theorem: Theorem;
  readonly steps: readonly TheoremStep[];
  /** by step; undefined for the steps not included */
  readonly results: readonly (StepResult | undefined)[];
}

/**
 * The steps of the theorems (`theoremSteps`) whose index over the whole list
 * `include` accepts (all by default; a shard's otherwise), each run on the
 * executor's workers or, without one, in this thread in order.
 */
export async function runSteps(
  theorems: readonly Theorem[],
  options: RunOptions,
  executor: TaskExecutor | undefined,
  settings: ParallelSettings,
  include: (index: number, step: TheoremStep) => boolean = () => true,
): Promise<TheoremRun[]> {
  const runs = options.runs ?? options.profile.runs;
  const record = options.record === true;
  let index = 0;
  const plans = theorems.map((theorem) => {
    const steps = theoremSteps(theorem, options);
    return { theorem, steps, included: steps.map((step) => include(index++, step)) };
  });
  const total = plans.reduce((n, plan) => n + plan.included.filter(Boolean).length, 0);
  if (executor === undefined) {
    let done = 0;
    return plans.map(({ theorem, steps, included }) => ({
      theorem,
      steps,
      results: steps.map((step, k) => {
        if (!included[k]) return undefined;
        options.onProgress?.({ theoremId: theorem.id, kind: step.kind, name: step.name, done, total });
        const result = runStep(step, options);
        done += 1;
        return result;
      }),
    }));
  }
  const jobs: Job[] = [];
  const identityJobs: Job[] = [];
  const jobsOf = new Map<TheoremStep, Job[]>();
  for (const { theorem, steps, included } of plans) {
    for (const [k, step] of steps.entries()) {
      if (!included[k]) continue;
      const state: StepState = { pending: 0 };
      const where = { theoremId: theorem.id, kind: step.kind, name: step.name, state };
      const own: Job[] = [];
      const add = (task: Task, group?: Job[], queue: Job[] = jobs): Job => {
        const job: Job = group === undefined ? { task, step: where } : { task, step: where, group };
        own.push(job);
        queue.push(job);
        state.pending += 1;
        return job;
      };
      if (step.kind === 'identity') {
        if (settings.identities) {
          add(
            {
              kind: 'identity',
              theorem: theorem.id,
              name: step.name,
              seed: step.seed,
              points: options.profile.identityPoints,
              widthDigits: options.profile.identityWidthDigits,
            },
            undefined,
            identityJobs,
          );
        }
      } else if (step.kind === 'mutant') {
        add({ kind: 'explore', theorem: theorem.id, step: 'mutant', name: step.name, seed: step.seed, runs, record });
      } else if (step.kind === 'property') {
        const count = sliceCount(runs, executor.workers);
        if (count === 1) {
          add({
            kind: 'explore',
            theorem: theorem.id,
            step: 'property',
            name: step.name,
            seed: step.seed,
            runs,
            record,
          });
        } else {
          const group: Job[] = [];
          for (const slice of slices(runs, count)) {
            group.push(
              add(
                {
                  kind: 'explore',
                  theorem: theorem.id,
                  step: 'property',
                  name: step.name,
                  seed: step.seed,
                  runs: slice.runs,
                  from: slice.from,
                  record,
                },
                group,
              ),
            );
          }
        }
      } else if (step.kind === 'ablation' && 'runs' in step.plan) {
        for (const run of step.plan.runs) {
          add({
            kind: 'ablation',
            theorem: theorem.id,
            assumption: step.assumption.id,
            property: run.spec.name,
            seed: run.seed,
            runs,
          });
        }
      }
      jobsOf.set(step, own);
    }
  }
  // Identities cannot be cut: they start first, so that none of them is the last thing running.
  const queue = [...identityJobs, ...jobs];

  let done = 0;
  const report = (job: Job): void =>
    options.onProgress?.({ theoremId: job.step.theoremId, kind: job.step.kind, name: job.step.name, done, total });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < queue.length) {
      const job = queue[next++]!;
      const group = job.group;
      if (group !== undefined && group.slice(0, group.indexOf(job)).some((earlier) => failed(earlier.reply))) {
        job.reply = { skipped: true };
      } else {
        report(job);
        try {
          job.reply = await executor.run(job.task);
        } catch (error) {
          job.reply = { rerun: errorMessage(error) };
        }
      }
      job.step.state.pending -= 1;
      if (job.step.state.pending === 0) {
        done += 1;
        report(job);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, executor.workers) }, lane));

  // Assembled in order; a step no worker could answer for runs here, at its place, as in one thread.
  const local = (step: TheoremStep): StepResult => runStep(step, options);
  return plans.map(({ theorem, steps, included }) => ({
    theorem,
    steps,
    results: steps.map((step, k): StepResult | undefined => {
      if (!included[k]) return undefined;
      const own = jobsOf.get(step) ?? [];
      switch (step.kind) {
        case 'identity': {
          const reply = own[0]?.reply;
          return reply !== undefined && 'value' in reply ? (reply.value as IdentityResult) : local(step);
        }
        case 'property':
        case 'mutant': {
          const exploration = joined(step.seed, runs, own);
          if (exploration === undefined) return local(step);
          const exploreOptions = { seed: step.seed, runs, record };
          return step.kind === 'property'
            ? propertyResult(step.spec, exploreOptions, exploration)
            : mutantResult(step.spec, exploreOptions, exploration);
        }
        case 'ablation': {
          if (!('runs' in step.plan)) return assembleAblation(step.assumption, step.plan, []);
          const properties = step.plan.runs.map((run, k): PropertyResult => {
            const reply = own[k]?.reply;
            return reply !== undefined && 'value' in reply
              ? (reply.value as PropertyResult)
              : runProperty(run.spec, { seed: run.seed, runs }, step.assumption.violate);
          });
          return assembleAblation(step.assumption, step.plan, properties);
        }
      }
    }),
  }));
}

function failed(reply: TaskReply | undefined): boolean {
  return reply !== undefined && 'value' in reply && (reply.value as Exploration).failure !== undefined;
}

/** The exploration of a property's slices (or its one task), or undefined when it must run in this thread. */
function joined(seed: number, runs: number, own: readonly Job[]): Exploration | undefined {
  const parts: { from: number; exploration: Exploration }[] = [];
  for (const job of own) {
    const reply = job.reply;
    if (reply === undefined || !('value' in reply)) return undefined; // a skipped slice comes after a failure: never reached
    const exploration = reply.value as Exploration;
    if (job.task.kind !== 'explore' || job.task.from === undefined) return exploration; // the whole exploration in one task
    if (exploration.skips !== undefined) return undefined;
    parts.push({ from: job.task.from, exploration });
    if (exploration.failure !== undefined) break;
  }
  try {
    return combineSlices(seed, runs, parts);
  } catch {
    return undefined;
  }
}

/**
 * `run` on every item over `lanes` lanes, each taking the next item when
 * free; the replies in the items' order (for work that is not theorem steps,
 * such as `assume`'s properties).
 */
export async function runQueue<T, R>(
  items: readonly T[],
  lanes: number,
  run: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const replies: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      replies[index] = await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  return replies;
}
