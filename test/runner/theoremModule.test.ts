import { describe, expect, it } from 'vitest';
import { theoremModule } from '../../src/runner/kit/index.js';
import type { SlotInstantiation } from '../../src/runner/theorem.js';

const header = { id: 'T0', title: 'A test theorem', statement: { text: '1 = 1', latex: '1 = 1' }, source: 'none' };
const members = { assumptions: [], identities: [], properties: [], mutants: [] };

describe('theoremModule', () => {
  it('lists the members in the order of Theorem, header first, whatever order they were written in', () => {
    const theorem = theoremModule(
      { source: 'none', statement: header.statement, title: header.title, id: 'T0' },
      { mutants: [], properties: [], identities: [], assumptions: [] },
    );
    expect(Object.keys(theorem)).toEqual([
      'id',
      'title',
      'statement',
      'source',
      'assumptions',
      'identities',
      'properties',
      'mutants',
    ]);
    expect(theorem).toEqual({ ...header, ...members });
  });

  it('keeps a slot laboratory, and has no slots member without one', () => {
    const instantiate = (): SlotInstantiation => ({ properties: [], skipped: [], degrees: [] });
    const withSlots = theoremModule(header, { ...members, slots: ['n'], instantiate });
    expect(withSlots.slots).toEqual(['n']);
    expect(withSlots.instantiate).toBe(instantiate);
    expect('slots' in theoremModule(header, members)).toBe(false);
  });
});
