/**
 * The data: the tutorial's 40 points, two Gaussian classes (means, shared
 * std, samples per class, seed) or a shape a line cannot split (circle, XOR,
 * spiral: samples per class, seed, noise), the share held out as a test set,
 * a CSV file of one's own, and which class a
 * click on the scatter adds. While the data are custom (from a file, or
 * edited by clicks) the preset list says so, and choosing a preset brings its
 * data back.
 *
 * @attr preset - "tutorial", "gaussians", "circle", "xor" or "spiral": the data set chosen (inside an <lp-model>, the model's)
 * @fires lp-settings - a preset or one of its settings was chosen: { preset } or { gaussians } (the drawn presets' group); the test fraction: { training: { testFraction } }
 * @fires lp-regenerate - New seed was pressed
 * @fires lp-add-class - the class a click adds was chosen: { t }
 * @fires lp-import-csv - a CSV file was chosen: { source, name }
 * @csspart fieldset - the panel
 */
import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { ClassLabel } from '../src/plot/palette';
import { DRAWN_BY, type DrawSettings, type Preset, type SettingsChange } from '../src/settings/playground-settings';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { PRESET_NAMES, PRESETS, SETTINGS, type Setting } from '../src/settings/settings-schema';
import { controlStyles } from './control-styles';
import { controlEvent } from './events';
import type { NumberEvent } from './lp-number-field';
import './lp-csv-import';
import './lp-number-field';
import { consumeModel } from './model-context';

/** The value the preset list shows while the data are custom. */
const CUSTOM = 'custom';

@customElement('lp-data-controls')
export class LpDataControls extends LitElement {
  static override styles = controlStyles;

  @property() preset: Preset = 'tutorial';
  @property({ attribute: false }) gaussians: DrawSettings | undefined;
  /** The share of the data held out as a test set. */
  @property({ type: Number, attribute: 'test-fraction' }) testFraction = DEFAULT_SETTINGS.testFraction;
  /** Where the data came from when they are custom (a file, clicks); '' while they are the preset's. */
  @property() custom = '';
  /** Which class a plain click on the scatter adds (shift-click adds the other). */
  @property({ type: Number }) addClass: ClassLabel = 0;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      this.preset = m.settings.preset;
      this.gaussians = m.settings.gaussians;
      this.custom = m.published?.customData ?? '';
      this.addClass = m.addClass;
      this.testFraction = m.settings.training.testFraction;
    });
  }

  override render() {
    const g = this.gaussians;
    return html`<fieldset part="fieldset">
      <legend>Data</legend>
      <div class="line">
        <label for="preset">Preset</label>
        <select id="preset" @change=${this.choosePreset}>
          ${PRESETS.map(
            (preset) =>
              html`<option value=${preset} .selected=${live(!this.custom && this.preset === preset)}>${PRESET_NAMES[preset]}</option>`,
          )}
          ${this.custom ? html`<option value=${CUSTOM} .selected=${true}>Custom data</option>` : nothing}
        </select>
      </div>
      ${this.custom ? html`<p class="hint" data-custom>${this.custom} Choose a preset to go back to it.</p>` : nothing}
      ${g && !this.custom && DRAWN_BY[this.preset].length > 0 ? this.drawFields(g) : nothing}
      <div class="line">
        <label class="file">Load CSV…<input id="csv" type="file" accept=".csv,text/csv,text/plain"
          aria-label="Load CSV (x1,x2,t)" @change=${this.readFile} /></label>
        <!-- How many that holds out the scatter's legend says, beside the hollow test points. -->
        <lp-number-field class="narrow" inline .label=${SETTINGS.testFraction.label} .value=${this.testFraction}
          .min=${SETTINGS.testFraction.range.min} .max=${SETTINGS.testFraction.range.max}
          @lp-number=${(e: NumberEvent) => this.change({ training: { testFraction: e.detail.value } })}></lp-number-field>
        <span class="spacer"></span>
        <span class="line tight" role="radiogroup" aria-label="Class a click on the scatter adds">
          <span>click adds</span>
          ${([0, 1] as const).map(
            (t) => html`<label><input type="radio" name="add-class" .checked=${this.addClass === t}
              @change=${() => this.dispatchEvent(controlEvent('lp-add-class', { t }))} />t = ${t}</label>`,
          )}
        </span>
      </div>
      <lp-csv-import></lp-csv-import>
      <p class="hint usage">Shift-click adds the other class; Alt-click removes the nearest point. A CSV file can also be dropped on the scatter, or pasted (Ctrl+V).</p>
    </fieldset>`;
  }

  /** The fields of the settings the preset is drawn from: the means and std of the Gaussians, a shape's noise. */
  private drawFields(g: DrawSettings) {
    const drawnFrom = DRAWN_BY[this.preset];
    const field = (
      setting: Setting & { readonly range: NonNullable<Setting['range']> },
      label: string,
      value: number,
      set: (v: number) => Partial<DrawSettings>,
      hideLabel = false,
    ) =>
      html`<lp-number-field .label=${label} ?hide-label=${hideLabel} .value=${value} .min=${setting.range.min}
        .max=${setting.range.max} ?integer=${setting.integer ?? false}
        @lp-number=${(e: NumberEvent) => this.change({ gaussians: set(e.detail.value) })}></lp-number-field>`;
    const [m0x, m0y] = SETTINGS.mean0.parts;
    const [m1x, m1y] = SETTINGS.mean1.parts;
    // The means as a table: each input's accessible name (and its messages) is the full one, "class 0 mean x".
    const means = drawnFrom.includes('mean0')
      ? html`<table class="fields">
        <tr><th scope="col">mean</th><th scope="col">x</th><th scope="col">y</th></tr>
        <tr><th scope="row">class 0</th>
          <td>${field(SETTINGS.mean0, m0x, g.mean0[0], (v) => ({ mean0: [v, g.mean0[1]] }), true)}</td>
          <td>${field(SETTINGS.mean0, m0y, g.mean0[1], (v) => ({ mean0: [g.mean0[0], v] }), true)}</td></tr>
        <tr><th scope="row">class 1</th>
          <td>${field(SETTINGS.mean1, m1x, g.mean1[0], (v) => ({ mean1: [v, g.mean1[1]] }), true)}</td>
          <td>${field(SETTINGS.mean1, m1y, g.mean1[1], (v) => ({ mean1: [g.mean1[0], v] }), true)}</td></tr>
      </table>`
      : nothing;
    return html`${means}
      <div class="row bottom">
        ${drawnFrom.includes('std') ? field(SETTINGS.std, SETTINGS.std.label, g.std, (v) => ({ std: v })) : nothing}
        ${drawnFrom.includes('noise') ? field(SETTINGS.noise, SETTINGS.noise.label, g.noise, (v) => ({ noise: v })) : nothing}
        ${field(SETTINGS.perClass, SETTINGS.perClass.label, g.perClass, (v) => ({ perClass: v }))}
        ${field(SETTINGS.seed, SETTINGS.seed.label, g.seed, (v) => ({ seed: v }))}
        <button type="button" title="Regenerate: draw the data again with the next seed"
          @click=${() => this.dispatchEvent(controlEvent('lp-regenerate', null))}>New seed</button>
      </div>`;
  }

  private choosePreset = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (value !== CUSTOM) this.change({ preset: value as Preset });
  };

  private change(detail: SettingsChange): void {
    this.dispatchEvent(controlEvent('lp-settings', detail));
  }

  /** The model's import reads the file (in a worker) and asks about its columns if need be. */
  private readFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.dispatchEvent(controlEvent('lp-import-csv', { source: file, name: file.name }));
    // Let the same file be chosen again after fixing it.
    input.value = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-data-controls': LpDataControls;
  }
}
