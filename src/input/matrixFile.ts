/**
 * Matrices from numpy and spreadsheets: a kernel (or a count matrix) as a
 * `.npy` file or as CSV, read by file extension.
 *
 * Main definitions
 * - `readMatrixFile(path, field)`: the rows of a square matrix from a `.npy`
 *   file (float64 or int64, C or Fortran order, via npyjs) or a `.csv` file,
 *   each entry as number text that `parseRational` reads exactly.
 * - `readModelFile(path)`: a model for `analyze` by extension: `.npy` and
 *   `.csv` are `{ "kernel": rows }`, anything else is JSON (readJson.ts).
 * - `isMatrixFile(path)`: whether the extension is `.npy` or `.csv`.
 *
 * Implementation details
 * A float64 entry becomes its shortest round-trip decimal (what numpy prints
 * and `json.dump` writes: 0.1, not the binary value 0.1000000000000000055...),
 * so the same kernel gives the same analysis from `.npy` and from JSON. Row
 * sums that are 1 only up to rounding are then renormalized exactly by the
 * readers of fields.ts (`requireStochastic`). int64 entries are read as
 * integers in full. NaN and infinities are rejected with their position. CSV:
 * one row per line, entries separated by commas, blank lines and lines that
 * start with '#' skipped; entries are kept as written (exact decimals). The
 * size limit is checked on the shape, before any entry is converted.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parse, type NpyArray } from 'npyjs';
import { InputError } from '../errors.js';
import { readJsonFile } from './readJson.js';

export function isMatrixFile(path: string): boolean {
  const extension = extname(path).toLowerCase();
  return extension === '.npy' || extension === '.csv';
}

export function readModelFile(path: string, maxStates: number): Record<string, unknown> {
  return isMatrixFile(path) ? { kernel: readMatrixFile(path, 'kernel', maxStates) } : readJsonFile(path);
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code ?? 'error'})`;
    throw new InputError(path, problem, 'give the path of a .npy, .csv or .json file');
  }
}

export function readMatrixFile(path: string, field: string, maxStates: number): string[][] {
  const bytes = readBytes(path);
  return extname(path).toLowerCase() === '.npy'
    ? npyRows(bytes, path, field, maxStates)
    : csvRows(bytes.toString('utf8'), path, field, maxStates);
}

function squareSize(rows: number, columns: number, path: string, maxStates: number): number {
  if (rows === 0) throw new InputError(path, 'the matrix is empty', 'give a square matrix with one row per state');
  if (rows !== columns)
    throw new InputError(
      path,
      `is not square (${rows} rows of ${columns} entries)`,
      'give an n x n matrix, one row and one column per state',
    );
  if (rows > maxStates)
    throw new InputError(
      path,
      `has ${rows} states, more than the limit ${maxStates}`,
      `give at most ${maxStates} states`,
    );
  return rows;
}

function npyRows(bytes: Buffer, path: string, field: string, maxStates: number): string[][] {
  let array: NpyArray;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    array = parse(buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new InputError(
      path,
      `is not a readable .npy file (${detail})`,
      'save the matrix with numpy.save (float64 or int64)',
    );
  }
  if (array.dtype !== 'f8' && array.dtype !== 'i8') {
    throw new InputError(
      path,
      `has dtype ${array.dtype}`,
      'save the matrix as float64 or int64, e.g. numpy.save(path, P.astype(numpy.float64))',
    );
  }
  if (array.shape.length !== 2)
    throw new InputError(path, `has shape (${array.shape.join(', ')}), not a matrix`, 'save a 2-D n x n array');
  const n = squareSize(array.shape[0]!, array.shape[1]!, path, maxStates);
  const data = array.data as Float64Array | BigInt64Array;
  const at = (i: number, j: number): number | bigint => data[array.fortranOrder ? j * n + i : i * n + j]!;
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const value = at(i, j);
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new InputError(
          `${field}[${i}][${j}]`,
          `is ${String(value)} in ${path}`,
          'every entry must be a finite number',
        );
      }
      return String(value);
    }),
  );
}

function csvRows(text: string, path: string, field: string, maxStates: number): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body
    .split(/\r\n|\n|\r/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const rows = lines.map(({ line }) => line.split(',').map((entry) => entry.trim()));
  const widths = new Set(rows.map((row) => row.length));
  if (rows.length > 0 && widths.size === 1) squareSize(rows.length, rows[0]!.length, path, maxStates);
  rows.forEach((row, i) => {
    if (row.length !== rows.length) {
      throw new InputError(
        `${path} line ${lines[i]!.number}`,
        `has ${row.length} entries but the matrix has ${rows.length} rows`,
        `every row needs exactly ${rows.length} comma-separated entries`,
      );
    }
    row.forEach((entry, j) => {
      if (entry === '')
        throw new InputError(
          `${field}[${i}][${j}]`,
          `is empty (${path} line ${lines[i]!.number})`,
          'write a number in every cell',
        );
    });
  });
  squareSize(rows.length, rows[0]?.length ?? 0, path, maxStates);
  return rows;
}
