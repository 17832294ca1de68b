/**
 * A race drawn on a plot: each racer beside the model as a line in its own
 * colour and dash with its own marker where it stands (the cost surface's
 * paths, the loss chart's curves), and the legend that names each racer's
 * optimiser and η. The model (racer 1) is drawn by the plot as ever, in the
 * first racer style; these are the others.
 */
import * as d3 from 'd3';
import { html, svg } from 'lit';
import type { Optimizer } from '../src/model/optimizers';
import { RACER_STYLE, type RacerSymbol } from '../src/plot/palette';
import { OPTIMIZER_SHORT_NAMES } from '../src/settings/settings-schema';

const SYMBOLS: Readonly<Record<RacerSymbol, d3.SymbolType>> = {
  circle: d3.symbolCircle,
  square: d3.symbolSquare,
  triangle: d3.symbolTriangle,
  diamond: d3.symbolDiamond,
  cross: d3.symbolCross,
  star: d3.symbolStar,
};

/** Racer k's style (k from 0, the model). */
export function racerStyle(k: number) {
  return RACER_STYLE[k % RACER_STYLE.length]!;
}

/** The SVG path of racer k's marker, `area` square pixels. */
export function racerSymbol(k: number, area = 64): string {
  return d3.symbol(SYMBOLS[racerStyle(k).symbol], area)() ?? '';
}

/** How the legend and the table name a racer: its optimiser and η. */
export function racerName(racer: { readonly optimizer: Optimizer; readonly learningRate: number }): string {
  return `${OPTIMIZER_SHORT_NAMES[racer.optimizer]}, η ${racer.learningRate}`;
}

/** A racer's marker as an inline SVG, for a legend or a table row. */
export function racerSwatch(k: number, surface = false) {
  const style = racerStyle(k);
  const colour = surface ? style.surface : style.color;
  return html`<svg class="swatch" width="26" height="14" viewBox="-13 -7 26 14" aria-hidden="true">${svg`
    <line x1="-12" x2="12" y1="0" y2="0" stroke=${colour} stroke-width="2.5" stroke-dasharray=${style.dash}></line>
    <path d=${racerSymbol(k, 40)} fill=${colour} stroke="#222" stroke-width="0.8"></path>`}</svg>`;
}

export interface RacerLine {
  /** The racer's index in the race (1 and up: the model, 0, is the plot's own). */
  readonly racer: number;
  readonly points: readonly (readonly [number, number])[];
}

/**
 * Draws each racer's line into `group` (pixels), over a dark halo when `halo` (on the surface's viridis),
 * and its marker at its last point.
 */
export function drawRacerLines(
  group: d3.Selection<SVGGElement, unknown, null, undefined>,
  lines: readonly RacerLine[],
  halo: boolean,
): void {
  const line = d3.line<readonly [number, number]>();
  const racer = group
    .selectAll<SVGGElement, RacerLine>('g.racer')
    .data(lines, (l) => String(l.racer))
    .join((enter) => {
      const g = enter.append('g').attr('class', 'racer');
      g.append('path').attr('class', 'racer-halo');
      g.append('path').attr('class', 'racer-line');
      g.append('path').attr('class', 'racer-marker');
      return g;
    })
    .attr('data-racer', (l) => l.racer);
  const colour = (l: RacerLine) => (halo ? racerStyle(l.racer).surface : racerStyle(l.racer).color);
  racer
    .select('.racer-halo')
    .attr('d', (l) => line(l.points) ?? '')
    .attr('fill', 'none')
    .attr('stroke', halo ? '#222' : 'none')
    .attr('stroke-opacity', 0.7)
    .attr('stroke-width', 4.5);
  racer
    .select('.racer-line')
    .attr('d', (l) => line(l.points) ?? '')
    .attr('fill', 'none')
    .attr('stroke', colour)
    .attr('stroke-width', 2.2)
    .attr('stroke-dasharray', (l) => racerStyle(l.racer).dash);
  racer
    .select('.racer-marker')
    .attr('d', (l) => racerSymbol(l.racer, 90))
    .attr('fill', colour)
    .attr('stroke', '#222')
    .attr('stroke-width', 1)
    .attr('transform', (l) => {
      const last = l.points.at(-1);
      return last ? `translate(${last[0]},${last[1]})` : 'translate(-999,-999)';
    });
}
