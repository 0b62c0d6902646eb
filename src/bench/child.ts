/**
 * The entry point of a benchmark child process: one workload per process, so
 * that its peak resident memory is its own.
 *
 * Main definitions
 * - On its first IPC message (a `MeasureRequest`), the process measures the
 *   workload and answers `{ ok: true, measurement }` or `{ ok: false, error }`,
 *   then exits.
 *
 * Implementation details
 * Started by `harness.ts` with `child_process.fork`; it does nothing when not
 * started with an IPC channel. The catalogue's identities arrive as plain data
 * in the request (the engine never imports theorems/).
 */
import { measureWorkload, type MeasureRequest } from './measure.js';

export type ChildReply = { ok: true; measurement: ReturnType<typeof measureWorkload> } | { ok: false; error: string };

if (process.send !== undefined) {
  process.once('message', (request: MeasureRequest) => {
    let reply: ChildReply;
    try {
      reply = { ok: true, measurement: measureWorkload(request, 'child process') };
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send!(reply, undefined, {}, () => process.disconnect());
  });
}
