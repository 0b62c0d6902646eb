/**
 * The declarations of the package, as a user's TypeScript sees them: a file
 * outside the repository importing 'ebm-lens', 'ebm-lens/claims' and
 * 'ebm-lens/vitest' type-checks (strict, NodeNext) against dist/ (built by
 * npm test first), and no export of the entry points is `any`, nor any
 * parameter or result of an exported function. The examples of
 * examples/theorems/ type-check the same way.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function typeErrors(files: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    strict: true,
    noEmit: true,
    noUnusedLocals: false,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    skipLibCheck: false,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file !== undefined && d.start !== undefined
        ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: `
        : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

const FIXTURE = `
import * as api from 'ebm-lens';
import * as claims from 'ebm-lens/claims';
import * as vitestEntry from 'ebm-lens/vitest';
import { defineTheorem, fc, pass, fail, property, mutant, checkTheorem, type Theorem, type TheoremResult } from 'ebm-lens';
import { theoremTests, type TheoremTestOptions } from 'ebm-lens/vitest';

type IsAny<T> = 0 extends 1 & T ? true : false;
type AnyIn<T> = IsAny<T> extends true
  ? true
  : T extends (...args: infer A) => infer R
    ? IsAny<R> extends true ? true : true extends { [K in keyof A]: IsAny<A[K]> }[number] ? true : false
    : false;
type AnyExports<M> = { [K in keyof M]: AnyIn<M[K]> extends true ? K : never }[keyof M];
const noneInMain: [AnyExports<typeof api>] extends [never] ? true : false = true;
const noneInClaims: [AnyExports<typeof claims>] extends [never] ? true : false = true;
const noneInVitest: [AnyExports<typeof vitestEntry>] extends [never] ? true : false = true;

const evens = property({
  name: 'even-square',
  claim: 'n even implies n^2 even',
  mode: 'exact',
  arbitrary: fc.nat(100).map((k) => 2 * k),
  predicate: (n) => (n * n % 2 === 0 ? pass() : fail('n^2 even')),
});
property({
  name: 'typed',
  claim: 'the instance type is inferred',
  mode: 'exact',
  arbitrary: fc.nat(),
  // @ts-expect-error n is a number, not a string
  predicate: (n) => { const s: string = n; return pass(s.length); },
});
const theorem: Theorem = defineTheorem({
  id: 'Evens',
  title: 'squares of even numbers',
  statement: 'n even implies n^2 even',
  properties: [evens],
  mutants: [mutant({ name: 'odd', claim: 'n^2 odd', mode: 'exact', arbitrary: fc.nat(), predicate: (n) => (n % 2 === 1 ? pass() : fail('n^2 odd')) })],
});
const result: TheoremResult = checkTheorem(theorem, { runs: 10, profile: 'quick' });
const status: 'verified' | 'checked' | 'falsified' | 'check-too-weak' | 'undecided' | 'error' = result.status;
const options: TheoremTestOptions = { runs: 10, file: 'evens.ts' };
const register: (t: Theorem, o?: TheoremTestOptions) => void = theoremTests;
export { noneInMain, noneInClaims, noneInVitest, status, options, register };
`;

describe('the declarations', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ebm-lens-types-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(ROOT, join(dir, 'node_modules', 'ebm-lens'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'user.ts'), FIXTURE);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("a user's file type-checks against the three entry points, with no any in their exports", () => {
    expect(typeErrors([join(dir, 'user.ts')])).toEqual([]);
  });

  it('the example theorems type-check against the public entry points only', () => {
    const files = readdirSync(join(ROOT, 'examples', 'theorems'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(ROOT, 'examples', 'theorems', f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(typeErrors(files)).toEqual([]);
  });
});
