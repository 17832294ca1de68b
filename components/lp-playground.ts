/**
 * <lp-playground>: the whole app in one element, one composition of the
 * figures: an <lp-model> with the transport, the controls, the scatter, the
 * cost surface, the loss chart, the readouts and the confusion matrix inside
 * it, laid out for a laptop and a projector. Its attributes go to the model;
 * its JS API is the model's (ready, state, settings, playing, step, reset,
 * configure, change, loadCsv, play, pause, lp-frame); `presentation` makes
 * every text 1.25 times larger.
 */
import { html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { PlaygroundSettings, SettingsChange } from '../src/state/playground-settings';
import { DEFAULT_PLAYGROUND } from '../src/state/playground-settings';
import { type TrainingState, unmeasuredState } from '../src/state/training-session';
import type { LpModel, PlaygroundOptions, ViewShortcutEvent } from './lp-model';
import type { LpShortcutHelp } from './lp-shortcut-help';
import { playgroundPanels } from './playground-layout';
import { playgroundStyles } from './playground-styles';
import './lp-model';
import './lp-shortcut-help';
import './lp-status';
import './lp-engine-badge';
import './lp-transport';
import { ModelAttributes } from './model-attributes';

export type { FrameEvent, PlaygroundOptions } from './lp-model';

@customElement('lp-playground')
export class LpPlayground extends ModelAttributes {
  static override styles = playgroundStyles;

  /** Larger text, every text by the same factor, for a projector. */
  @property({ type: Boolean, reflect: true }) presentation = false;

  @query('lp-model') private model!: LpModel | null;

  /** Settles once the playground has started: data loaded, w(0) evaluated, views drawn. */
  get ready(): Promise<void> {
    return this.inner().then((model) => model.ready);
  }

  /** The current model, one consistent moment (see <lp-model>). */
  get state(): TrainingState {
    return this.model?.state ?? unmeasuredState(DEFAULT_PLAYGROUND.training, 0, 'cpu');
  }

  /** Every shareable setting (data, training, speed), read-only. */
  get settings(): PlaygroundSettings {
    return this.model?.settings ?? DEFAULT_PLAYGROUND;
  }

  get playing(): boolean {
    return this.model?.playing ?? false;
  }

  /** Runs n gradient-descent iterations (default 1). */
  async step(n = 1): Promise<void> {
    await (await this.inner()).step(n);
  }

  /** Returns to the initial weights, iteration 0. */
  async reset(): Promise<void> {
    await (await this.inner()).reset();
  }

  /** Changes learningRate, initialWeights, initialBias, bias, reduction or batchSize; a RangeError names a bad value. */
  async configure(options: PlaygroundOptions): Promise<void> {
    await (await this.inner()).configure(options);
  }

  /** Changes any shareable setting: { preset, gaussians, training, speed }; a RangeError names a bad value. */
  async change(change: SettingsChange): Promise<void> {
    await (await this.inner()).change(change);
  }

  /** Replaces the data with CSV text (header x1,x2,t); a parse error is thrown, naming the line, and the data stay. */
  async loadCsv(text: string, name = 'CSV text'): Promise<void> {
    await (await this.inner()).loadCsv(text, name);
  }

  play(): void {
    this.model?.play();
  }

  pause(): void {
    this.model?.pause();
  }

  override render() {
    return html`<lp-model dataset=${this.preset ?? nothing} learning-rate=${this.learningRate ?? nothing}
        initial-weights=${this.initialWeights ?? nothing} ?bias=${this.bias} reduction=${this.reduction ?? nothing}
        engine=${this.engine ?? nothing} ?sync-url=${this.syncUrl} ?global-shortcuts=${this.globalShortcuts}
        @lp-view-shortcut=${this.onViewShortcut}>
      <div class="root">
        <div class="bar">
          <lp-transport></lp-transport>
          <lp-status></lp-status>
          <lp-engine-badge></lp-engine-badge>
          <button type="button" class="toggle" aria-pressed=${this.presentation ? 'true' : 'false'}
            @click=${() => this.togglePresentation()}>Presentation</button>
          <lp-shortcut-help></lp-shortcut-help>
        </div>
        ${playgroundPanels()}
      </div>
    </lp-model>`;
  }

  /** The inner model, once rendered (the API is usable before the first render has happened). */
  private async inner(): Promise<LpModel> {
    await this.updateComplete;
    if (!this.model) throw new Error('The playground is not on a page: connect it first');
    return this.model;
  }

  /** P and ? on the model's keys: this layout's presentation mode and key list. */
  private onViewShortcut = (event: ViewShortcutEvent): void => {
    event.preventDefault();
    if (event.detail.action === 'presentation') this.togglePresentation();
    else this.renderRoot.querySelector<LpShortcutHelp>('lp-shortcut-help')?.toggle();
  };

  private togglePresentation(): void {
    this.presentation = !this.presentation;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-playground': LpPlayground;
  }
}
