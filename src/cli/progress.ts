/**
 * Progress of long checks on stderr: a one-line bar on a terminal, plain
 * lines every few seconds elsewhere (CI logs, a redirected stderr).
 *
 * Main definitions
 * - `Progress`: `update(event)` after each step, `finish()` at the end.
 * - `progressStyle(io, json, quiet)`: 'off' with --quiet; on a terminal the
 *   bar ('off' with --json, as before); otherwise 'lines' when the IO asks for
 *   them (`io.progressLines`, set by the process IO when stderr is not a TTY).
 * - `createProgress(io, style, label, clock)`: a progress of that style
 *   (`true` and `false` stand for 'bar' and 'off').
 *
 * Implementation details
 * The bar redraws one line with carriage returns and erases it at the end, so
 * a terminal keeps only the results. Lines carry no control characters: one
 * line at most every `LINE_INTERVAL_MS` (checked at each step, since the
 * checks run synchronously and no timer could fire), and a closing "done"
 * line when any was printed. stdout is never touched.
 */
import type { CommandIO } from './io.js';
import type { ProgressEvent } from '../runner/run.js';

export interface Progress {
  update(event: ProgressEvent): void;
  finish(): void;
}

export type ProgressStyle = 'bar' | 'lines' | 'off';

export interface ProgressClock {
  now(): number;
  intervalMs: number;
}

const WIDTH = 24;
const LABEL = 48;
const CLEAR_LINE = '\r\u001b[2K';
/** A plain progress line at most this often. */
export const LINE_INTERVAL_MS = 5000;

export function progressStyle(io: CommandIO, json: boolean, quiet: boolean | undefined): ProgressStyle {
  if (quiet === true) return 'off';
  if (io.interactive) return json ? 'off' : 'bar';
  return io.progressLines === true ? 'lines' : 'off';
}

function describeStep(event: ProgressEvent, limit: number): string {
  const label = `${event.theoremId} ${event.kind} ${event.name}`;
  return label.length > limit ? `${label.slice(0, limit - 3)}...` : label;
}

export function createProgress(
  io: CommandIO,
  style: ProgressStyle | boolean,
  label = 'ebm-lens',
  clock: ProgressClock = { now: () => Date.now(), intervalMs: LINE_INTERVAL_MS },
): Progress {
  const chosen: ProgressStyle = style === true ? 'bar' : style === false ? 'off' : style;
  if (chosen === 'off') return { update() {}, finish() {} };
  if (chosen === 'lines') return lineProgress(io, label, clock);
  let drawn = false;
  return {
    update(event) {
      const fraction = event.total === 0 ? 1 : event.done / event.total;
      const filled = Math.min(WIDTH, Math.round(fraction * WIDTH));
      io.stderr(
        `${CLEAR_LINE}[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${event.done}/${event.total} ${describeStep(event, LABEL)}`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr(CLEAR_LINE);
      drawn = false;
    },
  };
}

function lineProgress(io: CommandIO, label: string, clock: ProgressClock): Progress {
  const start = clock.now();
  let last = start;
  let printed = false;
  let latest: ProgressEvent | undefined;
  const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;
  return {
    update(event) {
      latest = event;
      const now = clock.now();
      if (now - last < clock.intervalMs) return;
      last = now;
      printed = true;
      const percent = event.total === 0 ? 100 : Math.floor((100 * event.done) / event.total);
      io.stderr(
        `${label}: ${event.done}/${event.total} steps (${percent}%), ${seconds(now - start)}, at ${describeStep(event, 80)}\n`,
      );
    },
    finish() {
      if (printed && latest !== undefined)
        io.stderr(`${label}: done, ${latest.done}/${latest.total} steps in ${seconds(clock.now() - start)}\n`);
      printed = false;
    },
  };
}
