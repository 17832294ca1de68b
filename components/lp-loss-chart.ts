/**
 * The cost and the accuracy over iterations: cost on a log axis at the left,
 * accuracy (0–100 %) at the right. Long runs are drawn from an even subsample
 * of at most 1000 points.
 */
import * as d3 from 'd3';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reduction } from '../src/model/regression';
import type { HistoryEntry } from '../src/state/history';

const WIDTH = 520;
const HEIGHT = 200;
const MARGIN = { top: 12, right: 48, bottom: 34, left: 54 };
const W = WIDTH - MARGIN.left - MARGIN.right;
const H = HEIGHT - MARGIN.top - MARGIN.bottom;
const MAX_POINTS = 1000;

function thin<T>(items: readonly T[]): readonly T[] {
  if (items.length <= MAX_POINTS) return items;
  const stride = items.length / MAX_POINTS;
  const out: T[] = [];
  for (let k = 0; k < MAX_POINTS; k++) out.push(items[Math.floor(k * stride)] as T);
  out.push(items.at(-1) as T);
  return out;
}

@customElement('lp-loss-chart')
export class LpLossChart extends LitElement {
  static override styles = css`
    :host { display: block; }
    svg { width: 100%; height: auto; display: block; }
    .axis text { font-size: var(--lp-plot-font, 11px); }
    .cost { fill: none; stroke: #0072b2; stroke-width: 2; }
    .accuracy { fill: none; stroke: #d55e00; stroke-width: 2; stroke-dasharray: 5 3; }
    .accuracy-dot { fill: #d55e00; }
    .label { font-size: var(--lp-plot-font, 12px); }
  `;

  @property({ attribute: false }) history: readonly HistoryEntry[] = [];
  @property() reduction: Reduction = 'sum';

  override render() {
    return html`<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="Cost and accuracy over the iterations">
      <g transform="translate(${MARGIN.left},${MARGIN.top})">
        <path class="cost"></path>
        <path class="accuracy"></path>
        <g class="accuracy-dots"></g>
        <g class="axis x" transform="translate(0,${H})"></g>
        <g class="axis y-cost"></g>
        <g class="axis y-accuracy" transform="translate(${W},0)"></g>
      </g>
      <text class="label" x=${MARGIN.left + W / 2} y=${HEIGHT - 4} text-anchor="middle">iteration</text>
      <text class="label" fill="#0072b2" transform="translate(12,${MARGIN.top + H / 2}) rotate(-90)" text-anchor="middle">cost ξ (${this.reduction}) —</text>
      <text class="label" fill="#d55e00" transform="translate(${WIDTH - 8},${MARGIN.top + H / 2}) rotate(90)" text-anchor="middle">accuracy - -</text>
    </svg>`;
  }

  protected override updated(): void {
    const svg = d3.select(this.renderRoot.querySelector('svg') as SVGSVGElement);
    const entries = thin(this.history.filter((e) => Number.isFinite(e.loss) && e.loss > 0));
    const last = entries.at(-1)?.iteration ?? 1;
    const x = d3
      .scaleLinear()
      .domain([0, Math.max(1, last)])
      .range([0, W]);
    const [lo, hi] = d3.extent(entries, (e) => e.loss);
    const y = d3
      .scaleLog()
      .domain([lo ?? 0.1, Math.max(hi ?? 1, (lo ?? 0.1) * 1.01)])
      .range([H, 0])
      .nice();
    const accuracy = d3.scaleLinear().domain([0, 1]).range([H, 0]);
    svg.select<SVGGElement>('.axis.x').call(d3.axisBottom(x).ticks(Math.min(6, Math.max(1, last)), 'd'));
    svg.select<SVGGElement>('.axis.y-cost').call(d3.axisLeft(y).ticks(4, '~g'));
    svg.select<SVGGElement>('.axis.y-accuracy').call(d3.axisRight(accuracy).ticks(4, '.0%'));
    svg.select('.cost').attr(
      'd',
      d3
        .line<HistoryEntry>()
        .x((e) => x(e.iteration))
        .y((e) => y(e.loss))(entries) ?? '',
    );
    const measured = entries.filter((e) => e.accuracy !== undefined);
    svg.select('.accuracy').attr(
      'd',
      d3
        .line<HistoryEntry>()
        .x((e) => x(e.iteration))
        .y((e) => accuracy(e.accuracy ?? 0))(measured) ?? '',
    );
    // Accuracy is measured once per call (per frame while playing): mark where, while that is readable.
    svg
      .select('.accuracy-dots')
      .selectAll('circle')
      .data(measured.length <= 60 ? measured : [])
      .join('circle')
      .attr('class', 'accuracy-dot')
      .attr('r', 2.5)
      .attr('cx', (e) => x(e.iteration))
      .attr('cy', (e) => accuracy(e.accuracy ?? 0));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-loss-chart': LpLossChart;
  }
}
