/**
 * <lp-playground>: the whole app in one element, one composition of the
 * figures: an <lp-model> with the transport, the controls, the scatter, the
 * cost surface, the loss chart, the readouts and the confusion matrix inside
 * it, laid out for a laptop and a projector. Its attributes go to the model;
 * its JS API is the model's (ready, state, settings, playing, step, reset,
 * configure, change, loadCsv, undo, redo, exportCsv, exportModel, loadModel,
 * shareLink, play, pause, lp-frame: model-api.ts forwards each); `presentation`
 * makes every text 1.25 times larger.
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
import type { LpModel, ViewShortcutEvent } from './lp-model';
import type { LpShortcutHelp } from './lp-shortcut-help';
import { type ChartView, playgroundPanels } from './playground-layout';
import { playgroundStyles } from './playground-styles';
import { TableDock } from './table-dock';
import type { NoteEvent } from './transient-note';
import './lp-model';
import './lp-shortcut-help';
import './lp-status';
import './lp-engine-badge';
import './lp-transport';
import './lp-data-actions';
import { forwardModelApi, type ModelApi, type ModelHolder } from './model-api';
import { ModelAttributes } from './model-attributes';

export type { FrameEvent, PlaygroundOptions } from './lp-model';

/** <lp-model>'s API, every member reaching the inner model (model-api.ts); documented once, on LpModel. */
export interface LpPlayground extends ModelApi {}

@customElement('lp-playground')
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: forwardModelApi below defines the interface's members on the prototype.
export class LpPlayground extends ModelAttributes implements ModelHolder {
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
  /** What the chart panel shows: the cost and accuracy over the iterations, or the ROC curve. */
  @state() private chartView: ChartView = 'cost';

  override render() {
    return html`<lp-model dataset=${this.preset ?? nothing} learning-rate=${this.learningRate ?? nothing}
        features=${this.features ?? nothing} initial-weights=${this.initialWeights ?? nothing} ?bias=${this.bias}
        reduction=${this.reduction ?? nothing} l2=${this.l2 ?? nothing} threshold=${this.threshold ?? nothing}
        test-fraction=${this.testFraction ?? nothing}
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
        ${playgroundPanels(this.dock, this.chartView, (view) => (this.chartView = view))}
      </div>
    </lp-model>`;
  }

  /** The inner model, or null before the first render (ModelHolder, for the forwarded API). @internal */
  get renderedModel(): LpModel | null {
    return this.model;
  }

  /** The inner model once rendered: every forwarded call goes through this one promise, in the order made. @internal */
  get modelRendered(): Promise<LpModel> {
    return this.rendered;
  }

  /** The inner model once rendered, or why there is none (the API is usable before the first render has happened). @internal */
  async connectedModel(): Promise<LpModel> {
    await this.updateComplete;
    if (!this.model) throw new Error('The playground is not on a page: connect it first');
    return this.model;
  }

  protected override firstUpdated(): void {
    if (this.model) this.resolveRendered(this.model);
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

/** What a model that has not started says (its state at w(0), the default settings): one blank <lp-model>, made when first asked. */
let unstarted: LpModel | undefined;
forwardModelApi(LpPlayground, () => {
  unstarted ??= document.createElement('lp-model');
  return unstarted;
});

declare global {
  interface HTMLElementTagNameMap {
    'lp-playground': LpPlayground;
  }
}
