/**
 * The model: the features φ(x) it sees (x₁ and x₂ are the tutorial's; x₁²,
 * x₂², x₁x₂, sin x₁ and sin x₂ bend the boundary), whether b is trained,
 * whether the cost sums or averages over the samples, the L2 penalty λ, and
 * the threshold above which y says class 1.
 *
 * @fires lp-settings - a setting of the model changed: { training: { features | bias | reduction | l2 | threshold } }
 * @csspart fieldset - the panel
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DEFAULT_FEATURES, FEATURE_LABELS, FEATURES, type Feature } from '../src/model/features';
import type { Reduction } from '../src/model/regression';
import { DEFAULT_SETTINGS, type TrainingSettings } from '../src/settings/settings';
import { REDUCTIONS, SETTINGS } from '../src/settings/settings-schema';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import type { NumberEvent } from './lp-number-field';
import './lp-number-field';
import { consumeModel } from './model-context';

@customElement('lp-model-controls')
export class LpModelControls extends LitElement {
  static override styles = controlStyles;

  /** Whether b is trained. */
  @property({ type: Boolean }) bias = DEFAULT_SETTINGS.bias;
  /** "sum" (the tutorial's cost) or "mean". */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;
  /** φ(x), in FEATURES order. */
  @property({ attribute: false }) features: readonly Feature[] = DEFAULT_SETTINGS.features;
  /** λ of the L2 penalty. */
  @property({ type: Number }) l2 = DEFAULT_SETTINGS.l2;
  /** y at or above it says class 1. */
  @property({ type: Number }) threshold = DEFAULT_SETTINGS.threshold;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      const t = m.settings.training;
      this.bias = t.bias;
      this.reduction = t.reduction;
      this.features = t.features;
      this.l2 = t.l2;
      this.threshold = t.threshold;
    });
  }

  override render() {
    const linear = this.features.join() === DEFAULT_FEATURES.join();
    const l2 = SETTINGS.l2;
    const threshold = SETTINGS.threshold;
    return html`<fieldset part="fieldset">
      <legend>Model y = σ(${linear ? 'x' : 'φ(x)'}·w + b)</legend>
      <div class="line tight features" role="group" aria-label="Features φ(x)">
        <span>φ(x)</span>
        ${FEATURES.map(
          (f) => html`<label><input type="checkbox" name="feature" value=${f} .checked=${this.features.includes(f)}
            @change=${(e: Event) => this.toggle(f, (e.target as HTMLInputElement).checked)} />${FEATURE_LABELS[f]}</label>`,
        )}
      </div>
      <div class="line">
        <label><input type="checkbox" id="bias" .checked=${this.bias}
          @change=${(e: Event) => this.send({ bias: (e.target as HTMLInputElement).checked })} />
          bias b</label>
        <span class="spacer"></span>
        <span role="radiogroup" aria-label="Cost reduction" class="line tight">
          <span>cost</span>
          ${REDUCTIONS.map(
            (
              r,
            ) => html`<label title=${r === 'sum' ? "the tutorial's" : 'the sum divided by N'}><input type="radio" name="reduction" value=${r}
              .checked=${this.reduction === r}
              @change=${() => this.send({ reduction: r })} />${r}</label>`,
          )}
        </span>
      </div>
      <div class="line">
        <lp-number-field class="narrow" inline .label=${l2.label} .value=${this.l2} .min=${l2.range.min} .max=${l2.range.max}
          @lp-number=${(e: NumberEvent) => this.send({ l2: e.detail.value })}></lp-number-field>
        <span class="spacer"></span>
        <label for="threshold-slider">threshold</label>
        <input id="threshold-slider" type="range" min=${threshold.range.min} max=${threshold.range.max} step="0.01"
          .value=${String(this.threshold)} aria-valuetext=${String(this.threshold)}
          @input=${(e: Event) => this.send({ threshold: Number((e.target as HTMLInputElement).value) })} />
        <lp-number-field class="narrow" inline hide-label .label=${threshold.label} .value=${this.threshold}
          .min=${threshold.range.min} .max=${threshold.range.max}
          @lp-number=${(e: NumberEvent) => this.send({ threshold: e.detail.value })}></lp-number-field>
      </div>
    </fieldset>`;
  }

  /** The features with `feature` ticked or not, in FEATURES order (the settings keep that order anyway). */
  private toggle(feature: Feature, on: boolean): void {
    const features = FEATURES.filter((f) => (f === feature ? on : this.features.includes(f)));
    this.send({ features });
  }

  private send(training: Partial<TrainingSettings>): void {
    this.dispatchEvent(controlEvent('lp-settings', { training }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-model-controls': LpModelControls;
  }
}
