import { describe, expect, it } from 'vitest';
import { boundaryLines } from './boundary-contour';

/** A size×size grid over [-4, 4]² of f(x1, x2). */
function grid(size: number, f: (x1: number, x2: number) => number) {
  const at = (i: number) => -4 + (8 * i) / (size - 1);
  const values = Float32Array.from({ length: size * size }, (_, k) => f(at(k % size), at(Math.floor(k / size))));
  return { x: [-4, 4] as const, y: [-4, 4] as const, size, values };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('the boundary from the probability grid', () => {
  it('is one closed curve for a circle inside the window, on the circle where y = threshold', () => {
    // y = σ(x1² + x2² − 4): y = 0.5 on the circle of radius 2.
    const lines = boundaryLines(
      grid(65, (a, b) => sigmoid(a * a + b * b - 4)),
      0.5,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.closed).toBe(true);
    for (const [a, b] of lines[0]?.points ?? []) expect(Math.hypot(a, b)).toBeCloseTo(2, 1);
    // The threshold moves it: y = 0.8 where x1² + x2² = 4 + ln 4.
    const outer = boundaryLines(
      grid(65, (a, b) => sigmoid(a * a + b * b - 4)),
      0.8,
    );
    for (const [a, b] of outer[0]?.points ?? []) expect(Math.hypot(a, b)).toBeCloseTo(Math.sqrt(4 + Math.log(4)), 1);
  });

  it('is an open line from edge to edge for a linear model, on its line, with no stretch of the window border', () => {
    // y = σ(x1 − 0.5x2 − 1): the line x1 = 1 + 0.5x2.
    const lines = boundaryLines(
      grid(33, (a, b) => sigmoid(a - 0.5 * b - 1)),
      0.5,
    );
    expect(lines).toHaveLength(1);
    const line = lines[0]!;
    expect(line.closed).toBe(false);
    for (const [a, b] of line.points) expect(a).toBeCloseTo(1 + 0.5 * b, 6);
    // It runs from the bottom edge to the top.
    const ys = line.points.map(([, b]) => b);
    expect(Math.min(...ys)).toBe(-4);
    expect(Math.max(...ys)).toBe(4);
  });

  it('gives two lines for XOR-like data, and none where y never reaches the threshold or is not a number', () => {
    const xor = boundaryLines(
      grid(41, (a, b) => sigmoid(3 * a * b)),
      0.5,
    );
    expect(xor.length).toBeGreaterThanOrEqual(2);
    expect(xor.every((l) => !l.closed)).toBe(true);
    expect(
      boundaryLines(
        grid(17, () => 0.2),
        0.5,
      ),
    ).toEqual([]);
    expect(
      boundaryLines(
        grid(17, (a) => (a > 0 ? Number.NaN : 0.7)),
        0.5,
      ),
    ).toEqual([]);
  });
});
