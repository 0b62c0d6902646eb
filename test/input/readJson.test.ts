/**
 * Reading model files: exact numbers (no float64 rounding of long decimals),
 * and one InputError per unreadable file (missing, empty, invalid JSON, not an object).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { InputError } from '../../src/errors.js';
import { duplicateKeyPath, parseJsonText, readJsonFile } from '../../src/input/readJson.js';
import { parseCountsText } from '../../src/empirical/counts.js';

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readJsonFile / parseJsonText', () => {
  it('keeps every digit of a long JSON number (no float64 rounding)', () => {
    const json = parseJsonText('{"beta": 0.12345678901234567890123, "n": 12345678901234567890}', 'm.json');
    expect(parseRational(json.beta).equals(new Rational(12345678901234567890123n, 10n ** 23n))).toBe(true);
    expect(parseRational(json.n).equals(new Rational(12345678901234567890n))).toBe(true);
  });

  it('reads 0.1 as exactly 1/10 and leaves strings, booleans and keys alone', () => {
    const json = parseJsonText('{"a": [0.1, "1/3", true, "x1"], "2": -3e-2}', 'm.json');
    const a = json.a as unknown[];
    expect(parseRational(a[0]).equals(new Rational(1n, 10n))).toBe(true);
    expect(a.slice(1)).toEqual(['1/3', true, 'x1']);
    expect(parseRational(json['2']).equals(new Rational(-3n, 100n))).toBe(true);
  });

  it('rejects empty text, invalid JSON and a non-object top level', () => {
    expect(inputError(() => parseJsonText('  \n', 'm.json')).message).toMatch(/^m\.json: the file is empty; /);
    expect(inputError(() => parseJsonText('{"a": [1, 2,]}', 'm.json')).message).toMatch(/^m\.json: invalid JSON \(/);
    expect(inputError(() => parseJsonText('[1, 2]', 'm.json')).message).toMatch(/top level is not a JSON object/);
    expect(inputError(() => parseJsonText('{"a": NaN}', 'm.json')).message).toMatch(/invalid JSON/);
  });

  it('names a missing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ebm-lens-'));
    expect(inputError(() => readJsonFile(join(dir, 'absent.json'))).problem).toBe('no such file');
    writeFileSync(join(dir, 'ok.json'), '{"x": 1}');
    expect(readJsonFile(join(dir, 'ok.json'))).toEqual({ x: '1' });
  });

  it('rejects a key repeated in one object, naming its JSON path', () => {
    expect(inputError(() => parseJsonText('{"kernel": [[1]], "beta": 1, "kernel": [[1]]}', 'm.json')).field).toBe(
      'm.json: kernel',
    );
    const nested = '{"prompts": [{"correct": [true]}, {"correct": [true], "answers": 1, "correct": [false]}]}';
    expect(duplicateKeyPath(nested)).toBe('prompts[1].correct');
    expect(inputError(() => parseJsonText(nested, 'r.json')).message).toMatch(
      /^r\.json: prompts\[1\]\.correct: the key appears twice/,
    );
    // escapes are decoded before comparing, and keys inside strings or in different objects are not duplicates
    expect(duplicateKeyPath('{"a\\u0062": 1, "ab": 2}')).toBe('ab');
    expect(
      duplicateKeyPath('{"a": {"x": 1}, "b": {"x": 1}, "c": "\\"a\\": 1", "d": [{"x": 1}, {"x": 2}]}'),
    ).toBeUndefined();
    expect(duplicateKeyPath('{"t": [[0, 1], {"k": [1, {"k": 2, "k": 3}]}]}')).toBe('t[1].k[1].k');
  });

  it('rejects a repeated key in an empirical JSON counts file', () => {
    const text = '{"counts": [["a", "b", 1], ["b", "a", 1]], "trials": {"a": 2, "b": 2, "a": 3}}';
    expect(inputError(() => parseCountsText(text, 'c.json')).field).toBe('c.json: trials.a');
  });
});
