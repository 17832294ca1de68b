/**
 * Colour ramps of the views. The probability heatmap fades from the class-0
 * colour through white (P = 0.5, the boundary) to the class-1 colour; the cost
 * surface uses viridis on a log scale, readable in greyscale and by every
 * common colour-vision type. A ramp is a table of 256 colours, so painting a
 * grid costs a lookup a cell, not a colour string to build and parse.
 */
import * as d3 from 'd3';
import { CLASS_STYLE } from './palette';

const LEVELS = 256;

export class ColorRamp {
  private readonly table = new Uint8ClampedArray(LEVELS * 3);

  constructor(
    /** The colour at t ∈ [0, 1]. */
    readonly interpolate: (t: number) => string,
    /** Where a value falls on the ramp, t ∈ [0, 1] (clamped). */
    readonly position: (value: number) => number = (v) => v,
  ) {
    for (let k = 0; k < LEVELS; k++) {
      const c = d3.rgb(interpolate(k / (LEVELS - 1)));
      this.table.set([c.r, c.g, c.b], 3 * k);
    }
  }

  /** Writes the RGB of `value` at `offset` of `out`. */
  write(value: number, out: Uint8ClampedArray, offset: number): void {
    const t = this.position(value);
    const k = 3 * Math.round((Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0) * (LEVELS - 1));
    out[offset] = this.table[k]!;
    out[offset + 1] = this.table[k + 1]!;
    out[offset + 2] = this.table[k + 2]!;
  }

  /** The colour of `value` as CSS. */
  css(value: number): string {
    const rgb = new Uint8ClampedArray(3);
    this.write(value, rgb, 0);
    return `rgb(${rgb[0]},${rgb[1]},${rgb[2]})`;
  }
}

/** P(t = 1 | x): the class-0 colour, white at 0.5, the class-1 colour. */
export const probabilityRamp = new ColorRamp(
  d3.piecewise(d3.interpolateRgb, [CLASS_STYLE[0].color, '#ffffff', CLASS_STYLE[1].color]),
);

/** Viridis over [lo, hi] on a log scale: for costs, which span decades. */
export function logViridis(lo: number, hi: number): ColorRamp {
  const a = Math.log(lo);
  const span = Math.log(hi) - a || 1;
  return new ColorRamp(d3.interpolateViridis, (v) => (v > 0 ? (Math.log(v) - a) / span : 0));
}
