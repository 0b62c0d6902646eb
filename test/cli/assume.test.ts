import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { parseRational } from '../../src/arith/rational.js';
import { catalogue } from '../../theorems/index.js';

async function run(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false };
  const code = await main(argv, io, catalogue);
  return { code, stdout, stderr };
}

interface TheoremJson {
  id: string;
  status: string;
  runs: number;
  counterexample?: { property: string; claim: string; instance: unknown; values?: Record<string, unknown> };
  properties: { name: string; status: string }[];
  degrees?: { name: string; levels: { label: string; largest: { lo: string; hi: string } }[] }[];
}

/** The fields of `assume --json` that these tests read. */
interface AssumeReport {
  file: string;
  form: string;
  slots: Record<string, string>;
  theorems: TheoremJson[];
}

function byId(stdout: string): Record<string, TheoremJson> {
  const json = JSON.parse(stdout) as AssumeReport;
  return Object.fromEntries(json.theorems.map((t) => [t.id, t]));
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebm-lens-assume-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('assume with JSON variants', () => {
  it('a symmetric interaction keeps T2, breaks T2q (which needs s = 0), and does not apply to T6', async () => {
    const { code, stdout, stderr } = await run([
      'assume',
      'examples/assume/symmetric-interaction.json',
      'T2',
      'T2q',
      'T6',
      '--json',
      '--runs',
      '30',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const t = byId(stdout);
    expect(t.T2).toMatchObject({ status: 'holds', runs: 30 });
    expect(t.T2!.properties.every((p) => p.status === 'checked')).toBe(true); // every run passed; 30 runs is below the 100 VERIFIED needs
    expect(t.T2q!.status).toBe('falsified');
    expect(t.T2q!.counterexample).toMatchObject({
      claim: expect.any(String) as unknown,
      values: expect.any(Object) as unknown,
    });
    expect(t.T6!.status).toBe('not-applicable');
    const json = JSON.parse(stdout) as AssumeReport;
    expect(json).toMatchObject({
      file: 'examples/assume/symmetric-interaction.json',
      form: 'json',
      slots: { interaction: 'interaction symmetric' },
    });
  });

  it('a reversible (not symmetric) prior holds everywhere it applies (exit 0), in text', async () => {
    const file = write('reversible.json', '{ "reference": "reversible" }');
    const { code, stdout } = await run(['assume', file, 'T2', 'T7', '--runs', '25']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^T2 {2}holds: 7 properties using reference, no counterexample in 25 runs each$/m);
    expect(stdout).toMatch(/^T7 {2}not applicable: uses none of the replaced slots \(reference\)/m);
  });

  it('a start outside the tilt family: T8 holds as stated (its tilt-family claims lose their hypothesis, the decrease holds), and the excess is measured along the flow', async () => {
    const { code, stdout } = await run(['assume', 'examples/assume/outside-tilt.json', 'T8', '--json', '--runs', '25']);
    expect(code).toBe(0);
    const t8 = byId(stdout).T8!;
    expect(t8.status).toBe('holds');
    const status = Object.fromEntries(t8.properties.map((p) => [p.name, p.status]));
    const hypotheses = Object.fromEntries(
      t8.properties.map((p) => [p.name, (p as { hypothesis?: { met: number; runs: number } }).hypothesis]),
    );
    // a nonTilt start is never a tilt: "from pi_0 = q (or any tilt of q)" says nothing about these instances
    for (const name of [
      'closed-form-is-tilt',
      'accuracy-is-logistic',
      'gap-equals-bernoulli-kl',
      'kl-to-reference-is-bernoulli',
    ]) {
      expect(hypotheses[name]).toMatchObject({ met: 0, runs: 25 });
    }
    expect(status['gap-strictly-decreasing']).toBe('checked');
    expect(hypotheses['gap-strictly-decreasing']).toBeUndefined();
    expect(status['accuracy-rises-to-optimum']).toBeUndefined(); // pinned to the flow from q
    const [degree] = t8.degrees!;
    expect(degree!.levels.map((l) => l.label)).toEqual([
      'start nonTilt, beta t = 0',
      'start nonTilt, beta t = 1/2',
      'start nonTilt, beta t = 1',
      'start nonTilt, beta t = 2',
      'start nonTilt, beta t = 4',
    ]);
    // the excess at t = 0 is decidedly positive (T7: some conditional KL > 0)
    expect(parseRational(degree!.levels[0]!.largest.lo).gt(0)).toBe(true);
  });
});

describe('assume with modules', () => {
  it('a .mjs module (function of fast-check) of circulating priors breaks T2 and leaves T3 holding', async () => {
    const { code, stdout } = await run([
      'assume',
      'examples/assume/circulating-prior.mjs',
      'T2',
      'T3',
      '--json',
      '--runs',
      '25',
    ]);
    expect(code).toBe(1);
    const t = byId(stdout);
    expect(t.T2!.status).toBe('falsified');
    expect((t.T2!.counterexample!.instance as { n: number }).n).toBe(3);
    expect(t.T3!.status).toBe('holds');
    expect((JSON.parse(stdout) as AssumeReport).form).toBe('module');
  });

  it('a typed .ts module of start laws: T7 holds as stated, its tilt equality checked as the implication it is', async () => {
    const { code, stdout } = await run(['assume', 'examples/assume/heavy-start.ts', 'T7', '--json', '--runs', '25']);
    expect(code).toBe(0);
    const t7 = byId(stdout).T7!;
    expect(t7.status).toBe('holds');
    expect(Object.fromEntries(t7.properties.map((p) => [p.name, p.status]))).toEqual({
      'kl-decomposition': 'checked',
      'gap-lower-bound': 'checked',
      'tilt-equality': 'checked',
    });
    const equality = t7.properties.find((p) => p.name === 'tilt-equality') as {
      hypothesis?: { text: string; met: number; runs: number };
    };
    expect(equality.hypothesis).toMatchObject({ text: 'pi is a tilt of q at every prompt', runs: 25 });
  });
});

describe('bad assumption files: one clear line, exit 2', () => {
  const cases: [string, string, string, RegExp][] = [
    [
      'unknown slot (JSON)',
      'colour.json',
      '{ "colour": "red" }',
      /^ebm-lens: colour: is not a slot; use the slots n, reference/,
    ],
    ['wrong type (JSON)', 'type.json', '{ "interaction": 3 }', /^ebm-lens: interaction: .*must be one of/],
    [
      'unknown slot (module)',
      'colour.mjs',
      'export default (fc) => ({ colour: fc.constant(1) });\n',
      /^ebm-lens: module colour: is not a slot a module can draw/,
    ],
    [
      'wrong type (module)',
      'type.mjs',
      'export default (fc) => ({ beta: 2 });\n',
      /^ebm-lens: module beta: must be a fast-check arbitrary/,
    ],
    [
      'module that throws',
      'throws.mjs',
      "throw new Error('cannot reach the model server');\n",
      /throws on import: cannot reach the model server/,
    ],
    [
      'arbitrary that throws during the run',
      'late.mjs',
      "export default (fc) => ({ reference: ({ n }) => { if (n > 4) throw new Error('only up to 4 states'); return fc.constant(Array.from({ length: n }, () => Array.from({ length: n }, () => `1/${n}`))); } });\n",
      /^ebm-lens: module reference: its function threw for n = 5: only up to 4 states/,
    ],
  ];
  for (const [what, name, text, message] of cases) {
    it(what, async () => {
      const { code, stdout, stderr } = await run(['assume', write(name, text), 'T2', '--runs', '30']);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    });
  }

  it('a missing file', async () => {
    const { code, stderr } = await run(['assume', join(dir, 'nope.json')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such file/);
  });
});
