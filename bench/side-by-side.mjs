/**
 * Side-by-side timing of `ebm-lens bench` against the Python reference of the
 * same workloads (fractions, mpmath.iv, numpy), for the table of
 * docs/benchmarks.md.
 *
 *   npm run build && node bench/side-by-side.mjs [--peer FILE] [--sparse-peer FILE] [--rounds K] [--repetitions N] [W1 W2 W3 W4 W6]
 *
 * Each round runs, per workload, the Python peer once (`python3 FILE Wk`, which
 * prints its own wall time without interpreter start-up) and then
 * `ebm-lens bench Wk --json` (median of N timed runs after a warm-up, child
 * process), one right after the other so that both see the same load. It
 * prints a Markdown table with both times, the one-minute load average and the
 * ratio Python / ebm-lens, and checks that both sides give the same figure.
 * Needs python3 with numpy and mpmath; not part of the tests.
 * The Python peer is not part of the repository: name it with --peer FILE.
 * W6 runs the sparse peer instead (`python3 FILE`, named with --sparse-peer:
 * scipy.sparse and eigsh on the same chain, printing one JSON line with its
 * seconds, drawing the instance excluded, and the gap).
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  if (index < 0) return fallback;
  const [value] = args.splice(index, 2).slice(1);
  return value;
};
const peer = option('--peer', undefined);
const sparsePeer = option('--sparse-peer', undefined);
const rounds = Number(option('--rounds', '3'));
const repetitions = option('--repetitions', '5');
const workloads = args.length > 0 ? args : ['W1', 'W2', 'W3', 'W4'];
if (workloads.some((id) => id !== 'W6') && peer === undefined) {
  console.error('--peer: missing; name the Python peer of W1..W5 with --peer FILE');
  process.exit(2);
}
if (workloads.includes('W6') && sparsePeer === undefined) {
  console.error('--sparse-peer: missing; name the scipy peer of W6 with --sparse-peer FILE');
  process.exit(2);
}

const load = () => loadavg()[0].toFixed(2);

/** The Python peer's seconds and figure ("W1 seconds=1.234 result=1000"). */
function python(id) {
  const before = load();
  if (id === 'W6') {
    const report = JSON.parse(execFileSync('python3', [sparsePeer], { encoding: 'utf8' }).trim());
    return { seconds: report.seconds, figure: String(report.gap), load: before };
  }
  const line = execFileSync('python3', [peer, id], { encoding: 'utf8' }).trim();
  const match = /seconds=([\d.]+) result=(\S+)/.exec(line);
  if (!match) throw new Error(`unexpected peer output: ${line}`);
  return { seconds: Number(match[1]), figure: match[2], load: before };
}

function ebmLens(id) {
  const before = load();
  const text = execFileSync(
    'node',
    [join(root, 'bin', 'ebm-lens.js'), 'bench', id, '--json', '--repetitions', repetitions],
    { encoding: 'utf8' },
  );
  const [workload] = JSON.parse(text).workloads;
  const value = workload.result.value;
  return {
    seconds: workload.medianSeconds,
    figure: typeof value === 'object' ? value.approx : String(value),
    load: before,
    peakRssMB: workload.peakRssMB,
  };
}

/**
 * Same figure: counts exactly, W3 and W4 to 12 significant digits (W3 is float64 on both sides);
 * W6 to 1e-11 relative (both sides stop Lanczos at residuals near 1e-10; ARPACK starts from a random vector).
 */
function sameFigure(a, b, id) {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) return a === b;
  return Math.abs(Number(a) - Number(b)) <= (id === 'W6' ? 1e-11 : 1e-12) * Math.abs(Number(b));
}

console.log(
  '| workload | round | Python s (load) | ebm-lens median s (load) | Python / ebm-lens | figures agree | ebm-lens peak MB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const id of workloads) {
  for (let round = 1; round <= rounds; round++) {
    const p = python(id);
    const e = ebmLens(id);
    const ratio = (p.seconds / e.seconds).toFixed(1);
    console.log(
      `| ${id} | ${round} | ${p.seconds.toFixed(3)} (${p.load}) | ${e.seconds.toFixed(3)} (${e.load}) | ${ratio} | ${sameFigure(e.figure, p.figure, id) ? 'yes' : `NO: ${e.figure} vs ${p.figure}`} | ${e.peakRssMB} |`,
    );
  }
}
