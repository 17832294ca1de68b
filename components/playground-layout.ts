/**
 * The playground's panels: the controls on the left; the messages, the
 * scatter, the cost surface, the loss chart, the readouts and the confusion
 * matrix on the right, or, where the controls leave room for them, the
 * tables under the controls (see TableDock) and the chart wider. Each
 * element takes what it shows from the <lp-model> around it and answers
 * with events: the layout only places them.
 */
import { html, nothing } from 'lit';
import './lp-adapter-note';
import './lp-confusion-matrix';
import './lp-cost-surface';
import './lp-data-controls';
import './lp-initial-weights';
import './lp-loss-chart';
import './lp-messages';
import './lp-model-controls';
import './lp-optimiser-controls';
import './lp-race-table';
import './lp-readout';
import './lp-roc-curve';
import './lp-scatter';
import type { TableDock } from './table-dock';

/** What the chart panel shows: the cost and accuracy over the iterations, or the ROC curve. */
export type ChartView = 'cost' | 'roc';

const CHART_VIEWS: readonly { readonly view: ChartView; readonly label: string }[] = [
  { view: 'cost', label: 'Cost' },
  { view: 'roc', label: 'ROC' },
];

export function playgroundPanels(dock: TableDock, chartView: ChartView, showChart: (view: ChartView) => void) {
  // One panel, two views: the ROC's square would take the room the loss chart needs beside the tables.
  const switcher = html`<div class="chart-views" role="group" aria-label="Chart">
    ${CHART_VIEWS.map(
      ({
        view,
        label,
      }) => html`<button type="button" class="toggle" aria-pressed=${chartView === view ? 'true' : 'false'}
        @click=${() => showChart(view)}>${label}</button>`,
    )}
  </div>`;
  const readouts = html`<section class="readouts" part="panel" aria-label="Readouts"><lp-readout stacked exportparts="readouts"></lp-readout>
    <lp-race-table exportparts="table: race-table"></lp-race-table></section>`;
  const confusion = html`<section class="confusion" part="panel" aria-label="Confusion matrix">
    <lp-confusion-matrix adjustable exportparts="table: confusion-table"></lp-confusion-matrix></section>`;
  // The parts named here (and the figures' parts they export) are <lp-playground>'s, for ::part() on it.
  return html`<div class="main" part="main">
    <div class="controls" part="controls">
      <lp-data-controls exportparts="fieldset"></lp-data-controls>
      <lp-model-controls exportparts="fieldset"></lp-model-controls>
      <lp-optimiser-controls exportparts="fieldset"></lp-optimiser-controls>
      <lp-initial-weights exportparts="fieldset"></lp-initial-weights>
      <lp-adapter-note class="adapter"></lp-adapter-note>
      ${
        dock.docked.length > 0
          ? html`<div class="dock">${dock.has('readouts') ? readouts : nothing}${dock.has('confusion') ? confusion : nothing}</div>`
          : nothing
      }
    </div>
    <div class="views" part="views">
      <lp-messages class="messages"></lp-messages>
      <section class="scatter" part="panel" aria-label="Data and decision boundary">
        <lp-scatter exportparts="plot: scatter-plot, legend: scatter-legend"></lp-scatter></section>
      <section class="surface" part="panel" aria-label="Cost surface and descent path">
        <lp-cost-surface exportparts="plot: surface-plot"></lp-cost-surface></section>
      <div class="bottom">
        <section class="chart" part="panel" aria-label=${chartView === 'cost' ? 'Cost and accuracy over iterations' : 'ROC curve'}>
          ${switcher}
          ${
            chartView === 'cost'
              ? html`<lp-loss-chart exportparts="plot: chart-plot"></lp-loss-chart>`
              : html`<lp-roc-curve exportparts="plot: roc-plot"></lp-roc-curve>`
          }</section>
        ${dock.has('readouts') ? nothing : readouts}${dock.has('confusion') ? nothing : confusion}
      </div>
    </div>
  </div>`;
}
