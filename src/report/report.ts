/**
 * `check --report DIR`: report.json and report.md, written atomically.
 *
 * Main definitions
 * - `REPORT_FILES`: the file names.
 * - `reportFiles(report)`: the rendered files (JSON and Markdown).
 * - `writeReport(dir, report)`: writes them (see write.ts); returns the paths.
 */
import type { Report } from './model.js';
import { renderMarkdown } from './markdown.js';
import { toJsonText } from './json.js';
import { writeFilesAtomically, type ReportFile } from './write.js';

export const REPORT_FILES = { json: 'report.json', markdown: 'report.md' } as const;

export function reportFiles(report: Report): ReportFile[] {
  return [
    { name: REPORT_FILES.json, content: `${toJsonText(report)}\n` },
    { name: REPORT_FILES.markdown, content: renderMarkdown(report) },
  ];
}

export function writeReport(dir: string, report: Report): string[] {
  return writeFilesAtomically(dir, reportFiles(report));
}
