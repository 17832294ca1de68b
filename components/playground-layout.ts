/**
 * The playground's panels as one template: the controls on the left; the
 * messages, the scatter, the cost surface, the loss chart, the readouts and
 * the confusion matrix on the right. Everything it shows comes from the one
 * view the controller publishes (and the settings); the controls answer with
 * events that <lp-playground> handles.
 */
import { html, nothing } from 'lit';
import type { PlaygroundSettings } from '../src/state/playground-settings';
import type { Busy, PlaygroundView } from '../src/state/playground-view';
import type { ClassLabel } from '../src/view/palette';
import { playgroundMessages } from './playground-messages';

export interface PanelsInput {
  readonly view: PlaygroundView | undefined;
  readonly settings: PlaygroundSettings;
  /** The class a plain click on the scatter adds. */
  readonly addClass: ClassLabel;
  /** What WebGPU offers, in words. */
  readonly adapterText: string;
  readonly notices: readonly string[];
  readonly error: string;
  readonly busy: Busy | undefined;
  /** Requests queued behind slow work. */
  readonly waiting: number;
}

export function playgroundPanels(input: PanelsInput) {
  const { view: v, settings, addClass } = input;
  const t = settings.training;
  const run = v?.run;
  const messages = playgroundMessages(v, input.busy, input.waiting, input.notices, input.error);
  return html`<div class="main">
    <div class="controls">
      <lp-data-controls .preset=${settings.preset} .gaussians=${settings.gaussians} .custom=${v?.customData ?? ''}
        .addClass=${addClass}></lp-data-controls>
      <lp-model-controls ?bias=${t.bias} .reduction=${t.reduction}></lp-model-controls>
      <lp-optimiser-controls .learningRate=${t.learningRate} .batchSize=${t.batchSize}
        .samples=${run?.data.targets.length ?? 40} .speed=${settings.speed}></lp-optimiser-controls>
      <lp-initial-weights .weights=${t.initialWeights} .initialBias=${t.initialBias} ?bias=${t.bias}></lp-initial-weights>
      <p class="adapter" data-adapter>${input.adapterText}</p>
    </div>
    <div class="views">
      ${messages === nothing ? nothing : html`<div class="messages">${messages}</div>`}
      <section class="scatter" aria-label="Data and decision boundary">
        ${
          v
            ? html`<lp-scatter .data=${v.run.data} .domain=${v.scatterDomain} .params=${v.run.evaluation.params}
                .probabilities=${v.probabilities} .addClass=${addClass}></lp-scatter>`
            : nothing
        }
      </section>
      <section class="surface" aria-label="Cost surface and descent path">
        <lp-cost-surface .status=${v?.surface} .history=${run?.history ?? []} .params=${run?.evaluation.params}
          .gradient=${run?.evaluation.gradient} learning-rate=${t.learningRate} ?bias=${t.bias} .reduction=${t.reduction}></lp-cost-surface>
      </section>
      <div class="bottom">
        <section class="chart" aria-label="Cost and accuracy over iterations">
          <lp-loss-chart .history=${run?.history ?? []} .reduction=${t.reduction}></lp-loss-chart>
        </section>
        <section class="readouts" aria-label="Readouts">
          <lp-readout .state=${v?.state} .gradient=${run?.evaluation.gradient} .reduction=${t.reduction} .bias=${t.bias}></lp-readout>
        </section>
        <section class="confusion" aria-label="Confusion matrix">
          <lp-confusion-matrix .confusion=${run?.evaluation.confusion}></lp-confusion-matrix>
        </section>
      </div>
    </div>
  </div>`;
}
