/**
 * docs/inputs.md documents the sparse form of analyze: every field the
 * program accepts (taken from its "use only: ..." message) and its limits
 * (taken from the code's constants).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SPARSE_STATES, MAX_TRANSITIONS, parseSparseModel } from '../../src/sparse/sparseModel.js';

describe('docs/inputs.md, sparse kernels', () => {
  it('documents every field of the sparse form and its limits', () => {
    const doc = readFileSync('docs/inputs.md', 'utf8');
    const start = doc.indexOf('### Sparse kernels');
    expect(start).toBeGreaterThanOrEqual(0);
    const section = doc.slice(start, doc.indexOf('\n## ', start));
    let message = '';
    try {
      parseSparseModel({ states: 1, transitions: [[0, 0, 1]], zz: 1 });
    } catch (error) {
      message = (error as Error).message;
    }
    const keys = /use only: ([\w, ]+)/
      .exec(message)![1]!
      .split(',')
      .map((k) => k.trim());
    expect(keys).toEqual(['states', 'transitions', 'target']);
    for (const key of keys) expect(section, key).toContain(`| \`${key}\` |`);
    expect(section).toContain(`[1, ${MAX_SPARSE_STATES}]`);
    expect(section).toContain(`1 to ${MAX_TRANSITIONS} triplets`);
    expect(section).toContain('1e-9');
  });
});
