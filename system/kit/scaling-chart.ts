/**
 * The chart of how a request's cost grows with the size of the company asking (issue 17 item 4):
 * plain SVG text, no charting dependency. The bench draws it from its results JSON
 * (bench/workloads/scaling.ts) into docs/performance-scaling.svg; it lives in system/kit so that
 * the bench and the tests (which never import each other) can both use it.
 */

/** One size of company: its numbers and what one dashboard request cost at that size. */
export interface ScalingPoint {
  numbers: number;
  gatewayCpuMsPerRequest: number;
  /** Of a request whose legacy look-ups no cache answers (the bench's cold request). */
  legacyCallsPerRequest: number;
}

/** One panel's series: which figure, its title and colour. */
interface Panel {
  title: string;
  value: (p: ScalingPoint) => number;
  colour: string;
}

const PANELS: Panel[] = [
  { title: 'gateway CPU ms per request', value: (p) => p.gatewayCpuMsPerRequest, colour: '#1f6feb' },
  {
    title: 'legacy calls per request, nothing cached',
    value: (p) => p.legacyCallsPerRequest,
    colour: '#d1242f',
  },
];

const WIDTH = 320;
const HEIGHT = 240;
const MARGIN = { left: 52, right: 16, top: 40, bottom: 44 };
const INSET = 24;

/** The smallest 1, 2 or 5 times a power of ten at or above `v` (the top of a y axis). */
export function niceCeiling(v: number): number {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * power).find((c) => c >= v * (1 - 1e-9)) ?? 10 * power;
}

/** Figures as the tables print them: three significant digits, thousands separated. */
export function label(v: number): string {
  if (!Number.isFinite(v)) return '-';
  return v.toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function panel(points: ScalingPoint[], p: Panel, offsetX: number): string {
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const sizes = points.map((q) => q.numbers);
  // x is logarithmic, from the smallest size to the largest: 10, 100, 1,000 evenly spaced.
  const lo = Math.log10(Math.min(...sizes));
  const hi = Math.log10(Math.max(...sizes));
  // Points are kept off the axes by INSET on either side.
  const x = (n: number) =>
    offsetX +
    MARGIN.left +
    INSET +
    (hi > lo ? ((Math.log10(n) - lo) / (hi - lo)) * (plotW - 2 * INSET) : plotW / 2 - INSET);
  const finite = points.map(p.value).filter(Number.isFinite);
  const top = niceCeiling(Math.max(0, ...finite));
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const r = (v: number) => Math.round(v * 10) / 10;
  const parts: string[] = [
    `<text x="${r(offsetX + WIDTH / 2)}" y="20" text-anchor="middle" font-weight="bold">${escape(p.title)}</text>`,
    // Axes, the y axis's top and zero, and each size on the x axis.
    `<line x1="${r(offsetX + MARGIN.left)}" y1="${MARGIN.top}" x2="${r(offsetX + MARGIN.left)}" y2="${MARGIN.top + plotH}" stroke="#888"/>`,
    `<line x1="${r(offsetX + MARGIN.left)}" y1="${MARGIN.top + plotH}" x2="${r(offsetX + WIDTH - MARGIN.right)}" y2="${MARGIN.top + plotH}" stroke="#888"/>`,
    `<text x="${r(offsetX + MARGIN.left - 6)}" y="${MARGIN.top + 4}" text-anchor="end">${label(top)}</text>`,
    `<text x="${r(offsetX + MARGIN.left - 6)}" y="${MARGIN.top + plotH + 4}" text-anchor="end">0</text>`,
    `<text x="${r(offsetX + MARGIN.left + plotW / 2)}" y="${HEIGHT - 6}" text-anchor="middle">numbers in the company (log scale)</text>`,
  ];
  for (const n of sizes)
    parts.push(`<text x="${r(x(n))}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${label(n)}</text>`);
  const drawn = points.filter((q) => Number.isFinite(p.value(q)));
  if (drawn.length > 1)
    parts.push(
      `<polyline fill="none" stroke="${p.colour}" stroke-width="2" points="${drawn
        .map((q) => `${r(x(q.numbers))},${r(y(p.value(q)))}`)
        .join(' ')}"/>`,
    );
  for (const q of drawn) {
    const cx = r(x(q.numbers));
    const cy = r(y(p.value(q)));
    parts.push(
      `<circle cx="${cx}" cy="${cy}" r="4" fill="${p.colour}" data-numbers="${q.numbers}"/>`,
      `<text x="${cx}" y="${r(cy - 8)}" text-anchor="middle">${label(p.value(q))}</text>`,
    );
  }
  return `<g class="panel">${parts.join('')}</g>`;
}

/**
 * Two panels side by side, gateway CPU and legacy calls per request against the company's
 * numbers, each point labelled with its figure; `caption` says how it was measured.
 */
export function scalingChart(points: ScalingPoint[], caption: string): string {
  const sorted = [...points].sort((a, b) => a.numbers - b.numbers);
  const width = WIDTH * PANELS.length;
  const height = HEIGHT + 24;
  const panels = sorted.length ? PANELS.map((p, i) => panel(sorted, p, i * WIDTH)).join('\n') : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    panels,
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle" fill="#555">${escape(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}
