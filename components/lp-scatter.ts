/**
 * The two classes in the input plane: P(t = 1 | x) as a heatmap, the points
 * (shaped markers up to a few thousand, a density of both classes beyond),
 * the decision boundary y = threshold (for the tutorial's features the line
 * w1·x1 + w2·x2 + b = logit(threshold), with the weight vector w at a right
 * angle to it; for others the curves of the probability grid's level set), a
 * legend, and a tooltip on hover. A click adds a point,
 * Shift-click one of the other class, Alt-click removes the nearest (unless
 * `readonly`).
 *
 * @attr readonly - show only: clicks do not edit the data (a slide about fixed data)
 * @fires lp-edit-point - a click adds a point, { action: 'add', x1, x2, t }; an Alt-click removes the nearest, { action: 'remove', x1, x2 }
 * @csspart frame - the plot's box: the canvas under the SVG
 * @csspart raster - the canvas: the probability heatmap (and the density of large data)
 * @csspart plot - the SVG: axes, points, boundary, w
 * @csspart legend - the legend in the emptiest corner
 * @csspart tooltip - what the point under the pointer is
 * @cssprop --lp-class0-color - class 0: its markers, its side of the heatmap, the legend (default #D55E00, Okabe–Ito vermillion)
 * @cssprop --lp-class1-color - class 1 (default #0072B2, Okabe–Ito blue; dark #56B4E9, sky blue)
 * @cssprop --lp-boundary-color - the boundary y = threshold and the vector w (default #111; dark #f2f2f2)
 * @cssprop --lp-surface - the heatmap at P = 0.5, the legend's background, the markers' outline (default white; dark #1f2329)
 * @cssprop --lp-border-color - the legend's border (default #bbb; dark #4b525b)
 * @cssprop --lp-plot-font-size - the ticks', labels' and legend's text (default 0.85em)
 * @cssprop --lp-aspect-ratio - width / height when the container does not size it (default 1)
 */
import * as d3 from 'd3';
import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ProbabilityImage } from '../src/controller/published-state';
import { boundarySegment, type Point } from '../src/model/boundary';
import { classCounts } from '../src/model/data-summary';
import type { Dataset } from '../src/model/dataset';
import { lineageOf } from '../src/model/edit';
import { DEFAULT_FEATURES, type Feature } from '../src/model/features';
import { logistic } from '../src/model/logistic';
import { decisionLogit, logit, type Params } from '../src/model/regression';
import { type BoundaryLine, boundaryLines } from '../src/plot/boundary-contour';
import { probabilityRamp } from '../src/plot/colors';
import { DensityImage, hexRgb, type Rgb } from '../src/plot/density';
import { type Corner, emptiestCorner, type Segment } from '../src/plot/legend-corner';
import { CLASS_STYLE, type ClassLabel } from '../src/plot/palette';
import { DEFAULT_DOMAIN, type PlotDomain, plotDomainKey } from '../src/plot/plot-domain';
import { weightArrow } from '../src/plot/weight-arrow';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { countOf, formatNumber } from '../src/text/format';
import { CsvDropController } from './csv-drop';
import { controlEvent } from './events';
import { consumeModel } from './model-context';
import { PlotFrame, type PlotLayout } from './plot-frame';
import { scatterStyles } from './scatter-styles';
import { boxOf, placeWeightLabel } from './weight-label';

/** Above this many points the markers give way to a density image. */
const MARKER_LIMIT = 2000;
/** Above this many points hovering reports the model at the cursor, not the nearest sample. */
const HOVER_POINT_LIMIT = 200_000;
/** Points counted into the density image between two frames. */
const DENSITY_SLICE = 200_000;
/** The heatmap's opacity: the points must stay readable on it (fainter still under a density). */
const HEATMAP_ALPHA = 0.45;
const HEATMAP_UNDER_DENSITY_ALPHA = 0.25;
/** Room between the legend and the plot's edge, in CSS px. */
const LEGEND_INSET = 6;
/** The class colours a shade darker, so a density stands out from the heatmap of its own class. */
const darker = (hex: string): Rgb => {
  const [r, g, b] = hexRgb(hex);
  return [r * 0.7, g * 0.7, b * 0.7];
};
const DENSITY_COLORS: readonly [Rgb, Rgb] = [darker(CLASS_STYLE[0].color), darker(CLASS_STYLE[1].color)];
const SYMBOLS = [d3.symbolCircle, d3.symbolTriangle] as const;

interface Hover {
  readonly px: number;
  readonly py: number;
  readonly text: string;
}

@customElement('lp-scatter')
export class LpScatter extends LitElement {
  static override styles = scatterStyles;

  /** The samples to show. */
  @property({ attribute: false }) data: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };
  /** The window shown (square, equal units). */
  @property({ attribute: false }) domain: PlotDomain = DEFAULT_DOMAIN;
  /** The current parameters; the boundary is where σ(φ(x)·w + b) = threshold. */
  @property({ attribute: false }) params: Params = { w: [0, 0], b: 0 };
  /** What the model sees of a point: with x1, x2 alone the boundary is a line, w its normal. */
  @property({ attribute: false }) features: readonly Feature[] = DEFAULT_FEATURES;
  /** The test set held out from training, drawn hollow (above a few thousand points, not drawn). */
  @property({ attribute: false }) test: Dataset | undefined;
  /** Where class 1 begins: the boundary is drawn at y = threshold. */
  @property({ type: Number }) threshold = DEFAULT_SETTINGS.threshold;
  /** P(t = 1 | x) on a grid over the window, from the engine. */
  @property({ attribute: false }) probabilities: ProbabilityImage | undefined;
  /** The class a plain click adds. */
  @property({ type: Number }) addClass: ClassLabel = 0;
  /** Show only: a click adds or removes nothing. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  @state() private hover: Hover | undefined;
  constructor() {
    super();
    // A CSV file dropped on the plot goes to the model's import.
    new CsvDropController(this);
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      this.addClass = m.addClass;
      const v = m.published;
      if (!v) return;
      this.data = v.run.data;
      this.test = v.run.test;
      this.domain = v.scatterDomain;
      this.params = v.boundary;
      this.features = v.run.settings.features;
      this.threshold = v.run.settings.threshold;
      this.probabilities = v.probabilities;
    });
  }
  private readonly frame = new PlotFrame(
    this,
    () =>
      'Scatter plot of the two classes, the probability of class 1 as background colour, the decision boundary and the weight vector',
  );
  private tree: d3.Quadtree<number> | undefined;
  /** The layout the legend was placed for. */
  private placedFor: PlotLayout | undefined;
  /** The density image of large data, kept for edits until the data or the layout change. */
  private density:
    | { frame: string; data: Dataset; image: DensityImage; canvas: OffscreenCanvas | undefined }
    | undefined;

  override render() {
    const small = this.data.targets.length <= MARKER_LIMIT;
    const content = svg`
      <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" fill="#111"></path></marker></defs>
      <rect class="hit" fill="transparent"></rect>
      <g class="points"></g>
      <g class="test-points"></g>
      <line class="boundary" visibility="hidden"></line>
      <g class="boundary-lines"></g>
      <g class="weight-vector"></g>
      <circle class="hovered" r="7" visibility="hidden"></circle>`;
    const overlay = html`${this.legend(small)}${
      this.hover
        ? html`<div class="tooltip ${this.hover.px > this.clientWidth / 2 ? 'left' : ''}" part="tooltip"
            style="left:${this.hover.px}px;top:${this.hover.py}px" role="status">${this.hover.text}</div>`
        : nothing
    }`;
    return html`<div @pointermove=${this.onMove} @pointerleave=${this.onLeave} @click=${this.onClick} style="display:contents">
      ${this.frame.render(content, overlay)}
    </div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The point under the tooltip may be gone.
    if (changed.has('data')) this.hover = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const layout = this.frame.draw({
      x: { domain: this.domain.x, label: 'x₁' },
      y: { domain: this.domain.y, label: 'x₂' },
      equalUnits: true,
    });
    if (!layout) return;
    if (changed.has('data')) this.tree = undefined;
    if (changed.has('data') || changed.has('domain') || layout !== this.placedFor) {
      this.placedFor = layout;
      this.placeLegend(layout, false);
    } else if (changed.has('params')) {
      // It stays put while training moves the boundary, until the boundary (or w) comes under it.
      this.placeLegend(layout, true);
    }
    const root = d3.select(this.renderRoot.querySelector('svg.chart') as SVGSVGElement);
    const ctx = this.frame.context();
    if (ctx) {
      const p = this.probabilities;
      const alpha = this.data.targets.length > MARKER_LIMIT ? HEATMAP_UNDER_DENSITY_ALPHA : HEATMAP_ALPHA;
      if (p) this.frame.blit(ctx, p.values, p.grid, probabilityRamp, alpha);
      this.drawDensity(ctx, layout);
    }
    this.drawMarkers(root, layout);
    this.drawBoundary(root, layout);
  }

  private legend(small: boolean) {
    const [n0, n1] = classCounts(this.data);
    const symbols = SYMBOLS.map((s) => d3.symbol(s, 48)() ?? '');
    const counts = [n0, n1];
    return html`<div class="legend" part="legend" aria-hidden="true">
      ${([0, 1] as const).map(
        (t) =>
          html`<svg viewBox="-8 -8 16 16">${
            small
              ? svg`<path d=${symbols[t] ?? ''} fill=${CLASS_STYLE[t].color}></path>`
              : svg`<rect x="-6" y="-6" width="12" height="12" fill=${CLASS_STYLE[t].color}></rect>`
          }</svg><span data-legend-class=${t}>${CLASS_STYLE[t].label} · ${countOf(counts[t] ?? 0, 'point')}</span>`,
      )}
      ${small ? nothing : html`<span class="wide">density: each pixel mixes the classes of its points</span>`}
      ${this.testLegend()}
      <svg viewBox="0 -5 16 10"><line x1="0" x2="16" class="boundary" style="stroke-width:2"></line></svg><span>boundary y = ${this.threshold}</span>
      ${
        this.linear()
          ? html`<svg viewBox="0 -5 16 10"><path d="M0,0 H12 M9,-3 L15,0 L9,3 z" class="weight" fill="#111"></path></svg><span>w, normal to it</span>`
          : nothing
      }
      <span class="wide">P(t = 1 | x): 0 <span class="ramp"></span> 1</span>
    </div>`;
  }

  /** What the legend says of the test set, if there is one: hollow markers, or that the density leaves it out. */
  private testLegend() {
    const n = this.test?.targets.length ?? 0;
    if (n === 0) return nothing;
    if (n > MARKER_LIMIT)
      return html`<span class="wide" data-legend-test>test set (${countOf(n, 'point')}) not drawn</span>`;
    return html`<svg viewBox="-8 -8 16 16"><circle r="5" fill="none" stroke="currentColor" stroke-width="1.5"></circle></svg><span data-legend-test>test set · ${countOf(n, 'point')}</span>`;
  }

  /** The boundary and w, in data coordinates: lines the legend must leave in sight. */
  private lines(): Segment[] {
    const out: Segment[] = [];
    const boundary = this.boundaryLine();
    if (boundary) out.push(boundary);
    const arrow = this.arrow();
    if (arrow) out.push([arrow.from, arrow.to]);
    return out;
  }

  /** The legend's share of the plot's width and height, with the room kept around it. */
  private legendShare(layout: PlotLayout): [number, number] | undefined {
    const legend = this.renderRoot.querySelector<HTMLElement>('.legend');
    if (!legend) return undefined;
    const { plot } = layout;
    return [(legend.offsetWidth + LEGEND_INSET) / plot.width, (legend.offsetHeight + LEGEND_INSET) / plot.height];
  }

  /**
   * The legend goes to the corner of the plot where it hides the least of
   * the boundary and w, then the fewest points; `stay` keeps it where it is
   * unless another corner hides clearly less.
   */
  private placeLegend(layout: PlotLayout, stay: boolean): void {
    const legend = this.renderRoot.querySelector<HTMLElement>('.legend');
    const share = this.legendShare(layout);
    if (!legend || !share) return;
    const { plot } = layout;
    const inset = LEGEND_INSET;
    const current = stay ? (legend.dataset.corner as Corner | undefined) : undefined;
    const corner = emptiestCorner(this.data, this.domain, share[0], share[1], this.lines(), current);
    const left = corner.endsWith('left') ? plot.left + inset : plot.left + plot.width - inset - legend.offsetWidth;
    const top = corner.startsWith('top') ? plot.top + inset : plot.top + plot.height - inset - legend.offsetHeight;
    legend.style.left = `${left}px`;
    legend.style.top = `${top}px`;
    legend.dataset.corner = corner;
  }

  private drawMarkers(root: d3.Selection<SVGSVGElement, unknown, null, undefined>, layout: PlotLayout): void {
    const n = this.data.targets.length;
    const { points, targets } = this.data;
    const symbols = SYMBOLS.map((s) => d3.symbol(s, 48)() ?? '');
    const { x, y } = layout;
    root
      .select('g.points')
      .selectAll<SVGPathElement, number>('path.point')
      .data(n <= MARKER_LIMIT ? d3.range(n) : [])
      .join('path')
      .attr('class', (i) => `point class-${targets[i]}`)
      .attr('d', (i) => symbols[targets[i] as ClassLabel] as string)
      .attr('fill', (i) => CLASS_STYLE[targets[i] as ClassLabel].color)
      .attr('transform', (i) => `translate(${x(points[2 * i]!)},${y(points[2 * i + 1]!)})`);
    // The test set, hollow: the same shapes, outlined in their class's colour, drawn over the training points.
    const test = this.test;
    const m = test && test.targets.length <= MARKER_LIMIT ? test.targets.length : 0;
    root
      .select('g.test-points')
      .selectAll<SVGPathElement, number>('path.point')
      .data(d3.range(m))
      .join('path')
      .attr('class', (i) => `point test class-${test?.targets[i]}`)
      .attr('d', (i) => symbols[test?.targets[i] as ClassLabel] as string)
      .attr('fill', 'none')
      .attr('stroke', (i) => CLASS_STYLE[test?.targets[i] as ClassLabel].color)
      .attr('transform', (i) => `translate(${x(test?.points[2 * i] ?? 0)},${y(test?.points[2 * i + 1] ?? 0)})`);
  }

  /**
   * Large data: every point counted into a per-pixel mix of the class
   * colours. An edit of the data drawn last changes one pixel. New data or a
   * new layout are counted again, a slice at a time between frames, and
   * drawn when done.
   */
  private drawDensity(ctx: CanvasRenderingContext2D, layout: PlotLayout): void {
    if (this.data.targets.length <= MARKER_LIMIT) {
      this.density = undefined;
      return;
    }
    const { plot } = layout;
    // Device pixels for millions of points; a few CSS pixels a cell for fewer, so sparse points still show.
    const n = this.data.targets.length;
    const ratio = n >= 200_000 ? Math.min(2, window.devicePixelRatio || 1) : n >= 20_000 ? 1 / 2 : 1 / 3;
    const frame = [plot.left, plot.top, plot.width, plot.height, ratio, plotDomainKey(this.domain)].join();
    const d = this.density;
    const lineage = lineageOf(this.data);
    if (d && d.frame === frame && lineage?.parent === d.data && d.canvas) {
      const [x1, x2, t] = lineage.added ?? lineage.removed ?? [Number.NaN, Number.NaN, 0];
      const k = d.image.edit(x1, x2, t, lineage.added ? 1 : -1);
      const { width, height } = d.image;
      const dirty: [number, number, number, number] =
        k < 0 ? [0, 0, width, height] : [k % width, Math.floor(k / width), 1, 1];
      d.canvas.getContext('2d')?.putImageData(new ImageData(d.image.pixels, width, height), 0, 0, ...dirty);
      d.data = this.data;
    } else if (!d || d.frame !== frame || d.data !== this.data) {
      const image = new DensityImage(plot.width * ratio, plot.height * ratio, this.domain, DENSITY_COLORS);
      this.density = { frame, data: this.data, image, canvas: undefined };
      void this.count(this.density);
    }
    const canvas = this.density?.canvas;
    if (!canvas) return;
    ctx.save();
    // Cells stay crisp squares, not blurred into the background.
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(canvas, plot.left, plot.top, plot.width, plot.height);
    ctx.restore();
  }

  /** Counts the points a slice at a time, yielding between slices, then paints and asks to be drawn. */
  private async count(job: NonNullable<LpScatter['density']>): Promise<void> {
    const n = job.data.targets.length;
    for (let from = 0; from < n; from += DENSITY_SLICE) {
      job.image.add(job.data, from, Math.min(n, from + DENSITY_SLICE));
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.density !== job) return;
    }
    job.image.paintAll();
    const canvas = new OffscreenCanvas(job.image.width, job.image.height);
    canvas.getContext('2d')?.putImageData(new ImageData(job.image.pixels, job.image.width, job.image.height), 0, 0);
    job.canvas = canvas;
    this.requestUpdate();
  }

  private drawBoundary(root: d3.Selection<SVGSVGElement, unknown, null, undefined>, layout: PlotLayout): void {
    const { x, y } = layout;
    const line = root.select('line.boundary');
    const segment = this.boundaryLine();
    if (segment === null) line.attr('visibility', 'hidden');
    else {
      const [[xa, ya], [xb, yb]] = segment;
      line.attr('visibility', 'visible').attr('x1', x(xa)).attr('y1', y(ya)).attr('x2', x(xb)).attr('y2', y(yb));
    }
    this.drawCurvedBoundary(root, layout);
    const arrow = this.arrow();
    const g = root.select('g.weight-vector');
    g.selectAll('*').remove();
    if (!arrow) return;
    g.append('line')
      .attr('class', 'weight')
      .attr('data-weight', `${arrow.direction[0]},${arrow.direction[1]}`)
      .attr('x1', x(arrow.from[0]))
      .attr('y1', y(arrow.from[1]))
      .attr('x2', x(arrow.to[0]))
      .attr('y2', y(arrow.to[1]))
      .attr('marker-end', 'url(#arrow)');
    const label = g
      .append('text')
      .attr('class', 'weight-label')
      .text(arrow.scaled ? 'w (scaled)' : 'w');
    const legend = this.renderRoot.querySelector<HTMLElement>('.legend');
    placeWeightLabel(label.node() as SVGTextElement, layout, arrow, {
      data: this.data,
      boundary: this.boundaryLine(),
      legend: legend ? boxOf(legend) : undefined,
    });
  }

  /**
   * Any other model's boundary: the level set y = threshold of the
   * probability grid (closed curves inside the window are closed paths).
   */
  private drawCurvedBoundary(root: d3.Selection<SVGSVGElement, unknown, null, undefined>, layout: PlotLayout): void {
    const p = this.probabilities;
    const lines = !this.linear() && p ? boundaryLines({ ...p.grid, values: p.values }, this.threshold) : [];
    const path = (line: BoundaryLine) =>
      `M${line.points.map(([a, b]) => `${layout.x(a)},${layout.y(b)}`).join('L')}${line.closed ? 'Z' : ''}`;
    root
      .select('g.boundary-lines')
      .selectAll<SVGPathElement, BoundaryLine>('path')
      .data(lines)
      .join('path')
      .attr('class', 'boundary curved')
      .attr('data-closed', (line) => (line.closed ? '' : null))
      .attr('d', path);
  }

  /** Whether the model is linear in x (features x1, x2): then its boundary is a line and w is its normal. */
  private linear(): boolean {
    return this.features.join() === DEFAULT_FEATURES.join();
  }

  /** The linear model's boundary in the window, at the threshold; null when there is none to draw as a line. */
  private boundaryLine(): [Point, Point] | null {
    if (!this.linear()) return null;
    return boundarySegment(this.params, this.domain.x, this.domain.y, decisionLogit(this.threshold));
  }

  /** w drawn from the boundary: for the linear model only (other features' w is not a direction in the plane). */
  private arrow() {
    return this.linear() ? weightArrow(this.params, this.domain, decisionLogit(this.threshold)) : undefined;
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

  private onLeave = (): void => {
    this.hover = undefined;
    d3.select(this.renderRoot.querySelector('circle.hovered')).attr('visibility', 'hidden');
  };

  private onMove = (event: PointerEvent): void => {
    const layout = this.frame.layout;
    const here = this.frame.dataAt(event);
    if (!here || !layout) {
      this.onLeave();
      return;
    }
    const marker = d3.select(this.renderRoot.querySelector('circle.hovered'));
    const radius = (12 / layout.plot.width) * (this.domain.x[1] - this.domain.x[0]);
    const i = this.nearest(here[0], here[1], radius);
    // The tooltip sits in the host's own pixels, which a scaled slide shrinks or enlarges on screen.
    const box = this.getBoundingClientRect();
    const k = this.clientWidth > 0 ? box.width / this.clientWidth : 1;
    const px = (event.clientX - box.left) / k;
    const py = (event.clientY - box.top) / k;
    if (i === undefined) {
      marker.attr('visibility', 'hidden');
      const y = logistic(logit(this.params, this.features, here[0], here[1]));
      this.hover = {
        px,
        py,
        text: `x = (${formatNumber(here[0], 2)}, ${formatNumber(here[1], 2)})\nP(t = 1 | x) = ${formatNumber(y, 3)}`,
      };
      return;
    }
    const x1 = this.data.points[2 * i]!;
    const x2 = this.data.points[2 * i + 1]!;
    const y = logistic(logit(this.params, this.features, x1, x2));
    marker.attr('visibility', 'visible').attr('cx', layout.x(x1)).attr('cy', layout.y(x2));
    this.hover = {
      px,
      py,
      text: `x = (${formatNumber(x1, 3)}, ${formatNumber(x2, 3)})\nt = ${this.data.targets[i]}   y = σ(z) = ${formatNumber(y, 3)}`,
    };
  };

  private onClick = (event: MouseEvent): void => {
    const here = this.readonly ? undefined : this.frame.dataAt(event);
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
