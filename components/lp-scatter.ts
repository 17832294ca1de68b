/**
 * The two classes in the input plane: the probability P(t = 1 | x) as a
 * heatmap on a canvas, the markers (SVG for small N, a canvas for large N),
 * the decision boundary w1·x1 + w2·x2 + b = 0, and a tooltip on hover. A click
 * adds a point, Shift-click one of the other class, Alt-click removes the
 * nearest.
 */
import * as d3 from 'd3';
import { css, html, LitElement, type PropertyValues, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GridSpec } from '../src/engine/engine';
import { boundarySegment } from '../src/model/boundary';
import type { Dataset } from '../src/model/dataset';
import { logistic } from '../src/model/logistic';
import { logit, type Params } from '../src/model/regression';
import { gridToImage, probabilityColor } from '../src/view/colors';
import { formatNumber } from '../src/view/format';
import { CLASS_STYLE, type ClassLabel } from '../src/view/palette';
import { DEFAULT_DOMAIN, type PlotDomain } from '../src/view/plot-domain';
import { controlEvent } from './events';

const SIZE = 460;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 46 };
const PLOT = SIZE - MARGIN.left - MARGIN.right;
/** Above this many points the markers go to a canvas, not SVG nodes. */
const SVG_POINT_LIMIT = 2000;
/** Above this many points hovering reports the model at the cursor, not the nearest sample. */
const HOVER_POINT_LIMIT = 200_000;

const SYMBOLS = [d3.symbolCircle, d3.symbolTriangle] as const;

interface Hover {
  readonly px: number;
  readonly py: number;
  readonly text: string;
}

@customElement('lp-scatter')
export class LpScatter extends LitElement {
  static override styles = css`
    :host { display: block; position: relative; }
    .frame { position: relative; width: 100%; aspect-ratio: 1; }
    canvas, svg { position: absolute; inset: 0; width: 100%; height: 100%; }
    svg { cursor: crosshair; }
    .axis text { font-size: var(--lp-plot-font, 12px); }
    .axis-label { font-size: calc(var(--lp-plot-font, 12px) + 1px); fill: currentColor; }
    .boundary { stroke: #111; stroke-width: 2.5; stroke-dasharray: 7 4; fill: none; }
    .point { stroke: white; stroke-width: 0.8; }
    .hovered { fill: none; stroke: #111; stroke-width: 2; }
    .legend rect { fill: white; fill-opacity: 0.85; stroke: #bbb; }
    .legend text { font-size: var(--lp-plot-font, 12px); }
    .tooltip { position: absolute; pointer-events: none; background: rgba(20, 20, 20, 0.88); color: white; font-size: 0.8em;
      padding: 0.25em 0.5em; border-radius: 4px; white-space: pre; transform: translate(12px, -110%); font-variant-numeric: tabular-nums; }
  `;

  /** The samples to show. */
  @property({ attribute: false }) data: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  /** The window shown (square, equal units). */
  @property({ attribute: false }) domain: PlotDomain = DEFAULT_DOMAIN;
  /** The current parameters; the boundary is where σ(x·w + b) = 0.5. */
  @property({ attribute: false }) params: Params = { w1: 0, w2: 0, b: 0 };
  /** P(t = 1 | x) on `probabilityGrid`, from the engine. */
  @property({ attribute: false }) probabilities: Float32Array | undefined;
  @property({ attribute: false }) probabilityGrid: GridSpec | undefined;
  /** The class a plain click adds. */
  @property({ type: Number }) addClass: ClassLabel = 0;

  @state() private hover: Hover | undefined;
  private x = d3.scaleLinear().domain(DEFAULT_DOMAIN.x).range([0, PLOT]);
  private y = d3.scaleLinear().domain(DEFAULT_DOMAIN.y).range([PLOT, 0]);
  private tree: d3.Quadtree<number> | undefined;

  override render() {
    const symbols = SYMBOLS.map((s) => d3.symbol(s, 64)() ?? '');
    return html`<div class="frame">
      <canvas class="heatmap" width=${PLOT} height=${PLOT} aria-hidden="true"
        style="left:${(MARGIN.left / SIZE) * 100}%;top:${(MARGIN.top / SIZE) * 100}%;width:${(PLOT / SIZE) * 100}%;height:${(PLOT / SIZE) * 100}%"></canvas>
      <canvas class="points" width=${SIZE * 2} height=${SIZE * 2} aria-hidden="true"></canvas>
      <svg viewBox="0 0 ${SIZE} ${SIZE}" role="img"
        aria-label="Scatter plot of the two classes, the probability of class 1 as background colour, and the decision boundary"
        @pointermove=${this.onMove} @pointerleave=${() => {
          this.hover = undefined;
        }} @click=${this.onClick}>
        <g class="plot" transform="translate(${MARGIN.left},${MARGIN.top})">
          <rect class="hit" width=${PLOT} height=${PLOT} fill="transparent"></rect>
          <g class="points"></g>
          <line class="boundary" visibility="hidden"></line>
          <circle class="hovered" r="7" visibility="hidden"></circle>
        </g>
        <g class="axis x" transform="translate(${MARGIN.left},${MARGIN.top + PLOT})"></g>
        <g class="axis y" transform="translate(${MARGIN.left},${MARGIN.top})"></g>
        <text class="axis-label" x=${MARGIN.left + PLOT / 2} y=${SIZE - 6} text-anchor="middle">x₁</text>
        <text class="axis-label" transform="translate(14,${MARGIN.top + PLOT / 2}) rotate(-90)" text-anchor="middle">x₂</text>
        <g class="legend" transform="translate(${MARGIN.left + 8},${MARGIN.top + 8})">
          <!-- Wide enough for the presentation-mode font as well. -->
          <rect width="152" height="64" rx="4"></rect>
          ${[0, 1].map(
            (
              t,
            ) => svg`<path d=${symbols[t] ?? ''} transform="translate(14,${14 + 18 * t})" fill=${CLASS_STYLE[t as ClassLabel].color}></path>
              <text x="26" y=${18 + 18 * t}>${CLASS_STYLE[t as ClassLabel].label}</text>`,
          )}
          <line x1="6" x2="22" y1="50" y2="50" class="boundary" style="stroke-width:2"></line>
          <text x="26" y="54">boundary y = 0.5</text>
        </g>
      </svg>
      ${this.hover ? html`<div class="tooltip" style="left:${this.hover.px}px;top:${this.hover.py}px" role="status">${this.hover.text}</div>` : ''}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('domain')) {
      this.x = d3.scaleLinear().domain(this.domain.x).range([0, PLOT]);
      this.y = d3.scaleLinear().domain(this.domain.y).range([PLOT, 0]);
      const svg = this.svg();
      // offset(0): ticks exactly at their values (D3 shifts them half a pixel for crispness otherwise).
      svg.select<SVGGElement>('.axis.x').call(d3.axisBottom(this.x).ticks(8).offset(0));
      svg.select<SVGGElement>('.axis.y').call(d3.axisLeft(this.y).ticks(8).offset(0));
    }
    if (changed.has('data') || changed.has('domain')) {
      this.tree = undefined;
      this.drawPoints();
    }
    if (changed.has('probabilities') || changed.has('probabilityGrid') || changed.has('domain')) this.drawHeatmap();
    this.drawBoundary();
  }

  private svg(): d3.Selection<SVGSVGElement, unknown, null, undefined> {
    return d3.select(this.renderRoot.querySelector('svg') as SVGSVGElement);
  }

  private drawPoints(): void {
    const n = this.data.targets.length;
    const small = n <= SVG_POINT_LIMIT;
    const symbols = SYMBOLS.map((s) => d3.symbol(s, 48)() ?? '');
    const { points, targets } = this.data;
    this.svg()
      .select('g.points')
      .selectAll<SVGPathElement, number>('path.point')
      .data(small ? d3.range(n) : [])
      .join('path')
      .attr('class', (i) => `point class-${targets[i]}`)
      .attr('d', (i) => symbols[targets[i] as ClassLabel] as string)
      .attr('fill', (i) => CLASS_STYLE[targets[i] as ClassLabel].color)
      .attr('transform', (i) => `translate(${this.x(points[2 * i]!)},${this.y(points[2 * i + 1]!)})`);
    this.drawCanvasPoints(small ? 0 : n);
  }

  /** Large data sets: small marks on a canvas at twice the resolution. */
  private drawCanvasPoints(n: number): void {
    const canvas = this.renderRoot.querySelector('canvas.points') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (n === 0) return;
    const scale = canvas.width / SIZE;
    // Beyond ~200k marks the picture no longer changes: draw an even subsample so redraws stay quick.
    const stride = Math.max(1, Math.floor(n / 200_000));
    const r = (n > 20_000 ? 0.8 : 1.6) * scale;
    const { points, targets } = this.data;
    for (const t of [0, 1] as const) {
      ctx.fillStyle = CLASS_STYLE[t].color;
      ctx.globalAlpha = n > 20_000 ? 0.35 : 0.8;
      for (let i = 0; i < n; i += stride) {
        if (targets[i] !== t) continue;
        const px = (MARGIN.left + this.x(points[2 * i]!)) * scale;
        const py = (MARGIN.top + this.y(points[2 * i + 1]!)) * scale;
        ctx.fillRect(px - r, py - r, 2 * r, 2 * r);
      }
    }
    ctx.globalAlpha = 1;
  }

  /** The engine's probability grid, stretched over the plot with smoothing. */
  private drawHeatmap(): void {
    const canvas = this.renderRoot.querySelector('canvas.heatmap') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const grid = this.probabilityGrid;
    const values = this.probabilities;
    if (!grid || !values || values.length !== grid.size * grid.size) return;
    const image = gridToImage(values, grid.size, probabilityColor, 110);
    const tile = new OffscreenCanvas(grid.size, grid.size);
    tile.getContext('2d')?.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    // The grid samples the cell centres' corners: map its outer samples onto the domain edges.
    const sx = (this.x(grid.x[1]) - this.x(grid.x[0])) / (grid.size - 1);
    const sy = (this.y(grid.y[0]) - this.y(grid.y[1])) / (grid.size - 1);
    ctx.drawImage(tile, this.x(grid.x[0]) - sx / 2, this.y(grid.y[1]) - sy / 2, sx * grid.size, sy * grid.size);
  }

  private drawBoundary(): void {
    const line = this.svg().select('line.boundary');
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

  /** The data coordinates under a pointer event, or undefined outside the plot. */
  private at(event: MouseEvent): [number, number] | undefined {
    const plot = this.renderRoot.querySelector('g.plot') as SVGGElement;
    const [px, py] = d3.pointer(event, plot);
    if (px < 0 || px > PLOT || py < 0 || py > PLOT) return undefined;
    return [this.x.invert(px), this.y.invert(py)];
  }

  private nearest(x1: number, x2: number, radius?: number): number | undefined {
    const n = this.data.targets.length;
    if (n === 0 || n > HOVER_POINT_LIMIT) return undefined;
    if (!this.tree) {
      const p = this.data.points;
      this.tree = d3.quadtree<number>(
        d3.range(n),
        (i) => p[2 * i]!,
        (i) => p[2 * i + 1]!,
      );
    }
    return this.tree.find(x1, x2, radius);
  }

  private onMove = (event: PointerEvent): void => {
    const marker = this.svg().select('circle.hovered');
    const here = this.at(event);
    if (!here) {
      this.hover = undefined;
      marker.attr('visibility', 'hidden');
      return;
    }
    const radius = (12 / PLOT) * (this.domain.x[1] - this.domain.x[0]);
    const i = this.nearest(here[0], here[1], radius);
    const frame = (this.renderRoot.querySelector('.frame') as HTMLElement).getBoundingClientRect();
    const px = event.clientX - frame.left;
    const py = event.clientY - frame.top;
    if (i === undefined) {
      marker.attr('visibility', 'hidden');
      const y = logistic(logit(this.params, here[0], here[1]));
      this.hover = {
        px,
        py,
        text: `x = (${formatNumber(here[0], 2)}, ${formatNumber(here[1], 2)})\nP(t = 1 | x) = ${formatNumber(y, 3)}`,
      };
      return;
    }
    const x1 = this.data.points[2 * i]!;
    const x2 = this.data.points[2 * i + 1]!;
    const y = logistic(logit(this.params, x1, x2));
    marker.attr('visibility', 'visible').attr('cx', this.x(x1)).attr('cy', this.y(x2));
    this.hover = {
      px,
      py,
      text: `x = (${formatNumber(x1, 3)}, ${formatNumber(x2, 3)})\nt = ${this.data.targets[i]}   y = σ(z) = ${formatNumber(y, 3)}`,
    };
  };

  private onClick = (event: MouseEvent): void => {
    const here = this.at(event);
    if (!here) return;
    const [x1, x2] = here;
    if (event.altKey) {
      this.dispatchEvent(controlEvent('lp-edit-point', { action: 'remove', x1, x2 }));
      return;
    }
    const t = (event.shiftKey ? 1 - this.addClass : this.addClass) as ClassLabel;
    this.dispatchEvent(controlEvent('lp-edit-point', { action: 'add', x1, x2, t }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-scatter': LpScatter;
  }
}
