import { describe, expect, it } from 'vitest';
import { catalogueProblems, validateCatalogue } from '../../src/runner/validate.js';
import type { Theorem } from '../../src/runner/theorem.js';
import { assumptionTheorem, belowFiveHundred, binomialSquare, falsifiedTheorem, verifiedTheorem } from './fixtures.js';

describe('catalogueProblems', () => {
  it('accepts the fixtures', () => {
    expect(catalogueProblems([verifiedTheorem, falsifiedTheorem, assumptionTheorem])).toEqual([]);
    expect(() => validateCatalogue([verifiedTheorem])).not.toThrow();
  });

  it('finds duplicate IDs and names, unknown assumption targets, bad modes and names', () => {
    const broken: Theorem = {
      ...verifiedTheorem,
      id: 'f1', // same as F1 up to case: `check f1` would be ambiguous
      properties: [
        binomialSquare,
        { ...belowFiveHundred, name: 'binomial-square' },
        { ...belowFiveHundred, name: 'two words', mode: 'decimal' as never },
      ],
      mutants: [{ ...binomialSquare, name: 'binomial-square', confirm: () => ({ status: 'pass' }) }],
      assumptions: [{ id: 'a', text: 'a', needed: true, violate: binomialSquare.arbitrary, properties: ['missing'] }],
    };
    expect(catalogueProblems([verifiedTheorem, broken])).toEqual([
      "theorem ID 'f1' appears twice",
      "f1: property or mutant name 'binomial-square' appears twice",
      "f1: property or mutant name 'two words' must be one word",
      "f1: property or mutant name 'binomial-square' appears twice",
      "f1: 'two words' has mode 'decimal'; use exact, interval or float",
      "f1: 'binomial-square' has confirm but is not in float mode",
      "f1: assumption a names unknown property 'missing'",
    ]);
    expect(() => validateCatalogue([verifiedTheorem, broken])).toThrow(
      /the theorem catalogue is inconsistent: theorem ID 'f1' appears twice/,
    );
  });
});

describe('naming convention', () => {
  const named = (overrides: Partial<Theorem>): string[] => catalogueProblems([{ ...verifiedTheorem, ...overrides }]);

  it('property, mutant and assumption names are kebab-case; former names only one word', () => {
    expect(named({ properties: [{ ...binomialSquare, name: 'binomialSquare' }] })).toEqual([
      "F1: property or mutant name 'binomialSquare' must be kebab-case (lowercase words and digits joined by hyphens)",
    ]);
    expect(named({ properties: [{ ...binomialSquare, formerNames: ['binomialSquare'] }] })).toEqual([]);
    expect(
      named({
        assumptions: [
          { id: 'A1', text: 'a', needed: true, violate: binomialSquare.arbitrary, properties: ['binomial-square'] },
        ],
      }),
    ).toEqual(["F1: assumption name 'A1' must be kebab-case (lowercase words and digits joined by hyphens)"]);
    for (const bad of ['-a', 'a-', 'a--b', 'A', 'a_b'])
      expect(named({ properties: [{ ...binomialSquare, name: bad }] })).toHaveLength(1);
  });

  it('former names are unique with the names', () => {
    expect(named({ properties: [binomialSquare, { ...belowFiveHundred, formerNames: ['binomial-square'] }] })).toEqual([
      "F1: former property or mutant name 'binomial-square' is also another name",
    ]);
  });

  it('a mutant claim carries no FALSE: prefix', () => {
    expect(named({ mutants: [{ ...binomialSquare, name: 'm', claim: 'FALSE: (a + b)^2 = a^2 + b^2' }] })).toEqual([
      "F1: mutant 'm' claim starts with 'FALSE:'; state the false variant alone (reports label mutants)",
    ]);
    expect(named({ mutants: [{ ...binomialSquare, name: 'm', claim: 'False variant: x' }] })).toHaveLength(1);
    expect(named({ mutants: [{ ...binomialSquare, name: 'm', claim: 'KL >= 4 TV^2 (false: 2 is sharp)' }] })).toEqual(
      [],
    );
  });
});
