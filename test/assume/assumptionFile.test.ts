import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/errors.js';
import { jsonAssumptions, moduleAssumptions, readAssumptionFile } from '../../src/assume/assumptionFile.js';
import type { SlotOverride } from '../../src/runner/theorem.js';
import type { ReferenceSample } from '../../properties/index.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-assume-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function problem(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('expected an InputError');
}

const variant = (o: SlotOverride | undefined): unknown => (o?.kind === 'variant' ? o.variant : undefined);

describe('JSON assumption files', () => {
  it('read variants, ranges and constraint objects, numbers exactly', async () => {
    const path = write(
      'ok.json',
      JSON.stringify({
        description: 'what if',
        reference: { nearReversible: 0.05 },
        interaction: 'antisymmetric',
        start: 'tilt',
        n: '3..5',
        beta: { min: '1/4', max: 4 },
        prompts: { maxPrompts: 2, degenerate: true },
      }),
    );
    const set = await readAssumptionFile(path);
    expect(set.form).toBe('json');
    expect(set.description).toBe('what if');
    expect(variant(set.overrides.reference)).toEqual({ nearReversible: '0.05' });
    expect(variant(set.overrides.interaction)).toBe('antisymmetric');
    expect(variant(set.overrides.n)).toEqual({ min: 3, max: 5 });
    expect(variant(set.overrides.beta)).toEqual({ min: '1/4', max: '4' });
    expect(variant(set.overrides.prompts)).toEqual({ maxPrompts: 2, degenerate: true });
    expect(set.overrides.beta!.label).toBe('beta in [1/4, 4]');
    expect(set.overrides.reference!.label).toBe('reference nearReversible(1/20)');
  });

  it('reject an unknown slot, a wrong type, an unknown variant, a bad range, with the slot named', async () => {
    expect(await problem(() => jsonAssumptions({ colour: 'red' }, 'f.json'))).toMatch(
      /^colour: is not a slot; use the slots n, reference/,
    );
    expect(await problem(() => jsonAssumptions({ interaction: '3' }, 'f.json'))).toMatch(
      /^interaction: .*must be one of 'none', 'symmetric'/,
    );
    expect(await problem(() => jsonAssumptions({ interaction: ['symmetric'] }, 'f.json'))).toMatch(
      /^interaction: must be one of symmetric, none, antisymmetric, any, got an array; e\.g\. "interaction": "symmetric"/,
    );
    expect(await problem(() => jsonAssumptions({ reference: 'bogus' }, 'f.json'))).toMatch(
      /^reference: .*'reversible'/,
    );
    expect(await problem(() => jsonAssumptions({ reference: { nearReversible: '2' } }, 'f.json'))).toMatch(
      /must lie in \[0, 1\]/,
    );
    expect(await problem(() => jsonAssumptions({ beta: { min: '-1', max: '2' } }, 'f.json'))).toMatch(
      /^beta: .*must be > 0/,
    );
    expect(await problem(() => jsonAssumptions({ beta: { lo: '1' } }, 'f.json'))).toMatch(
      /^beta\.lo: is not a known field/,
    );
    expect(await problem(() => jsonAssumptions({ prompts: { degenerate: 'yes' } }, 'f.json'))).toMatch(
      /^prompts\.degenerate: must be true or false/,
    );
    expect(await problem(() => jsonAssumptions({ description: 'only words' }, 'f.json'))).toMatch(/names no slot/);
  });

  it('reject files that are missing, empty, invalid JSON or of an unknown kind', async () => {
    expect(await problem(() => readAssumptionFile(join(dir, 'missing.json')))).toMatch(/no such file/);
    expect(await problem(() => readAssumptionFile(write('empty.json', '')))).toMatch(/the file is empty/);
    expect(await problem(() => readAssumptionFile(write('broken.json', '{ "interaction": ')))).toMatch(/invalid JSON/);
    expect(await problem(() => readAssumptionFile(write('notes.txt', 'hello')))).toMatch(/unknown extension '\.txt'/);
  });
});

describe('module assumption files', () => {
  const prior = [
    ['1/3', '2/5', '4/15'],
    ['4/15', '1/3', '2/5'],
    ['2/5', '4/15', '1/3'],
  ];

  it('a function default export receives fast-check; a plain arbitrary of one size fixes n', () => {
    const set = moduleAssumptions(
      (f: typeof fc) => ({ reference: f.constant(prior), beta: f.constantFrom('1/2', 2) }),
      'm.mjs',
    );
    const reference = set.overrides.reference!;
    expect(reference.kind === 'values' && reference.states).toBe(3);
    if (reference.kind !== 'values') throw new Error('values expected');
    const [value] = fc.sample(reference.values({ n: 3 }), { seed: 1, numRuns: 1 }) as ReferenceSample[];
    expect(value!.q[0]![1]!.toFraction()).toBe('2/5');
    expect(set.overrides.beta!.kind === 'values' && set.overrides.beta!.states).toBeUndefined();
  });

  it('a function of the context draws values of size context.n; energies carry their form', () => {
    const set = moduleAssumptions(
      { potential: ({ n }: { n: number }) => fc.constant({ weights: Array.from({ length: n }, (_, x) => x + 1) }) },
      'm.mjs',
    );
    const potential = set.overrides.potential!;
    expect(potential.kind === 'values' && potential.form).toBe('weights');
    expect(potential.kind === 'values' && potential.states).toBeUndefined();
  });

  it('rejects unknown slots, non-arbitraries, throwing exports and arbitraries, bad values and mixed sizes, in one line each', async () => {
    expect(await problem(() => moduleAssumptions(undefined, 'm.mjs'))).toMatch(/has no default export/);
    expect(await problem(() => moduleAssumptions({ colour: fc.constant(1) }, 'm.mjs'))).toMatch(
      /^module colour: is not a slot a module can draw/,
    );
    expect(await problem(() => moduleAssumptions({ beta: 2 }, 'm.mjs'))).toMatch(
      /^module beta: must be a fast-check arbitrary or a function/,
    );
    expect(await problem(() => moduleAssumptions([fc.constant(1)], 'm.mjs'))).toMatch(
      /is an array, not an object of slots/,
    );
    expect(
      await problem(() =>
        moduleAssumptions(() => {
          throw new Error('no GPU');
        }, 'm.mjs'),
      ),
    ).toMatch(/its default export threw: no GPU/);
    const throwing = fc.integer().map(() => {
      throw new Error('bad draw');
    });
    expect(await problem(() => moduleAssumptions({ beta: throwing }, 'm.mjs'))).toMatch(
      /^module beta: its arbitrary threw: bad draw/,
    );
    expect(await problem(() => moduleAssumptions({ beta: fc.constant('-1') }, 'm.mjs'))).toMatch(
      /^module beta: must be > 0/,
    );
    expect(await problem(() => moduleAssumptions({ reference: fc.constantFrom(prior, [['1']]) }, 'm.mjs'))).toMatch(
      /draws values of different or no sizes/,
    );
    expect(
      await problem(() => moduleAssumptions({ potential: fc.constantFrom([1, 2], { weights: [1, 2] }) }, 'm.mjs')),
    ).toMatch(/mixes values and weights/);
    expect(
      await problem(() =>
        moduleAssumptions({ reference: fc.constant(prior), potential: fc.constant([1, 2]) }, 'm.mjs'),
      ),
    ).toMatch(/different sizes \(3, 2 states\)/);
    expect(
      await problem(() => moduleAssumptions({ n: fc.constant(4), reference: fc.constant(prior) }, 'm.mjs')),
    ).toMatch(/^module n: conflicts with values of fixed size 3/);
    expect(await problem(() => moduleAssumptions({ start: () => 5 }, 'm.mjs'))).toMatch(
      /^module start: its function returned number, not a fast-check arbitrary/,
    );
  });

  it('imports .mjs files, and reports a module that throws on import', async () => {
    const ok = write('prior.mjs', `export default (fc) => ({ reference: fc.constant(${JSON.stringify(prior)}) });\n`);
    const set = await readAssumptionFile(ok);
    expect(set.form).toBe('module');
    expect(Object.keys(set.overrides)).toEqual(['reference']);
    const bad = write('throws.mjs', "throw new Error('weights file missing');\n");
    expect(await problem(() => readAssumptionFile(bad))).toMatch(/throws on import: weights file missing/);
  });

  it('loads .ts modules through jiti and writes nothing beside them; a syntax error is one line', async () => {
    const before = readdirSync(dir).length;
    const path = write(
      'typed.ts',
      'const slots = (fc: any) => ({ n: fc.constant(3) as unknown });\nexport default slots;\n',
    );
    const set = await readAssumptionFile(path);
    expect(Object.keys(set.overrides)).toEqual(['n']);
    expect(readdirSync(dir)).toHaveLength(before + 1);
    expect(await problem(() => readAssumptionFile(write('syntax.ts', 'export default (fc => ;\n')))).toMatch(
      /syntax\.ts: throws on import: /,
    );
  });
});

describe('the typed example module', () => {
  it('examples/assume/heavy-start.ts type-checks against AssumptionModule (strict)', async () => {
    const ts = (await import('typescript')).default;
    const program = ts.createProgram(['examples/assume/heavy-start.ts'], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: [],
    });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  });
});
