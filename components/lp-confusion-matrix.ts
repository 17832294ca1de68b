/**
 * The 2×2 confusion matrix: rows are the true class t, columns the predicted class ŷ (1 where σ(z) ≥ 0.5).
 *
 * @csspart table - the table
 * @cssprop --lp-border-color - the cells' borders (default #bbb; dark #4b525b)
 * @cssprop --lp-surface - the headers' background is a shade off it (default white; dark #1f2329)
 */
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Confusion } from '../src/model/regression';
import { CLASS_STYLE } from '../src/plot/palette';
import { consumeModel } from './model-context';
import { themeStyles } from './theme';

@customElement('lp-confusion-matrix')
export class LpConfusionMatrix extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; font-variant-numeric: tabular-nums; }
      table { border-collapse: collapse; }
      caption { text-align: left; font-weight: 600; margin-bottom: 0.2em; }
      th, td { border: 1px solid var(--_lp-border); padding: 0.1em 0.45em; text-align: right; white-space: nowrap; }
      abbr { text-decoration: none; }
      th { font-weight: 500; background: var(--_lp-surface-2); }
      td.right { background: var(--_lp-right-surface); }
      td.wrong { background: var(--_lp-wrong-surface); }
    `,
  ];

  @property({ attribute: false }) confusion: Confusion | undefined;

  constructor() {
    super();
    // Inside an <lp-model>, the model's.
    consumeModel(this, (m) => {
      this.confusion = m.published?.run.evaluation.confusion;
    });
  }

  override render() {
    const c = this.confusion;
    if (!c) return html``;
    const cell = (value: number, right: boolean, name: string) =>
      html`<td class=${right ? 'right' : 'wrong'} data-cell=${name}>${value}</td>`;
    return html`<table part="table">
      <caption>Confusion matrix</caption>
      <tr><th scope="col"><abbr title="rows: the true class t; columns: the class predicted">t \\ ŷ</abbr></th>
        <th scope="col">ŷ = 0</th><th scope="col">ŷ = 1</th></tr>
      <tr><th scope="row">${CLASS_STYLE[0].label}</th>${cell(c.trueNegative, true, 'tn')}${cell(c.falsePositive, false, 'fp')}</tr>
      <tr><th scope="row">${CLASS_STYLE[1].label}</th>${cell(c.falseNegative, false, 'fn')}${cell(c.truePositive, true, 'tp')}</tr>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-confusion-matrix': LpConfusionMatrix;
  }
}
