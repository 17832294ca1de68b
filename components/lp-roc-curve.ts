/**
 * The ROC curve: the true-positive rate against the false-positive rate as
 * the threshold falls from 1 to 0, the chance diagonal, the point the
 * current threshold gives (from the confusion matrix) ringed, and the area
 * under the curve in its corner. Computed on the training data (from a
 * sample of large data, and then said so); with a test set held out, the
 * test set's curve dotted beside it, and its AUC.
 *
 * @csspart frame - the plot's box
 * @csspart raster - the canvas under the SVG (empty here)
 * @csspart plot - the SVG: axes, diagonal, curve and the threshold's point
 * @cssprop --lp-plot-font-size - the ticks' and labels' text (default 0.85em)
 * @cssprop --lp-aspect-ratio - width / height when the container does not size it (default 1)
 */
import * as d3 from 'd3';
import { css, LitElement, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RocView } from '../src/controller/roc-cache';
import type { Confusion } from '../src/model/regression';
import type { RocCurve } from '../src/model/roc';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { formatCount, formatNumber } from '../src/text/format';
import { consumeModel } from './model-context';
import { frameStyles, PlotFrame } from './plot-frame';

/** The point of the ROC plane a confusion matrix is: its false- and true-positive rates. */
export function rocPoint(c: Confusion): readonly [number, number] | undefined {
  const negatives = c.falsePositive + c.trueNegative;
  const positives = c.truePositive + c.falseNegative;
  if (negatives === 0 || positives === 0) return undefined;
  return [c.falsePositive / negatives, c.truePositive / positives];
}

@customElement('lp-roc-curve')
export class LpRocCurve extends LitElement {
  static override styles = [
    frameStyles,
    css`
      :host { --lp-aspect-ratio: 1; }
      .curve { fill: none; stroke: var(--_lp-series-a); stroke-width: 2; }
      .test-curve { fill: none; stroke: var(--_lp-series-a); stroke-width: 2; stroke-dasharray: 1.5 3; stroke-linecap: round; }
      .chance { fill: none; stroke: var(--_lp-muted); stroke-width: 1; stroke-dasharray: 4 3; }
      .current { fill: var(--_lp-highlight); stroke: var(--_lp-text); stroke-width: 1.5; }
      .title { font-size: var(--lp-plot-font-size, 0.85em); fill: currentColor; }
    `,
  ];

  /** The curve, and how many samples it was computed from. */
  @property({ attribute: false }) roc: RocView | undefined;
  /** The test set's curve, drawn dotted beside it (none without a test set). */
  @property({ attribute: false }) testRoc: RocCurve | undefined;
  /** The counts at the current threshold: its point on the curve. */
  @property({ attribute: false }) confusion: Confusion | undefined;
  @property({ type: Number }) threshold = DEFAULT_SETTINGS.threshold;

  constructor() {
    super();
    // Inside an <lp-model>, the model's.
    consumeModel(this, (m) => {
      this.roc = m.published?.roc;
      this.testRoc = m.published?.test?.measures.roc;
      this.confusion = m.published?.run.evaluation.confusion;
      this.threshold = m.settings.training.threshold;
    });
  }

  private readonly frame = new PlotFrame(this, () => this.description());

  override render() {
    return this.frame.render(
      svg`<path class="chance"></path><path class="test-curve"></path><path class="curve"></path><circle class="current" r="5" visibility="hidden"></circle><text class="title" data-title></text>`,
    );
  }

  protected override updated(): void {
    const layout = this.frame.draw({
      x: { domain: [0, 1], label: 'false-positive rate' },
      y: { domain: [0, 1], label: 'true-positive rate' },
      equalUnits: true,
    });
    if (!layout) return;
    const { x, y, plot } = layout;
    const root = d3.select(this.renderRoot.querySelector('svg.chart') as SVGSVGElement);
    root.select('.chance').attr('d', `M${x(0)},${y(0)}L${x(1)},${y(1)}`);
    const path = (curve: RocCurve | undefined) =>
      curve
        ? (d3.line()(Array.from(curve.falsePositiveRate, (f, k) => [x(f), y(curve.truePositiveRate[k]!)])) ?? '')
        : '';
    root.select('.curve').attr('d', path(this.roc?.curve));
    root.select('.test-curve').attr('d', path(this.testRoc));
    const at = this.confusion ? rocPoint(this.confusion) : undefined;
    root
      .select('.current')
      .attr('visibility', at ? 'visible' : 'hidden')
      .attr('data-rates', at ? at.join(',') : null)
      .attr('cx', at ? x(at[0]) : 0)
      .attr('cy', at ? y(at[1]) : 0);
    // In the bottom right corner, which a curve better than chance leaves empty.
    root
      .select('.title')
      .attr('x', plot.left + plot.width - 4)
      .attr('y', plot.top + plot.height - 4)
      .attr('text-anchor', 'end')
      .text(this.heading());
  }

  private heading(): string {
    const roc = this.roc;
    if (!roc) return 'no ROC: one class only';
    const estimate = roc.visited < roc.n ? ` (from ${formatCount(roc.visited)} of ${formatCount(roc.n)})` : '';
    const test = this.testRoc ? ` · test ${formatNumber(this.testRoc.auc, 3)}` : '';
    return `AUC ${formatNumber(roc.curve.auc, 3)}${estimate}${test}`;
  }

  private description(): string {
    const at = this.confusion ? rocPoint(this.confusion) : undefined;
    const point = at
      ? `; at the threshold ${this.threshold} the false-positive rate is ${formatNumber(at[0], 3)} and the true-positive rate ${formatNumber(at[1], 3)}`
      : '';
    return `ROC curve, ${this.heading()}: the true-positive rate against the false-positive rate over every threshold${point}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-roc-curve': LpRocCurve;
  }
}
