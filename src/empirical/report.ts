/**
 * The output of `ebm-lens empirical`: the JSON of docs/empirical.md and a readable table.
 *
 * Main definitions
 * - `empiricalJson(analysis)`: `{ potential, oneWay, cycles, test, verdict, ... }` with every
 *   real quantity a number object labelled float64 (statistical estimates), alpha and the
 *   confidence exact.
 * - `empiricalTable(analysis)`: the same content as aligned text.
 *
 * Implementation details
 * Keys of docs/empirical.md (Output): potential { name: { value, se, component } }, oneWay [{ from, to,
 * count, bound }], cycles [{ states, affinity, se }], test { statistic, df, pValue },
 * verdict. Extra keys: states, trials, trialsSource, mode, alpha, confidence, ci (intervals),
 * components (with their reference state), unidentified, reverseTrials, test.method /
 * converged / reason, verdictReason, reversibleMle (with the option; a kernel row is null
 * when its state has no counted outcome inside its class), notes. Where there is
 * no number (no bound, no test) the value is null and a reason is given.
 */
import { exactNumberObject, floatNumberObject, type NumberObject } from '../arith/numberObject.js';
import { Rational } from '../arith/rational.js';
import { trimNumber, type EmpiricalAnalysis } from './analysis.js';

interface Interval {
  lo: NumberObject;
  hi: NumberObject;
}

const num = floatNumberObject;

function interval(value: number, se: number, z: number): Interval {
  return { lo: num(value - z * se), hi: num(value + z * se) };
}

/** The JSON object (not yet stringified). */
export function empiricalJson(analysis: EmpiricalAnalysis): Record<string, unknown> {
  const { data, level } = analysis;
  const name = (x: number): string => data.states[x]!;
  const potential: Record<string, unknown> = {};
  for (const component of analysis.potential) {
    component.states.forEach((x, i) => {
      const value = component.values[i]!;
      const se = component.standardErrors[i]!;
      potential[name(x)] = {
        value: num(value),
        se: num(se),
        component: component.id,
        ci: interval(value, se, level.z),
      };
    });
  }
  const json: Record<string, unknown> = {
    states: [...data.states],
    trials: Object.fromEntries(data.states.map((state, x) => [state, data.trials[x]!])),
    trialsSource: data.trialsSource,
    mode: 'float64',
    alpha: exactNumberObject(analysis.alpha),
    confidence: exactNumberObject(new Rational(1).sub(analysis.alpha)),
    potential,
    components: analysis.potential.map((component) => ({
      id: component.id,
      states: component.states.map(name),
      reference: name(component.reference),
    })),
    unidentified: analysis.unidentified.map(name),
    oneWay: analysis.oneWay.map((pair) => ({
      from: name(pair.from),
      to: name(pair.to),
      count: pair.count,
      bound: pair.bound === undefined ? null : num(pair.bound),
      boundOn: 'U(to) - U(from) >= bound',
      reverseTrials: pair.reverseTrials,
      ...(pair.bound === undefined ? { reason: `no trials from "${name(pair.to)}"` } : {}),
    })),
    cycles: analysis.cycles.map((cycle) => ({
      states: cycle.states.map(name),
      affinity: num(cycle.affinity),
      se: num(cycle.standardError),
      ci: interval(cycle.affinity, cycle.standardError, level.z),
    })),
    test: analysis.test.testable
      ? {
          statistic: num(analysis.test.statistic),
          df: analysis.test.df,
          pValue: num(analysis.test.pValue),
          method: 'likelihood ratio, chi-square approximation',
          converged: analysis.test.converged,
        }
      : {
          statistic: null,
          df: 0,
          pValue: null,
          method: 'likelihood ratio, chi-square approximation',
          reason: analysis.test.reason,
        },
    verdict: analysis.verdict,
    verdictReason: analysis.verdictReason,
  };
  if (analysis.reversibleMle !== undefined) {
    const { fit, withoutData } = analysis.reversibleMle;
    json.reversibleMle = {
      states: [...data.states],
      kernel: fit.kernel.map((row, x) => (withoutData.includes(x) ? null : row.map(num))),
      stationary: fit.stationary.map(num),
      stationaryNormalisation: 'sums to 1 on each component',
      components: fit.components.map((members) => members.map(name)),
      potential: Object.fromEntries(
        data.states.map((state, x) => {
          const members = fit.components[fit.component[x]!]!;
          const lowest = Math.min(...members.map((y) => Math.log(fit.stationary[y]!)));
          return [state, num(Math.log(fit.stationary[x]!) - lowest)];
        }),
      ),
      iterations: fit.iterations,
      converged: fit.converged,
    };
  }
  json.notes = [...analysis.notes];
  return json;
}

/** The readable report. */
export function empiricalTable(analysis: EmpiricalAnalysis): string {
  const { data, level } = analysis;
  const name = (x: number): string => data.states[x]!;
  const f = trimNumber;
  const percent = `${f(level.confidence * 100)}%`;
  const out: string[] = [];
  const total = data.counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  out.push(
    `${data.states.length} states, ${total} transitions counted; trials: ${describeTrials(analysis)}; all estimates float64`,
  );
  out.push('');
  out.push(`Potential U = log mu (lowest state of each component = 0), ${percent} intervals`);
  if (analysis.potential.length === 0) out.push('  none: no pair was seen in both directions');
  for (const component of analysis.potential) {
    out.push(`  component ${component.id} (reference ${name(component.reference)})`);
    out.push(
      ...table(
        ['state', 'U', 'se', 'interval'],
        component.states.map((x, i) => {
          const value = component.values[i]!;
          const se = component.standardErrors[i]!;
          return [name(x), f(value), f(se), `[${f(value - level.z * se)}, ${f(value + level.z * se)}]`];
        }),
        '    ',
      ),
    );
  }
  if (analysis.unidentified.length > 0) out.push(`  not identified: ${analysis.unidentified.map(name).join(', ')}`);
  out.push('');
  out.push(`Pairs seen in one direction only: lower bounds on U(to) - U(from) at ${percent}`);
  if (analysis.oneWay.length === 0) out.push('  none');
  else {
    out.push(
      ...table(
        ['from', 'to', 'count', 'reverse trials', 'bound'],
        analysis.oneWay.map((pair) => [
          name(pair.from),
          name(pair.to),
          String(pair.count),
          String(pair.reverseTrials),
          pair.bound === undefined ? 'none' : `>= ${f(pair.bound)}`,
        ]),
        '  ',
      ),
    );
  }
  out.push('');
  out.push(`Cycle affinities log(prod forward / prod backward), ${percent} intervals`);
  if (analysis.cycles.length === 0) out.push('  none: the two-way pairs form no cycle');
  else {
    out.push(
      ...table(
        ['cycle', 'affinity', 'se', 'interval'],
        analysis.cycles.map((cycle) => [
          [...cycle.states, cycle.states[0]!].map(name).join(' -> '),
          f(cycle.affinity),
          f(cycle.standardError),
          `[${f(cycle.affinity - level.z * cycle.standardError)}, ${f(cycle.affinity + level.z * cycle.standardError)}]`,
        ]),
        '  ',
      ),
    );
  }
  out.push('');
  out.push('Likelihood-ratio test of detailed balance (chi-square approximation)');
  if (analysis.test.testable) {
    out.push(`  statistic ${f(analysis.test.statistic)} on ${analysis.test.df} df, p-value ${f(analysis.test.pValue)}`);
  } else {
    out.push(`  not testable: ${analysis.test.reason}`);
  }
  out.push('');
  out.push(`verdict: ${analysis.verdict} (alpha = ${f(level.alpha)}): ${analysis.verdictReason}`);
  if (analysis.reversibleMle !== undefined) {
    const { fit, withoutData } = analysis.reversibleMle;
    out.push('');
    out.push(
      `Reversible MLE of the kernel (${fit.converged ? 'converged' : 'NOT converged'} after ${fit.iterations} sweeps)`,
    );
    out.push(
      ...table(
        ['from \\ to', ...data.states],
        fit.kernel.map((row, x) => [name(x), ...row.map((value) => (withoutData.includes(x) ? '-' : f(value)))]),
        '  ',
      ),
    );
    out.push(
      `  stationary law (each component sums to 1): ${data.states.map((state, x) => `${state} ${f(fit.stationary[x]!)}`).join(', ')}`,
    );
  }
  if (analysis.notes.length > 0) {
    out.push('');
    out.push('Notes');
    for (const note of analysis.notes) out.push(`  - ${note}`);
  }
  return `${out.join('\n')}\n`;
}

function describeTrials(analysis: EmpiricalAnalysis): string {
  switch (analysis.data.trialsSource) {
    case 'row sums':
      return 'row totals (every outcome counted)';
    case 'equal':
      return `${analysis.data.trials[0]} per state`;
    case 'map':
      return 'given per state';
  }
}

function table(header: readonly string[], rows: readonly (readonly string[])[], indent: string): string[] {
  const widths = header.map((title, j) => Math.max(title.length, ...rows.map((row) => row[j]!.length)));
  const line = (cells: readonly string[]): string =>
    indent +
    cells
      .map((cell, j) => cell.padEnd(widths[j]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
