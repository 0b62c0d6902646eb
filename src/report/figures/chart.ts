/**
 * Line charts as plain SVG text: the drawing layer of the report's figures.
 *
 * Main definitions
 * - `ChartSpec`: axes (linear or logarithmic, with labels), series of points
 *   drawn as lines, dashed lines or markers, and labelled reference lines.
 * - `renderChart(spec)`: a self-contained `<svg>` element (no scripts, no
 *   external references), with a title and description for screen readers and
 *   a legend below the plot.
 *
 * Implementation details
 * Pure function of the spec: coordinates are printed with one decimal, so the
 * same data gives the same text on every platform. On a logarithmic axis,
 * points with a non-positive coordinate cannot be drawn: they break the line
 * and are counted in the description, never moved. Ticks: decades on a log
 * axis (every k-th decade when there are many), 1-2-5 steps on a linear one.
 * Series are told apart by colour (Okabe-Ito palette, safe for colour-blind
 * readers), by dash pattern and by marker shape, so a grey print still reads.
 * Element ids are prefixed with the chart's id, so several charts can share
 * one HTML page.
 */

export type AxisScale = 'linear' | 'log';

export interface AxisSpec {
  readonly label: string;
  readonly scale: AxisScale;
  /** Data range to show; derived from the data (and reference lines) when absent. */
  readonly min?: number;
  readonly max?: number;
}

export type SeriesStyle = 'line' | 'dashed' | 'dotted' | 'markers' | 'line+markers';

export interface SeriesSpec {
  readonly label: string;
  readonly points: readonly (readonly [number, number])[];
  readonly style: SeriesStyle;
  /** Index into the palette (default: the series' position). */
  readonly color?: number;
}

/** A labelled line across the plot at x = value or y = value. */
export interface ReferenceLine {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label: string;
}

export interface ChartSpec {
  /** Unique within a page: [A-Za-z0-9-]. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly x: AxisSpec;
  readonly y: AxisSpec;
  readonly series: readonly SeriesSpec[];
  readonly references?: readonly ReferenceLine[];
}

/** Okabe-Ito colours (without yellow, too pale on paper). */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

const WIDTH = 680;
const PLOT = { left: 78, right: 660, top: 36, bottom: 300 } as const;
const FONT = 'font-family="DejaVu Sans, Helvetica, Arial, sans-serif"';
const CHAR_WIDTH = 6.6; // average advance of a 12px sans-serif glyph, for the legend layout

export function renderChart(spec: ChartSpec): string {
  if (!/^[A-Za-z][A-Za-z0-9-]*$/.test(spec.id))
    throw new RangeError(`chart id '${spec.id}' must be letters, digits and '-'`);
  const references = spec.references ?? [];
  const xRange = axisRange(spec.x, [
    ...spec.series.flatMap((s) => s.points.map((p) => p[0])),
    ...references.filter((r) => r.axis === 'x').map((r) => r.value),
  ]);
  const yRange = axisRange(spec.y, [
    ...spec.series.flatMap((s) => s.points.map((p) => p[1])),
    ...references.filter((r) => r.axis === 'y').map((r) => r.value),
  ]);
  const sx = scaleOf(spec.x.scale, xRange, PLOT.left, PLOT.right);
  const sy = scaleOf(spec.y.scale, yRange, PLOT.bottom, PLOT.top);

  const legend = legendLayout(spec.series, references.length);
  const height = PLOT.bottom + 56 + legend.height;
  const clip = `${spec.id}-clip`;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" class="chart" id="${spec.id}">`,
    `<title id="${spec.id}-title">${escapeXml(spec.title)}</title>`,
    `<desc id="${spec.id}-desc">${escapeXml(descriptionOf(spec))}</desc>`,
    `<defs><clipPath id="${clip}"><rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}"/></clipPath></defs>`,
    `<rect x="0" y="0" width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold" ${FONT}>${escapeXml(spec.title)}</text>`,
  );

  // Grid and ticks.
  const grid: string[] = [];
  const labels: string[] = [];
  for (const tick of ticksOf(spec.x.scale, xRange)) {
    const x = fmt(sx(tick.value));
    grid.push(`<line x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${PLOT.bottom}"/>`);
    labels.push(`<line x1="${x}" y1="${PLOT.bottom}" x2="${x}" y2="${PLOT.bottom + 5}" stroke="#000"/>`);
    labels.push(
      `<text x="${x}" y="${PLOT.bottom + 19}" text-anchor="middle" font-size="12" ${FONT}>${tick.label}</text>`,
    );
  }
  for (const tick of ticksOf(spec.y.scale, yRange)) {
    const y = fmt(sy(tick.value));
    grid.push(`<line x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}"/>`);
    labels.push(`<line x1="${PLOT.left - 5}" y1="${y}" x2="${PLOT.left}" y2="${y}" stroke="#000"/>`);
    labels.push(
      `<text x="${PLOT.left - 8}" y="${fmt(sy(tick.value) + 4)}" text-anchor="end" font-size="12" ${FONT}>${tick.label}</text>`,
    );
  }
  out.push(`<g class="grid" stroke="#d9d9d9" stroke-width="1">${grid.join('')}</g>`);
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#000" stroke-width="1"/>`,
  );
  out.push(`<g class="ticks">${labels.join('')}</g>`);
  out.push(
    `<text class="axis-label" x="${(PLOT.left + PLOT.right) / 2}" y="${PLOT.bottom + 40}" text-anchor="middle" font-size="13" ${FONT}>${escapeXml(axisTitle(spec.x))}</text>`,
    `<text class="axis-label" transform="translate(18 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="13" ${FONT}>${escapeXml(axisTitle(spec.y))}</text>`,
  );

  // Reference lines under the series, their labels over them; all clipped to the plot area.
  const lines: string[] = [];
  const notes: string[] = [];
  references.forEach((ref, k) => {
    if (ref.axis === 'x') {
      if (!drawable(spec.x.scale, ref.value)) return;
      const x = fmt(sx(ref.value));
      lines.push(
        `<line class="reference" x1="${x}" y1="${PLOT.top}" x2="${x}" y2="${PLOT.bottom}" stroke="#555555" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      );
      // Labels stay inside the plot: right of the line in the left half, left of it in the right half.
      const left = sx(ref.value) > (PLOT.left + PLOT.right) / 2;
      const anchor = left ? ' text-anchor="end"' : '';
      notes.push(
        `<text x="${fmt(sx(ref.value) + (left ? -4 : 4))}" y="${PLOT.top + 14 + 14 * k}"${anchor} font-size="11" fill="#333333" ${FONT}>${escapeXml(ref.label)}</text>`,
      );
    } else {
      if (!drawable(spec.y.scale, ref.value)) return;
      const y = fmt(sy(ref.value));
      lines.push(
        `<line class="reference" x1="${PLOT.left}" y1="${y}" x2="${PLOT.right}" y2="${y}" stroke="#555555" stroke-width="1.5" stroke-dasharray="2 3"/>`,
      );
      notes.push(
        `<text x="${PLOT.right - 4}" y="${fmt(sy(ref.value) - 4)}" text-anchor="end" font-size="11" fill="#333333" ${FONT}>${escapeXml(ref.label)}</text>`,
      );
    }
  });
  const drawn = spec.series.map((series, k) => seriesSvg(series, k, spec, sx, sy));
  out.push(`<g class="plot" clip-path="url(#${clip})">${[...lines, ...drawn, ...notes].join('')}</g>`);

  // Legend below the axis label.
  out.push(`<g class="legend" font-size="12" ${FONT}>`);
  legend.items.forEach((item, k) => {
    const { x, y } = item;
    if (k < spec.series.length) {
      const series = spec.series[k]!;
      out.push(legendSwatch(series, k, x, y));
      out.push(`<text x="${fmt(x + 34)}" y="${fmt(y + 4)}">${escapeXml(series.label)}</text>`);
    }
  });
  if (references.length > 0) {
    const item = legend.items[spec.series.length]!;
    out.push(
      `<line x1="${fmt(item.x)}" y1="${fmt(item.y)}" x2="${fmt(item.x + 28)}" y2="${fmt(item.y)}" stroke="#555555" stroke-width="1.5" stroke-dasharray="2 3"/>`,
    );
    out.push(`<text x="${fmt(item.x + 34)}" y="${fmt(item.y + 4)}">reference line (labelled)</text>`);
  }
  out.push('</g>', '</svg>');
  return out.join('\n');
}

// ---------------------------------------------------------------- scales

interface Range {
  lo: number;
  hi: number;
}

function drawable(scale: AxisScale, value: number): boolean {
  return Number.isFinite(value) && (scale === 'linear' || value > 0);
}

function axisRange(axis: AxisSpec, values: readonly number[]): Range {
  const usable = values.filter((v) => drawable(axis.scale, v));
  let lo = axis.min ?? (usable.length > 0 ? Math.min(...usable) : axis.scale === 'log' ? 1e-3 : 0);
  let hi = axis.max ?? (usable.length > 0 ? Math.max(...usable) : 1);
  if (axis.scale === 'log') {
    if (!(lo > 0)) throw new RangeError(`log axis '${axis.label}' needs a positive minimum`);
    // Whole decades, so the ticks sit at the edges.
    lo = 10 ** Math.floor(Math.log10(lo) + 1e-9);
    hi = 10 ** Math.ceil(Math.log10(hi) - 1e-9);
    if (hi <= lo) hi = lo * 10;
    return { lo, hi };
  }
  if (hi === lo) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  if (axis.min === undefined || axis.max === undefined) {
    const step = niceStep((hi - lo) / 6);
    if (axis.min === undefined) lo = Math.floor(lo / step + 1e-9) * step;
    if (axis.max === undefined) hi = Math.ceil(hi / step - 1e-9) * step;
  }
  return { lo, hi };
}

function scaleOf(scale: AxisScale, range: Range, from: number, to: number): (v: number) => number {
  if (scale === 'log') {
    const a = Math.log10(range.lo);
    const b = Math.log10(range.hi);
    return (v) => from + ((Math.log10(v) - a) / (b - a)) * (to - from);
  }
  return (v) => from + ((v - range.lo) / (range.hi - range.lo)) * (to - from);
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

interface Tick {
  value: number;
  label: string;
}

function ticksOf(scale: AxisScale, range: Range): Tick[] {
  if (scale === 'log') {
    const a = Math.round(Math.log10(range.lo));
    const b = Math.round(Math.log10(range.hi));
    const every = Math.max(1, Math.ceil((b - a) / 8));
    const ticks: Tick[] = [];
    for (let k = a; k <= b; k++) {
      if ((k - a) % every !== 0) continue;
      ticks.push({
        value: 10 ** k,
        label: k === 0 ? '1' : k === 1 ? '10' : `10<tspan dy="-6" font-size="9">${k}</tspan>`,
      });
    }
    return ticks;
  }
  const step = niceStep((range.hi - range.lo) / 6);
  const ticks: Tick[] = [];
  const first = Math.ceil(range.lo / step - 1e-9);
  const last = Math.floor(range.hi / step + 1e-9);
  for (let k = first; k <= last; k++) {
    const value = k * step;
    ticks.push({ value, label: numberLabel(value, step) });
  }
  return ticks;
}

/** A tick value with as many decimals as the step needs. */
function numberLabel(value: number, step: number): string {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const text = value.toFixed(decimals);
  return text === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : text.replace('-', '\u2212');
}

function axisTitle(axis: AxisSpec): string {
  return axis.scale === 'log' ? `${axis.label} (log scale)` : axis.label;
}

// ---------------------------------------------------------------- series

function dashOf(style: SeriesStyle): string {
  return style === 'dashed' ? ' stroke-dasharray="8 5"' : style === 'dotted' ? ' stroke-dasharray="2 3"' : '';
}

function colorOf(series: SeriesSpec, k: number): string {
  return PALETTE[(series.color ?? k) % PALETTE.length]!;
}

function seriesSvg(
  series: SeriesSpec,
  k: number,
  spec: ChartSpec,
  sx: (v: number) => number,
  sy: (v: number) => number,
): string {
  const color = colorOf(series, k);
  const ok = (p: readonly [number, number]): boolean => drawable(spec.x.scale, p[0]) && drawable(spec.y.scale, p[1]);
  const parts: string[] = [`<g class="series" data-label="${escapeXml(series.label)}">`];
  if (series.style !== 'markers') {
    // One path; a point that cannot be drawn on a log axis breaks the line.
    let d = '';
    let pen = false;
    for (const p of series.points) {
      if (!ok(p)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${fmt(sx(p[0]))} ${fmt(sy(p[1]))}`;
      pen = true;
    }
    if (d !== '')
      parts.push(
        `<path d="${d}" fill="none" stroke="${color}" stroke-width="2"${dashOf(series.style)} stroke-linejoin="round"/>`,
      );
  }
  if (series.style === 'markers' || series.style === 'line+markers') {
    const shape = MARKERS[(series.color ?? k) % MARKERS.length]!;
    for (const p of series.points) if (ok(p)) parts.push(marker(shape, sx(p[0]), sy(p[1]), color));
  }
  parts.push('</g>');
  return parts.join('');
}

function marker(shape: (typeof MARKERS)[number], x: number, y: number, color: string): string {
  const r = 3.5;
  switch (shape) {
    case 'circle':
      return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${r}" fill="${color}"/>`;
    case 'square':
      return `<rect x="${fmt(x - r)}" y="${fmt(y - r)}" width="${2 * r}" height="${2 * r}" fill="${color}"/>`;
    case 'triangle':
      return `<path d="M${fmt(x)} ${fmt(y - r - 1)}L${fmt(x + r + 0.5)} ${fmt(y + r)}L${fmt(x - r - 0.5)} ${fmt(y + r)}Z" fill="${color}"/>`;
    case 'diamond':
      return `<path d="M${fmt(x)} ${fmt(y - r - 1)}L${fmt(x + r + 1)} ${fmt(y)}L${fmt(x)} ${fmt(y + r + 1)}L${fmt(x - r - 1)} ${fmt(y)}Z" fill="none" stroke="${color}" stroke-width="1.5"/>`;
  }
}

function legendSwatch(series: SeriesSpec, k: number, x: number, y: number): string {
  const color = colorOf(series, k);
  const line =
    series.style === 'markers'
      ? ''
      : `<line x1="${fmt(x)}" y1="${fmt(y)}" x2="${fmt(x + 28)}" y2="${fmt(y)}" stroke="${color}" stroke-width="2"${dashOf(series.style)}/>`;
  const dot =
    series.style === 'markers' || series.style === 'line+markers'
      ? marker(MARKERS[(series.color ?? k) % MARKERS.length]!, x + 14, y, color)
      : '';
  return line + dot;
}

interface LegendLayout {
  items: { x: number; y: number }[];
  height: number;
}

/** Legend entries flow left to right below the plot, wrapping at the chart's width. */
function legendLayout(series: readonly SeriesSpec[], references: number): LegendLayout {
  const labels = [...series.map((s) => s.label), ...(references > 0 ? ['reference line (labelled)'] : [])];
  const items: { x: number; y: number }[] = [];
  const top = PLOT.bottom + 62;
  let x = PLOT.left;
  let row = 0;
  for (const label of labels) {
    const width = 34 + label.length * CHAR_WIDTH + 18;
    if (x + width > WIDTH - 8 && x > PLOT.left) {
      row += 1;
      x = PLOT.left;
    }
    items.push({ x, y: top + row * 20 });
    x += width;
  }
  return { items, height: labels.length === 0 ? 0 : (row + 1) * 20 };
}

function descriptionOf(spec: ChartSpec): string {
  const parts = [spec.description];
  for (const series of spec.series) {
    const hidden = series.points.filter((p) => !(drawable(spec.x.scale, p[0]) && drawable(spec.y.scale, p[1]))).length;
    parts.push(
      `${series.label}: ${series.points.length} points${hidden > 0 ? ` (${hidden} not drawable on the log scale: zero or negative)` : ''}.`,
    );
  }
  return parts.join(' ');
}

function fmt(value: number): string {
  let text = value.toFixed(1);
  if (text.endsWith('.0')) text = text.slice(0, -2);
  return text === '-0' ? '0' : text;
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
