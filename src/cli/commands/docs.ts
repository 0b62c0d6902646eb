/**
 * `ebm-lens docs DIR [--seed S]`: the per-theorem documentation, generated
 * from the theorem modules (src/docs/).
 *
 * Main definitions
 * - `registerDocs(program, context, catalogue)`: the command. Writes one
 *   Markdown page per theorem, an index (README.md) and the figures as SVG
 *   files in DIR/img; prints the paths written.
 *
 * Implementation details
 * `npm run docs` regenerates docs/theorems with the default seed; a test
 * compares the committed pages with a fresh generation, so they cannot drift.
 * A directory that cannot be written is bad usage (exit 2), reported in one line
 * before anything is generated (../outputPaths.ts).
 */
import type { Command } from 'commander';
import { theoremDocs, DOCS_SEED } from '../../docs/theoremDocs.js';
import { writeDocs } from '../../docs/writeDocs.js';
import { SEED_MAX, SEED_MIN } from '../../runner/seed.js';
import type { Theorem } from '../../runner/theorem.js';
import { InputError } from '../../errors.js';
import { checkOutputDirectory } from '../outputPaths.js';
import type { CommandContext } from '../io.js';

export function registerDocs(program: Command, context: CommandContext, catalogue: () => readonly Theorem[]): void {
  program
    .command('docs')
    .description('write one Markdown page per theorem (with its figure) to a directory')
    .argument('<dir>', 'output directory, e.g. docs/theorems')
    .option('--seed <s>', `seed of the figures' sample instances (default ${DOCS_SEED})`)
    .action((dir: string, options: { seed?: string }) => {
      const seed = options.seed === undefined ? DOCS_SEED : parseSeed(options.seed);
      checkOutputDirectory('DIR', dir);
      let written: string[];
      try {
        written = writeDocs(dir, theoremDocs(catalogue(), seed));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === undefined) throw error;
        throw new InputError('DIR', `cannot write to '${dir}' (${code})`, 'pass a writable directory');
      }
      context.io.stdout(`${written.length} files written to ${dir}\n`);
    });
}

function parseSeed(text: string): number {
  const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < SEED_MIN || value > SEED_MAX) {
    throw new InputError(
      '--seed',
      `'${text}' is not an integer in [${SEED_MIN}, ${SEED_MAX}]`,
      'pass a whole number, e.g. --seed 42',
    );
  }
  return value;
}
