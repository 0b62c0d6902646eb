import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHECKER = join(ROOT, 'checker');
const ALLOWED_PACKAGES = new Set(['fraction.js', 'decimal.js']);
/** import ... from 'x', export ... from 'x', import 'x', import('x'), require('x') */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Why an import of `file` is not allowed, or undefined. */
function violation(file: string, specifier: string): string | undefined {
  if (specifier.startsWith('node:') || ALLOWED_PACKAGES.has(specifier)) return undefined;
  if (!specifier.startsWith('.')) return `package ${specifier}`;
  const target = resolve(dirname(file), specifier);
  return relative(CHECKER, target).startsWith('..') ? `${specifier} leaves checker/` : undefined;
}

describe('checker/ is independent of the engine', () => {
  it('imports only its own files, node: builtins, fraction.js and decimal.js', () => {
    const found = files(CHECKER);
    expect(found.length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const file of found) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const problem = violation(file, specifier!);
        if (problem !== undefined) problems.push(`${relative(ROOT, file)}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the scan itself catches an engine import', () => {
    const file = join(CHECKER, 'x.ts');
    expect(violation(file, '../src/arith/rational.js')).toMatch(/leaves checker/);
    expect(violation(file, 'big.js')).toBe('package big.js');
    expect(violation(file, './numbers.js')).toBeUndefined();
    expect([..."import { x } from '../theorems/index.js';".matchAll(SPECIFIER)].map((m) => m[1])).toEqual([
      '../theorems/index.js',
    ]);
  });

  it('the launcher loads only the compiled checker', () => {
    const launcher = readFileSync(join(ROOT, 'bin/ebm-lens-verify.js'), 'utf8');
    expect([...launcher.matchAll(SPECIFIER)].map((m) => m[1])).toEqual(['../dist/checker/main.js']);
  });
});
