/**
 * Timing of `analyze` on generated models, used to choose the mode limits of
 * src/analysis/modes.ts.
 *
 *   npm run build && node bench/analyze-timing.mjs [float|exact|interval ...]
 *
 * Each case runs in a fresh node process (as the command does: one mode per
 * process; generic code that has run in several arithmetics in one process is
 * slower, which would distort the timings) and times what the command runs:
 * JSON text -> validated model -> analysis -> JSON text, with the mode
 * requested explicitly and the size limits lifted so that sizes beyond them
 * can be measured; node start-up (about 0.2 s) is not included. Models: a symmetric conductance C with random
 * integer entries in 0..3 (density about 3/4, plus a ring so the chain is
 * irreducible), random weights w in {1, 3/2, 2, 5/2, 3} (exact and float) or a
 * potential Phi in {0, 1/4, ..., 1} with beta = 1/2 (interval), target = the
 * last state, initial law = a point mass at the first state, 20 trajectory
 * steps. A fixed seed makes every run the same model.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { analyze } from '../dist/src/analysis/analyze.js';
import { parseAnalyzeModel } from '../dist/src/input/analyzeModel.js';
import { parseJsonText } from '../dist/src/input/readJson.js';

function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generatedModel(n, kind, seed = 12345) {
  const random = mulberry32(seed + n);
  const C = Array.from({ length: n }, () => new Array(n).fill(0));
  for (let x = 0; x < n; x++) {
    for (let y = x; y < n; y++) C[x][y] = C[y][x] = Math.floor(random() * 4);
    C[x][(x + 1) % n] = C[(x + 1) % n][x] = Math.max(1, C[x][(x + 1) % n]);
  }
  const initial = Array.from({ length: n }, (_, x) => (x === 0 ? 1 : 0));
  const base = { conductance: C, target: [String(n - 1)], initial, steps: 20 };
  if (kind === 'interval')
    return { ...base, beta: '1/2', potential: Array.from({ length: n }, () => `${Math.floor(random() * 5)}/4`) };
  return { ...base, weights: Array.from({ length: n }, () => `${2 + Math.floor(random() * 5)}/2`) };
}

const CASES = {
  float: [500, 1000, 2000],
  exact: [8, 12, 16, 24, 32],
  interval: [8, 12, 24, 40, 64],
};

/** One case in this process: prints its table row. */
function runCase(kind, n) {
  const text = JSON.stringify(generatedModel(n, kind));
  const start = performance.now();
  const model = parseAnalyzeModel(parseJsonText(text, 'generated.json'));
  const parsed = performance.now();
  const report = analyze(model, { mode: kind, enforceLimits: false });
  const output = JSON.stringify(report, null, 2);
  const seconds = (performance.now() - start) / 1000;
  const parse = (parsed - start) / 1000;
  console.log(
    `${kind.padEnd(8)} ${String(n).padStart(5)} ${seconds.toFixed(2).padStart(9)} ${parse.toFixed(2).padStart(9)} ${String(output.length).padStart(13)}  ${report.precision}`,
  );
}

if (process.argv[2] === '--case') {
  runCase(process.argv[3], Number(process.argv[4]));
} else {
  const kinds = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(CASES);
  console.log('mode       n   seconds   (parse)  output bytes  precision');
  for (const kind of kinds) {
    for (const n of CASES[kind]) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--case', kind, String(n)], {
        encoding: 'utf8',
      });
      process.stdout.write(
        child.status === 0
          ? child.stdout
          : `${kind.padEnd(8)} ${String(n).padStart(5)}  failed: ${child.stderr.trim().split('\n')[0]}\n`,
      );
    }
  }
}
