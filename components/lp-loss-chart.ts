/**
 * The cost and the accuracy at every iteration: cost on a log axis at the
 * left, accuracy (0–100 %) at the right. Every iteration is recorded; a run
 * longer than the chart is wide is thinned for display only, keeping each
 * pixel column's lowest and highest values. The lines join what was measured
 * on all the data; with mini-batches, the steps between the ends of a call
 * are measured on their batch only, and show as faint dots of their own,
 * named in the chart. A single measurement (iteration 0) shows as a dot.
 * A cost of exactly 0 (the sum underflows once every sample is far on its
 * side) has no place on a log axis: it is drawn on the axis's foot, and the
 * chart says so, while its accuracy is drawn as any other.
 * With a test set held out, its mean cost and its accuracy are drawn beside
 * the training ones (dotted, as often as they were measured), and the
 * training cost is drawn as its mean too, so that the two compare.
 *
 * @csspart frame - the plot's box
 * @csspart raster - the canvas under the SVG (empty here)
 * @csspart plot - the SVG: axes, the cost and the accuracy
 * @cssprop --lp-plot-font-size - the ticks' and labels' text (default 0.85em)
 * @cssprop --lp-aspect-ratio - width / height when the container does not size it (default 2.6)
 */
import * as d3 from 'd3';
import { css, LitElement, svg, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { TestMeasures } from '../src/controller/test-measures';
import { penalty, type Reduction } from '../src/model/regression';
import { RACER_STYLE } from '../src/plot/palette';
import { thinForDisplay } from '../src/plot/thin';
import type { HistoryEntry } from '../src/session/history';
import type { RivalState } from '../src/session/rivals';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { consumeModel } from './model-context';
import { frameStyles, PlotFrame } from './plot-frame';
import { drawRacerLines } from './race-marks';

/** Accuracy is marked with dots while there are few enough to tell apart. */
const DOT_LIMIT = 60;

@customElement('lp-loss-chart')
export class LpLossChart extends LitElement {
  static override styles = [
    frameStyles,
    css`
      :host { --lp-aspect-ratio: 2.6; }
      .cost { fill: none; stroke: var(--_lp-series-a); stroke-width: 2; }
      :host([racing]) .cost { stroke: ${unsafeCSS(RACER_STYLE[0].color)}; stroke-width: 2.2; }
      :host([racing]) .cost-dot { fill: ${unsafeCSS(RACER_STYLE[0].color)}; }
      .accuracy { fill: none; stroke: var(--_lp-series-b); stroke-width: 2; stroke-dasharray: 5 3; }
      .accuracy-dot { fill: var(--_lp-series-b); }
      .cost-dot { fill: var(--_lp-series-a); }
      .batch-cost { fill: var(--_lp-series-a); opacity: 0.3; }
      .batch-accuracy { fill: var(--_lp-series-b); opacity: 0.3; }
      .measures { font-size: var(--lp-plot-font-size, 0.85em); fill: currentColor; }
      .axis-label.y { fill: var(--_lp-series-a); }
      .axis-label.y2 { fill: var(--_lp-series-b-text); }
      .test-cost { fill: none; stroke: var(--_lp-series-a); stroke-width: 2; stroke-dasharray: 1.5 3; stroke-linecap: round; }
      .test-accuracy { fill: none; stroke: var(--_lp-series-b); stroke-width: 2; stroke-dasharray: 1.5 3; stroke-linecap: round; }
    `,
  ];

  /** Cost and accuracy at every iteration so far. */
  @property({ attribute: false }) history: readonly HistoryEntry[] = [];
  /** "sum" or "mean": labels the cost axis with how the cost is reduced. */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;
  /** The test set's mean cost and accuracy as measured since the run started (none without a test set). */
  @property({ attribute: false }) test: readonly TestMeasures[] = [];
  /** The training samples N and λ: what turns a summed cost into its mean beside the test set's. */
  @property({ type: Number }) samples = 0;
  @property({ type: Number }) l2 = DEFAULT_SETTINGS.l2;
  /** In a race, the racers beside the model: each one's cost as a curve in its racer style. */
  @property({ attribute: false }) rivals: readonly RivalState[] = [];
  /** Reflects a race: the model's cost then takes the first racer's colour, as its path on the surface. */
  @property({ type: Boolean, reflect: true }) racing = false;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      this.reduction = m.settings.training.reduction;
      this.l2 = m.settings.training.l2;
      this.history = m.published?.run.history ?? [];
      this.test = m.published?.test?.history ?? [];
      this.samples = m.published?.run.data.targets.length ?? 0;
      this.rivals = m.published?.run.rivals ?? [];
      this.racing = this.rivals.length > 0;
    });
  }

  private readonly frame = new PlotFrame(this, () => 'Cost and accuracy over the iterations');

  override render() {
    return this.frame.render(
      svg`<path class="cost"></path><path class="accuracy"></path><path class="test-cost"></path><path class="test-accuracy"></path><g class="rivals"></g><g class="marks"></g><text class="measures"></text>`,
    );
  }

  /** Each entry's cost as drawn: as measured, or its mean beside a test set's mean ((ξ − P)/N + P, P the penalty). */
  private drawnHistory(): HistoryEntry[] {
    const toMean = this.test.length > 0 && this.reduction === 'sum' && this.samples > 0;
    if (!toMean) return [...this.history];
    return this.history.map((e) => {
      const p = penalty(e.params, this.l2);
      return { ...e, loss: (e.loss - p) / this.samples + p };
    });
  }

  protected override updated(): void {
    const finite = this.drawnHistory().filter((e) => drawable(e.loss));
    const test = this.test.filter((t) => drawable(t.cost));
    const rivals = this.rivals.map((r) => r.history.filter((e) => drawable(e.loss)));
    const last = Math.max(
      finite.at(-1)?.iteration ?? 1,
      test.at(-1)?.iteration ?? 0,
      ...rivals.map((h) => h.at(-1)?.iteration ?? 0),
    );
    const costs = [
      ...finite.map((e) => e.loss),
      ...test.map((t) => t.cost),
      ...rivals.flatMap((h) => h.map((e) => e.loss)),
    ];
    const [lo = 0.1, hi = 1] = d3.extent(costs.filter((c) => c > 0));
    const costDomain = d3
      .scaleLog()
      .domain([lo, Math.max(hi, lo * 1.01)])
      .nice()
      .domain() as [number, number];
    const layout = this.frame.draw({
      x: { domain: [0, Math.max(1, last)], label: 'iteration', format: d3.format('d'), integer: true },
      y: { domain: costDomain, label: `ξ (${test.length > 0 ? 'mean' : this.reduction})`, log: true },
      // In a race the chart compares costs; the model's accuracy would take a racer's colour there.
      ...(this.racing
        ? {}
        : { y2: { domain: [0, 1] as [number, number], label: 'accuracy', format: d3.format('.0%') } }),
    });
    if (!layout) return;
    const { x, y: yLog, y2: accuracy, plot } = layout;
    // A cost of 0 on the axis's foot: the low end of its domain, at or below every positive cost.
    const y = (cost: number) => yLog(cost > 0 ? cost : costDomain[0]);
    const thin = (list: readonly HistoryEntry[]) =>
      thinForDisplay(
        list,
        (e) => e.iteration,
        (e) => e.loss,
        Math.max(1, Math.floor(plot.width)),
      );
    const entries = thin(finite.filter((e) => e.measuredOn === 'all'));
    const batch = thin(finite.filter((e) => e.measuredOn === 'batch'));
    const root = d3.select(this.renderRoot.querySelector('svg.chart') as SVGSVGElement);
    // One line over the iterations, for the training history and the test set's alike.
    const line = <T extends { readonly iteration: number }>(list: readonly T[], value: (m: T) => number) =>
      d3
        .line<T>()
        .x((m) => x(m.iteration))
        .y(value)(list) ?? '';
    root.select('.cost').attr(
      'd',
      line(entries, (e) => y(e.loss)),
    );
    root.select('.accuracy').attr('d', accuracy ? line(entries, (e) => accuracy(e.accuracy)) : '');
    root.select('.test-cost').attr(
      'd',
      line(test, (t) => y(t.cost)),
    );
    root.select('.test-accuracy').attr('d', accuracy ? line(test, (t) => accuracy(t.accuracy)) : '');
    // Dots: every batch measure, faint; the whole-data measures while few enough to tell apart (one alone is a dot).
    const dots = (list: readonly HistoryEntry[], cost: string, right: string, r: number) =>
      list.flatMap((e) => [
        { e, kind: cost, at: y(e.loss), r },
        ...(accuracy ? [{ e, kind: right, at: accuracy(e.accuracy), r }] : []),
      ]);
    const marks = [
      ...dots(batch, 'batch-cost', 'batch-accuracy', 1.8),
      ...dots(entries.length <= DOT_LIMIT ? entries : [], 'cost-dot', 'accuracy-dot', 2.5),
    ];
    root
      .select('.marks')
      .selectAll('circle')
      .data(marks)
      .join('circle')
      .attr('class', (m) => m.kind)
      .attr('r', (m) => m.r)
      .attr('data-iteration', (m) => m.e.iteration)
      .attr('cx', (m) => x(m.e.iteration))
      .attr('cy', (m) => m.at);
    drawRacerLines(
      root.select<SVGGElement>('.rivals'),
      rivals.map((h, k) => ({ racer: k + 1, points: thin(h).map((e) => [x(e.iteration), y(e.loss)] as const) })),
      false,
    );
    const said = [
      ...(costs.some((c) => c === 0) ? ['ξ = 0 on the axis’s foot'] : []),
      ...(test.length > 0 ? ['dotted: test set'] : []),
      ...(batch.length > 0 ? ['lines: all the data · faint dots: one mini-batch'] : []),
    ];
    root
      .select('.measures')
      .attr('x', plot.left + 6)
      .attr('y', plot.top + 14)
      .text(said.join(' · '));
  }
}

/** A cost the chart can place: finite and not negative (0 goes on the log axis's foot). */
function drawable(cost: number): boolean {
  return Number.isFinite(cost) && cost >= 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-loss-chart': LpLossChart;
  }
}
