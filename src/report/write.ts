/**
 * Writing report files so that no half-written report is ever left behind.
 *
 * Main definitions
 * - `ReportFile`: a file name and its full text.
 * - `writeFilesAtomically(dir, files)`: creates `dir` if needed, writes every
 *   file to a temporary name in `dir`, then renames each into place.
 *
 * Implementation details
 * A rename within one directory replaces the target atomically (POSIX), so a
 * reader sees the old file or the new one, never a prefix. All temporaries are
 * written before the first rename: if any write fails, the temporaries are
 * removed and no report file is touched. Reusable by any renderer (JSON,
 * Markdown, HTML).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface ReportFile {
  name: string;
  content: string;
}

/** Returns the paths written. Throws (with the fs error code) when the directory cannot be written. */
export function writeFilesAtomically(dir: string, files: readonly ReportFile[]): string[] {
  for (const file of files) {
    if (file.name !== basename(file.name) || file.name === '' || file.name.startsWith('.')) {
      throw new RangeError(`report file name '${file.name}' must be a plain file name`);
    }
  }
  mkdirSync(dir, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const temp = join(dir, `.${file.name}.${tag}.tmp`);
      staged.push({ temp, target: join(dir, file.name) });
      writeFileSync(temp, file.content, { encoding: 'utf8', flush: true });
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  try {
    for (const { temp, target } of staged) renameSync(temp, target);
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  return staged.map((s) => s.target);
}
