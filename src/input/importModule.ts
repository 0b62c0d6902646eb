/**
 * Importing a module a user wrote: JavaScript natively, TypeScript through
 * jiti (a maintained loader that strips the types; no type checking).
 *
 * Main definitions
 * - `MODULE_EXTENSIONS`: the extensions accepted (.ts, .mts, .cts, .js, .mjs, .cjs).
 * - `isModulePath(text)`: whether a command-line word names such a module.
 * - `importUserModule(file)`: the module's namespace; an `InputError` (one
 *   line, exit 2) when the file is missing, a directory, of another type, or
 *   throws on import.
 *
 * Implementation details
 * Every import is fresh: native imports carry a query, and jiti runs with its
 * module and file caches off, so a file edited between two runs in one
 * process is read again. A module's import of `ebm-lens` yields the copy of
 * the package the command line runs (test/cli/theoremModules.test.ts checks
 * it through `UndecidedError`, which the runner recognizes by class), so a
 * user's predicates and the engine share arithmetic and errors.
 */
import { existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiti } from 'jiti';
import { InputError } from '../errors.js';

export const MODULE_EXTENSIONS: readonly string[] = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];
const TYPESCRIPT = new Set(['.ts', '.mts', '.cts']);

export function isModulePath(text: string): boolean {
  return MODULE_EXTENSIONS.includes(extname(text).toLowerCase());
}

let imports = 0;

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split('\n')[0] ?? '';
}

/** The namespace of the module FILE (module comment). */
export async function importUserModule(file: string, what = 'module'): Promise<Record<string, unknown>> {
  const path = resolve(file);
  if (!existsSync(path))
    throw new InputError(file, 'no such file', `give the path of a .ts, .mts, .js or .mjs ${what}`);
  if (statSync(path).isDirectory())
    throw new InputError(file, 'is a directory', `give the path of a .ts, .mts, .js or .mjs ${what}`);
  const extension = extname(path).toLowerCase();
  if (!MODULE_EXTENSIONS.includes(extension)) {
    throw new InputError(
      file,
      `has an unknown extension '${extension || '(none)'}'`,
      `give a .ts, .mts, .js or .mjs ${what}`,
    );
  }
  imports += 1;
  try {
    if (TYPESCRIPT.has(extension)) {
      const jiti = createJiti(pathToFileURL(path).href, { moduleCache: false, fsCache: false, interopDefault: false });
      return await jiti.import<Record<string, unknown>>(path);
    }
    // The query makes every read a fresh module.
    return (await import(`${pathToFileURL(path).href}?load=${imports}`)) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(
      file,
      `throws on import: ${firstLine(error)}`,
      'fix the module (node or npx jiti FILE shows the stack)',
    );
  }
}
