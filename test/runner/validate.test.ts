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
      properties: [binomialSquare, { ...belowFiveHundred, name: 'binomial-square' }, { ...belowFiveHundred, name: 'two words', mode: 'decimal' as never }],
      mutants: [{ ...binomialSquare, name: 'binomial-square', confirm: () => ({ status: 'pass' }) }],
      assumptions: [{ id: 'A', text: 'a', needed: true, violate: binomialSquare.arbitrary, properties: ['missing'] }],
    };
    expect(catalogueProblems([verifiedTheorem, broken])).toEqual([
      "theorem ID 'f1' appears twice",
      "f1: property or mutant name 'binomial-square' appears twice",
      "f1: property or mutant name 'two words' must be one word",
      "f1: property or mutant name 'binomial-square' appears twice",
      "f1: 'two words' has mode 'decimal'; use exact, interval or float",
      "f1: 'binomial-square' has confirm but is not in float mode",
      "f1: assumption A names unknown property 'missing'",
    ]);
    expect(() => validateCatalogue([verifiedTheorem, broken])).toThrow(/the theorem catalogue is inconsistent: theorem ID 'f1' appears twice/);
  });
});
