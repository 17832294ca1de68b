/**
 * <lp-playground>: the whole app in one element, one composition of the
 * figures: an <lp-model> with the transport, the controls, the scatter, the
 * cost surface, the loss chart, the readouts and the confusion matrix inside
 * it, laid out for a laptop and a projector. Its attributes go to the model;
 * its JS API is the model's (ready, state, settings, playing, step, reset,
 * configure, change, loadCsv, play, pause, lp-frame); `presentation` makes
 * every text 1.25 times larger.
 *
 * @fires lp-frame - after each frame Play has drawn: { iteration, learningRate } (from its <lp-model>)
 * @csspart bar - the top bar: transport, status, engine, Presentation, Keys
 * @csspart main - the controls and the views
 * @csspart controls - the column of control panels
 * @csspart views - the messages and the figures
 * @csspart panel - each figure's box (scatter, cost surface, loss chart, readouts, confusion matrix)
 * @csspart presentation-button - the Presentation toggle
 * @csspart transport-button - Play, Step, Step ×10, Reset (<lp-transport>'s `button`)
 * @csspart help-button - the "Keys ?" button
 * @csspart engine-badge - the engine badge
 * @csspart fieldset - each control panel (the controls' `fieldset`)
 * @csspart scatter-plot - the scatter's SVG
 * @csspart scatter-legend - the scatter's legend
 * @csspart surface-plot - the cost surface's SVG
 * @csspart chart-plot - the loss chart's SVG
 * @csspart readouts - the readouts' list
 * @csspart confusion-table - the confusion matrix
 * @cssprop --lp-font-size - the text size every text scales from (default 14–19px with the window's width); presentation mode multiplies it by 1.25
 * @cssprop --lp-height - the element's height (default 100%: what its container gives it; at least 30em)
 * @cssprop --lp-surface - buttons, fields, legends, the heatmap's middle (default white; dark #1f2329)
 * @cssprop --lp-border-color - panels' and tables' borders (default #bbb; dark #4b525b)
 * @cssprop --lp-control-border-color - buttons' and fields' borders (default #777; dark #8b949e)
 * @cssprop --lp-accent - Play and other primary marks (default #0b5394; dark #74b6ef)
 * @cssprop --lp-on-accent-color - text on the accent (default white; dark #0d1117)
 * @cssprop --lp-focus-color - focus rings (default #0072b2; dark #56b4e9)
 * @cssprop --lp-highlight-color - the descent path, Play's focus ring (default #e69f00)
 * @cssprop --lp-class0-color - class 0 everywhere (default #D55E00)
 * @cssprop --lp-class1-color - class 1 everywhere (default #0072B2; dark #56B4E9)
 * @cssprop --lp-boundary-color - the decision boundary and w (default #111; dark #f2f2f2)
 * @cssprop --lp-error-color - errors and refused values (default #b00020; dark #ff6b81)
 */
import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ExportedModel } from '../src/session/model-file';
import { type TrainingState, unmeasuredState } from '../src/session/training-session';
import type { PlaygroundSettings, SettingsChange } from '../src/settings/playground-settings';
import { DEFAULT_PLAYGROUND } from '../src/settings/playground-settings';
import { SOURCE } from '../src/text/messages';
import type { LpModel, PlaygroundOptions, ViewShortcutEvent } from './lp-model';
import type { LpShortcutHelp } from './lp-shortcut-help';
import { playgroundPanels } from './playground-layout';
import { playgroundStyles } from './playground-styles';
import { TableDock } from './table-dock';
import type { NoteEvent } from './transient-note';
import './lp-model';
import './lp-shortcut-help';
import './lp-status';
import './lp-engine-badge';
import './lp-transport';
import './lp-data-actions';
import { ModelAttributes } from './model-attributes';

export type { FrameEvent, PlaygroundOptions } from './lp-model';

@customElement('lp-playground')
export class LpPlayground extends ModelAttributes {
  static override styles = playgroundStyles;

  /** Larger text, every text by the same factor, for a projector. */
  @property({ type: Boolean, reflect: true }) presentation = false;

  @query('lp-model') private model!: LpModel | null;
  private resolveRendered: (model: LpModel) => void = () => undefined;
  /** The inner model, once the first render made it. */
  private readonly rendered = new Promise<LpModel>((resolve) => {
    this.resolveRendered = resolve;
  });
  /** The tables under the controls where there is room for them. */
  private readonly dock = new TableDock(this);
  /** What the bar's buttons said last (a link copied), shown in the status line while it lasts. */
  @state() private note = '';

  /** Settles once the playground has started: data loaded, w(0) evaluated, views drawn; rejects if it could not. */
  get ready(): Promise<void> {
    const ready = this.inner().then((model) => model.ready);
    // A page that never awaits `ready` must not see an unhandled rejection; the page shows the error.
    ready.catch(() => undefined);
    return ready;
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
    await this.forward((model) => model.step(n));
  }

  /** Returns to the initial weights, iteration 0. */
  async reset(): Promise<void> {
    await this.forward((model) => model.reset());
  }

  /** Changes learningRate, initialWeights, initialBias, bias, reduction or batchSize; a RangeError names a bad value. */
  async configure(options: PlaygroundOptions): Promise<void> {
    await this.forward((model) => model.configure(options));
  }

  /** Changes any shareable setting: { preset, gaussians, training, speed }; a RangeError names a bad value. */
  async change(change: SettingsChange): Promise<void> {
    await this.forward((model) => model.change(change));
  }

  /** Replaces the data with CSV text (header x1,x2,t); a parse error is thrown, naming the line, and the data stay. */
  async loadCsv(text: string, name: string = SOURCE.csvText): Promise<void> {
    await this.forward((model) => model.loadCsv(text, name));
  }

  /** Takes back the last change of the data (see <lp-model>). */
  async undo(): Promise<void> {
    await this.forward((model) => model.undo());
  }

  /** Makes the last undone change of the data again. */
  async redo(): Promise<void> {
    await this.forward((model) => model.redo());
  }

  /** The data on view as CSV (see <lp-model>); throws before the start. */
  exportCsv(): string {
    return this.started().exportCsv();
  }

  /** The model on view as an object (see <lp-model>); throws before the start. */
  exportModel(): ExportedModel {
    return this.started().exportModel();
  }

  /** Restores the settings and weights of a model from exportModel() (or its JSON). */
  async loadModel(model: unknown): Promise<void> {
    await this.forward((inner) => inner.loadModel(model));
  }

  /** A link to this experiment (see <lp-model>). */
  async shareLink(): Promise<string> {
    return this.forward((model) => model.shareLink());
  }

  play(): void {
    this.model?.play();
  }

  /** Stops Play at once, and the step(n) runs asked for before it (see <lp-model>). */
  pause(): void {
    this.model?.pause();
    this.forward((model) => model.pause()).catch(() => undefined);
  }

  override render() {
    return html`<lp-model dataset=${this.preset ?? nothing} learning-rate=${this.learningRate ?? nothing}
        initial-weights=${this.initialWeights ?? nothing} ?bias=${this.bias} reduction=${this.reduction ?? nothing}
        engine=${this.engine ?? nothing} ?sync-url=${this.syncUrl} ?global-shortcuts=${this.globalShortcuts}
        @lp-view-shortcut=${this.onViewShortcut}>
      <div class="root">
        <div class="bar" part="bar" @lp-note=${this.onNote}>
          <div class="doing">
            <div class="actions">
              <lp-transport exportparts="button: transport-button"></lp-transport>
              <lp-data-actions></lp-data-actions>
            </div>
            <lp-status .note=${this.note}></lp-status>
          </div>
          <div class="about">
            <lp-engine-badge exportparts="badge: engine-badge"></lp-engine-badge>
            <button type="button" class="toggle" part="presentation-button" aria-pressed=${this.presentation ? 'true' : 'false'}
              @click=${() => this.togglePresentation()}>Presentation</button>
            <lp-shortcut-help exportparts="button: help-button"></lp-shortcut-help>
          </div>
        </div>
        ${playgroundPanels(this.dock)}
      </div>
    </lp-model>`;
  }

  private started(): LpModel {
    if (!this.model) throw new Error('The playground has not started yet: await its `ready` first');
    return this.model;
  }

  /**
   * Hands a call to the inner model once it is rendered, always through the
   * same promise, so the calls reach it in the order they were made (the API
   * is usable before the first render).
   */
  private forward<T>(call: (model: LpModel) => T | Promise<T>): Promise<T> {
    return this.rendered.then(call);
  }

  protected override firstUpdated(): void {
    if (this.model) this.resolveRendered(this.model);
  }

  /** The inner model, once rendered (the API is usable before the first render has happened). */
  private async inner(): Promise<LpModel> {
    await this.updateComplete;
    if (!this.model) throw new Error('The playground is not on a page: connect it first');
    return this.model;
  }

  /** A note from the bar's buttons goes to the status line: in the bar, over no plot. */
  private onNote = (event: NoteEvent): void => {
    event.preventDefault();
    this.note = event.detail.text;
  };

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
