/**
 * The figures of a report: which theorem has which figure, built from the
 * run's master seed.
 *
 * Main definitions
 * - `FIGURE_BUILDERS`: theorem ID -> the function drawing its figure.
 * - `FigureFailure`: a figure that could not be computed, with the reason.
 * - `theoremFigure(theoremId, seed)`: the figure of one theorem, a failure,
 *   or undefined when the theorem has no figure.
 * - `buildFigures(seed, theoremIds)`: the figures of the theorems of a run.
 *
 * Implementation details
 * Figures illustrate; they are not part of a theorem's verdict. A figure that
 * throws (an undecided enclosure, a bug) is reported as a failure beside its
 * theorem instead of aborting the report. Same seed, same figures.
 */
import { errorMessage } from '../../runner/identity.js';
import type { Figure } from './common.js';
import { t3Figure, t4Figure } from './mixing.js';
import { t5Figure } from './hitting.js';
import { t2qFigure } from './quality.js';
import { t8Figure, t9Figure } from './flow.js';
import { t1Figure, t6Figure, t7Figure } from './policies.js';
import { t2Figure } from './balance.js';

export type { Figure } from './common.js';

export const FIGURE_BUILDERS: Readonly<Record<string, (seed: number) => Figure>> = {
  T1: t1Figure,
  T2: t2Figure,
  T2q: t2qFigure,
  T3: t3Figure,
  T4: t4Figure,
  T5: t5Figure,
  T6: t6Figure,
  T7: t7Figure,
  T8: t8Figure,
  T9: t9Figure,
};

export interface FigureFailure {
  readonly theoremId: string;
  readonly error: string;
}

export function isFigure(value: Figure | FigureFailure): value is Figure {
  return 'svg' in value;
}

export function theoremFigure(theoremId: string, seed: number): Figure | FigureFailure | undefined {
  const build = Object.prototype.hasOwnProperty.call(FIGURE_BUILDERS, theoremId)
    ? FIGURE_BUILDERS[theoremId]
    : undefined;
  if (build === undefined) return undefined;
  try {
    return build(seed);
  } catch (error) {
    return { theoremId, error: errorMessage(error) };
  }
}

/** theorem ID -> its figure (or failure), for the theorems that have one. */
export function buildFigures(seed: number, theoremIds: readonly string[]): Map<string, Figure | FigureFailure> {
  const figures = new Map<string, Figure | FigureFailure>();
  for (const id of theoremIds) {
    const figure = theoremFigure(id, seed);
    if (figure !== undefined) figures.set(id, figure);
  }
  return figures;
}
