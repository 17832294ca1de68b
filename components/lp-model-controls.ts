/**
 * The model: the features φ(x) it sees (x₁ and x₂ are the tutorial's; x₁²,
 * x₂², x₁x₂, sin x₁ and sin x₂ bend the boundary), whether b is trained,
 * whether the cost sums or averages over the samples, and the L2 penalty λ.
 * (The threshold is set where its effect shows, on the confusion matrix.)
 *
 * @fires lp-settings - a setting of the model changed: { training: { features | bias | reduction | l2 } }
 * @csspart fieldset - the panel
 */
import { css, html, LitElement } from 'lit';
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
  static override styles = [
    controlStyles,
    css`
      .features { position: relative; min-width: 0; }
      summary { cursor: pointer; font-size: 0.9em; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
      summary:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
      /* Over what follows, as a menu: the panel keeps its height whether it is open or not. */
      .menu { position: absolute; z-index: 3; top: 100%; left: 0; display: grid; grid-template-columns: repeat(2, max-content); gap: 0.15em 0.8em;
        padding: 0.35em 0.6em; background: var(--_lp-surface); border: 1px solid var(--_lp-control-border); border-radius: 6px;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
    `,
  ];

  /** Whether b is trained. */
  @property({ type: Boolean }) bias = DEFAULT_SETTINGS.bias;
  /** "sum" (the tutorial's cost) or "mean". */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;
  /** φ(x), in FEATURES order. */
  @property({ attribute: false }) features: readonly Feature[] = DEFAULT_SETTINGS.features;
  /** λ of the L2 penalty. */
  @property({ type: Number }) l2 = DEFAULT_SETTINGS.l2;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      const t = m.settings.training;
      this.bias = t.bias;
      this.reduction = t.reduction;
      this.features = t.features;
      this.l2 = t.l2;
    });
  }

  override render() {
    const linear = this.features.join() === DEFAULT_FEATURES.join();
    const l2 = SETTINGS.l2;
    return html`<fieldset part="fieldset">
      <legend>Model y = σ(${linear ? 'x' : 'φ(x)'}·w + b)</legend>
      <!-- The features as a menu that opens over the panel (seven boxes would take two lines), then the bias. -->
      <div class="line">
        <details class="features" @keydown=${this.onMenuKey}>
          <summary aria-label=${`Features φ(x): ${this.features.map((f) => FEATURE_LABELS[f]).join(', ')}`}>φ(x) = (${this.featureSummary()})</summary>
          <div class="menu" role="group" aria-label="Features φ(x)">
            ${FEATURES.map(
              (f) => html`<label><input type="checkbox" name="feature" value=${f} .checked=${this.features.includes(f)}
                @change=${(e: Event) => this.toggle(f, (e.target as HTMLInputElement).checked)} />${FEATURE_LABELS[f]}</label>`,
            )}
          </div>
        </details>
        <span class="spacer"></span>
        <label><input type="checkbox" id="bias" .checked=${this.bias}
          @change=${(e: Event) => this.send({ bias: (e.target as HTMLInputElement).checked })} />bias b</label>
      </div>
      <div class="line">
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
        <span class="spacer"></span>
        <lp-number-field class="narrow" inline .label=${l2.label} .value=${this.l2} .min=${l2.range.min} .max=${l2.range.max}
          @lp-number=${(e: NumberEvent) => this.send({ l2: e.detail.value })}></lp-number-field>
      </div>
    </fieldset>`;
  }

  /** The features as the closed menu names them: all of them up to three, then the first three and a count. */
  private featureSummary(): string {
    const names = this.features.map((f) => FEATURE_LABELS[f]);
    return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')}, … ${names.length}`;
  }

  /** Escape closes the menu and gives the focus back to its summary. */
  private onMenuKey = (event: KeyboardEvent): void => {
    const details = event.currentTarget as HTMLDetailsElement;
    if (event.key !== 'Escape' || !details.open) return;
    details.open = false;
    details.querySelector('summary')?.focus();
    event.stopPropagation();
  };

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
