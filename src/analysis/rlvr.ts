/**
 * One run of `ebm-lens rlvr`: a validated model in, the JSON report out.
 *
 * Main definitions
 * - `RlvrMode`: 'interval' (default; rigorous enclosures) or 'float' (float64).
 * - `RlvrJson`: the output of `rlvr --json` (docs/outputs.md#rlvr), every real a number object.
 * - `runRlvr(model, mode)`: lift the rational model into the arithmetic, compute
 *   `rlvrSeries`, convert to number objects. Inputs (t, beta), the normalized
 *   weights and p0 = q(C) are rational and reported exactly.
 *
 * Implementation details
 * Interval mode escalates precision along `INTERVAL_DIGIT_LADDER` until every
 * enclosure is narrow (`isNarrow`: relative width <= 1e-20, or absolute width
 * <= 1e-60) or the ladder ends; an `UndecidedError` (a sign needed by the
 * computation) also moves to the next precision, and at the top of the ladder
 * propagates to the caller (the command reports "undecided", exit 3). The
 * enclosures reported are sound at every precision; escalation only narrows
 * them. Exact mode is not offered: p*, the flow and every entropy need exp or
 * log of the inputs.
 */
import type { Arithmetic } from '../arith/arithmetic.js';
import { floatArithmetic } from '../arith/float.js';
import { intervalArithmetic } from '../arith/interval.js';
import { exactNumberObject, type NumberObject } from '../arith/numberObject.js';
import { Rational } from '../arith/rational.js';
import { isNarrow, numberObjectsIn, withEscalation } from './precision.js';
import type { RlvrModel, RlvrModelPrompt } from '../input/rlvrModel.js';
import { rlvrSeries, type RlvrPoint, type RlvrReport } from '../rlvr/series.js';

export type RlvrMode = 'interval' | 'float';

export interface RlvrPointJson {
  t: NumberObject;
  accuracy: NumberObject;
  gap: NumberObject;
  bernoulliGap: NumberObject;
  entropy: NumberObject;
  klToReference: NumberObject;
}

export interface RlvrJson {
  mode: RlvrMode;
  /** "interval(60 digits)" or "float64" */
  precision: string;
  beta: NumberObject;
  prompts: {
    weight: NumberObject;
    p0: NumberObject;
    pStar: NumberObject;
    logZ: NumberObject;
    series: RlvrPointJson[];
  }[];
  total: { series: RlvrPointJson[] };
}

export function runRlvr(model: RlvrModel, mode: RlvrMode = 'interval'): RlvrJson {
  if (mode === 'float') return computeJson(floatArithmetic, model, 'float');
  return withEscalation(
    (digits) => computeJson(intervalArithmetic(digits), model, 'interval'),
    (json) => numberObjectsIn(json).every((x) => isNarrow(x)),
  );
}

function computeJson<T>(ar: Arithmetic<T>, model: RlvrModel, mode: RlvrMode): RlvrJson {
  const lift = (q: Rational) => ar.fromRational(q);
  const totalWeight = model.prompts.reduce((acc, p) => acc.add(p.weight), new Rational(0n));
  const report: RlvrReport<T> = rlvrSeries(
    ar,
    {
      beta: lift(model.beta),
      prompts: model.prompts.map((p) => ({
        weight: lift(p.weight),
        reference: p.reference.map(lift),
        correct: p.correct,
        ...(p.initial ? { initial: p.initial.map(lift) } : {}),
      })),
    },
    model.times.map(lift),
  );
  const number = (x: T) => ar.toNumberObject(x);
  const point = (p: RlvrPoint<T>, i: number): RlvrPointJson => ({
    t: exactNumberObject(model.times[i]!),
    accuracy: number(p.accuracy),
    gap: number(p.gap),
    bernoulliGap: number(p.bernoulliGap),
    entropy: number(p.entropy),
    klToReference: number(p.klToReference),
  });
  return {
    mode,
    precision: ar.label,
    beta: exactNumberObject(model.beta),
    prompts: report.prompts.map((p, k) => ({
      weight: exactNumberObject(model.prompts[k]!.weight.div(totalWeight)),
      p0: exactNumberObject(exactP0(model.prompts[k]!)),
      pStar: number(p.pStar),
      logZ: number(p.logZ),
      series: p.series.map(point),
    })),
    total: { series: report.total.series.map(point) },
  };
}

function exactP0(prompt: RlvrModelPrompt): Rational {
  return prompt.reference.reduce((acc, q, y) => (prompt.correct[y] ? acc.add(q) : acc), new Rational(0n));
}
