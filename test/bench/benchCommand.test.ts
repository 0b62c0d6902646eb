/**
 * `ebm-lens bench` in process, on tiny workloads: the JSON contract, the text
 * report, and bad usage (exit 2, one line, nothing on stdout). Timings are only
 * checked to be numbers; their values are never asserted.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { median } from '../../src/bench/measure.js';
import type { Theorem } from '../../src/runner/theorem.js';

/** The fields of the --json report these tests read; `V` the result value of the workloads read. */
interface BenchReport<V = unknown> {
  scale: string;
  workloads: {
    id: string;
    repetitions: number;
    seconds: number[];
    medianSeconds: number;
    peakRssMB: number;
    memory: string;
    result: { ok: boolean; mode: string; value: V };
  }[];
  machine: { cores: number };
}

async function run(argv: string[], catalogue: readonly Theorem[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), interactive: false },
    catalogue,
  );
  return { code, stdout, stderr };
}

const tinyCatalogue: Theorem[] = [
  {
    id: 'X1',
    title: 'a test theorem',
    statement: { text: '(a+b)^2 = a^2 + 2ab + b^2', latex: '(a+b)^2 = a^2 + 2ab + b^2' },
    source: 'test',
    assumptions: [],
    identities: [{ name: 'square', lhs: '(a+b)^2', rhs: 'a^2+2*a*b+b^2', variables: { a: 'real', b: 'real' } }],
    properties: [],
    mutants: [],
  },
];

describe('ebm-lens bench', () => {
  it('prints the JSON contract for tiny workloads run in process', async () => {
    const { code, stdout, stderr } = await run([
      'bench',
      'W1',
      'w4',
      '--scale',
      'tiny',
      '--repetitions',
      '2',
      '--in-process',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as BenchReport;
    expect(report.scale).toBe('tiny');
    expect(report.workloads.map((w) => w.id)).toEqual(['W1', 'W4']);
    for (const w of report.workloads) {
      expect(Object.keys(w)).toEqual(
        expect.arrayContaining(['id', 'medianSeconds', 'repetitions', 'peakRssMB', 'result']),
      );
      expect(w.repetitions).toBe(2);
      expect(w.seconds).toHaveLength(2);
      expect(w.medianSeconds).toBe(median(w.seconds));
      expect(w.peakRssMB).toBeGreaterThan(0);
      expect(w.memory).toBe('in-process');
      expect(w.result.ok).toBe(true);
    }
    expect(report.workloads[0]!.result.value).toBe(3); // three tiny instances, all balanced (T2)
    expect(report.workloads[1]!.result.value).toHaveProperty('lo');
    expect(report.machine.cores).toBeGreaterThan(0);
  });

  it('certifies the identities of the catalogue it is given (W5) and prints a text report', async () => {
    const { code, stdout } = await run(
      ['bench', 'W5', '--scale', 'tiny', '--repetitions', '1', '--in-process'],
      tinyCatalogue,
    );
    expect(code).toBe(0);
    expect(stdout).toContain('W5  certify every identity of the catalogue');
    expect(stdout).toContain('1 of 1 identities certified');
    expect(stdout).toMatch(/median \d+\.\d{3} s/);
  });

  it('runs W3 with the full solver on request', async () => {
    const { code, stdout } = await run([
      'bench',
      'W3',
      '--scale',
      'tiny',
      '--repetitions',
      '1',
      '--in-process',
      '--full-spectrum',
      '--json',
    ]);
    expect(code).toBe(0);
    const [w3] = (JSON.parse(stdout) as BenchReport<{ float64: boolean }>).workloads;
    expect(w3!.result.mode).toBe('float64, full spectrum');
    expect(w3!.result.value.float64).toBe(true);
  });

  it('rejects bad usage with one line and exit 2', async () => {
    for (const argv of [
      ['bench', 'W9'],
      ['bench', 'W1', '--repetitions', '0'],
      ['bench', 'W1', '--repetitions', '2.5'],
      ['bench', 'W1', '--scale', 'huge'],
    ]) {
      const { code, stdout, stderr } = await run(argv);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('says W5 needs the catalogue when there is none (a bug of the caller, exit 4)', async () => {
    const { code, stderr } = await run(['bench', 'W5', '--scale', 'tiny', '--in-process']);
    expect(code).toBe(4);
    expect(stderr).toContain('W5 needs the theorem catalogue');
  });
});

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});
