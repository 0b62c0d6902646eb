/**
 * A one-line progress bar on stderr for long checks.
 *
 * Main definitions
 * - `Progress`: `update(event)` redraws the bar, `finish()` erases it.
 * - `createProgress(io, enabled)`: a bar drawn only when `enabled` (the caller
 *   passes `io.interactive && !json`); otherwise every call does nothing, so
 *   stdout and redirected stderr never carry control characters.
 */
import type { CommandIO } from './io.js';
import type { ProgressEvent } from '../runner/run.js';

export interface Progress {
  update(event: ProgressEvent): void;
  finish(): void;
}

const WIDTH = 24;
const LABEL = 48;
const CLEAR_LINE = '\r\u001b[2K';

export function createProgress(io: CommandIO, enabled: boolean): Progress {
  if (!enabled) return { update() {}, finish() {} };
  let drawn = false;
  return {
    update(event) {
      const fraction = event.total === 0 ? 1 : event.done / event.total;
      const filled = Math.min(WIDTH, Math.round(fraction * WIDTH));
      let label = `${event.theoremId} ${event.kind} ${event.name}`;
      if (label.length > LABEL) label = `${label.slice(0, LABEL - 3)}...`;
      io.stderr(`${CLEAR_LINE}[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${event.done}/${event.total} ${label}`);
      drawn = true;
    },
    finish() {
      if (drawn) io.stderr(CLEAR_LINE);
      drawn = false;
    },
  };
}
