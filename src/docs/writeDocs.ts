/**
 * Writing the generated theorem docs to a directory.
 *
 * Main definitions
 * - `writeDocs(dir, files)`: writes the pages to `dir` and the figures to
 *   `dir/img` (each directory atomically, see src/report/write.ts), then
 *   removes the pages and figures generated earlier that are no longer
 *   generated (a theorem removed from the catalogue). Returns the paths written.
 *
 * Implementation details
 * Only files this generator made are ever removed: Markdown files that open
 * with its "Generated from the theorem modules" marker, and SVG files that are
 * its charts (class "chart"). Anything else in the directory is left alone.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../report/write.js';
import type { DocFile } from './theoremDocs.js';

const IMG = 'img';

export function writeDocs(dir: string, files: readonly DocFile[]): string[] {
  const pages = files.filter((f) => !f.path.includes('/'));
  const images = files.filter((f) => f.path.startsWith(`${IMG}/`)).map((f) => ({ name: f.path.slice(IMG.length + 1), content: f.content }));
  const other = files.filter((f) => f.path.includes('/') && !f.path.startsWith(`${IMG}/`));
  if (other.length > 0) throw new RangeError(`doc file '${other[0]!.path}' must be a page or img/<name>`);
  const written = [...writeFilesAtomically(dir, pages.map((f) => ({ name: f.path, content: f.content })))];
  if (images.length > 0) written.push(...writeFilesAtomically(join(dir, IMG), images));
  removeStale(dir, new Set(pages.map((f) => f.path)), (text) => text.startsWith('<!-- Generated from the theorem modules'), '.md');
  removeStale(join(dir, IMG), new Set(images.map((f) => f.name)), (text) => text.startsWith('<svg') && text.includes('class="chart"'), '.svg');
  return written;
}

function removeStale(dir: string, keep: ReadonlySet<string>, generated: (text: string) => boolean, extension: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(extension) || keep.has(name)) continue;
    const path = join(dir, name);
    if (generated(readFileSync(path, 'utf8'))) rmSync(path);
  }
}
