import { describe, expect, it } from 'vitest';
import { datasetFromRows } from '../model/dataset';
import { densityImage, hexRgb } from './density';

const RED = hexRgb('#ff0000');
const BLUE = hexRgb('#0000ff');

describe('densityImage', () => {
  it('mixes the class colours in each pixel by the share of its points', () => {
    const data = datasetFromRows([
      [0.5, 0.5, 0],
      [1.5, 0.5, 1],
      [1.5, 0.5, 0],
      [1.5, 0.5, 1],
      [1.5, 0.5, 1],
      [9, 9, 1],
    ]);
    const img = densityImage(
      data,
      (x) => x,
      (y) => y,
      2,
      1,
      [RED, BLUE],
    );
    expect(img.peak).toBe(4);
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
    const img = densityImage(
      datasetFromRows(rows),
      (x) => x,
      (y) => y,
      1,
      1,
      [RED, BLUE],
    );
    expect(Array.from(img.pixels.slice(0, 3))).toEqual([128, 0, 128]);
    const reversed = densityImage(
      datasetFromRows([...rows].reverse()),
      (x) => x,
      (y) => y,
      1,
      1,
      [RED, BLUE],
    );
    expect(reversed.pixels).toEqual(img.pixels);
  });
});
