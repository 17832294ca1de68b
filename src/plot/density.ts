/**
 * Large data sets drawn as a density: the points are counted per pixel and
 * class, and each pixel gets the mix of the two class colours in the
 * proportion of its points (so where the classes overlap it shows both, and
 * neither class hides the other) and an opacity that grows with the log of
 * its count. Every point counts; nothing is subsampled. An edit adds or
 * takes away one point: one pixel changes, the rest stays. Pure, so it is
 * unit-tested.
 */
import type { Dataset } from '../model/dataset';
import type { PlotDomain } from './plot-domain';

export type Rgb = readonly [number, number, number];

/** Parses "#rrggbb". */
export function hexRgb(hex: string): Rgb {
  const v = Number.parseInt(hex.replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** The most transparent a pixel with a point in it gets. */
const FAINTEST = 0.6;

export class DensityImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, row 0 at the top. */
  readonly pixels: Uint8ClampedArray<ArrayBuffer>;
  private readonly counts: [Uint32Array, Uint32Array];
  private peak = 0;
  private readonly sx: number;
  private readonly sy: number;

  constructor(
    width: number,
    height: number,
    private readonly domain: PlotDomain,
    private readonly colors: readonly [Rgb, Rgb],
  ) {
    this.width = Math.max(1, Math.floor(width));
    this.height = Math.max(1, Math.floor(height));
    this.counts = [new Uint32Array(this.width * this.height), new Uint32Array(this.width * this.height)];
    this.pixels = new Uint8ClampedArray(this.width * this.height * 4);
    this.sx = this.width / (domain.x[1] - domain.x[0]);
    this.sy = this.height / (domain.y[1] - domain.y[0]);
  }

  /** Counts every point of `data` and paints the image. */
  static of(
    data: Dataset,
    width: number,
    height: number,
    domain: PlotDomain,
    colors: readonly [Rgb, Rgb],
  ): DensityImage {
    const image = new DensityImage(width, height, domain, colors);
    image.add(data, 0, data.targets.length);
    image.paintAll();
    return image;
  }

  /** Counts points `from` … `to` − 1 of `data` (a large set is counted a slice at a time; paint when done). */
  add(data: Dataset, from: number, to: number): void {
    const p = data.points;
    for (let i = from; i < to; i++) this.count(p[2 * i]!, p[2 * i + 1]!, data.targets[i]!, 1);
  }

  /** The most points in one pixel. */
  get densest(): number {
    return this.peak;
  }

  /**
   * One point more (delta 1) or less (−1); returns the pixel that changed
   * (−1 when outside, or when the whole image was repainted).
   */
  edit(x1: number, x2: number, t: number, delta: 1 | -1): number {
    const k = this.count(x1, x2, t, delta);
    if (k < 0) return -1;
    const total = this.counts[0][k]! + this.counts[1][k]!;
    if (total > this.peak || (delta < 0 && total + 1 === this.peak)) {
      this.peak = this.findPeak();
      this.paintAll();
      return -1;
    }
    this.paint(k, Math.log1p(Math.max(1, this.peak)));
    return k;
  }

  /** Adds `delta` to the pixel of (x1, x2); returns its index, or −1 outside the window. */
  private count(x1: number, x2: number, t: number, delta: number): number {
    const c = Math.floor((x1 - this.domain.x[0]) * this.sx);
    const r = Math.floor((this.domain.y[1] - x2) * this.sy);
    if (!(c >= 0 && c < this.width && r >= 0 && r < this.height)) return -1;
    const k = r * this.width + c;
    this.counts[t === 1 ? 1 : 0][k]! += delta;
    return k;
  }

  private findPeak(): number {
    let peak = 0;
    const [a, b] = this.counts;
    for (let k = 0; k < a.length; k++) peak = Math.max(peak, a[k]! + b[k]!);
    return peak;
  }

  /** Paints every pixel from the counts. */
  paintAll(): void {
    this.peak = this.findPeak();
    const scale = Math.log1p(Math.max(1, this.peak));
    for (let k = 0; k < this.counts[0].length; k++) this.paint(k, scale);
  }

  private paint(k: number, scale: number): void {
    const n0 = this.counts[0][k]!;
    const n1 = this.counts[1][k]!;
    const n = n0 + n1;
    const o = 4 * k;
    if (n === 0) {
      this.pixels[o + 3] = 0;
      return;
    }
    const share = n1 / n;
    const [c0, c1] = this.colors;
    for (let ch = 0; ch < 3; ch++) this.pixels[o + ch] = Math.round(c0[ch]! * (1 - share) + c1[ch]! * share);
    this.pixels[o + 3] = Math.round(255 * (FAINTEST + ((1 - FAINTEST) * Math.log1p(n)) / scale));
  }
}
