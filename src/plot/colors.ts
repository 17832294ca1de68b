/**
 * Colour ramps of the views. The probability heatmap fades from the class-0
 * colour through the surface colour (white; P = 0.5, the boundary) to the
 * class-1 colour, all three the theme's (the element that paints resolves
 * them: see RampTheme); the cost surface uses viridis on a log scale,
 * readable in greyscale and by every common colour-vision type, on any
 * theme. A ramp is a table of 256 colours, so painting a grid costs a lookup
 * a cell, not a colour string to build and parse.
 */
import * as d3 from 'd3';
import { CLASS_STYLE } from './palette';

const LEVELS = 256;

/**
 * A ramp whose colours come from the theme: the CSS value of each stop (a
 * custom property), resolved on the element that paints at paint time, and
 * the ramp through the resolved colours.
 */
export interface RampTheme {
  readonly stops: readonly string[];
  readonly build: (colors: readonly string[]) => ColorRamp;
}

export class ColorRamp {
  private readonly table = new Uint8ClampedArray(LEVELS * 3);

  constructor(
    /** The colour at t ∈ [0, 1]. */
    readonly interpolate: (t: number) => string,
    /** Where a value falls on the ramp, t ∈ [0, 1] (clamped). */
    readonly position: (value: number) => number = (v) => v,
    /** Where the theme gives this ramp's colours; without one the colours above are final. */
    readonly theme?: RampTheme,
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

/** The last few probability ramps built, by their colours: a theme rarely changes, a frame is drawn often. */
const probabilityRamps = new Map<string, ColorRamp>();

/** P(t = 1 | x) through three colours: class 0, the middle (P = 0.5), class 1. */
export function probabilityRampThrough(colors: readonly string[]): ColorRamp {
  const key = colors.join(' ');
  let ramp = probabilityRamps.get(key);
  if (!ramp) {
    if (probabilityRamps.size >= 8) probabilityRamps.clear();
    ramp = new ColorRamp(d3.piecewise(d3.interpolateRgb, [...colors]));
    probabilityRamps.set(key, ramp);
  }
  return ramp;
}

/**
 * P(t = 1 | x): the class-0 colour, white at 0.5, the class-1 colour; where
 * it is painted, the theme's class colours and surface (components/theme.ts).
 */
export const probabilityRamp = new ColorRamp(
  d3.piecewise(d3.interpolateRgb, [CLASS_STYLE[0].color, '#ffffff', CLASS_STYLE[1].color]),
  (v) => v,
  {
    stops: ['var(--_lp-class0)', 'var(--_lp-surface)', 'var(--_lp-class1)'],
    build: probabilityRampThrough,
  },
);

/** Viridis over [lo, hi] on a log scale: for costs, which span decades. */
export function logViridis(lo: number, hi: number): ColorRamp {
  const a = Math.log(lo);
  const span = Math.log(hi) - a || 1;
  return new ColorRamp(d3.interpolateViridis, (v) => (v > 0 ? (Math.log(v) - a) / span : 0));
}
