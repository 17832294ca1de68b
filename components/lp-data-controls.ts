/**
 * The data: the tutorial's 40 points or two Gaussian classes (means, shared
 * std, samples per class, seed), a CSV file of one's own, and which class a
 * click on the scatter adds.
 */
import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { GaussianSettings } from '../src/model/gaussians';
import { GAUSSIAN_LIMITS } from '../src/model/gaussians';
import { type Preset, SEED_LIMITS, type SettingsChange } from '../src/state/playground-settings';
import type { ClassLabel } from '../src/view/palette';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import type { NumberEvent } from './lp-number-field';
import './lp-number-field';

@customElement('lp-data-controls')
export class LpDataControls extends LitElement {
  static override styles = controlStyles;

  @property() preset: Preset = 'tutorial';
  @property({ attribute: false }) gaussians: GaussianSettings | undefined;
  /** The data came from a CSV file or were edited by clicks: the preset no longer describes them. */
  @property() custom = '';
  /** Which class a plain click on the scatter adds (shift-click adds the other). */
  @property({ type: Number }) addClass: ClassLabel = 0;

  override render() {
    const g = this.gaussians;
    return html`<fieldset>
      <legend>Data</legend>
      <div class="line">
        <label for="preset">Preset</label>
        <select id="preset" .value=${this.preset} @change=${(e: Event) => this.change({ preset: (e.target as HTMLSelectElement).value as Preset })}>
          <option value="tutorial">Tutorial (40 points)</option>
          <option value="gaussians">Two Gaussians</option>
        </select>
      </div>
      ${this.preset === 'gaussians' && g ? this.gaussianFields(g) : ''}
      ${this.custom ? html`<p class="hint" data-custom>${this.custom}</p>` : ''}
      <div class="line">
        <label for="csv">Load CSV (x1,x2,t)</label>
        <input id="csv" type="file" accept=".csv,text/csv,text/plain" @change=${this.readFile} />
      </div>
      <div class="line" role="radiogroup" aria-label="Class a click on the scatter adds">
        <span>Click adds</span>
        ${([0, 1] as const).map(
          (t) => html`<label><input type="radio" name="add-class" .checked=${this.addClass === t}
            @change=${() => this.dispatchEvent(new CustomEvent('lp-add-class', { detail: { t }, bubbles: true, composed: true }))} /> t = ${t}</label>`,
        )}
      </div>
      <p class="hint">Shift-click adds the other class; Alt-click removes the nearest point.</p>
    </fieldset>`;
  }

  private gaussianFields(g: GaussianSettings) {
    const mean = GAUSSIAN_LIMITS.mean;
    const field = (
      label: string,
      value: number,
      set: (v: number) => Partial<GaussianSettings>,
      limits: { min: number; max: number },
      integer = false,
    ) =>
      html`<lp-number-field .label=${label} .value=${value} .min=${limits.min} .max=${limits.max} ?integer=${integer}
        @lp-number=${(e: NumberEvent) => this.change({ gaussians: set(e.detail.value) })}></lp-number-field>`;
    return html`
      <div class="row">
        ${field('class 0 mean x', g.mean0[0], (v) => ({ mean0: [v, g.mean0[1]] }), mean)}
        ${field('class 0 mean y', g.mean0[1], (v) => ({ mean0: [g.mean0[0], v] }), mean)}
        ${field('class 1 mean x', g.mean1[0], (v) => ({ mean1: [v, g.mean1[1]] }), mean)}
        ${field('class 1 mean y', g.mean1[1], (v) => ({ mean1: [g.mean1[0], v] }), mean)}
      </div>
      <div class="row">
        ${field('std', g.std, (v) => ({ std: v }), GAUSSIAN_LIMITS.std)}
        ${field('per class', g.perClass, (v) => ({ perClass: v }), GAUSSIAN_LIMITS.perClass, true)}
        ${field('seed', g.seed, (v) => ({ seed: v }), SEED_LIMITS, true)}
      </div>
      <div class="line">
        <button type="button" @click=${() => this.dispatchEvent(controlEvent('lp-regenerate', null))}>Regenerate (new seed)</button>
      </div>`;
  }

  private change(detail: SettingsChange): void {
    this.dispatchEvent(controlEvent('lp-settings', detail));
  }

  private async readFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    this.dispatchEvent(controlEvent('lp-load-csv', { text, name: file.name }));
    // Let the same file be chosen again after fixing it.
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-data-controls': LpDataControls;
  }
  interface GlobalEventHandlersEventMap {
    'lp-add-class': CustomEvent<{ t: ClassLabel }>;
  }
}
