/**
 * How the user ran ebm-lens, so that the commands it prints (replay lines,
 * reproduce lines, the ebm-lens-verify hint) work where the user stands.
 *
 * Main definitions
 * - `detectInvocation(env, script, onPath)`: `ebm-lens` when the running
 *   script is the `ebm-lens` found on PATH (a global install), otherwise
 *   `npx ebm-lens` (run through npx, `npm run`, or `node bin/ebm-lens.js` from
 *   a checkout, where `ebm-lens` is not a command but `npx ebm-lens` is).
 * - `invocation()`, `setInvocation(prefix)`: the prefix printed. `main` sets
 *   it from its `CommandIO` (the process IO detects it; an IO without one, as
 *   in tests and library use, gives plain `ebm-lens`).
 *
 * It lives with the reports, which print these commands; the command line
 * detects and sets it (src/cli/io.ts, src/cli/main.ts).
 *
 * Implementation details
 * npm sets `npm_command` (`exec` for npx, `run-script` for `npm run`) in the
 * environment of what it runs; then `ebm-lens` is on PATH only inside npm, so
 * the printed line says `npx ebm-lens`. Otherwise PATH is searched for an
 * `ebm-lens` resolving (through symlinks) to the script being run.
 */
import { accessSync, constants, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const PLAIN = 'ebm-lens';
export const NPX = 'npx ebm-lens';

let current = PLAIN;

export function invocation(): string {
  return current;
}

export function setInvocation(prefix: string): void {
  current = prefix;
}

/** The ebm-lens-verify command matching `invocation()`. */
export function verifyInvocation(): string {
  return `${current}-verify`;
}

export function detectInvocation(
  env: Readonly<Record<string, string | undefined>>,
  script: string | undefined,
  onPath: (script: string, pathVariable: string) => boolean = scriptIsOnPath,
): string {
  if (env.npm_command !== undefined && env.npm_command !== '') return NPX;
  if (script !== undefined && script !== '' && onPath(script, env.PATH ?? '')) return PLAIN;
  return NPX;
}

/** True when some PATH directory holds an executable `ebm-lens` that resolves to `script`. */
export function scriptIsOnPath(script: string, pathVariable: string): boolean {
  let target: string;
  try {
    target = realpathSync(script);
  } catch {
    return false;
  }
  for (const dir of pathVariable.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, PLAIN);
    try {
      accessSync(candidate, constants.X_OK);
      if (realpathSync(candidate) === target) return true;
    } catch {
      // not here
    }
  }
  return false;
}
