/**
 * Large data sets drawn as a density: the points are counted per pixel and
 * class, and each pixel gets the mix of the two class colours in the
 * proportion of its points (so where the classes overlap it shows both, and
 * neither class hides the other) and an opacity that grows with the log of
 * its count. Every point counts; nothing is subsampled. Pure, so it is
 * unit-tested.
 */
import type { Dataset } from '../model/dataset';

export type Rgb = readonly [number, number, number];

/** Parses "#rrggbb". */
export function hexRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

export interface DensityImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, row 0 at the top. */
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  /** The most points in one pixel. */
  readonly peak: number;
}

/**
 * Counts the points per pixel of a width×height image; `column` and `row`
 * map data coordinates to (fractional) pixel coordinates, row 0 at the top.
 * Points outside the image are left out.
 */
export function densityImage(
  data: Dataset,
  column: (x1: number) => number,
  row: (x2: number) => number,
  width: number,
  height: number,
  colors: readonly [Rgb, Rgb],
): DensityImage {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));
  const counts = [new Uint32Array(w * h), new Uint32Array(w * h)] as const;
  const p = data.points;
  for (let i = 0; i < data.targets.length; i++) {
    const c = Math.floor(column(p[2 * i]!));
    const r = Math.floor(row(p[2 * i + 1]!));
    if (c < 0 || c >= w || r < 0 || r >= h) continue;
    counts[data.targets[i] === 1 ? 1 : 0][r * w + c]!++;
  }
  let peak = 0;
  for (let k = 0; k < w * h; k++) peak = Math.max(peak, counts[0][k]! + counts[1][k]!);
  const pixels = new Uint8ClampedArray(w * h * 4);
  const scale = Math.log1p(Math.max(1, peak));
  const [c0, c1] = colors;
  for (let k = 0; k < w * h; k++) {
    const n0 = counts[0][k]!;
    const n1 = counts[1][k]!;
    const n = n0 + n1;
    if (n === 0) continue;
    const share = n1 / n;
    for (let ch = 0; ch < 3; ch++) pixels[4 * k + ch] = Math.round(c0[ch]! * (1 - share) + c1[ch]! * share);
    pixels[4 * k + 3] = Math.round(255 * (0.35 + (0.65 * Math.log1p(n)) / scale));
  }
  return { width: w, height: h, pixels, peak };
}
