/**
 * The numbers of the current model: iteration, N, the weights, the bias, the
 * cost ξ (under its reduction), the accuracy, and the gradient ∂ξ/∂w the next full-batch step goes
 * against (the arrow on the cost surface; for the tutorial's two weights:
 * a wider model's would not fit beside the plots). Two label–value pairs a
 * row, or one (`stacked`) while the model has two weights.
 *
 * @attr stacked - one label and value a row instead of two: half as wide, twice as tall
 * @csspart readouts - the list of labels and values
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { weightSymbol } from '../src/model/features';
import type { Params, Reduction } from '../src/model/regression';
import type { TrainingState } from '../src/session/training-session';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { formatCount, formatNumber, formatPercent } from '../src/text/format';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-readout')
export class LpReadout extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; font-variant-numeric: tabular-nums; }
      /* Two pairs a row: label, value, label, value; the columns as wide as their text, whatever the container's width. */
      dl { display: grid; grid-template-columns: repeat(4, max-content); justify-content: start; gap: 0.05em 0.6em; margin: 0; }
      dt { color: var(--_lp-muted); white-space: nowrap; }
      dd { margin: 0 0.4em 0 0; text-align: right; font-family: var(--_lp-mono); white-space: nowrap; }
      /* One pair a row: half as wide (beside a chart, under controls). */
      :host([stacked]) dl { grid-template-columns: repeat(2, max-content); column-gap: 0.8em; }
      :host([stacked]) dd { margin: 0; }
      /* More than two weights: two pairs a row even when stacked, or the list would run past any panel. */
      :host([stacked][many]) dl { grid-template-columns: repeat(4, max-content); column-gap: 0.6em; }
      /* In a race the race table shows the model's numbers among the others': the readout gives way to it. */
      :host([racing]) { display: none; }
    `,
  ];

  /** The state to show; nothing is drawn until it is set. */
  @property({ attribute: false }) state: TrainingState | undefined;
  /** ∂ξ/∂(w1, w2, b) at the current weights, under the reduction. */
  @property({ attribute: false }) gradient: Params | undefined;
  /** Labels the cost with how it is reduced. */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;
  /** Whether b is trained; without it the bias rows are left out. */
  @property({ type: Boolean }) bias = DEFAULT_SETTINGS.bias;
  /** One label and value a row (half as wide, twice as tall) instead of two. */
  @property({ type: Boolean, reflect: true }) stacked = false;
  /** Reflects a race (set by the model around it): the race table shows these numbers then. */
  @property({ type: Boolean, reflect: true }) racing = false;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      this.reduction = m.settings.training.reduction;
      this.bias = m.settings.training.bias;
      this.state = m.published?.state;
      this.gradient = m.published?.run.evaluation.gradient;
      this.racing = m.settings.training.race.length > 0;
    });
  }

  protected override willUpdate(): void {
    this.toggleAttribute('many', (this.state?.weights.length ?? 2) > 2);
  }

  override render() {
    const s = this.state;
    if (s === undefined) return html`<p>Loading…</p>`;
    const g = this.gradient;
    const pair = (label: string, name: string, value: string) =>
      html`<dt>${label}</dt><dd data-readout=${name}>${value}</dd>`;
    // Two pairs a row keep their columns: a missing pair leaves its place empty.
    const paired = !this.stacked || s.weights.length > 2;
    const none = paired ? html`<dt></dt><dd></dd>` : nothing;
    return html`<dl part="readouts" aria-live="off">
      ${pair('iteration', 'iteration', String(s.iteration))}${pair('N', 'samples', formatCount(s.samples))}
      ${s.weights.map((w, j) => pair(weightSymbol(j), `w${j + 1}`, formatNumber(w)))}${s.weights.length % 2 ? none : nothing}
      ${this.bias ? html`${pair('b', 'b', formatNumber(s.bias))}${g ? pair('∂ξ/∂b', 'db', formatNumber(g.b)) : none}` : nothing}
      ${pair(`ξ (${this.reduction})`, 'cost', formatNumber(s.cost))}${pair('accuracy', 'accuracy', formatPercent(s.accuracy))}
      ${g && g.w.length <= 2 ? g.w.map((d, j) => pair(`∂ξ/∂${weightSymbol(j)}`, `dw${j + 1}`, formatNumber(d))) : nothing}
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-readout': LpReadout;
  }
}
