/**
 * A race at a glance: each racer (the model first) with its marker and
 * dash, its optimiser and η, where it is (iteration, cost), and the steps it
 * took to come within 0.1 % of the lowest cost any racer reached. A row's
 * button shows that racer's boundary on the scatter.
 *
 * @fires lp-select-racer - a racer's boundary was asked for: { racer } (0: the model)
 * @csspart table - the table
 */
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { iterationsReaching, REACHED } from '../src/model/race';
import type { Reduction } from '../src/model/regression';
import type { HistoryEntry } from '../src/session/history';
import type { RivalState } from '../src/session/rivals';
import type { RacerState } from '../src/session/run-state';
import { DEFAULT_SETTINGS } from '../src/settings/settings';
import { formatCount, formatNumber } from '../src/text/format';
import { controlEvent } from './events';
import { consumeModel } from './model-context';
import { racerName, racerSwatch } from './race-marks';
import { themeStyles } from './theme';

@customElement('lp-race-table')
export class LpRaceTable extends LitElement {
  static override styles = [
    themeStyles,
    css`
      :host { display: block; font-variant-numeric: tabular-nums; }
      table { border-collapse: collapse; font-size: 0.85em; }
      caption { text-align: left; color: var(--_lp-muted); padding-bottom: 0.15em; }
      th { font-weight: normal; color: var(--_lp-muted); text-align: left; padding: 0 0.5em 0.1em 0; white-space: nowrap; }
      td { padding: 0.05em 0.5em 0.05em 0; white-space: nowrap; }
      td.number { text-align: right; font-family: var(--_lp-mono); }
      button { font: inherit; display: inline-flex; align-items: center; gap: 0.3em; background: none; color: inherit;
        border: 1px solid transparent; border-radius: 4px; padding: 0 0.25em; cursor: pointer; }
      button[aria-pressed='true'] { border-color: var(--_lp-control-border); background: var(--_lp-surface-2); font-weight: 600; }
      button:focus-visible { outline: 3px solid var(--_lp-focus); outline-offset: 1px; }
      .stopped { color: var(--_lp-notice-text); }
    `,
  ];

  /** Every racer as `state.race` lists it (the model first). */
  @property({ attribute: false }) racers: readonly RacerState[] = [];
  /** Each racer's costs so far, in the same order. */
  @property({ attribute: false }) histories: readonly (readonly HistoryEntry[])[] = [];
  /** Why each racer stopped, where it did (undefined where it goes on). */
  @property({ attribute: false }) stopped: readonly (string | undefined)[] = [];
  /** The racer whose boundary the scatter shows. */
  @property({ type: Number }) selected = 0;
  /** Labels the cost with how it is reduced. */
  @property() reduction: Reduction = DEFAULT_SETTINGS.reduction;

  constructor() {
    super();
    // Inside an <lp-model>, everything above comes from it.
    consumeModel(this, (m) => {
      const p = m.published;
      this.reduction = m.settings.training.reduction;
      this.racers = p?.state.race ?? [];
      const rivals: readonly RivalState[] = p?.run.rivals ?? [];
      this.histories = p ? [p.run.history, ...rivals.map((r) => r.history)] : [];
      this.stopped = [undefined, ...rivals.map((r) => r.stopped)];
      this.selected = p?.racer ?? 0;
    });
  }

  override render() {
    if (this.racers.length === 0) return nothing;
    // Costs measured on all the data only: a mini-batch's estimate is no cost a racer reached.
    const reached = iterationsReaching(this.histories.map((h) => h.filter((e) => e.measuredOn === 'all')));
    return html`<table part="table">
      <caption>Race: steps to within ${REACHED * 100} % of the best cost</caption>
      <thead><tr><th scope="col" title="a racer's button shows its boundary">racer</th><th scope="col">iteration</th><th scope="col">ξ (${this.reduction})</th><th scope="col">steps</th></tr></thead>
      <tbody>${this.racers.map(
        (racer, k) => html`<tr data-racer=${k}>
          <td><button type="button" aria-pressed=${this.selected === k ? 'true' : 'false'}
            @click=${() => this.dispatchEvent(controlEvent('lp-select-racer', { racer: k }))}>${racerSwatch(k)}${racerName(racer)}</button></td>
          <td class="number">${formatCount(racer.iteration)}</td>
          <td class="number">${formatNumber(racer.cost)}</td>
          <td class="number ${this.stopped[k] ? 'stopped' : ''}" title=${this.stopped[k] ?? ''}>${
            this.stopped[k] ? 'stopped' : reached[k] === undefined ? '—' : formatCount(reached[k])
          }</td></tr>`,
      )}</tbody></table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-race-table': LpRaceTable;
  }
}
