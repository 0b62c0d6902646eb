/**
 * Reading model files: exact numbers (no float64 rounding of long decimals),
 * and one InputError per unreadable file (missing, empty, invalid JSON, not an object).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rational, parseRational } from '../../src/arith/rational.js';
import { InputError } from '../../src/cli/errors.js';
import { parseJsonText, readJsonFile } from '../../src/input/readJson.js';

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
});
