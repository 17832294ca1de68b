/**
 * The cost surface ξ(w1, w2): a log-scaled heatmap with isolines and a colour
 * bar, the descent path w(0), w(1), … with its first iterates and the current
 * one labelled (never on top of each other), the current weights ringed, and
 * the next step −η∇ξ as an arrow. With the bias on it is the slice at the
 * current b; with more than two weights, the slice through the current
 * weights along the two the surface shows (its axes name them). While it is
 * being recomputed it is dimmed and says how far the work is. A click sets
 * those two weights of w(0) there (and resets); two lists in its corner pick
 * which two weights it shows.
 *
 * @fires lp-settings - a click asks to start from there: { training: { initialWeights } }, the axes' two weights replaced (unless readonly); with more than two weights, a pick of the two: { training: { surfaceFeatures } }
 * @csspart frame - the plot's box: the canvas under the SVG
 * @csspart raster - the canvas: the cost heatmap (viridis, the same in every theme)
 * @csspart plot - the SVG: axes, isolines, colour bar, the descent path
 * @csspart busy - the progress (or error) box while the surface is computed
 * @cssprop --lp-highlight-color - the descent path and the current weights (default #e69f00, Okabe–Ito orange)
 * @cssprop --lp-surface - the progress box's background (default white; dark #1f2329)
 * @cssprop --lp-control-border-color - the progress box's border (default #777; dark #8b949e)
 * @cssprop --lp-plot-font-size - the ticks' and labels' text (default 0.85em)
 * @cssprop --lp-aspect-ratio - width / height when the container does not size it (default 1.15)
 */
import * as d3 from 'd3';
import { css, html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DEFAULT_AXES, type SurfaceAxes } from '../src/contract/engine';
import { FEATURE_LABELS, type Feature, weightSymbol } from '../src/model/features';
import type { Racer } from '../src/model/race';
import type { Params, Reduction } from '../src/model/regression';
import { logViridis } from '../src/plot/colors';
import { edgePoint } from '../src/plot/edge-point';
import { placeLabels } from '../src/plot/label-placement';
import type { SurfaceStatus } from '../src/session/cost-surface-job';
import type { HistoryEntry } from '../src/session/history';
import type { RivalState } from '../src/session/rivals';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { formatCount, formatNumber } from '../src/text/format';
import { controlEvent } from './events';
import { consumeModel } from './model-context';
import { numberAttribute } from './number-attribute';
import { logTickFormat } from './plot-axes';
import { frameStyles, PlotFrame, type PlotLayout } from './plot-frame';
import { drawRacerLines, racerName, racerSwatch } from './race-marks';

/** Path points drawn as dots (older ones are just the line). */
const DOTS = 60;
/** The first iterates that get a w(k) label, space permitting; the current one always does. */
const LABELLED = 6;
/** Room kept clear around each label: the 3 px stroke it is drawn on, and a pixel. */
const LABEL_HALO = 2.5;
/** How far inside the plot's edge the mark of a current point beyond it sits. */
const EDGE_INSET = 3;

type Root = d3.Selection<SVGSVGElement, unknown, null, undefined>;

@customElement('lp-cost-surface')
export class LpCostSurface extends LitElement {
  static override styles = [
    frameStyles,
    css`
      :host { --lp-aspect-ratio: 1.15; }
      svg.chart { cursor: crosshair; }
      :host([readonly]) svg.chart { cursor: default; }
      /* The marks on the surface sit on viridis, in any theme: white and near-black read there; the path is the highlight colour. */
      .contours path { fill: none; stroke: white; stroke-opacity: 0.55; stroke-width: 0.8; }
      .path-line { fill: none; stroke: var(--_lp-highlight); stroke-width: 2.2; }
      .path-dot { fill: var(--_lp-highlight); stroke: #222; stroke-width: 0.6; }
      .path-label { fill: white; paint-order: stroke; stroke: #222; stroke-width: 3px; }
      .current { fill: none; stroke: white; stroke-width: 2.5; }
      .current-core, .edge-marker { fill: var(--_lp-highlight); stroke: #222; }
      .edge-marker { paint-order: stroke; stroke: white; stroke-width: 2; stroke-linejoin: round; }
      .gradient { stroke: white; stroke-width: 2.2; }
      .gradient-label { fill: white; paint-order: stroke; stroke: #222; stroke-width: 3px; font-style: italic; }
      .title { font-weight: 600; fill: white; paint-order: stroke; stroke: rgba(0, 0, 0, 0.55); stroke-width: 3px; }
      :host([stale]) canvas.raster, :host([stale]) .contours { opacity: 0.3; }
      .busy { position: absolute; left: 50%; top: 45%; transform: translate(-50%, -50%);
        background: color-mix(in srgb, var(--_lp-surface) 94%, transparent);
        border: 1px solid var(--_lp-control-border); border-radius: 6px; padding: 0.4em 0.8em; text-align: center; font-size: 0.85em; }
      .busy progress { display: block; width: 10em; margin: 0.3em auto 0; }
      /* Which two weights: over the axes' corner, small, only for a model with more than two. */
      .axes-pick { position: absolute; left: 0; bottom: 0; display: flex; gap: 0.3em; align-items: center; font-size: 0.75em;
        background: color-mix(in srgb, var(--_lp-surface) 90%, transparent); padding: 0.1em 0.3em; border-radius: 4px; }
      .axes-pick select { font: inherit; }
      .axes-pick select:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 1px; }
      .estimate { position: absolute; right: 0.3em; bottom: 0.2em; font-size: 0.75em; color: var(--_lp-muted);
        background: color-mix(in srgb, var(--_lp-surface) 80%, transparent); padding: 0 0.3em; }
      /* The race's legend: under the title, each racer's marker, dash and name. */
      .race-legend { position: absolute; margin: 0; padding: 0.15em 0.4em; list-style: none; font-size: var(--lp-plot-font-size, 0.85em); line-height: 1.35;
        background: color-mix(in srgb, var(--_lp-surface) 85%, transparent); border: 1px solid var(--_lp-border); border-radius: 4px;
        pointer-events: none; }
      .race-legend li { display: flex; align-items: center; gap: 0.35em; white-space: nowrap; }
    `,
  ];

  /** The surface to draw and how current it is, from the model. */
  @property({ attribute: false }) status: SurfaceStatus | undefined;
  @property({ attribute: false }) history: readonly HistoryEntry[] = [];
  @property({ attribute: false }) params: Params | undefined;
  /** The model's features: with more than two, a pick of the two whose weights the surface shows. */
  @property({ attribute: false }) features: readonly Feature[] = DEFAULT_SETTINGS.features;
  /** w(0): a click replaces the two weights on the axes and keeps the others. */
  @property({ attribute: false }) start: readonly number[] = DEFAULT_SETTINGS.initialWeights;
  /** ∂ξ/∂(w1, w2, b) at `params`, under the reduction: the arrow shows the step −η∇ξ. */
  @property({ attribute: false }) gradient: Params | undefined;
  /** η: the arrow is the next step −η∇ξ. */
  @property({ converter: numberAttribute, attribute: 'learning-rate' }) learningRate = DEFAULT_SETTINGS.learningRate;
  /** Whether b is trained: the surface is then the slice at the current b. */
  @property({ type: Boolean }) bias = DEFAULT_SETTINGS.bias;
  /** "sum" or "mean": the cost the surface shows. */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;
  /** Show only: a click does not move w(0) (a slide that follows the tutorial's start). */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Reflects that what is drawn is not (yet) the surface of the current run. */
  @property({ type: Boolean, reflect: true }) stale = false;
  /** In a race, every racer (the model first), and the paths of those beside the model. */
  @property({ attribute: false }) race: readonly Racer[] = [];
  @property({ attribute: false }) rivals: readonly RivalState[] = [];
  /** Where the plot's corner is, for the race's legend (set once the plot is laid out). */
  @state() private legendAt: { left: number; top: number } | undefined;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      const t = m.settings.training;
      this.learningRate = t.learningRate;
      this.bias = t.bias;
      this.reduction = t.reduction;
      this.start = t.initialWeights;
      this.features = t.features;
      this.race = t.race;
      const run = m.published?.run;
      if (!run) return;
      this.rivals = run.rivals ?? [];
      this.status = m.published?.surface;
      this.history = run.history;
      this.params = run.evaluation.params;
      this.gradient = run.evaluation.gradient;
    });
  }

  private readonly frame = new PlotFrame(
    this,
    () => `${this.heading()} with the descent path${this.readonly ? '' : '; click to start from there'}`,
  );
  private ramp = logViridis(1, 10);
  /** The layout the marks were last drawn for. */
  private drawn: PlotLayout | undefined;
  private range: [number, number] = [1, 10];
  /** Measured label sizes, by font size, class and text. */
  private readonly labelSizes = new Map<string, { width: number; height: number }>();

  override render() {
    const content = svg`
      <defs><marker id="step" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
        <path d="M0,0 L10,5 L0,10 z" fill="white" stroke="#222" stroke-width="0.8"></path></marker></defs>
      <rect class="hit" fill="transparent"></rect>
      <g class="contours"></g>
      <path class="path-line"></path>
      <g class="path-dots"></g>
      <g class="rivals"></g>
      <g class="gradient-arrow"></g>
      <g class="marker"></g>
      <g class="labels"></g>
      <text class="title" data-title></text>`;
    const s = this.status;
    const estimate = s?.image?.estimate;
    const overlay = html`${s?.error ? html`<div class="busy" part="busy" role="alert">The cost surface could not be computed: ${s.error}</div>` : nothing}${
      s?.progress !== undefined && !s.current
        ? html`<div class="busy" part="busy" role="status">Computing ξ${s.image ? '' : ' for these data'}… ${Math.round(s.progress * 100)} %
            <progress max="1" .value=${s.progress}></progress></div>`
        : nothing
    }${this.raceLegend()}${estimate ? html`<div class="estimate">estimated from ${formatCount(estimate.visited)} of ${formatCount(estimate.n)} points</div>` : nothing}${
      this.features.length > 2 && !this.readonly ? this.axesPick() : nothing
    }`;
    return html`<div @click=${this.onClick} style="display:contents">${this.frame.render(content, overlay)}</div>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('status')) {
      const s = this.status;
      this.stale = s !== undefined && !s.current;
      const values = s?.image?.values;
      if (values) this.range = logRange(values);
      this.ramp = logViridis(...this.range);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const window = this.status?.window;
    if (!window) return;
    const [lo, hi] = this.range;
    const layout = this.frame.draw({
      x: { domain: window.x, label: weightSymbol(this.axes[0]) },
      y: { domain: window.y, label: weightSymbol(this.axes[1]) },
      equalUnits: true,
      decorKey: `${lo.toPrecision(3)} ${hi.toPrecision(3)} ${this.reduction} ${this.axes.join()}`,
      decorate: (l, decor) => this.drawColorBar(l, decor),
    });
    if (!layout) return;
    // Only what changed is drawn again: the isolines of a large grid take a while.
    const relaid = layout !== this.drawn;
    this.drawn = layout;
    const root = d3.select(this.renderRoot.querySelector('svg.chart') as SVGSVGElement);
    const { plot } = layout;
    root
      .select('.title')
      .attr('x', plot.left + 6)
      .attr('y', plot.top + 6)
      .attr('dominant-baseline', 'hanging')
      .text(this.heading());
    if (relaid || changed.has('status')) this.drawSurface(root, layout);
    const pathProps = ['history', 'params', 'gradient', 'learningRate', 'status'] as const;
    if (relaid || pathProps.some((p) => changed.has(p))) this.drawPath(root, layout);
    if (relaid || changed.has('rivals') || changed.has('status')) this.drawRivals(root, layout);
    const corner = { left: plot.left + 4, top: plot.top + 24 };
    if (this.legendAt?.left !== corner.left || this.legendAt.top !== corner.top) this.legendAt = corner;
  }

  /** Each racer beside the model: its path over a dark halo, its marker where it stands. */
  private drawRivals(root: Root, layout: PlotLayout): void {
    const { x, y } = layout;
    const lines = this.rivals.map((rival, k) => ({
      racer: k + 1,
      points: rival.history
        .filter((e) => Number.isFinite(this.u(e.params)) && Number.isFinite(this.v(e.params)))
        .map((e) => [x(this.u(e.params)), y(this.v(e.params))] as const),
    }));
    drawRacerLines(root.select<SVGGElement>('.rivals'), lines, true);
  }

  /** The race's legend: each racer's marker and dash, optimiser and η. */
  private raceLegend() {
    if (this.race.length === 0 || !this.legendAt) return nothing;
    const { left, top } = this.legendAt;
    return html`<ol class="race-legend" part="race-legend" aria-label="Racers" style=${`left:${left}px;top:${top}px`}>
      ${this.race.map((racer, k) => html`<li>${racerSwatch(k, true)}${racerName(racer)}</li>`)}</ol>`;
  }

  /** Two lists naming the weights (and their features) for x and y; a pick asks for the surface along them. */
  private axesPick() {
    const pick = (axis: 0 | 1) => {
      const other = this.features[this.axes[1 - axis]!];
      return html`<select aria-label=${`cost surface ${axis === 0 ? 'x' : 'y'}`} @change=${(e: Event) => {
        const chosen = (e.target as HTMLSelectElement).value as Feature;
        // The same feature on both axes swaps them.
        const kept = other === chosen ? this.features[this.axes[axis]!] : other;
        const surfaceFeatures = axis === 0 ? [chosen, kept] : [kept, chosen];
        this.dispatchEvent(controlEvent('lp-settings', { training: { surfaceFeatures } }));
      }}>${this.features.map(
        (f, j) =>
          html`<option value=${f} .selected=${this.axes[axis] === j}>${weightSymbol(j)} (${FEATURE_LABELS[f]})</option>`,
      )}</select>`;
    };
    // Its own clicks and keys: a click here must not set w(0) on the surface under it.
    return html`<div class="axes-pick" @click=${(e: Event) => e.stopPropagation()}>slice ${pick(0)} × ${pick(1)}</div>`;
  }

  /** The two weights the surface varies (the run's choice; w₁ and w₂ until it has one). */
  private get axes(): SurfaceAxes {
    return this.status?.axes ?? DEFAULT_AXES;
  }

  /** Where a point lies on the surface: its two weights on the axes. */
  private u(p: Params): number {
    return p.w[this.axes[0]] ?? Number.NaN;
  }

  private v(p: Params): number {
    return p.w[this.axes[1]] ?? Number.NaN;
  }

  private heading(): string {
    const [i, j] = this.axes.map(weightSymbol);
    const width = this.params?.w.length ?? 2;
    if (width > 2) {
      const held = Array.from({ length: width }, (_, k) => k).filter((k) => !this.axes.includes(k));
      // Three or more held are named by their first and last: the title must fit over the plot.
      const names =
        held.length > 2 ? `${weightSymbol(held[0]!)}…${weightSymbol(held.at(-1)!)}` : held.map(weightSymbol).join(', ');
      return `ξ(${i}, ${j}) at the current ${names}${this.bias ? ', b' : ''}`;
    }
    return this.bias ? `ξ(${i}, ${j}) at b = ${formatNumber(this.params?.b ?? 0, 3)}` : `Cost ξ(${i}, ${j})`;
  }

  private drawSurface(root: Root, layout: PlotLayout): void {
    const ctx = this.frame.context();
    const image = this.status?.image;
    const contours = root.select('.contours');
    if (!ctx || !image) {
      contours.selectAll('*').remove();
      return;
    }
    const { grid, values } = image;
    this.frame.blit(ctx, values, grid, this.ramp);
    // Isolines evenly spaced in log ξ; grid coordinate u sits at w = x0 + (u − 0.5)·Δ.
    const [lo, hi] = this.range.map(Math.log) as [number, number];
    const logs = Array.from(values, (v) => (v > 0 ? Math.log(v) : Number.NaN));
    const thresholds = d3.range(1, 14).map((k) => lo + (k / 14) * (hi - lo));
    const shapes = d3.contours().size([grid.size, grid.size]).thresholds(thresholds)(logs);
    const { x, y } = layout;
    const dx = (grid.x[1] - grid.x[0]) / (grid.size - 1);
    const dy = (grid.y[1] - grid.y[0]) / (grid.size - 1);
    const toPixels = d3.geoTransform({
      point(u, v) {
        this.stream.point(x(grid.x[0] + (u - 0.5) * dx), y(grid.y[0] + (v - 0.5) * dy));
      },
    });
    contours.selectAll('path').data(shapes).join('path').attr('d', d3.geoPath(toPixels));
  }

  private drawColorBar(layout: PlotLayout, bar: d3.Selection<SVGGElement, unknown, null, undefined>): void {
    bar.selectAll('*').remove();
    const { plot } = layout;
    const [lo, hi] = this.range;
    const left = plot.left + plot.width + 10;
    const scale = d3
      .scaleLog()
      .domain([lo, hi])
      .range([plot.top + plot.height, plot.top]);
    const steps = 48;
    const g = bar.append('g').attr('class', 'colorbar');
    g.selectAll('rect')
      .data(d3.range(steps))
      .join('rect')
      .attr('x', left)
      .attr('width', 12)
      .attr('y', (k) => plot.top + (plot.height * (steps - 1 - k)) / steps)
      .attr('height', plot.height / steps + 0.5)
      .attr('fill', (k) => this.ramp.css(lo * (hi / lo) ** ((k + 0.5) / steps)));
    g.append('g')
      .attr('class', 'axis colorbar-axis')
      .attr('transform', `translate(${left + 12},0)`)
      .call(d3.axisRight(scale).ticks(4).tickFormat(logTickFormat(scale, 4)));
    const axisWidth = (g.select<SVGGElement>('.colorbar-axis').node()?.getBBox().width ?? 30) + 16;
    g.append('text')
      .attr('class', 'axis-label')
      .attr('text-anchor', 'middle')
      .attr('transform', `translate(${left + 12 + axisWidth},${plot.top + plot.height / 2}) rotate(90)`)
      .text(`ξ (${this.reduction})`);
  }

  private drawPath(root: Root, layout: PlotLayout): void {
    const { x, y, plot } = layout;
    const inside = this.history.filter((e) => Number.isFinite(this.u(e.params)) && Number.isFinite(this.v(e.params)));
    const line = d3
      .line<HistoryEntry>()
      .x((e) => x(this.u(e.params)))
      .y((e) => y(this.v(e.params)));
    root.select('.path-line').attr('d', line(inside) ?? '');
    const dotted = inside.length > DOTS ? [inside[0] as HistoryEntry, ...inside.slice(-DOTS)] : inside;
    root
      .select('.path-dots')
      .selectAll<SVGCircleElement, HistoryEntry>('circle.path-dot')
      .data(dotted, (e) => String(e.iteration))
      .join('circle')
      .attr('class', 'path-dot')
      .attr('r', 3.5)
      .attr('cx', (e) => x(this.u(e.params)))
      .attr('cy', (e) => y(this.v(e.params)));
    const marker = root.select('.marker');
    marker.selectAll('*').remove();
    const arrow = root.select('.gradient-arrow');
    arrow.selectAll('*').remove();
    const current = this.params;
    const fontSize = Number.parseFloat(getComputedStyle(root.node() as Element).fontSize) || 12;
    const requests: { x: number; y: number; text: string; edge?: boolean }[] = [];
    if (current && Number.isFinite(this.u(current)) && Number.isFinite(this.v(current))) {
      const cx = x(this.u(current));
      const cy = y(this.v(current));
      const name = `w(${this.history.at(-1)?.iteration ?? 0})`;
      const edge = edgePoint(plot, cx, cy, EDGE_INSET);
      if (edge) {
        // Beyond the window (a diverged run): an arrowhead at the edge it lies beyond, and where it is.
        marker
          .append('path')
          .attr('class', 'edge-marker')
          .attr('data-edge', '')
          .attr('d', 'M0,0 L-13,-7 L-13,7 Z')
          .attr('transform', `translate(${edge.x},${edge.y}) rotate(${edge.angle})`);
        const inside = {
          x: edge.x - 10 * Math.cos((edge.angle * Math.PI) / 180),
          y: edge.y - 10 * Math.sin((edge.angle * Math.PI) / 180),
        };
        requests.push({
          ...inside,
          text: `${name} = (${formatNumber(this.u(current), 1)}, ${formatNumber(this.v(current), 1)})`,
          edge: true,
        });
      } else {
        marker.append('circle').attr('class', 'current').attr('r', 9).attr('cx', cx).attr('cy', cy);
        marker.append('circle').attr('class', 'current-core').attr('r', 5).attr('cx', cx).attr('cy', cy);
        requests.push({ x: cx, y: cy, text: name });
        const step = this.drawStep(arrow, layout, current);
        if (step) requests.push({ x: step.x, y: step.y, text: step.shortened ? '−η∇ξ (shortened)' : '−η∇ξ' });
      }
    }
    for (const e of inside) {
      if (e.iteration >= LABELLED || e.iteration === this.history.at(-1)?.iteration) continue;
      requests.push({ x: x(this.u(e.params)), y: y(this.v(e.params)), text: `w(${e.iteration})` });
    }
    const bounds = { left: plot.left, top: plot.top, right: plot.left + plot.width, bottom: plot.top + plot.height };
    const titleBox = (root.select('.title').node() as SVGTextElement | null)?.getBBox();
    const title = {
      left: plot.left,
      top: plot.top,
      right: plot.left + 6 + (titleBox?.width ?? this.heading().length * fontSize * 0.62),
      bottom: plot.top + fontSize * 1.6,
    };
    // No label may cover a dot: in a tight cluster a label would be read as another dot's.
    const dots = dotted.map((e) => {
      const [cx, cy] = [x(this.u(e.params)), y(this.v(e.params))];
      return { left: cx - 4, right: cx + 4, top: cy - 4, bottom: cy + 4 };
    });
    // Each label as wide and as tall as it is drawn (the fonts differ), with its halo kept clear.
    const size = this.labelSize(root, 'path-label', 'w(0)');
    const measured = requests.map((r) => ({ ...r, width: this.labelSize(root, labelClass(r.text), r.text).width }));
    const placed = placeLabels(measured, fontSize * 0.62, size.height, 7, bounds, [title, ...dots], LABEL_HALO);
    root
      .select('.labels')
      .selectAll('text')
      .data(placed)
      .join('text')
      .attr('class', (p) => labelClass(p.text))
      .attr('data-edge-label', (p) => (p.edge ? '' : null))
      .attr('x', (p) => p.lx)
      .attr('y', (p) => p.ly)
      .attr('text-anchor', (p) => p.anchor)
      .text((p) => p.text);
  }

  /** The size of a label as drawn with its class's font (measured once per text and font size). */
  private labelSize(root: Root, cls: string, text: string): { width: number; height: number } {
    const fontSize = getComputedStyle(root.node() as Element).fontSize;
    const key = `${fontSize} ${cls} ${text}`;
    let size = this.labelSizes.get(key);
    if (!size) {
      const probe = root.select('.labels').append('text').attr('class', cls).attr('visibility', 'hidden').text(text);
      const box = (probe.node() as SVGTextElement).getBBox();
      probe.remove();
      size = { width: box.width, height: box.height };
      if (box.width > 0) this.labelSizes.set(key, size);
    }
    return size;
  }

  /** The next full-batch step, −η∇ξ, from the current weights; returns the arrow's tip and whether it was cut short. */
  private drawStep(
    g: d3.Selection<d3.BaseType, unknown, null, undefined>,
    layout: PlotLayout,
    at: Params,
  ): { x: number; y: number; shortened: boolean } | undefined {
    const gradient = this.gradient;
    if (!gradient || !Number.isFinite(this.u(gradient)) || !Number.isFinite(this.v(gradient))) return undefined;
    const { x, y, plot } = layout;
    const [x0, y0] = [x(this.u(at)), y(this.v(at))];
    // The step's part along the two axes: the others move too, off this slice.
    let dx = x(this.u(at) - this.learningRate * this.u(gradient)) - x0;
    let dy = y(this.v(at) - this.learningRate * this.v(gradient)) - y0;
    const length = Math.hypot(dx, dy);
    // Also no arrow for a learning-rate attribute that holds no number (NaN).
    if (!(length >= 1)) return undefined;
    // A step longer than the plot is drawn to its edge: the direction is what it shows.
    const limit = plot.width / 2;
    const shortened = length > limit;
    if (shortened) {
      dx *= limit / length;
      dy *= limit / length;
    }
    g.append('line')
      .attr('x1', x0)
      .attr('y1', y0)
      .attr('x2', x0 + dx)
      .attr('y2', y0 + dy)
      .attr('class', 'gradient')
      .attr('marker-end', 'url(#step)');
    return { x: x0 + dx, y: y0 + dy, shortened };
  }

  private onClick = (event: MouseEvent): void => {
    const here = this.readonly ? undefined : this.frame.dataAt(event);
    if (!here) return;
    const [u, v] = here.map((value) => Number(value.toPrecision(4))) as [number, number];
    const [i, j] = this.axes;
    const initialWeights = this.start.map((w, k) => (k === i ? u : k === j ? v : w));
    this.dispatchEvent(controlEvent('lp-settings', { training: { initialWeights } }));
  };
}

/** A path label (w(k)) or the step's (−η∇ξ, in italics). */
function labelClass(text: string): string {
  return text.startsWith('w(') ? 'path-label' : 'gradient-label';
}

/** The positive, finite range of the values (the log colour scale's domain). */
function logRange(values: Float32Array): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [1, 10];
  return [lo, Math.max(hi, lo * 1.0001)];
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-cost-surface': LpCostSurface;
  }
}
