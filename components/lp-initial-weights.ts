/** Where descent starts: w(0) = (w1, w2) and b(0). Clicking the cost surface sets them too. */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LIMITS } from '../src/state/settings';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import type { NumberEvent } from './lp-number-field';
import './lp-number-field';

@customElement('lp-initial-weights')
export class LpInitialWeights extends LitElement {
  static override styles = controlStyles;

  @property({ attribute: false }) weights: readonly [number, number] = [-4, -2];
  @property({ type: Number }) initialBias = 0;
  /** b(0) only matters with the bias on. */
  @property({ type: Boolean }) bias = false;

  override render() {
    const [w1, w2] = this.weights;
    const range = LIMITS.parameter;
    return html`<fieldset>
      <legend>Start w(0)</legend>
      <div class="row">
        <lp-number-field label="w₁(0)" .value=${w1} .min=${range.min} .max=${range.max}
          @lp-number=${(e: NumberEvent) => this.send([e.detail.value, w2])}></lp-number-field>
        <lp-number-field label="w₂(0)" .value=${w2} .min=${range.min} .max=${range.max}
          @lp-number=${(e: NumberEvent) => this.send([w1, e.detail.value])}></lp-number-field>
        <lp-number-field label="b(0)" .value=${this.initialBias} .min=${range.min} .max=${range.max} ?disabled=${!this.bias}
          @lp-number=${(e: NumberEvent) =>
            this.dispatchEvent(
              controlEvent('lp-settings', { training: { initialBias: e.detail.value } }),
            )}></lp-number-field>
      </div>
      <p class="hint">Or click the cost surface. Changing the start resets training.</p>
    </fieldset>`;
  }

  private send(initialWeights: [number, number]): void {
    this.dispatchEvent(controlEvent('lp-settings', { training: { initialWeights } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-initial-weights': LpInitialWeights;
  }
}
