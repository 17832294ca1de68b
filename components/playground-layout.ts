/**
 * The playground's panels: the controls on the left; the messages, the
 * scatter, the cost surface, the loss chart, the readouts and the confusion
 * matrix on the right. Each element takes what it shows from the <lp-model>
 * around it and answers with events: the layout only places them.
 */
import { html } from 'lit';
import './lp-adapter-note';
import './lp-confusion-matrix';
import './lp-cost-surface';
import './lp-data-controls';
import './lp-initial-weights';
import './lp-loss-chart';
import './lp-messages';
import './lp-model-controls';
import './lp-optimiser-controls';
import './lp-readout';
import './lp-scatter';

export function playgroundPanels() {
  return html`<div class="main">
    <div class="controls">
      <lp-data-controls></lp-data-controls>
      <lp-model-controls></lp-model-controls>
      <lp-optimiser-controls></lp-optimiser-controls>
      <lp-initial-weights></lp-initial-weights>
      <lp-adapter-note class="adapter"></lp-adapter-note>
    </div>
    <div class="views">
      <lp-messages class="messages"></lp-messages>
      <section class="scatter" aria-label="Data and decision boundary"><lp-scatter></lp-scatter></section>
      <section class="surface" aria-label="Cost surface and descent path"><lp-cost-surface></lp-cost-surface></section>
      <div class="bottom">
        <section class="chart" aria-label="Cost and accuracy over iterations"><lp-loss-chart></lp-loss-chart></section>
        <section class="readouts" aria-label="Readouts"><lp-readout></lp-readout></section>
        <section class="confusion" aria-label="Confusion matrix"><lp-confusion-matrix></lp-confusion-matrix></section>
      </div>
    </div>
  </div>`;
}
