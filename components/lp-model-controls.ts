/**
 * The model: whether b is trained, and whether the cost sums or averages over the samples.
 *
 * @fires lp-settings - the bias or the reduction changed: { training: { bias } } or { training: { reduction } }
 * @csspart fieldset - the panel
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Reduction } from '../src/model/regression';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { REDUCTIONS } from '../src/settings/settings-schema';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import { consumeModel } from './model-context';

@customElement('lp-model-controls')
export class LpModelControls extends LitElement {
  static override styles = controlStyles;

  /** Whether b is trained. */
  @property({ type: Boolean }) bias = DEFAULT_SETTINGS.bias;
  /** "sum" (the tutorial's cost) or "mean". */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      this.bias = m.settings.training.bias;
      this.reduction = m.settings.training.reduction;
    });
  }

  override render() {
    return html`<fieldset part="fieldset">
      <legend>Model y = σ(x·w + b)</legend>
      <div class="line">
        <label><input type="checkbox" id="bias" .checked=${this.bias}
          @change=${(e: Event) => this.dispatchEvent(controlEvent('lp-settings', { training: { bias: (e.target as HTMLInputElement).checked } }))} />
          bias b</label>
        <span class="spacer"></span>
        <span role="radiogroup" aria-label="Cost reduction" class="line tight">
          <span>cost</span>
          ${REDUCTIONS.map(
            (
              r,
            ) => html`<label title=${r === 'sum' ? "the tutorial's" : 'the sum divided by N'}><input type="radio" name="reduction" value=${r}
              .checked=${this.reduction === r}
              @change=${() => this.dispatchEvent(controlEvent('lp-settings', { training: { reduction: r } }))} />${r}</label>`,
          )}
        </span>
      </div>
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-model-controls': LpModelControls;
  }
}
