// A small self-contained SVG line chart (no scripts, fonts or external files), for the report's
// "ours over the book's" figures.

export interface ChartSeries {
  label: string;
  x: readonly number[];
  y: readonly number[];
  color: string;
  /** Book curves are dashed. */
  dashed?: boolean;
  /** Thin, faint lines (single seeds) are left out of the legend. */
  faint?: boolean;
  /** Draw a dot at each point (few points, e.g. training-set sizes). */
  dots?: boolean;
}

export interface ReferenceLine {
  y: number;
  label: string;
  color: string;
}

export interface ChartSpec {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: ChartSeries[];
  referenceLines?: ReferenceLine[];
  /** Logarithmic x axis (training-set sizes). */
  xLog?: boolean;
  formatY?: (value: number) => string;
}

const WIDTH = 760;
const HEIGHT = 460;
const PLOT = { left: 70, right: 20, top: 60, bottom: 150 };

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** About `count` round tick values covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) return [min];
  const rough = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const fmt = (v: number) => Number(v.toFixed(2)).toString();

export function renderSvgChart(spec: ChartSpec): string {
  const points = spec.series
    .flatMap((s) => s.x.map((x, i) => ({ x, y: s.y[i]! })))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const ys = [...points.map((p) => p.y), ...(spec.referenceLines ?? []).map((line) => line.y)];
  const xs = points.map((p) => p.x);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  let yMin = ys.length ? Math.min(...ys) : 0;
  let yMax = ys.length ? Math.max(...ys) : 1;
  const pad = (yMax - yMin) * 0.05 || Math.abs(yMax) * 0.05 || 1;
  yMin -= pad;
  yMax += pad;

  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const tx = (x: number) => (spec.xLog ? Math.log10(x) : x);
  const [x0, x1] = [tx(xMin), tx(xMax)];
  const sx = (x: number) => PLOT.left + (x1 === x0 ? plotWidth / 2 : ((tx(x) - x0) / (x1 - x0)) * plotWidth);
  const sy = (y: number) => PLOT.top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight;
  const formatY = spec.formatY ?? ((v: number) => String(v));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(spec.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(spec.title)}</text>`,
  ];
  if (spec.subtitle)
    out.push(`<text x="${WIDTH / 2}" y="42" text-anchor="middle" fill="#555">${escapeXml(spec.subtitle)}</text>`);

  // Axes and grid.
  const yTicks = niceTicks(yMin, yMax, 6);
  for (const y of yTicks) {
    out.push(`<line x1="${PLOT.left}" y1="${fmt(sy(y))}" x2="${WIDTH - PLOT.right}" y2="${fmt(sy(y))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${PLOT.left - 6}" y="${fmt(sy(y) + 4)}" text-anchor="end">${escapeXml(formatY(y))}</text>`);
  }
  const xTicks = spec.xLog
    ? [...new Set(xs)].sort((a, b) => a - b)
    : niceTicks(xMin, xMax, 8).filter((x) => x >= xMin && x <= xMax);
  for (const x of xTicks) {
    out.push(
      `<line x1="${fmt(sx(x))}" y1="${PLOT.top + plotHeight}" x2="${fmt(sx(x))}" y2="${PLOT.top + plotHeight + 4}" stroke="#333"/>`,
    );
    out.push(
      `<text x="${fmt(sx(x))}" y="${PLOT.top + plotHeight + 17}" text-anchor="middle">${escapeXml(x.toLocaleString('en-US'))}</text>`,
    );
  }
  out.push(`<rect x="${PLOT.left}" y="${PLOT.top}" width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#333"/>`);
  out.push(
    `<text x="${PLOT.left + plotWidth / 2}" y="${PLOT.top + plotHeight + 36}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
  );
  out.push(
    `<text transform="translate(16 ${PLOT.top + plotHeight / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
  );

  for (const line of spec.referenceLines ?? []) {
    out.push(
      `<line x1="${PLOT.left}" y1="${fmt(sy(line.y))}" x2="${WIDTH - PLOT.right}" y2="${fmt(sy(line.y))}" stroke="${line.color}" stroke-dasharray="2 4" stroke-width="1.5"/>`,
    );
  }
  for (const series of spec.series) {
    const coordinates = series.x
      .map((x, i) => [x, series.y[i]!] as const)
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
      .map(([x, y]) => `${fmt(sx(x))},${fmt(sy(y))}`);
    if (coordinates.length === 0) continue;
    const style = series.faint
      ? `stroke-width="1" stroke-opacity="0.35"`
      : `stroke-width="2"${series.dashed ? ' stroke-dasharray="7 4"' : ''}`;
    out.push(
      `<polyline fill="none" stroke="${series.color}" ${style} points="${coordinates.join(' ')}"><title>${escapeXml(series.label)}</title></polyline>`,
    );
    if (series.dots) {
      for (const c of coordinates) {
        const [cx, cy] = c.split(',');
        out.push(`<circle cx="${cx}" cy="${cy}" r="3" fill="${series.color}"/>`);
      }
    }
  }

  // Legend below the plot, two columns.
  const legend = [
    ...spec.series.filter((s) => !s.faint).map((s) => ({ label: s.label, color: s.color, dash: s.dashed ? '7 4' : '' })),
    ...(spec.referenceLines ?? []).map((line) => ({ label: line.label, color: line.color, dash: '2 4' })),
  ];
  legend.forEach((entry, i) => {
    const x = PLOT.left + (i % 2) * (plotWidth / 2);
    const y = PLOT.top + plotHeight + 58 + Math.floor(i / 2) * 18;
    out.push(
      `<line x1="${x}" y1="${y - 4}" x2="${x + 28}" y2="${y - 4}" stroke="${entry.color}" stroke-width="2"${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}/>`,
    );
    out.push(`<text x="${x + 34}" y="${y}">${escapeXml(entry.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
