/**
 * The worker thread of parallel checks (`--workers N`, src/runner/parallel.ts).
 *
 * Main definitions
 * - `TheoremSource`: where a worker finds the theorems, since functions
 *   cannot be posted to it: the URL of a module exporting `catalogue` (the
 *   command line's catalogue) and the theorem module files named on the
 *   command line, loaded as the main thread loaded them (../theoremModules.ts).
 * - `WorkerRequest`: a source and a task.
 * - default export: the reply to one request (the pool calls it).
 *
 * Implementation details
 * The theorems are loaded once per source and worker. A source that cannot
 * be loaded, or a task that throws, gives a `rerun` reply: the main thread
 * runs that step itself, so its error is the one of a single-thread run.
 */
import { replyTo, type Task, type TaskReply } from '../runner/parallel.js';
import type { Theorem } from '../runner/theorem.js';
import { errorMessage } from '../runner/identity.js';
import { certifyIdentity } from '../symbolic/certify.js';
import { loadTheoremModule } from './theoremModules.js';

export interface TheoremSource {
  /** URL of a module whose export `catalogue` is the catalogue's theorems */
  readonly catalogue?: string;
  /** theorem module files, as named on the command line */
  readonly files: readonly string[];
}

export interface WorkerRequest {
  readonly source: TheoremSource;
  readonly task: Task;
}

const loaded = new Map<string, Promise<readonly Theorem[]>>();

async function load(source: TheoremSource): Promise<readonly Theorem[]> {
  const theorems: Theorem[] = [];
  if (source.catalogue !== undefined) {
    const namespace = (await import(source.catalogue)) as { catalogue?: unknown };
    if (!Array.isArray(namespace.catalogue)) throw new Error(`${source.catalogue} exports no catalogue`);
    theorems.push(...(namespace.catalogue as Theorem[]));
  }
  for (const file of source.files) theorems.push(...(await loadTheoremModule(file)));
  return theorems;
}

export default async function reply(request: WorkerRequest): Promise<TaskReply> {
  const key = JSON.stringify(request.source);
  let theorems = loaded.get(key);
  if (theorems === undefined) {
    theorems = load(request.source);
    loaded.set(key, theorems);
  }
  try {
    return replyTo(await theorems, request.task, certifyIdentity);
  } catch (error) {
    return { rerun: `the worker could not load the theorems: ${errorMessage(error)}` };
  }
}
