/**
 * The report of a check: everything needed to read, cite and reproduce it.
 *
 * Main definitions
 * - `Report`: run parameters (seed, profile, runs), summary, environment, the
 *   paper and tool citations, and per theorem its statement, assumptions, each
 *   identity's certificate, each property's runs, seed, mode, precision,
 *   smallest margin and counterexample, and its mutants (and ablations).
 * - `buildReport(result, environment, generatedAt)`: the report of a run.
 * - `REPORT_FORMAT`: version of the report's JSON layout.
 *
 * Implementation details
 * `generatedAt` is the only field that depends on the clock: two runs with the
 * same seed, profile and code give reports equal apart from it. No durations
 * are recorded for that reason.
 */
import { PAPER, toolBibtex } from './citation.js';
import type { Environment } from './environment.js';
import {
  STATUS_SEVERITY,
  overallStatus,
  type CatalogueResult,
  type TheoremResult,
  type TheoremStatus,
} from '../runner/run.js';
import type { Profile } from '../runner/profiles.js';

export const REPORT_FORMAT = 1;

export interface Report {
  reportFormat: number;
  generatedAt: string;
  tool: { name: string; version: string; bibtex: string };
  paper: { title: string; authors: string[]; year: number; arxiv: string; bibtex: string };
  run: { seed: number; profile: Profile; runs: number; theorems: string[] };
  summary: { status: TheoremStatus; counts: Record<TheoremStatus, number> };
  environment: Environment;
  theorems: TheoremResult[];
}

export function buildReport(result: CatalogueResult, environment: Environment, generatedAt: Date = new Date()): Report {
  const counts = Object.fromEntries(STATUS_SEVERITY.map((status) => [status, 0])) as Record<TheoremStatus, number>;
  for (const theorem of result.theorems) counts[theorem.status] += 1;
  return {
    reportFormat: REPORT_FORMAT,
    generatedAt: generatedAt.toISOString(),
    tool: {
      name: environment.package.name,
      version: environment.package.version,
      bibtex: toolBibtex(environment.package.version),
    },
    paper: {
      title: PAPER.title,
      authors: [...PAPER.authors],
      year: PAPER.year,
      arxiv: PAPER.arxiv,
      bibtex: PAPER.bibtex,
    },
    run: { seed: result.seed, profile: result.profile, runs: result.runs, theorems: result.theorems.map((t) => t.id) },
    summary: { status: overallStatus(result.theorems.map((t) => t.status)), counts },
    environment,
    theorems: result.theorems,
  };
}
