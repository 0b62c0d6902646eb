/**
 * docs/inputs.md documents every input field (issue 13, item 3). The fields
 * are taken from the program itself (the "use only: ..." list of an unknown
 * key, the slot list of assume), and the limits from the code's constants, so
 * a field or a limit added later without its documentation fails here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { EXACT_ELIMINATION_WORK, QUANTITY_LIMITS } from '../../src/analysis/modes.js';
import { MAX_STATES, MAX_STEPS } from '../../src/input/analyzeModel.js';
import { MAX_PROMPTS, MAX_RESPONSES, MAX_TIMES } from '../../src/input/rlvrModel.js';
import { MAX_STATES as MAX_COUNT_STATES } from '../../src/empirical/counts.js';
import { catalogue } from '../../theorems/index.js';

const doc = readFileSync('docs/inputs.md', 'utf8');
const section = (heading: string): string => {
  const start = doc.indexOf(`## \`${heading}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
};
const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-inputs-'));

async function stderrOf(argv: string[], text: string, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, text);
  let stderr = '';
  await main(
    [argv[0]!, path, ...argv.slice(1)],
    { stdout: () => undefined, stderr: (t) => void (stderr += t), interactive: false },
    catalogue,
  );
  return stderr;
}

/** The allowed keys the program lists after "use only: ". */
function allowed(stderr: string): string[] {
  const match = /use only: ([\w, ]+)/.exec(stderr);
  expect(match, stderr).not.toBeNull();
  return match![1]!.split(',').map((k) => k.trim());
}

describe('docs/inputs.md', () => {
  it('is linked from the README', () => {
    expect(readFileSync('README.md', 'utf8')).toContain('[docs/inputs.md](docs/inputs.md)');
  });

  it('documents every field of analyze, with the limit of each mode', async () => {
    const keys = allowed(await stderrOf(['analyze'], '{"zz": 1}', 'a.json'));
    expect(keys.length).toBeGreaterThan(10);
    const text = section('analyze');
    for (const key of keys) expect(text, key).toContain(`| \`${key}\` |`);
    for (const [quantity, limits] of Object.entries(QUANTITY_LIMITS)) {
      const exact =
        quantity === 'stationary' || quantity === 'hitting'
          ? `work <= ${EXACT_ELIMINATION_WORK.toExponential()}`
          : String(limits.exact);
      expect(text).toMatch(
        new RegExp(
          `\\| \`${quantity}\`[^|]*\\| ${exact.replace('+', '\\+')}[^|]*\\| ${limits.interval} \\| ${limits.float} \\|`,
        ),
      );
      expect(limits.float).toBe(MAX_STATES);
    }
    expect(text).toContain(`[0, ${MAX_STEPS}]`);
    expect(text).toContain('.npy');
    expect(text).toContain('.csv');
  });

  it('documents every field of rlvr, prompts included, with its limits', async () => {
    const top = allowed(await stderrOf(['rlvr'], '{"zz": 1}', 'r.json'));
    const prompt = allowed(await stderrOf(['rlvr'], '{"beta": 1, "prompts": [{"zz": 1}], "times": [0]}', 'p.json'));
    const text = section('rlvr');
    for (const key of top) expect(text, key).toContain(`| \`${key}\` |`);
    for (const key of prompt) expect(text, key).toContain(`| \`prompts[k].${key}\` |`);
    for (const limit of [MAX_PROMPTS, MAX_RESPONSES, MAX_TIMES]) expect(text).toContain(String(limit));
  });

  it('documents the empirical forms and limits, and every assume slot', async () => {
    const empirical = section('empirical');
    for (const key of ['counts', 'trials', 'description']) expect(empirical).toContain(`"${key}"`);
    expect(empirical).toContain(`at most ${MAX_COUNT_STATES}`);
    const slots = /use the slots ([\w, ]+)/
      .exec(await stderrOf(['assume'], '{"colour": "red"}', 's.json'))![1]!
      .split(',')
      .map((s) => s.trim());
    expect(slots).toContain('reference');
    const assume = section('assume');
    for (const slot of slots) expect(assume, slot).toContain(`| \`${slot}\` |`);
  });
});
