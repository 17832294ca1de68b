/**
 * <lp-model>: the model without a layout. It owns the data, the settings, the
 * engine and the training session (the controller) while it is connected,
 * and gives the figures inside it one read-only state through Lit's context;
 * the figures' events (a step, a new setting, a click on the scatter) come
 * back to it. Its JS API is <lp-playground>'s: ready, state, settings,
 * playing, step, reset, configure, change, loadCsv, play, pause, and the
 * `lp-frame` event. Everything it takes when connected (the engine and its
 * GPU device lease, the frame loop, URL and keyboard listeners) its reactive
 * controllers give back when it is disconnected, and take again, with the
 * same settings and data, when it is connected again.
 *
 * @slot - The figures and controls bound to this model.
 * @fires lp-frame - After each frame Play has drawn: { iteration, learningRate }.
 * @fires lp-view-shortcut - A key asks the layout for something (presentation mode, the key list); cancel it to take it.
 */
import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { PlaygroundController } from '../src/controller/playground-controller';
import type { PageEngine } from '../src/engine/select-engine';
import { formatCsv, parseCsv } from '../src/model/csv';
import type { ClassLabel } from '../src/plot/palette';
import { gridBudget } from '../src/session/cost-surface-job';
import { type ExportedModel, exportModel, modelMismatch, parseModel } from '../src/session/model-file';
import { type Run, stateOf, type TrainingState, unmeasuredState } from '../src/session/training-session';
import { parseAttributes } from '../src/settings/attributes';
import type { PlaygroundSettings, SettingsChange } from '../src/settings/playground-settings';
import type { TrainingSettings } from '../src/settings/settings';
import { linkedData, shareLink } from '../src/settings/share-link';
import { LOOKING_FOR_ADAPTER, SOURCE, startFailed } from '../src/text/messages';
import type { ImportOutcome } from './csv-import-context';
import { CsvImportController } from './csv-import-controller';
import { naming } from './events';
import { FrameLoop } from './frame-loop';
import { ModelAttributes } from './model-attributes';
import { attachContextRoot, type ModelState, modelContext } from './model-context';
import { ModelEngines } from './model-engines';
import { type Carried, ModelLifecycle } from './model-lifecycle';
import { runShortcut } from './model-shortcuts';
import { ShortcutController } from './shortcuts';
import { themeStyles } from './theme';
import { UrlSync } from './url-sync';

/** What configure() accepts: some or all of the training settings. */
export type PlaygroundOptions = Partial<TrainingSettings>;

/** Sent after each frame Play has drawn: the iteration and learning rate it shows. */
export type FrameEvent = CustomEvent<{ iteration: number; learningRate: number }>;

/** Keys that ask the layout, not the model: cancel the event to say it was taken. */
export type ViewShortcutEvent = CustomEvent<{ action: 'presentation' | 'help' }>;

attachContextRoot();

@customElement('lp-model')
export class LpModel extends ModelAttributes {
  // The theme's colours for what it holds (an <lp-messages> in a slide reads them from here).
  static override styles = [
    themeStyles,
    css`
      :host { display: contents; }
    `,
  ];

  /** Take no keys at all: the page (a slide deck) has its own use for Space and →. */
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  @state() private notices: string[] = [];
  @state() private error = '';
  @state() private engineDetail = '';
  @state() private adapterText = LOOKING_FOR_ADAPTER;
  @state() private addClass: ClassLabel = 0;
  /** The engine the `engine` attribute asks for: started, switched (the last request wins), or the CPU after a failed GPU start. */
  private readonly engines = new ModelEngines({
    started: () => this.started(),
    current: () => this.controller,
    preference: () => parseAttributes(this.attributeValues()).engine,
    chosen: (detail) => {
      this.engineDetail = detail;
    },
    error: (text) => {
      this.error = text;
    },
    notice: (text) => {
      this.notices = [...this.notices, text];
    },
    withdraw: (texts) => {
      this.notices = this.notices.filter((n) => !texts.has(n));
    },
  });

  private readonly model = new ModelLifecycle(this, {
    create: (carried, isCurrent) => this.createController(carried, isCurrent),
    // A GPU that starts but keeps failing (lost again and again, or refusing the data): the CPU instead, saying why.
    fallback: async (error, failed, carried, isCurrent) => {
      if (failed.session.engineKind !== 'gpu') return undefined;
      this.error = '';
      return this.createController(carried, isCurrent, this.engines.fallback(error));
    },
    onChange: () => this.requestUpdate(),
    onError: (error) => {
      this.error = startFailed((error as Error).message);
    },
  });
  private readonly loop = new FrameLoop(
    this,
    (now) => this.require().frame(now),
    () => this.playing,
    (error) => {
      this.error = (error as Error).message;
      this.pause();
    },
  );
  private readonly urlSync = new UrlSync(this, (decoded) => this.navigate(decoded.settings, decoded.notices));
  private readonly provider = new ContextProvider(this, { context: modelContext, initialValue: this.modelState() });

  constructor() {
    super();
    // Registers itself with the element: it listens for the keys while the element is connected.
    new ShortcutController(this, (action) =>
      runShortcut(this, action, this.controller !== undefined, (operation) => this.run(operation)),
    );
    new CsvImportController(this);
    // The figures' requests (properties down, events up).
    this.addEventListener('lp-settings', (e) => this.run(this.change(e.detail)));
    this.addEventListener('lp-step', (e) => this.run(this.step(e.detail.count)));
    this.addEventListener('lp-play', (e) => (e.detail.playing ? this.play() : this.pause()));
    this.addEventListener('lp-reset', () => this.run(this.reset()));
    this.addEventListener('lp-regenerate', () => this.run(this.withController((c) => c.regenerate())));
    this.addEventListener('lp-load-csv', (e) =>
      this.run(naming(e.detail.name, this.loadCsv(e.detail.text, e.detail.name))),
    );
    this.addEventListener('lp-load-data', (e) =>
      this.run(this.withController((c) => c.loadDataset(e.detail.data, e.detail.name))),
    );
    this.addEventListener('lp-add-class', (e) => {
      this.addClass = e.detail.t;
    });
    this.addEventListener('lp-edit-point', (e) => this.run(this.withController((c) => c.edit(e.detail))));
    this.addEventListener('lp-undo', () => this.run(this.undo()));
    this.addEventListener('lp-redo', () => this.run(this.redo()));
    this.addEventListener('lp-select-racer', (e) => this.run(this.selectRacer(e.detail.racer)));
    this.addEventListener('lp-load-model', (e) => this.run(naming(e.detail.name, this.loadModel(e.detail.model))));
    this.addEventListener('lp-dismiss-notices', (e) => {
      this.notices = e.detail.text === undefined ? [] : this.notices.filter((n) => n !== e.detail.text);
    });
  }

  /**
   * Settles once the element has started: data loaded, w(0) evaluated, views
   * drawn; rejects if it could not start. Every method waits for the start
   * under way.
   */
  get ready(): Promise<void> {
    return this.model.ready;
  }

  /**
   * The current model, one consistent moment: iteration, weights, bias, cost,
   * meanCost, accuracy, samples (N) and engine. Before the start, w(0) from
   * the attributes with nothing measured yet (NaN costs).
   */
  get state(): TrainingState {
    if (this.controller) return this.controller.state;
    const settings = this.model.carried?.settings ?? parseAttributes(this.attributeValues()).settings;
    return unmeasuredState(settings.training, 0, 'cpu');
  }

  /** Every shareable setting (data, training, speed), read-only. */
  get settings(): PlaygroundSettings {
    // Before the start, what the attributes say (as `state` does), not the defaults.
    return (
      this.controller?.settings ?? this.model.carried?.settings ?? parseAttributes(this.attributeValues()).settings
    );
  }

  get playing(): boolean {
    return this.controller?.playing ?? false;
  }

  /**
   * Runs n iterations (default 1, at most MAX_STEPS_PER_CALL = 10⁹). A long run shows its progress and
   * resolves where it stopped if reset(), pause() or new data come after it (TrainingSession.step).
   */
  async step(n = 1): Promise<void> {
    await this.request((c) => c.step(n));
  }

  /** Returns to the initial weights, iteration 0. */
  async reset(): Promise<void> {
    await this.request((c) => c.reset());
  }

  /** Changes learningRate, initialWeights, initialBias, bias, reduction or batchSize; a RangeError names a bad value. */
  configure(options: PlaygroundOptions): Promise<void> {
    return this.change({ training: options });
  }

  /** Changes any shareable setting: { preset, gaussians, training, speed }; a RangeError names a bad value. */
  async change(change: SettingsChange): Promise<void> {
    // Checked once, by the controller, when the request reaches it: in the order of the calls before it.
    await this.withController((c) => c.change(change));
  }

  /** Replaces the data with CSV text (header x1,x2,t); a parse error is thrown, naming the line, and the data stay. */
  async loadCsv(text: string, name: string = SOURCE.csvText): Promise<void> {
    if (typeof text !== 'string') {
      throw new TypeError(`loadCsv(text) needs the CSV as a string, got ${text === null ? 'null' : typeof text}`);
    }
    // Read here, once, so a bad file is refused at once, naming its line; the controller takes the data as read.
    const data = parseCsv(text);
    await this.withController((c) => c.loadDataset(data, name));
  }

  /** An import that ended without data: the status line says so (csv-import-controller.ts). */
  importEnded(outcome: ImportOutcome): void {
    this.controller?.note(outcome.text);
  }

  /** Takes back the last change of the data: an added or removed point, an import, a preset, new Gaussians. */
  async undo(): Promise<void> {
    await this.withController((c) => c.undo());
  }

  /** Makes the last undone change of the data again. */
  async redo(): Promise<void> {
    await this.withController((c) => c.redo());
  }

  /** In a race, shows racer `racer`'s boundary on the scatter (0, the first, is the model itself). */
  async selectRacer(racer: number): Promise<void> {
    if (!Number.isInteger(racer) || racer < 0)
      throw new RangeError(`selectRacer(racer) needs a racer's index from 0, got ${racer}`);
    await this.withController((c) => c.selectRacer(racer));
  }

  /** The data on view as CSV (header x1,x2,t), which loadCsv reads back bit for bit. */
  exportCsv(): string {
    return formatCsv(this.current().run.data);
  }

  /** The model on view: weights, bias, iteration, every setting, the data's size and class counts, the engine. */
  exportModel(): ExportedModel {
    const { run, settings, custom } = this.current();
    return exportModel(stateOf(run), run, settings, custom);
  }

  /** Restores the settings and the weights of a model (an object from exportModel(), or its JSON); a RangeError names a bad field. */
  async loadModel(model: unknown): Promise<void> {
    const parsed = parseModel(model);
    await this.withController((c) => c.loadModel(parsed));
    const mismatch = modelMismatch(parsed, this.state.samples);
    if (mismatch) this.notices = [...this.notices, mismatch];
  }

  /** A link to this experiment on this page: the settings, and custom data up to 2 000 points (the page needs `sync-url`). */
  async shareLink(): Promise<string> {
    const { run, settings, custom } = this.current();
    const page = `${location.origin}${location.pathname}${location.search}`;
    return (await shareLink(page, settings, custom ? run.data : undefined)).url;
  }

  play(): void {
    this.controller?.play();
    this.loop.start();
  }

  /** Stops Play at once, and the step(n) runs asked for before it (also those still on their way to the model). */
  pause(): void {
    this.controller?.pause();
    this.request((c) => c.pause()).catch(() => undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.provider.setValue(this.modelState());
    const asked = this.attributeChange(changed);
    // Also while the start is under way: the engine it chose may no longer be the one asked for.
    if (asked.engine && this.isConnected) this.run(this.engines.switch());
    if (!this.controller || !(asked.data || asked.training)) return;
    const parsed = parseAttributes(this.attributeValues(), this.settings);
    this.notices = parsed.notices;
    const { preset, training } = parsed.settings;
    this.run(this.change({ ...(asked.data ? { preset } : {}), ...(asked.training ? { training } : {}) }));
  }

  override render() {
    return html`<slot></slot>`;
  }

  /** The state the figures inside read: a new object each update, so the context tells them. */
  private modelState(): ModelState {
    const c = this.controller;
    return {
      published: c?.published,
      settings: this.settings,
      playing: this.playing,
      busy: c?.busyWith,
      waiting: c?.waiting ?? 0,
      notices: this.notices,
      error: this.error,
      engineDetail: this.engineDetail,
      adapterText: this.adapterText,
      addClass: this.addClass,
    };
  }

  private get controller(): PlaygroundController | undefined {
    return this.model.controller;
  }

  /** Creates the engine (or takes `engine`, a fallback's) and the controller, unless a disconnect overtook this start. */
  private async createController(
    carried: Carried | undefined,
    isCurrent: () => boolean,
    engine?: Promise<PageEngine>,
  ): Promise<PlaygroundController> {
    const parsed = parseAttributes(this.attributeValues());
    const decoded = this.urlSync.read();
    const settings = carried?.settings ?? decoded?.settings ?? parsed.settings;
    const linked = carried ? {} : await this.urlSync.readData();
    if (!carried)
      this.notices = [...parsed.notices, ...(decoded?.notices ?? []), ...(linked.notice ? [linked.notice] : [])];
    const choice = await (engine ?? this.engines.choose(parsed.engine));
    if (isCurrent()) {
      this.adapterText = choice.adapterText;
      this.engineDetail = choice.detail;
    }
    return new PlaygroundController({
      engine: choice.engine,
      settings,
      budget: gridBudget(choice.engine.kind, choice.fast),
      ...(carried?.data ? { data: carried.data } : linked.data ? { data: linkedData(linked.data) } : {}),
      onFrame: () => void this.frameDrawn(),
    });
  }

  private started(): Promise<PlaygroundController> {
    return this.model.started();
  }

  /**
   * Hands a request to the controller in the order it was made, once the
   * start is done: every call chains on the same promise, so a step() made
   * right after loadCsv() reaches the controller after it, and the
   * controller's queue keeps that order.
   */
  private request<T>(work: (controller: PlaygroundController) => T | Promise<T>): Promise<T> {
    return this.started().then(work);
  }

  /** The run as `state` describes it (the views may be a frame behind); a script asking before the start is told to wait. */
  private current(): { run: Run; settings: PlaygroundSettings; custom: boolean } {
    const c = this.controller;
    const run = c?.session.run;
    if (!c || !run) throw new Error('The playground has not started yet: await its `ready` first');
    return { run, settings: c.settings, custom: c.customDataset !== undefined };
  }

  private require(): PlaygroundController {
    if (!this.controller) throw new Error('The playground has not started');
    return this.controller;
  }

  /** A request that changes what a link describes: the address follows once it is done. */
  private async withController(operation: (controller: PlaygroundController) => Promise<void>): Promise<void> {
    await this.request(async (controller) => {
      await operation(controller);
      this.urlSync.write(controller.settings, controller.dataset);
    });
  }

  /** Back/forward or a hand-edited hash: apply what the link says. */
  private navigate(settings: PlaygroundSettings, notices: string[]): void {
    this.notices = notices;
    this.run(
      this.withController(async (c) => {
        const notice = await this.urlSync.follow(c, settings);
        if (notice) this.notices = [...this.notices, notice];
      }),
    );
  }

  private async frameDrawn(): Promise<void> {
    await this.updateComplete;
    const detail = { iteration: this.state.iteration, learningRate: this.settings.training.learningRate };
    this.dispatchEvent(new CustomEvent('lp-frame', { detail, bubbles: true, composed: true }));
  }

  /** Runs a UI-initiated operation, showing its failure instead of losing it. */
  private run(operation: Promise<void>): void {
    operation.then(
      () => {
        this.error = '';
      },
      (error: unknown) => {
        this.error = (error as Error).message;
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-model': LpModel;
  }
  interface GlobalEventHandlersEventMap {
    'lp-frame': FrameEvent;
    'lp-view-shortcut': ViewShortcutEvent;
  }
}
