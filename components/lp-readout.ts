/** The numbers of the current model: iteration, weights, bias, cost and accuracy. */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reduction } from '../src/model/regression';
import type { TrainingState } from '../src/state/training-session';
import { formatNumber, formatPercent } from '../src/view/format';

@customElement('lp-readout')
export class LpReadout extends LitElement {
  static override styles = css`
    :host { display: block; font-variant-numeric: tabular-nums; }
    dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1em 1em; margin: 0; }
    dt { color: var(--lp-muted, #555); }
    dd { margin: 0; text-align: right; font-family: var(--lp-mono, ui-monospace, monospace); }
  `;

  /** The state to show; nothing is drawn until it is set. */
  @property({ attribute: false }) state: TrainingState | undefined;
  /** Labels the cost with how it is reduced. */
  @property() reduction: Reduction = 'sum';
  /** Whether b is trained; without it the bias row is left out. */
  @property({ type: Boolean }) bias = false;

  override render() {
    const s = this.state;
    if (s === undefined) return html`<p>Loading…</p>`;
    return html`<dl aria-live="off">
      <dt>iteration</dt><dd data-readout="iteration">${s.iteration}</dd>
      <dt>w₁</dt><dd data-readout="w1">${formatNumber(s.weights[0])}</dd>
      <dt>w₂</dt><dd data-readout="w2">${formatNumber(s.weights[1])}</dd>
      ${this.bias ? html`<dt>b</dt><dd data-readout="b">${formatNumber(s.bias)}</dd>` : ''}
      <dt>cost ξ (${this.reduction})</dt><dd data-readout="cost">${formatNumber(s.cost)}</dd>
      <dt>accuracy</dt><dd data-readout="accuracy">${formatPercent(s.accuracy)}</dd>
    </dl>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-readout': LpReadout;
  }
}
