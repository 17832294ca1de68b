/**
 * The two classes in the input plane with the decision boundary
 * w1·x1 + w2·x2 + b = 0. D3 draws axes, markers and the boundary into an SVG;
 * for large N the markers go to a canvas beneath it, drawn once per data set.
 */
import * as d3 from 'd3';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { boundarySegment } from '../src/model/boundary';
import type { Dataset } from '../src/model/dataset';
import type { Params } from '../src/model/regression';
import { CLASS_STYLE } from '../src/view/palette';
import { DEFAULT_DOMAIN, type PlotDomain, plotDomain } from '../src/view/plot-domain';

const SIZE = 460;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 46 };
const PLOT = SIZE - MARGIN.left - MARGIN.right;
/** Above this many points the markers are drawn on a canvas, not as SVG nodes. */
const SVG_POINT_LIMIT = 2000;

const SYMBOLS = [d3.symbolCircle, d3.symbolTriangle] as const;

@customElement('lp-scatter')
export class LpScatter extends LitElement {
  static override styles = css`
    :host { display: block; }
    .frame { position: relative; width: 100%; aspect-ratio: 1; }
    canvas, svg { position: absolute; inset: 0; width: 100%; height: 100%; }
    .axis text { font-size: 12px; }
    .axis-label { font-size: 13px; fill: currentColor; }
    .boundary { stroke: currentColor; stroke-width: 2.5; stroke-dasharray: 7 4; fill: none; }
    .point { stroke: white; stroke-width: 0.8; }
  `;

  /** The samples to show. */
  @property({ attribute: false }) data: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  /** The current parameters; the boundary is where σ(x·w + b) = 0.5. */
  @property({ attribute: false }) params: Params = { w1: 0, w2: 0, b: 0 };

  private domain: PlotDomain = DEFAULT_DOMAIN;
  private x = d3.scaleLinear();
  private y = d3.scaleLinear();

  override render() {
    return html`<div class="frame">
      <canvas width=${SIZE * 2} height=${SIZE * 2} aria-hidden="true"></canvas>
      <svg viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-label="Scatter plot of the two classes with the decision boundary">
        <g class="points" transform="translate(${MARGIN.left},${MARGIN.top})"></g>
        <g class="axis x" transform="translate(${MARGIN.left},${MARGIN.top + PLOT})"></g>
        <g class="axis y" transform="translate(${MARGIN.left},${MARGIN.top})"></g>
        <line class="boundary" transform="translate(${MARGIN.left},${MARGIN.top})" visibility="hidden"></line>
        <text class="axis-label" x=${MARGIN.left + PLOT / 2} y=${SIZE - 6} text-anchor="middle">x₁</text>
        <text class="axis-label" transform="translate(14,${MARGIN.top + PLOT / 2}) rotate(-90)" text-anchor="middle">x₂</text>
      </svg>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('data')) this.drawData();
    this.drawBoundary();
  }

  private svg(): d3.Selection<SVGSVGElement, unknown, null, undefined> {
    return d3.select(this.renderRoot.querySelector('svg') as SVGSVGElement);
  }

  private drawData(): void {
    this.domain = plotDomain(this.data);
    this.x = d3.scaleLinear().domain(this.domain.x).range([0, PLOT]);
    this.y = d3.scaleLinear().domain(this.domain.y).range([PLOT, 0]);
    const svg = this.svg();
    svg.select<SVGGElement>('.axis.x').call(d3.axisBottom(this.x).ticks(8));
    svg.select<SVGGElement>('.axis.y').call(d3.axisLeft(this.y).ticks(8));

    const n = this.data.targets.length;
    const small = n <= SVG_POINT_LIMIT;
    const indices = small ? d3.range(n) : [];
    const symbols = SYMBOLS.map((s) => d3.symbol(s, 48)());
    svg
      .select('.points')
      .selectAll<SVGPathElement, number>('path.point')
      .data(indices)
      .join('path')
      .attr('class', (i) => `point class-${this.data.targets[i]}`)
      .attr('d', (i) => symbols[this.data.targets[i] as 0 | 1] ?? '')
      .attr('fill', (i) => CLASS_STYLE[this.data.targets[i] as 0 | 1].color)
      .attr(
        'transform',
        (i) => `translate(${this.x(this.data.points[2 * i]!)},${this.y(this.data.points[2 * i + 1]!)})`,
      );
    this.drawCanvasPoints(small ? 0 : n);
  }

  /** Large data sets: small marks on a canvas at twice the resolution, class 1 over class 0. */
  private drawCanvasPoints(n: number): void {
    const canvas = this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (n === 0) return;
    const scale = canvas.width / SIZE;
    // Beyond ~200k marks the picture no longer changes; draw an even subsample to keep redraws quick.
    const stride = Math.max(1, Math.floor(n / 200_000));
    const radius = n > 20_000 ? 0.8 : 1.6;
    for (const t of [0, 1] as const) {
      ctx.fillStyle = CLASS_STYLE[t].color;
      ctx.globalAlpha = n > 20_000 ? 0.35 : 0.8;
      for (let i = 0; i < n; i += stride) {
        if (this.data.targets[i] !== t) continue;
        const px = (MARGIN.left + this.x(this.data.points[2 * i]!)) * scale;
        const py = (MARGIN.top + this.y(this.data.points[2 * i + 1]!)) * scale;
        ctx.fillRect(px - radius * scale, py - radius * scale, 2 * radius * scale, 2 * radius * scale);
      }
    }
    ctx.globalAlpha = 1;
  }

  private drawBoundary(): void {
    const line = this.svg().select('.boundary');
    const segment = boundarySegment(this.params, this.domain.x, this.domain.y);
    if (segment === null) {
      line.attr('visibility', 'hidden');
      return;
    }
    const [[xa, ya], [xb, yb]] = segment;
    line
      .attr('visibility', 'visible')
      .attr('x1', this.x(xa))
      .attr('y1', this.y(ya))
      .attr('x2', this.x(xb))
      .attr('y2', this.y(yb));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-scatter': LpScatter;
  }
}
