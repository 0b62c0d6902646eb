/**
 * The `ebm-lens` command line.
 *
 * Main definitions
 * - `main(argv, io, catalogue)`: parses the arguments, runs one command, returns
 *   the exit code. Every command lives in commands/<name>.ts and registers itself
 *   here. The theorem catalogue is passed in (bin/ebm-lens.js loads it), since
 *   the engine never imports theorems/.
 * - `main(argv, io, catalogue, parallel)`: with `parallel.catalogueModule`,
 *   the URL of the module the catalogue came from, worker threads can load
 *   it too, and check runs on all cores by default (--workers); without it,
 *   as in tests and library use, everything runs in this thread.
 *
 * Implementation details
 * commander's own errors (unknown option, missing argument) are reduced to one
 * line and exit 2; an `InputError` from any command prints "ebm-lens: field:
 * problem; fix" and exit 2; anything else is a bug of ebm-lens: one line, exit 4,
 * and the stack only when EBM_LENS_DEBUG is set.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, InputError } from '../errors.js';
import { processIO, type CommandContext, type CommandIO } from './io.js';
import { PLAIN, invocation, setInvocation } from '../report/invocation.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerRlvr } from './commands/rlvr.js';
import { registerCatalogueCommands, type ParallelSource } from './commands/catalogue.js';
import { registerEmpirical } from './commands/empirical.js';
import { registerBench } from './commands/bench.js';
import { VERSION } from '../version.js';
import type { Theorem } from '../runner/theorem.js';

export async function main(
  argv: readonly string[],
  io: CommandIO = processIO(),
  catalogue: readonly Theorem[] = [],
  parallel: ParallelSource = {},
): Promise<number> {
  setInvocation(io.invocation ?? PLAIN);
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    io,
    setExitCode(code) {
      if (exitCode === EXIT.badInput) return;
      exitCode = code === EXIT.badInput ? code : Math.max(exitCode, code);
    },
  };
  const program = new Command('ebm-lens')
    .description(
      'A symbolic-plus-numeric checker for the claims of arXiv:2512.18730 (EBM lens on RL-tuned language models)',
    )
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) =>
        write(`ebm-lens: ${firstLine(text).replace(/^error: /, '')} (see '${invocation()} --help')\n`),
    });
  registerCatalogueCommands(program, context, catalogue, undefined, parallel);
  registerAnalyze(program, context);
  registerRlvr(program, context);
  registerEmpirical(program, context);
  registerBench(program, context, catalogue);
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version exit 0; every parse error is bad usage
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (error instanceof InputError) {
      io.stderr(`ebm-lens: ${error.message}\n`);
      return EXIT.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(
      `ebm-lens: internal error: ${firstLine(message)} (a bug in ebm-lens; set EBM_LENS_DEBUG=1 for details)\n`,
    );
    if (process.env.EBM_LENS_DEBUG && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
  return exitCode;
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}
