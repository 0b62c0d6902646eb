/**
 * Where commands write. Injected so that tests can run commands in-process.
 *
 * Main definitions
 * - `CommandIO`: stdout/stderr writers and whether stderr is a terminal
 *   (progress bars are drawn only then, and never with --json; elsewhere
 *   plain progress lines, see progress.ts).
 * - `CommandContext`: the IO plus the exit code a command sets.
 */
import { detectInvocation } from '../report/invocation.js';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when progress may be drawn (stderr is a TTY). */
  readonly interactive: boolean;
  /** The command printed in replay and reproduce lines (src/report/invocation.ts); `ebm-lens` when absent. */
  readonly invocation?: string;
  /** Plain progress lines on stderr every few seconds (stderr is not a TTY); off when absent. */
  readonly progressLines?: boolean;
}

export interface CommandContext {
  readonly io: CommandIO;
  /** Set the process exit code (EXIT of errors.ts). The largest code set wins except that 2 is final. */
  setExitCode(code: number): void;
}

export function processIO(): CommandIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
    progressLines: !(Boolean(process.stderr.isTTY) && !process.env.CI),
    invocation: detectInvocation(process.env, process.argv[1]),
  };
}
