/**
 * Progress when stderr is not a terminal (issue 13, item 6): plain lines at
 * most every few seconds, no control characters, a closing line; --quiet
 * silences them; stdout is the same with and without.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CommandIO } from '../../src/cli/io.js';
import { createProgress, progressStyle } from '../../src/cli/progress.js';
import type { ProgressEvent } from '../../src/runner/run.js';
import { catalogue as fullCatalogue } from '../../theorems/index.js';
import { assumptionTheorem, falsifiedTheorem, verifiedTheorem } from '../runner/fixtures.js';

function capture(overrides: Partial<CommandIO> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CommandIO = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    interactive: false,
    ...overrides,
  };
  return { io, out };
}

const step = (done: number, total = 10): ProgressEvent => ({
  theoremId: 'T5',
  kind: 'property',
  name: 'gap',
  done,
  total,
});

afterEach(() => vi.restoreAllMocks());

describe('progressStyle', () => {
  it('bar on a terminal (none with --json), lines elsewhere when asked, nothing with --quiet', () => {
    const tty = capture({ interactive: true }).io;
    const pipe = capture({ progressLines: true }).io;
    expect([
      progressStyle(tty, false, false),
      progressStyle(tty, true, false),
      progressStyle(tty, false, true),
    ]).toEqual(['bar', 'off', 'off']);
    expect([
      progressStyle(pipe, false, false),
      progressStyle(pipe, true, false),
      progressStyle(pipe, false, true),
    ]).toEqual(['lines', 'lines', 'off']);
    expect(progressStyle(capture().io, false, false)).toBe('off');
  });
});

describe('plain progress lines', () => {
  it('one line per interval, plain text, and a closing line', () => {
    const { io, out } = capture();
    let now = 1000;
    const progress = createProgress(io, 'lines', 'ebm-lens check', { now: () => now, intervalMs: 5000 });
    for (let done = 1; done <= 10; done++) {
      now += 2000; // a step every 2 s: lines at 6 s (step 3), 12 s (step 6) and 18 s (step 9)
      progress.update(step(done));
    }
    progress.finish();
    const lines = out.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'ebm-lens check: 3/10 steps (30%), 6 s, at T5 property gap',
      'ebm-lens check: 6/10 steps (60%), 12 s, at T5 property gap',
      'ebm-lens check: 9/10 steps (90%), 18 s, at T5 property gap',
      'ebm-lens check: done, 10/10 steps in 20 s',
    ]);
    expect(out.stderr).not.toContain('\r');
    expect(out.stderr).not.toContain('\u001b');
  });

  it('a run shorter than the interval prints nothing', () => {
    const { io, out } = capture();
    const progress = createProgress(io, 'lines', 'x', { now: () => 0, intervalMs: 5000 });
    progress.update(step(1));
    progress.finish();
    expect(out.stderr).toBe('');
  });
});

describe('check, ablate and assume print lines on a non-terminal stderr; --quiet silences; stdout unchanged', () => {
  /** Every call of Date.now advances a fake clock by the interval: a line at every step. */
  function fakeClock(): void {
    let t = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (t += 5000));
  }

  it.each([
    ['check', ['check', 'F1', 'F2', '--runs', '30']],
    ['ablate', ['ablate', 'F7', '--runs', '30']],
    ['assume', ['assume', 'examples/assume/symmetric-interaction.json', 'T2', '--runs', '20']],
  ])('%s', async (name, argv) => {
    const catalogue = name === 'assume' ? fullCatalogue : [verifiedTheorem, falsifiedTheorem, assumptionTheorem];
    fakeClock();
    const lines = capture({ progressLines: true });
    const codeLines = await main(argv, lines.io, catalogue);
    expect(lines.out.stderr).toMatch(
      new RegExp(`^ebm-lens ${name}: \\d+/\\d+ steps \\(\\d+%\\), \\d+ s, at [FT]\\d `, 'm'),
    );
    expect(lines.out.stderr).toMatch(new RegExp(`^ebm-lens ${name}: done, `, 'm'));

    const quiet = capture({ progressLines: true });
    expect(await main([...argv, '--quiet'], quiet.io, catalogue)).toBe(codeLines);
    expect(quiet.out.stderr).toBe('');

    const plain = capture();
    expect(await main(argv, plain.io, catalogue)).toBe(codeLines);
    expect(plain.out.stderr).toBe('');
    expect(lines.out.stdout).toBe(plain.out.stdout);
    expect(quiet.out.stdout).toBe(plain.out.stdout);
  });
});
