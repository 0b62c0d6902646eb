/**
 * `check --report DIR`: report.json, report.md and report.html, written atomically.
 *
 * Main definitions
 * - `REPORT_FILES`: the file names.
 * - `reportFiles(report, figures)`: the rendered files (JSON, Markdown, HTML);
 *   the figures default to those of the report's theorems at its seed.
 * - `writeReport(dir, report)`: writes them (see write.ts); returns the paths.
 */
import type { Report } from './model.js';
import { renderMarkdown } from './markdown.js';
import { renderHtml } from './html.js';
import { buildFigures, type Figure, type FigureFailure } from './figures/index.js';
import { toJsonText } from './json.js';
import { writeFilesAtomically, type ReportFile } from './write.js';

export const REPORT_FILES = { json: 'report.json', markdown: 'report.md', html: 'report.html' } as const;

export function reportFiles(
  report: Report,
  figures: ReadonlyMap<string, Figure | FigureFailure> = buildFigures(report.run.seed, report.run.theorems),
): ReportFile[] {
  return [
    { name: REPORT_FILES.json, content: `${toJsonText(report)}\n` },
    { name: REPORT_FILES.markdown, content: renderMarkdown(report) },
    { name: REPORT_FILES.html, content: renderHtml(report, figures) },
  ];
}

export function writeReport(dir: string, report: Report): string[] {
  return writeFilesAtomically(dir, reportFiles(report));
}
