import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { DensityImage, hexRgb } from './density';

const RED = hexRgb('#ff0000');
const BLUE = hexRgb('#0000ff');
const UNIT = { x: [0, 2], y: [0, 1] } as const;

describe('DensityImage', () => {
  it('mixes the class colours in each pixel by the share of its points', () => {
    const data = datasetFromRows([
      [0.5, 0.5, 0],
      [1.5, 0.5, 1],
      [1.5, 0.5, 0],
      [1.5, 0.5, 1],
      [1.5, 0.5, 1],
      [9, 9, 1],
    ]);
    const img = DensityImage.of(data, 2, 1, UNIT, [RED, BLUE]);
    expect(img.densest).toBe(4);
    // Pixel 0: one red point, faint. Pixel 1: 1 red, 3 blue: a quarter red, full opacity.
    expect(Array.from(img.pixels.slice(0, 3))).toEqual([255, 0, 0]);
    expect(Array.from(img.pixels.slice(4, 8))).toEqual([64, 0, 191, 255]);
    expect(img.pixels[3]).toBeLessThan(255);
    expect(img.pixels[3]).toBeGreaterThan(89);
  });

  it('shows both classes where they overlap, whatever their order', () => {
    const rows = [
      ...Array.from({ length: 500 }, () => [0.2, 0.2, 0] as const),
      ...Array.from({ length: 500 }, () => [0.2, 0.2, 1] as const),
    ];
    const unit = { x: [0, 1], y: [0, 1] } as const;
    const img = DensityImage.of(datasetFromRows(rows), 1, 1, unit, [RED, BLUE]);
    expect(Array.from(img.pixels.slice(0, 3))).toEqual([128, 0, 128]);
    const reversed = DensityImage.of(datasetFromRows([...rows].reverse()), 1, 1, unit, [RED, BLUE]);
    expect(reversed.pixels).toEqual(img.pixels);
  });

  it('follows an edit by changing one pixel, as a recount would', () => {
    const rows = Array.from(
      { length: 40 },
      (_, i) => [(i % 8) / 4 + 0.1, (i % 5) / 5 + 0.1, (i % 2) as 0 | 1] as const,
    );
    const img = DensityImage.of(datasetFromRows(rows), 8, 5, UNIT, [RED, BLUE]);
    img.edit(1.3, 0.35, 1, 1);
    const recount = DensityImage.of(datasetFromRows([...rows, [1.3, 0.35, 1]]), 8, 5, UNIT, [RED, BLUE]);
    expect(img.pixels).toEqual(recount.pixels);
    img.edit(1.3, 0.35, 1, -1);
    expect(img.pixels).toEqual(DensityImage.of(datasetFromRows(rows), 8, 5, UNIT, [RED, BLUE]).pixels);
    expect(img.edit(50, 50, 0, 1)).toBe(-1);
    // Below the peak, one pixel changes and only it.
    for (let k = 0; k < 3; k++) img.edit(1.3, 0.35, 1, 1);
    const before = Uint8ClampedArray.from(img.pixels);
    const k = img.edit(0.05, 0.95, 0, 1);
    expect(k).toBeGreaterThanOrEqual(0);
    const changed = Array.from(img.pixels).flatMap((v, i) => (v !== before[i] ? [Math.floor(i / 4)] : []));
    expect(new Set(changed)).toEqual(new Set([k]));
  });
});
