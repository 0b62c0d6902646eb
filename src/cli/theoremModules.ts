/**
 * Theorem modules named on the command line: `ebm-lens check FILE [FILE...]`
 * (and list, replay, ablate, assume) besides the catalogue's IDs.
 *
 * Main definitions
 * - `loadTheoremModule(file)`: the theorems of one module, whose default
 *   export is a theorem or an array of theorems (`defineTheorem`, or objects
 *   of that shape).
 * - `withTheoremModules(catalogue, words)`: the catalogue extended by the
 *   theorems of the module files among `words`, the words with each file
 *   replaced by its theorem IDs, and the file each user theorem came from.
 * - `replayTarget(theorem ID, files)`: what `ebm-lens replay` needs to find a
 *   theorem again: its ID, or "FILE ID" for a user theorem.
 *
 * Main statements
 * - A word is a module file when it ends in .ts, .mts, .cts, .js, .mjs or
 *   .cjs (theorem IDs never do).
 * - A bad module is one line and exit 2 (`InputError`): it is missing, throws
 *   on import (src/input/importModule.ts), has no default export, its default
 *   export is not a theorem (the problems of validate.ts, the first few named),
 *   or a theorem ID repeats a catalogue ID or one of another module: a user
 *   theorem never replaces or shadows a catalogue theorem.
 */
import type { Theorem } from '../runner/theorem.js';
import { catalogueProblems, theoremShapeProblems } from '../runner/validate.js';
import { importUserModule, isModulePath } from '../input/importModule.js';
import { InputError } from '../errors.js';

const SHOWN = 3;

function problemLine(problems: readonly string[]): string {
  const shown = problems.slice(0, SHOWN).join('; ');
  return problems.length > SHOWN ? `${shown}; and ${problems.length - SHOWN} more` : shown;
}

/** The theorems of one module (module comment). */
export async function loadTheoremModule(file: string): Promise<Theorem[]> {
  const namespace = await importUserModule(file, 'theorem module');
  if (!('default' in namespace) || namespace.default === undefined) {
    throw new InputError(
      file,
      'has no default export',
      'export default defineTheorem({ ... }) (or an array of theorems)',
    );
  }
  const exported = namespace.default;
  const values: unknown[] = Array.isArray(exported) ? exported : [exported];
  if (values.length === 0)
    throw new InputError(file, 'exports an empty array', 'export default a theorem or an array of theorems');
  const problems = values.flatMap((value, k) =>
    theoremShapeProblems(value).map((p) => (values.length > 1 ? `[${k}] ${p}` : p)),
  );
  if (problems.length > 0) {
    throw new InputError(
      file,
      `its default export is not a theorem: ${problemLine(problems)}`,
      "build it with defineTheorem from 'ebm-lens'",
    );
  }
  const theorems = values as Theorem[];
  const consistency = catalogueProblems(theorems);
  if (consistency.length > 0)
    throw new InputError(
      file,
      `its theorems are inconsistent: ${problemLine(consistency)}`,
      'fix the names the message gives',
    );
  return theorems;
}

export interface ModuleWords {
  /** the catalogue, then the user theorems */
  readonly catalogue: readonly Theorem[];
  /** the words, each module file replaced by the IDs of its theorems */
  readonly ids: string[];
  /** the file of each user theorem, by ID */
  readonly files: ReadonlyMap<string, string>;
}

/** The catalogue extended by the modules among `words` (module comment). */
export async function withTheoremModules(
  catalogue: readonly Theorem[],
  words: readonly string[],
): Promise<ModuleWords> {
  const files = new Map<string, string>();
  const user: Theorem[] = [];
  const ids: string[] = [];
  const taken = new Map(catalogue.map((t) => [t.id.toLowerCase(), 'the catalogue']));
  for (const word of words) {
    if (!isModulePath(word)) {
      ids.push(word);
      continue;
    }
    for (const theorem of await loadTheoremModule(word)) {
      const owner = taken.get(theorem.id.toLowerCase());
      if (owner !== undefined) {
        if (owner === word) continue; // the same file named twice
        throw new InputError(
          word,
          `theorem ID '${theorem.id}' is already taken by ${owner === 'the catalogue' ? 'a theorem of the catalogue' : owner}`,
          'give your theorem another ID',
        );
      }
      taken.set(theorem.id.toLowerCase(), word);
      files.set(theorem.id, word);
      user.push(theorem);
      ids.push(theorem.id);
    }
  }
  return { catalogue: [...catalogue, ...user], ids, files };
}

function shellWord(text: string): string {
  return /^[\w.:/=+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** "ID", or "FILE ID" for a theorem of a module file (module comment). */
export function replayTarget(id: string, files: ReadonlyMap<string, string>): string {
  const file = files.get(id);
  return file === undefined ? id : `${shellWord(file)} ${id}`;
}
