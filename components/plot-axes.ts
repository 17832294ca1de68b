/**
 * The plot frame's axes: a scale for an axis's domain (linear or log), and a
 * D3 axis with as many ticks as its length has room for, whole numbers when
 * asked, and labels that stay short for extreme values.
 */
import * as d3 from 'd3';

export type Scale = d3.ScaleContinuousNumeric<number, number>;

export interface AxisSpec {
  readonly domain: readonly [number, number];
  readonly label?: string;
  /** Logarithmic axis (both ends must be > 0). */
  readonly log?: boolean;
  /** How a tick reads; D3's default for the scale when absent. */
  readonly format?: (value: number) => string;
  /** Ticks wanted per 100 CSS px of axis (1 by default). */
  readonly density?: number;
  /** Whole numbers only (iterations): no 0.5 ticks on a short axis. */
  readonly integer?: boolean;
}

export function scaleFor(axis: AxisSpec, range: [number, number]): Scale {
  const scale = axis.log ? d3.scaleLog() : d3.scaleLinear();
  return scale.domain(axis.domain as [number, number]).range(range);
}

/** D3's tick format, or three significant digits where D3's would write thirty (values of 10²⁹, say). */
function defaultFormat(scale: Scale, count: number): (value: d3.NumberValue) => string {
  const [a, b] = scale.domain() as [number, number];
  const size = Math.max(Math.abs(a), Math.abs(b));
  const extreme = size >= 1e6 || (size > 0 && size < 1e-3);
  return extreme ? d3.format('.3~g') : scale.tickFormat(count);
}

export function axisOf(make: (scale: Scale) => d3.Axis<d3.NumberValue>, scale: Scale, spec: AxisSpec, length: number) {
  const count = Math.max(2, Math.round((length / 100) * (spec.density ?? 1)));
  const axis = make(scale).offset(0).ticks(count);
  if (spec.integer) axis.tickValues(scale.ticks(count).filter(Number.isInteger));
  const format = spec.format;
  if (format) axis.tickFormat((v) => format(+v));
  // A log axis labels only the round values (1, 2, 5 of each decade) so labels never crowd.
  else if (spec.log) axis.tickFormat(scale.tickFormat(count, '~g'));
  else axis.tickFormat(defaultFormat(scale, count));
  return axis;
}
