/**
 * Where descent starts: w(0), one weight per feature, and b(0). Clicking the cost surface sets two of them too.
 *
 * @attr compact - for a slide: no hint about the cost surface, and b(0) only while the bias is on
 * @fires lp-settings - a new w(0) or b(0): { training: { initialWeights } } or { training: { initialBias } }
 * @csspart fieldset - the panel
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { initialWeightLabel } from '../src/settings/feature-checks';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { SETTINGS } from '../src/settings/settings-schema';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import type { NumberEvent } from './lp-number-field';
import './lp-number-field';
import { consumeModel } from './model-context';

@customElement('lp-initial-weights')
export class LpInitialWeights extends LitElement {
  static override styles = controlStyles;

  @property({ attribute: false }) weights: readonly number[] = DEFAULT_SETTINGS.initialWeights;
  /** b(0), the bias training starts from. */
  @property({ type: Number }) initialBias = DEFAULT_SETTINGS.initialBias;
  /** b(0) only matters with the bias on. */
  @property({ type: Boolean }) bias = DEFAULT_SETTINGS.bias;
  /** For a slide: no hint about a cost surface that may not be there, and b(0) only with the bias on. */
  @property({ type: Boolean }) compact = false;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      const t = m.settings.training;
      this.weights = t.initialWeights;
      this.initialBias = t.initialBias;
      this.bias = t.bias;
    });
  }

  override render() {
    const weights = this.weights;
    const { min, max } = SETTINGS.initialWeights.range;
    const replaced = (j: number, value: number) => weights.map((w, k) => (k === j ? value : w));
    return html`<fieldset part="fieldset">
      <legend>Start w(0) ${this.compact ? nothing : html`<span class="hint">(or click the cost surface)</span>`}</legend>
      <div class="row">
        ${weights.map(
          (w, j) => html`<lp-number-field .label=${initialWeightLabel(j)} .value=${w} .min=${min} .max=${max}
            @lp-number=${(e: NumberEvent) => this.send(replaced(j, e.detail.value))}></lp-number-field>`,
        )}
        ${
          this.compact && !this.bias
            ? nothing
            : html`<lp-number-field .label=${SETTINGS.initialBias.label} .value=${this.initialBias} .min=${min} .max=${max}
                ?disabled=${!this.bias} @lp-number=${(e: NumberEvent) =>
                  this.dispatchEvent(
                    controlEvent('lp-settings', { training: { initialBias: e.detail.value } }),
                  )}></lp-number-field>`
        }
      </div>
    </fieldset>`;
  }

  private send(initialWeights: number[]): void {
    this.dispatchEvent(controlEvent('lp-settings', { training: { initialWeights } }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-initial-weights': LpInitialWeights;
  }
}
