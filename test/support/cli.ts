/**
 * The command line for the tests, run once in process (`runMain`: src/cli/main.ts with
 * a captured CommandIO) and once as a child process (`runBin`: bin/ebm-lens.js on the
 * built dist/, which `buildIfMissing` builds when `vitest run` is started alone).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import type { Theorem } from '../../src/runner/theorem.js';

/** `main(argv, io, catalogue)` with stdout and stderr captured; the catalogue is empty unless given. */
export async function runMain(
  argv: readonly string[],
  options: { catalogue?: readonly Theorem[]; interactive?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    interactive: options.interactive ?? false,
  };
  const code = await main(argv, io, options.catalogue);
  return { code, stdout, stderr };
}

/**
 * `node bin/ebm-lens.js ARGV` in a child process, with its exit status and output.
 * Asynchronous, so that the test's thread stays free to answer vitest while the command runs.
 */
export function runBin(argv: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/ebm-lens.js', ...argv]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => void (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => void (stderr += text));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Builds dist/ (tsconfig.build.json) when one of FILES is missing; `npm test` builds it before vitest runs. */
export function buildIfMissing(...files: string[]): void {
  if (!files.every((file) => existsSync(file))) {
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'ignore' });
  }
}
