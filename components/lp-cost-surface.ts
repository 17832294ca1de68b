/**
 * The cost surface ξ(w1, w2) from the engine's grid: a log-scaled heatmap on
 * a canvas, d3.contours isolines and a colour bar on an SVG above it, and the
 * descent path w(0), w(1), … with the current weights ringed. With the bias
 * on, it is the slice at the current b. A click sets w(0) there (and resets).
 */
import * as d3 from 'd3';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { GridSpec } from '../src/engine/engine';
import type { Params, Reduction } from '../src/model/regression';
import type { HistoryEntry } from '../src/state/history';
import { gridToImage } from '../src/view/colors';
import { formatNumber } from '../src/view/format';
import { controlEvent } from './events';

const WIDTH = 520;
const HEIGHT = 460;
const MARGIN = { top: 12, right: 78, bottom: 40, left: 46 };
const PLOT = HEIGHT - MARGIN.top - MARGIN.bottom;
/** Path points drawn as dots (older ones are just the line). */
const DOTS = 60;
/** How many of the first iterates get a w(i) label. */
const LABELLED = 4;

@customElement('lp-cost-surface')
export class LpCostSurface extends LitElement {
  static override styles = css`
    :host { display: block; }
    .frame { position: relative; width: 100%; aspect-ratio: ${WIDTH} / ${HEIGHT}; }
    canvas, svg { position: absolute; inset: 0; width: 100%; height: 100%; }
    svg { cursor: crosshair; }
    .axis text { font-size: var(--lp-plot-font, 12px); }
    .axis-label { font-size: calc(var(--lp-plot-font, 12px) + 1px); fill: currentColor; }
    .contours path { fill: none; stroke: white; stroke-opacity: 0.55; stroke-width: 0.8; }
    .path-line { fill: none; stroke: #e69f00; stroke-width: 2.2; }
    .path-dot { fill: #e69f00; stroke: #222; stroke-width: 0.6; }
    .path-label { font-size: var(--lp-plot-font, 12px); fill: white; paint-order: stroke; stroke: #222; stroke-width: 3px; }
    .current { fill: none; stroke: white; stroke-width: 2.5; }
    .current-core { fill: #e69f00; stroke: #222; }
    .title { font-size: 13px; font-weight: 600; }
  `;

  /** ξ at the grid points, row-major with w2 outer; undefined while computing. */
  @property({ attribute: false }) values: Float32Array | undefined;
  @property({ attribute: false }) grid: GridSpec | undefined;
  @property({ attribute: false }) history: readonly HistoryEntry[] = [];
  @property({ attribute: false }) params: Params | undefined;
  @property({ type: Boolean }) bias = false;
  @property() reduction: Reduction = 'sum';

  private x = d3.scaleLinear();
  private y = d3.scaleLinear();
  private color = d3.scaleSequentialLog(d3.interpolateViridis);

  override render() {
    const title = this.bias
      ? `Cost ξ(w₁, w₂) at b = ${formatNumber(this.params?.b ?? 0, 3)} (a slice)`
      : 'Cost ξ(w₁, w₂)';
    return html`<div class="frame">
      <canvas width=${PLOT} height=${PLOT} aria-hidden="true"
        style="left:${(MARGIN.left / WIDTH) * 100}%;top:${(MARGIN.top / HEIGHT) * 100}%;width:${(PLOT / WIDTH) * 100}%;height:${(PLOT / HEIGHT) * 100}%"></canvas>
      <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${title} with the descent path; click to start from there"
        @click=${this.onClick}>
        <g class="plot" transform="translate(${MARGIN.left},${MARGIN.top})">
          <rect width=${PLOT} height=${PLOT} fill="transparent"></rect>
          <g class="contours"></g>
          <path class="path-line"></path>
          <g class="path-dots"></g>
          <g class="marker"></g>
        </g>
        <g class="axis x" transform="translate(${MARGIN.left},${MARGIN.top + PLOT})"></g>
        <g class="axis y" transform="translate(${MARGIN.left},${MARGIN.top})"></g>
        <g class="colorbar" transform="translate(${MARGIN.left + PLOT + 14},${MARGIN.top})"></g>
        <text class="axis-label" x=${MARGIN.left + PLOT / 2} y=${HEIGHT - 6} text-anchor="middle">w₁</text>
        <text class="axis-label" transform="translate(14,${MARGIN.top + PLOT / 2}) rotate(-90)" text-anchor="middle">w₂</text>
        <text class="title" x=${MARGIN.left + 6} y=${MARGIN.top + 16} fill="white" data-title>${title}</text>
      </svg>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('grid') || changed.has('values') || changed.has('reduction')) this.drawSurface();
    this.drawPath();
  }

  private svg(): d3.Selection<SVGSVGElement, unknown, null, undefined> {
    return d3.select(this.renderRoot.querySelector('svg') as SVGSVGElement);
  }

  private drawSurface(): void {
    const grid = this.grid;
    const values = this.values;
    const svg = this.svg();
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!grid || !ctx) return;
    this.x = d3.scaleLinear().domain(grid.x).range([0, PLOT]);
    this.y = d3.scaleLinear().domain(grid.y).range([PLOT, 0]);
    svg.select<SVGGElement>('.axis.x').call(d3.axisBottom(this.x).ticks(6).offset(0));
    svg.select<SVGGElement>('.axis.y').call(d3.axisLeft(this.y).ticks(6).offset(0));
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!values || values.length !== grid.size * grid.size) return;

    const finite = Array.from(values).filter((v) => Number.isFinite(v) && v > 0);
    const [lo, hi] = d3.extent(finite) as [number, number];
    if (lo === undefined || hi === undefined) return;
    this.color = d3.scaleSequentialLog(d3.interpolateViridis).domain([lo, Math.max(hi, lo * 1.0001)]);
    const tile = new OffscreenCanvas(grid.size, grid.size);
    tile.getContext('2d')?.putImageData(
      gridToImage(values, grid.size, (v) => this.color(v)),
      0,
      0,
    );
    const cell = PLOT / (grid.size - 1);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, -cell / 2, -cell / 2, cell * grid.size, cell * grid.size);

    // Isolines evenly spaced in log ξ; grid coordinate u sits at w = x0 + (u − 0.5)·Δ.
    const logs = Array.from(values, (v) => (v > 0 ? Math.log(v) : Number.NaN));
    const thresholds = d3.range(1, 14).map((k) => Math.log(lo) + (k / 14) * (Math.log(hi) - Math.log(lo)));
    const contours = d3.contours().size([grid.size, grid.size]).thresholds(thresholds)(logs);
    const dx = (grid.x[1] - grid.x[0]) / (grid.size - 1);
    const dy = (grid.y[1] - grid.y[0]) / (grid.size - 1);
    const toPixels = d3.geoTransform({
      point(u, v) {
        this.stream.point(
          ((u - 0.5) * dx * PLOT) / (grid.x[1] - grid.x[0]),
          PLOT - ((v - 0.5) * dy * PLOT) / (grid.y[1] - grid.y[0]),
        );
      },
    });
    svg.select('.contours').selectAll('path').data(contours).join('path').attr('d', d3.geoPath(toPixels));
    this.drawColorBar(lo, hi);
  }

  private drawColorBar(lo: number, hi: number): void {
    const bar = this.svg().select('.colorbar');
    bar.selectAll('*').remove();
    const scale = d3.scaleLog().domain([lo, hi]).range([PLOT, 0]);
    const steps = 48;
    bar
      .selectAll('rect')
      .data(d3.range(steps))
      .join('rect')
      .attr('x', 0)
      .attr('width', 12)
      .attr('y', (k) => (PLOT * (steps - 1 - k)) / steps)
      .attr('height', PLOT / steps + 0.5)
      .attr('fill', (k) => this.color(lo * (hi / lo) ** ((k + 0.5) / steps)));
    bar.append('g').attr('class', 'axis').attr('transform', 'translate(12,0)').call(d3.axisRight(scale).ticks(4, '~g'));
    bar
      .append('text')
      .attr('class', 'axis-label')
      .attr('transform', `translate(${MARGIN.right - 22},${PLOT / 2}) rotate(90)`)
      .attr('text-anchor', 'middle')
      .text(`ξ (${this.reduction})`);
  }

  private drawPath(): void {
    if (!this.grid) return;
    const svg = this.svg();
    const inside = this.history.filter((e) => Number.isFinite(e.params.w1) && Number.isFinite(e.params.w2));
    const line = d3
      .line<HistoryEntry>()
      .x((e) => this.x(e.params.w1))
      .y((e) => this.y(e.params.w2));
    svg.select('.path-line').attr('d', line(inside) ?? '');
    const dotted = inside.length > DOTS ? [inside[0] as HistoryEntry, ...inside.slice(-DOTS)] : inside;
    const dots = svg
      .select('.path-dots')
      .selectAll<SVGGElement, HistoryEntry>('g.step')
      .data(dotted, (e) => String(e.iteration))
      .join((enter) => {
        const g = enter.append('g').attr('class', 'step');
        g.append('circle').attr('class', 'path-dot').attr('r', 3.5);
        g.append('text').attr('class', 'path-label').attr('dx', 6).attr('dy', -6);
        return g;
      });
    dots.attr('transform', (e) => `translate(${this.x(e.params.w1)},${this.y(e.params.w2)})`);
    dots.select('text').text((e) => (e.iteration < LABELLED ? `w(${e.iteration})` : ''));
    const current = this.params;
    const marker = svg.select('.marker');
    marker.selectAll('*').remove();
    if (current && Number.isFinite(current.w1) && Number.isFinite(current.w2)) {
      const at = `translate(${this.x(current.w1)},${this.y(current.w2)})`;
      marker.append('circle').attr('class', 'current').attr('r', 9).attr('transform', at);
      marker.append('circle').attr('class', 'current-core').attr('r', 5).attr('transform', at);
      const last = this.history.at(-1);
      if (last && last.iteration >= LABELLED) {
        marker
          .append('text')
          .attr('class', 'path-label')
          .attr('transform', at)
          .attr('dx', 11)
          .attr('dy', 14)
          .text(`w(${last.iteration})`);
      }
    }
  }

  private onClick = (event: MouseEvent): void => {
    if (!this.grid) return;
    const plot = this.renderRoot.querySelector('g.plot') as SVGGElement;
    const [px, py] = d3.pointer(event, plot);
    if (px < 0 || px > PLOT || py < 0 || py > PLOT) return;
    const w1 = Number(this.x.invert(px).toPrecision(4));
    const w2 = Number(this.y.invert(py).toPrecision(4));
    this.dispatchEvent(controlEvent('lp-settings', { training: { initialWeights: [w1, w2] } }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-cost-surface': LpCostSurface;
  }
}
