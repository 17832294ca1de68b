/**
 * The plot frame's axes: a scale for an axis's domain (linear or log), and a
 * D3 axis with as many ticks as its length has room for, whole numbers when
 * asked, and labels in one notation per axis (see tick-format).
 */
import * as d3 from 'd3';
import { tickFormat } from '../src/plot/tick-format';

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

export function axisOf(make: (scale: Scale) => d3.Axis<d3.NumberValue>, scale: Scale, spec: AxisSpec, length: number) {
  const count = Math.max(2, Math.round((length / 100) * (spec.density ?? 1)));
  const axis = make(scale).offset(0).ticks(count);
  const ticks = spec.integer ? scale.ticks(count).filter(Number.isInteger) : scale.ticks(count);
  if (spec.integer) axis.tickValues(ticks);
  const format = spec.format;
  if (format) axis.tickFormat((v) => format(+v));
  // A log axis labels only the round values (1, 2, 5 of each decade) so labels never crowd.
  else if (spec.log) axis.tickFormat(logTickFormat(scale, count));
  else {
    const label = tickFormat(ticks);
    axis.tickFormat((v) => label(+v));
  }
  return axis;
}

/** A log scale's labels: D3 picks which ticks get one (it leaves the others blank), written in the axis's one notation. */
export function logTickFormat(scale: Scale, count: number): (value: d3.NumberValue) => string {
  const label = tickFormat(scale.ticks(count), true);
  const labelled = scale.tickFormat(count, '~g');
  return (v) => (labelled(v) === '' ? '' : label(+v));
}
