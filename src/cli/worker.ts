/**
 * The worker thread of parallel checks (`--workers N`, src/runner/parallel.ts).
 *
 * Main definitions
 * - `TheoremSource`: where a worker finds the theorems, since functions
 *   cannot be posted to it: the URL of a module exporting `catalogue` (the
 *   command line's catalogue) and the theorem module files named on the
 *   command line, loaded as the main thread loaded them (./theoremModules.ts),
 *   and for `assume` its FILE of slot replacements.
 * - `WorkerRequest`: a source and a task (src/runner/parallel.ts), or an
 *   `AssumeTask`: one property of a theorem with the file's slots.
 * - default export: the reply to one request (the pool calls it).
 *
 * Implementation details
 * The theorems are loaded once per source and worker. A source that cannot
 * be loaded, or a task that throws, gives a `rerun` reply: the main thread
 * runs that step itself, so its error is the one of a single-thread run.
 */
import { isPlainData, replyTo, type Task, type TaskReply } from '../runner/parallel.js';
import type { SlotInstantiation, SlotOverrides } from '../runner/theorem.js';
import { readAssumptionFile } from '../assume/assumptionFile.js';
import { assumeProperty } from '../assume/assume.js';
import type { Theorem } from '../runner/theorem.js';
import { errorMessage } from '../runner/identity.js';
import { certifyIdentity } from '../symbolic/certify.js';
import { loadTheoremModule } from './theoremModules.js';

export interface TheoremSource {
  /** URL of a module whose export `catalogue` is the catalogue's theorems */
  readonly catalogue?: string;
  /** theorem module files, as named on the command line */
  readonly files: readonly string[];
  /** `assume`: the FILE of slot replacements */
  readonly assumptions?: string;
}

/** `assume`: property `index` of theorem `theorem` instantiated with the file's slots. */
export interface AssumeTask {
  readonly theorem: string;
  readonly index: number;
  readonly seed: number;
  readonly runs: number;
}

export type WorkerRequest =
  | { readonly source: TheoremSource; readonly task: Task }
  | { readonly source: TheoremSource; readonly assume: AssumeTask };

interface Loaded {
  readonly theorems: readonly Theorem[];
  readonly overrides?: SlotOverrides;
  readonly instantiations: Map<string, SlotInstantiation | undefined>;
}

const loaded = new Map<string, Promise<Loaded>>();

async function load(source: TheoremSource): Promise<Loaded> {
  const theorems: Theorem[] = [];
  if (source.catalogue !== undefined) {
    const namespace = (await import(source.catalogue)) as { catalogue?: unknown };
    if (!Array.isArray(namespace.catalogue)) throw new Error(`${source.catalogue} exports no catalogue`);
    theorems.push(...(namespace.catalogue as Theorem[]));
  }
  for (const file of source.files) theorems.push(...(await loadTheoremModule(file)));
  const overrides =
    source.assumptions === undefined ? undefined : (await readAssumptionFile(source.assumptions)).overrides;
  return { theorems, ...(overrides === undefined ? {} : { overrides }), instantiations: new Map() };
}

function assumeReply(loaded: Loaded, task: AssumeTask): TaskReply {
  try {
    const theorem = loaded.theorems.find((t) => t.id === task.theorem);
    if (theorem === undefined || loaded.overrides === undefined)
      throw new Error(`worker: no theorem ${task.theorem} or no assumption file`);
    if (!loaded.instantiations.has(theorem.id))
      loaded.instantiations.set(theorem.id, theorem.instantiate?.(loaded.overrides));
    const property = loaded.instantiations.get(theorem.id)?.properties[task.index];
    if (property === undefined) throw new Error(`worker: ${theorem.id} has no instantiated property ${task.index}`);
    const value = assumeProperty(theorem, property, { seed: task.seed, runs: task.runs });
    return isPlainData(value) ? { value } : { rerun: 'the result is not plain data' };
  } catch (error) {
    return { rerun: errorMessage(error) };
  }
}

export default async function reply(request: WorkerRequest): Promise<TaskReply> {
  const key = JSON.stringify(request.source);
  let theorems = loaded.get(key);
  if (theorems === undefined) {
    theorems = load(request.source);
    loaded.set(key, theorems);
  }
  try {
    const ready = await theorems;
    return 'assume' in request
      ? assumeReply(ready, request.assume)
      : replyTo(ready.theorems, request.task, certifyIdentity);
  } catch (error) {
    return { rerun: `the worker could not load the theorems: ${errorMessage(error)}` };
  }
}
