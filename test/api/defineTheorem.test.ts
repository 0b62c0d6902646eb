/**
 * defineTheorem at the boundary: a definition nobody here wrote is validated
 * as the catalogue is, and its identities go through the catalogue's
 * certifier (checkTheorem), where only 'certified' counts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkTheorem,
  defineTheorem,
  pass,
  property,
  TheoremDefinitionError,
  type TheoremDefinition,
} from '../../api/index.js';

const trivial = property({
  name: 'trivial',
  claim: 'true',
  mode: 'exact',
  arbitrary: fc.nat(10),
  predicate: () => pass(),
});

function problems(definition: unknown): readonly string[] {
  try {
    defineTheorem(definition as TheoremDefinition);
  } catch (error) {
    expect(error).toBeInstanceOf(TheoremDefinitionError);
    return (error as TheoremDefinitionError).problems;
  }
  throw new Error('defineTheorem accepted it');
}

describe('defineTheorem', () => {
  it('fills the optional parts and freezes the theorem', () => {
    const theorem = defineTheorem({ id: 'Mine', title: 'mine', statement: 'it holds', properties: [trivial] });
    expect(theorem.statement).toEqual({ text: 'it holds', latex: 'it holds' });
    expect(theorem.source).toBe('user theorem');
    expect([theorem.identities, theorem.mutants, theorem.assumptions]).toEqual([[], [], []]);
    expect(Object.isFrozen(theorem)).toBe(true);
    expect(Object.isFrozen(theorem.properties)).toBe(true);
  });

  it('names every problem of a definition that is not a theorem', () => {
    expect(problems({ id: 'A b', title: 't', statement: 's', properties: [trivial, trivial] })).toEqual([
      "theorem ID 'A b' must be one word",
      "A b: property or mutant name 'trivial' appears twice",
    ]);
    expect(
      problems({
        id: 'X',
        title: 't',
        statement: 's',
        properties: [{ ...trivial, arbitrary: [1, 2], predicate: 'yes' }],
      }),
    ).toEqual([
      "X: properties[0] 'trivial': arbitrary is not a fast-check arbitrary",
      "X: properties[0] 'trivial': predicate is not a function",
    ]);
    expect(
      problems({ id: 'X', title: 't', statement: 's', properties: [{ ...trivial, mode: 'approximate' }] }),
    ).toEqual(["X: 'trivial' has mode 'approximate'; use exact, interval or float"]);
    expect(
      problems({
        id: 'X',
        title: 't',
        statement: 's',
        properties: [trivial],
        assumptions: [{ id: 'h', text: 'h', needed: true, violate: fc.nat(), properties: ['other'] }],
      }),
    ).toEqual(["X: assumption h names unknown property 'other'"]);
    expect(problems({ id: 'X', title: 't', statement: 's', properties: 'none' })).toEqual([
      'X: properties is not an array',
    ]);
    expect(problems(null)).toEqual(['defineTheorem needs an object']);
  });
});

describe("a user's identities go through the catalogue's certifier", () => {
  const run = (lhs: string, rhs: string, variables: Record<string, 'positive' | 'real' | 'probability' | 'nonzero'>) =>
    checkTheorem(
      defineTheorem({
        id: 'Ids',
        title: 'ids',
        statement: 's',
        identities: [{ name: 'i', lhs, rhs, variables }],
        properties: [trivial],
      }),
      { runs: 5 },
    ).identities[0]!.status;

  it('a true identity is certified, a false one fails', () => {
    expect(run('log(a*b)', 'log(a) + log(b)', { a: 'positive', b: 'positive' })).toBe('certified');
    expect(run('(a + b)^2', 'a^2 + b^2', { a: 'real', b: 'real' })).toBe('failed');
    expect(run('exp(x)', '1 + x + x^2/2', { x: 'real' })).toBe('failed');
  });

  it('a residual that is tiny but not zero is never certified', () => {
    const status = run('log(1 + x)', 'log(1 + x) + 10^(-40)', { x: 'positive' });
    expect(status).not.toBe('certified');
  });
});
