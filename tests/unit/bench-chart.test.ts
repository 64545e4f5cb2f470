import { scalingChart, type ScalingPoint } from '../../system/kit/scaling-chart';

/**
 * Issue 17 item 4: the chart the bench draws from its results (docs/performance-scaling.svg).
 * The points' places are checked against the figures themselves: x on a log scale (100 halfway
 * between 10 and 1,000), y in proportion to the value, and each point labelled with its figure.
 */
const FIGURES: ScalingPoint[] = [
  { numbers: 1000, gatewayCpuMsPerRequest: 7.5, legacyCallsPerRequest: 4 },
  { numbers: 10, gatewayCpuMsPerRequest: 2, legacyCallsPerRequest: 4 },
  { numbers: 100, gatewayCpuMsPerRequest: 6, legacyCallsPerRequest: 4 },
];

interface Point {
  cx: number;
  cy: number;
  numbers: number;
}

/** The circles of each panel (a <g class="panel">), in document order. */
function panels(svg: string): Point[][] {
  return svg
    .split('<g class="panel">')
    .slice(1)
    .map((g) =>
      [...g.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"[^>]*data-numbers="(\d+)"/g)].map((m) => ({
        cx: Number(m[1]),
        cy: Number(m[2]),
        numbers: Number(m[3]),
      })),
    );
}

const at = (points: Point[], numbers: number) => points.find((p) => p.numbers === numbers) as Point;

describe('the scaling chart (bench)', () => {
  const svg = scalingChart(FIGURES, 'test run');
  const [cpu, legacy] = panels(svg);

  it('is an SVG with two panels of one point per company size', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(cpu.map((p) => p.numbers).sort((a, b) => a - b)).toEqual(
      FIGURES.map((f) => f.numbers).sort((a, b) => a - b),
    );
    expect(legacy).toHaveLength(FIGURES.length);
  });

  it('puts the sizes on a log scale, left to right', () => {
    for (const panel of [cpu, legacy]) {
      const [x10, x100, x1000] = [10, 100, 1000].map((n) => at(panel, n).cx);
      expect(x10).toBeLessThan(x100);
      expect(Math.abs(x100 - (x10 + x1000) / 2)).toBeLessThan(0.2);
    }
  });

  it('draws each figure at a height in proportion to it', () => {
    // Heights above the x axis are proportional to the values: differences between points too.
    const cy = (n: number) => at(cpu, n).cy;
    const value = (n: number) => FIGURES.find((f) => f.numbers === n)?.gatewayCpuMsPerRequest ?? NaN;
    expect(cy(1000)).toBeLessThan(cy(100));
    expect(cy(100)).toBeLessThan(cy(10));
    const measured = (cy(10) - cy(100)) / (cy(100) - cy(1000));
    expect(measured).toBeCloseTo((value(100) - value(10)) / (value(1000) - value(100)), 1);
    // A constant figure is a flat line.
    expect(new Set(legacy.map((p) => p.cy)).size).toBe(1);
  });

  it('labels every point with its figure, the sizes and the caption', () => {
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const f of FIGURES) {
      expect(texts).toContain(String(f.gatewayCpuMsPerRequest));
      expect(texts).toContain(String(f.legacyCallsPerRequest));
      expect(texts).toContain(f.numbers.toLocaleString('en-GB'));
    }
    expect(texts).toContain('gateway CPU ms per request');
    expect(texts).toContain('legacy calls per request, nothing cached');
    expect(texts).toContain('test run');
  });
});
