/**
 * The 2×2 confusion matrix at the threshold: rows are the true class t,
 * columns the predicted class ŷ (1 where y ≥ threshold); under it, the
 * precision, recall and F1 it gives. With `adjustable`, the threshold is a
 * slider here, where what it changes shows (by pointer, or ← → by 0.01 and
 * Page Up/Down by 0.1).
 *
 * @attr adjustable - the threshold as a slider that asks for a new one
 * @fires lp-settings - the slider moved (with `adjustable`): { training: { threshold } }
 * @csspart table - the table
 * @csspart measures - precision, recall and F1 under it
 * @cssprop --lp-border-color - the cells' borders (default #bbb; dark #4b525b)
 * @cssprop --lp-surface - the headers' background is a shade off it (default white; dark #1f2329)
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Confusion } from '../src/model/regression';
import { thresholdMeasures } from '../src/model/roc';
import { CLASS_STYLE } from '../src/plot/palette';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { SETTINGS } from '../src/settings/settings-schema';
import { formatNumber } from '../src/text/format';
import { controlEvent } from './events';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-confusion-matrix')
export class LpConfusionMatrix extends LitElement {
  private slider() {
    const { min, max } = SETTINGS.threshold.range;
    return html`<div class="threshold">
      <label for="threshold-slider">${SETTINGS.threshold.label}</label>
      <input id="threshold-slider" type="range" min=${min} max=${max} step="0.01" .value=${String(this.threshold)}
        aria-valuetext=${String(this.threshold)}
        @input=${(e: Event) =>
          this.dispatchEvent(
            controlEvent('lp-settings', { training: { threshold: Number((e.target as HTMLInputElement).value) } }),
          )} />
      <output for="threshold-slider" data-threshold>${this.threshold.toFixed(2)}</output>
    </div>`;
  }

  static override styles = [
    themeStyles,
    css`
      /* As wide as the table: the slider and the measures below fit under it, wrapping as they must. */
      :host { display: block; width: min-content; font-variant-numeric: tabular-nums; }
      table { border-collapse: collapse; }
      caption { text-align: left; font-weight: 600; margin-bottom: 0.2em; }
      th, td { border: 1px solid var(--_lp-border); padding: 0.1em 0.45em; text-align: right; white-space: nowrap; }
      abbr { text-decoration: none; }
      th { font-weight: 500; background: var(--_lp-surface-2); }
      td.right { background: var(--_lp-right-surface); }
      td.wrong { background: var(--_lp-wrong-surface); }
      caption .at { font-weight: 400; color: var(--_lp-muted); }
      .measures { display: flex; flex-wrap: wrap; gap: 0 0.7em; margin: 0.25em 0 0; font-size: 0.9em; }
      .measures > span { white-space: nowrap; }
      .threshold { display: flex; align-items: center; gap: 0.4em; margin-top: 0.2em; font-size: 0.9em; }
      /* No width of its own: it takes what the table's width leaves beside its label and value. */
      .threshold input { flex: 1 1 0; width: 0; min-width: 3em; font: inherit; }
      .threshold input:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 2px; }
    `,
  ];

  @property({ attribute: false }) confusion: Confusion | undefined;
  /** y at or above it says class 1. */
  @property({ type: Number }) threshold = DEFAULT_SETTINGS.threshold;
  /** The threshold as a slider (in the playground); a figure shows its value only. */
  @property({ type: Boolean }) adjustable = false;

  constructor() {
    super();
    // Inside an <lp-model>, the model's.
    consumeModel(this, (m) => {
      this.confusion = m.published?.run.evaluation.confusion;
      this.threshold = m.settings.training.threshold;
    });
  }

  override render() {
    const c = this.confusion;
    if (!c) return html``;
    const cell = (value: number, right: boolean, name: string) =>
      html`<td class=${right ? 'right' : 'wrong'} data-cell=${name}>${value}</td>`;
    const { precision, recall, f1 } = thresholdMeasures(c);
    const measure = (label: string, name: string, value: number) =>
      html`<span>${label} <span data-measure=${name}>${formatNumber(value, 3)}</span></span>`;
    return html`<table part="table">
      <caption>Confusion matrix${this.adjustable ? '' : html` <span class="at">at y ≥ ${this.threshold}</span>`}</caption>
      <tr><th scope="col"><abbr title="rows: the true class t; columns: the class predicted">t \\ ŷ</abbr></th>
        <th scope="col">ŷ = 0</th><th scope="col">ŷ = 1</th></tr>
      <tr><th scope="row">${CLASS_STYLE[0].label}</th>${cell(c.trueNegative, true, 'tn')}${cell(c.falsePositive, false, 'fp')}</tr>
      <tr><th scope="row">${CLASS_STYLE[1].label}</th>${cell(c.falseNegative, false, 'fn')}${cell(c.truePositive, true, 'tp')}</tr>
    </table>
    ${this.adjustable ? this.slider() : nothing}
    <p class="measures" part="measures">${measure('precision', 'precision', precision)}${measure('recall', 'recall', recall)}${measure('F1', 'f1', f1)}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-confusion-matrix': LpConfusionMatrix;
  }
}
