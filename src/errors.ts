/**
 * Errors the command line turns into one clear line and an exit code.
 * They sit below every layer (the engine throws `InputError` where it
 * validates user input), so this file imports nothing.
 *
 * Main definitions
 * - `InputError`: bad usage or bad input (exit 2). Its message names the field,
 *   says what is wrong and how to fix it: "field: problem; fix".
 * - `EXIT`: the exit codes (docs/outputs.md#exit-codes).
 */
export const EXIT = {
  /** every checked claim holds */
  ok: 0,
  /** a claim was falsified, or a mutant survived */
  falsified: 1,
  /** bad usage or bad input */
  badInput: 2,
  /** some claim is undecided */
  undecided: 3,
  /** a bug in ebm-lens itself (reported in one line, never as a verdict) */
  internal: 4,
} as const;

export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${field}: ${problem}; ${fix}`);
  }
}
