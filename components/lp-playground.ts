/**
 * <lp-playground>: the embeddable root of the app. It owns the controller
 * (settings, data, training session, engine) and hands plain data down to the
 * views; controls ask for changes with events. Its attributes, methods and
 * events are documented in the README; lecturers script it, tests drive it.
 */
import { html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { GpuEngineOptions } from '../src/engine/gpu-engine';
import { chooseEngine } from '../src/engine/select-engine';
import { parseCsv } from '../src/model/csv';
import { type EnginePreference, parseAttributes } from '../src/state/attributes';
import { PlaygroundController } from '../src/state/playground-controller';
import {
  applyChange,
  DEFAULT_PLAYGROUND,
  type PlaygroundSettings,
  type SettingsChange,
} from '../src/state/playground-settings';
import type { TrainingSettings } from '../src/state/settings';
import { initialParams, type TrainingState } from '../src/state/training-session';
import { FAST_BUDGET, SLOW_BUDGET } from '../src/state/view-grids';
import type { ClassLabel } from '../src/view/palette';
import { DEFAULT_DOMAIN } from '../src/view/plot-domain';
import { FrameLoop } from './frame-loop';
import type { LpTransport } from './lp-transport';
import { playgroundStyles } from './playground-styles';
import { type ShortcutAction, shortcutFor } from './shortcuts';
import { UrlSync } from './url-sync';
import './lp-confusion-matrix';
import './lp-cost-surface';
import './lp-data-controls';
import './lp-engine-badge';
import './lp-initial-weights';
import './lp-loss-chart';
import './lp-model-controls';
import './lp-optimiser-controls';
import './lp-readout';
import './lp-scatter';
import './lp-transport';

/** What configure() accepts: some or all of the training settings. */
export type PlaygroundOptions = Partial<TrainingSettings>;

/** Sent after each frame Play has drawn: the iteration and learning rate it shows. */
export type FrameEvent = CustomEvent<{ iteration: number; learningRate: number }>;

@customElement('lp-playground')
export class LpPlayground extends LitElement {
  static override styles = playgroundStyles;

  // Not `dataset`: HTMLElement.dataset is the data-* map.
  /** "tutorial" (the tutorial's 40 points) or "gaussians" (two generated classes). */
  @property({ attribute: 'dataset' }) preset: string | null = null;
  /** η, the gradient-descent step size (default 0.05). */
  @property({ attribute: 'learning-rate' }) learningRate: string | null = null;
  /** w(0) as "w1,w2" (default "-4,-2"). */
  @property({ attribute: 'initial-weights' }) initialWeights: string | null = null;
  /** Train a bias b as well (the tutorial's model has none). */
  @property({ type: Boolean }) bias = false;
  /** "sum" (the tutorial's) or "mean" cost. */
  @property() reduction: string | null = null;
  /** "auto" (GPU when WebGPU is there), "gpu" or "cpu". */
  @property() engine: string | null = null;
  /** Mirror the settings to the page's URL hash and restore them from it. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Handle the keyboard shortcuts anywhere on the page, not only inside the element. */
  @property({ type: Boolean, attribute: 'global-shortcuts' }) globalShortcuts = false;
  /** Larger text for a projector. */
  @property({ type: Boolean, reflect: true }) presentation = false;

  @state() private notices: string[] = [];
  @state() private error = '';
  @state() private engineDetail = '';
  @state() private adapterText = 'Looking for a WebGPU adapter…';
  @state() private addClass: ClassLabel = 0;

  private controller: PlaygroundController | undefined;
  private urlSync: UrlSync | undefined;
  private readonly loop = new FrameLoop(
    (now) => this.require().frame(now),
    () => this.playing,
    (error) => {
      this.error = (error as Error).message;
      this.pause();
    },
  );
  private started = false;
  private resolveReady: () => void = () => undefined;
  private rejectReady: (reason: unknown) => void = () => undefined;

  /** Settles once the data are loaded, w(0) is evaluated and the views are drawn; every method waits for it. */
  readonly ready: Promise<void> = new Promise<void>((resolve, reject) => {
    this.resolveReady = resolve;
    this.rejectReady = reject;
  });

  /**
   * The current model, read-only: iteration, weights, bias, cost, meanCost,
   * accuracy and engine. Before `ready`, w(0) from the attributes, with the
   * costs not yet evaluated (NaN).
   */
  get state(): TrainingState {
    if (this.controller) return this.controller.session.state;
    const start = initialParams(parseAttributes(this.attributeValues()).settings);
    const unknown = Number.NaN;
    return {
      iteration: 0,
      weights: [start.w1, start.w2],
      bias: start.b,
      cost: unknown,
      meanCost: unknown,
      accuracy: unknown,
      engine: 'cpu',
    };
  }

  /** Every shareable setting (data, training, speed), read-only. */
  get settings(): PlaygroundSettings {
    return this.controller?.settings ?? DEFAULT_PLAYGROUND;
  }

  get playing(): boolean {
    return this.controller?.playing ?? false;
  }

  /** Runs n gradient-descent iterations (default 1). */
  async step(n = 1): Promise<void> {
    await this.ready;
    await this.require().step(n);
  }

  /** Returns to the initial weights, iteration 0. */
  async reset(): Promise<void> {
    await this.ready;
    await this.require().reset();
  }

  /** Changes learningRate, initialWeights, initialBias, bias, reduction or batchSize; a RangeError names a bad value. */
  configure(options: PlaygroundOptions): Promise<void> {
    return this.change({ training: options });
  }

  /** Changes any shareable setting: { preset, gaussians, training, speed }; a RangeError names a bad value. */
  async change(change: SettingsChange): Promise<void> {
    await this.ready;
    const controller = this.require();
    // The controller validates first and changes nothing on a bad value.
    await controller.change(change);
    this.urlSync?.write(controller.settings);
  }

  /** Replaces the data with CSV text (header x1,x2,t); a parse error is thrown, naming the line, and the data stay. */
  loadCsv(text: string, name = 'CSV text'): Promise<void> {
    parseCsv(text);
    return this.ready.then(() => this.require().loadCsv(text, name));
  }

  play(): void {
    this.controller?.play();
    this.loop.start();
  }

  pause(): void {
    this.controller?.pause();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKey);
    if (this.globalShortcuts) document.addEventListener('keydown', this.onDocumentKey);
    if (!this.started) {
      this.started = true;
      this.start().then(this.resolveReady, (error: unknown) => {
        this.error = `The playground could not start: ${(error as Error).message}`;
        this.rejectReady(error);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKey);
    document.removeEventListener('keydown', this.onDocumentKey);
    this.pause();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.controller) return;
    const parsed = parseAttributes(this.attributeValues());
    if (changed.has('engine')) this.run(this.switchEngine(parsed.engine));
    const training = ['learningRate', 'initialWeights', 'bias', 'reduction'] as const;
    if (changed.has('preset')) this.run(this.change({ preset: parsed.dataset }));
    if (training.some((k) => changed.has(k))) {
      this.notices = parsed.notices;
      this.run(this.change({ training: parsed.settings }));
    }
  }

  override render() {
    const c = this.controller;
    const s = c?.session;
    const settings = this.settings;
    const t = settings.training;
    return html`<div class="root" @lp-settings=${(e: CustomEvent<SettingsChange>) => this.run(this.change(e.detail))}
        @lp-step=${(e: CustomEvent<{ count: number }>) => this.run(this.step(e.detail.count))}
        @lp-play=${(e: CustomEvent<{ playing: boolean }>) => (e.detail.playing ? this.play() : this.pause())}
        @lp-reset=${() => this.run(this.reset())}
        @lp-regenerate=${() => this.run(this.withUrl(() => this.require().regenerate()))}
        @lp-load-csv=${(e: CustomEvent<{ text: string; name: string }>) => this.run(this.require().loadCsv(e.detail.text, e.detail.name))}
        @lp-add-class=${(e: CustomEvent<{ t: ClassLabel }>) => {
          this.addClass = e.detail.t;
        }}
        @lp-edit-point=${this.onEditPoint}>
      ${this.notices.map((n) => html`<p class="message notice" role="status">${n}</p>`)}
      ${this.error ? html`<p class="message error" role="alert">${this.error}</p>` : ''}
      ${c?.divergence ? html`<p class="message divergence" role="alert" data-divergence>${c.divergence}</p>` : ''}
      <div class="bar">
        <lp-transport ?playing=${this.playing} ?disabled=${!c}></lp-transport>
        <span class="spacer"></span>
        <lp-engine-badge .kind=${s?.engineKind} .detail=${this.engineDetail}></lp-engine-badge>
        <span class="adapter" data-adapter>${this.adapterText}</span>
        <button type="button" class="toggle" aria-pressed=${this.presentation ? 'true' : 'false'}
          @click=${() => this.togglePresentation()}>Presentation</button>
      </div>
      <p class="status" role="status" aria-live="polite">${c?.status ?? ''}</p>
      <div class="layout">
        <div class="controls">
          <lp-data-controls .preset=${settings.preset} .gaussians=${settings.gaussians} .custom=${c?.dataNote ?? ''}
            .addClass=${this.addClass}></lp-data-controls>
          <lp-model-controls ?bias=${t.bias} .reduction=${t.reduction}></lp-model-controls>
          <lp-optimiser-controls .learningRate=${t.learningRate} .batchSize=${t.batchSize}
            .samples=${c?.data.targets.length ?? 40} .speed=${settings.speed}></lp-optimiser-controls>
          <lp-initial-weights .weights=${t.initialWeights} .initialBias=${t.initialBias} ?bias=${t.bias}></lp-initial-weights>
        </div>
        <section class="scatter" aria-label="Data and decision boundary">
          <lp-scatter .data=${c?.data ?? { points: new Float64Array(0), targets: new Uint8Array(0) }}
            .domain=${c?.scatterDomain ?? DEFAULT_DOMAIN} .params=${s?.snapshot?.params ?? { w1: 0, w2: 0, b: 0 }}
            .probabilities=${c?.grids.probabilities} .probabilityGrid=${c?.grids.probabilityGrid} .addClass=${this.addClass}></lp-scatter>
        </section>
        <section class="surface" aria-label="Cost surface and descent path">
          <lp-cost-surface .values=${c?.grids.surface} .grid=${c?.grids.surfaceGrid} .history=${s?.history ?? []}
            .params=${s?.snapshot?.params} ?bias=${t.bias} .reduction=${t.reduction}></lp-cost-surface>
        </section>
        <section class="chart" aria-label="Cost and accuracy over iterations">
          <lp-loss-chart .history=${s?.history ?? []} .reduction=${t.reduction}></lp-loss-chart>
        </section>
        <section class="readouts" aria-label="Readouts">
          <lp-readout .state=${s ? s.state : undefined} .reduction=${t.reduction} .bias=${t.bias}></lp-readout>
          <lp-confusion-matrix .confusion=${s?.snapshot?.confusion}></lp-confusion-matrix>
        </section>
      </div>
    </div>`;
  }

  private async start(): Promise<void> {
    const parsed = parseAttributes(this.attributeValues());
    let settings = applyChange(DEFAULT_PLAYGROUND, { preset: parsed.dataset, training: parsed.settings });
    const notices = [...parsed.notices];
    if (this.syncUrl) {
      this.urlSync = new UrlSync((decoded) => this.navigate(decoded.settings, decoded.notices));
      const decoded = this.urlSync.read();
      if (window.location.hash !== '') settings = decoded.settings;
      notices.push(...decoded.notices);
    }
    this.notices = notices;
    const choice = await chooseEngine(parsed.engine, this.gpuCallbacks());
    this.adapterText = choice.adapterText;
    this.engineDetail = choice.detail;
    this.controller = new PlaygroundController({
      engine: choice.engine,
      settings,
      budget: choice.fast ? FAST_BUDGET : SLOW_BUDGET,
      onChange: () => this.requestUpdate(),
      onFrame: () => void this.frameDrawn(),
    });
    await this.controller.ready();
    this.requestUpdate();
    await this.updateComplete;
  }

  private require(): PlaygroundController {
    if (!this.controller) throw new Error('The playground has not started');
    return this.controller;
  }

  /** Back/forward or a hand-edited hash: apply what the link says. */
  private navigate(settings: PlaygroundSettings, notices: string[]): void {
    this.notices = notices;
    const { preset, gaussians, training, speed } = settings;
    this.run(this.require().change({ preset, gaussians, training, speed }));
  }

  private async withUrl(operation: () => Promise<void>): Promise<void> {
    await operation();
    this.urlSync?.write(this.require().settings);
  }

  private async frameDrawn(): Promise<void> {
    await this.updateComplete;
    const detail = { iteration: this.state.iteration, learningRate: this.settings.training.learningRate };
    this.dispatchEvent(new CustomEvent('lp-frame', { detail, bubbles: true, composed: true }));
  }

  private readonly actions: Record<ShortcutAction, () => void> = {
    'toggle-play': () => (this.playing ? this.pause() : this.play()),
    step: () => this.run(this.step(1)),
    step10: () => this.run(this.step(10)),
    reset: () => this.run(this.reset()),
    presentation: () => this.togglePresentation(),
    help: () => this.renderRoot.querySelector<LpTransport>('lp-transport')?.toggleHelp(),
  };

  private onKey = (event: KeyboardEvent): void => {
    const action = shortcutFor(event);
    if (!action || !this.controller) return;
    event.preventDefault();
    this.actions[action]();
  };

  /** With global-shortcuts: keys pressed outside any element (on the page body) reach the playground. */
  private onDocumentKey = (event: KeyboardEvent): void => {
    if (event.target === document.body) this.onKey(event);
  };

  private onEditPoint = (
    e: CustomEvent<{ action: 'add' | 'remove'; x1: number; x2: number; t?: ClassLabel }>,
  ): void => {
    const { action, x1, x2, t } = e.detail;
    const c = this.require();
    this.run(action === 'add' ? c.addPoint(x1, x2, t ?? 0) : c.removeNearest(x1, x2));
  };

  private togglePresentation(): void {
    this.presentation = !this.presentation;
  }

  /** What the GPU engine reports that nobody asked for: shown, never swallowed. */
  private gpuCallbacks(): GpuEngineOptions {
    return {
      onError: (message) => {
        this.error = `WebGPU error: ${message}`;
      },
      onRecovered: (reason) => {
        this.notices = [
          ...this.notices,
          `The GPU device was lost (${reason}) and has been replaced; the data and weights were restored.`,
        ];
      },
    };
  }

  /** Switches engines on an `engine` attribute change, keeping data, settings and weights. */
  private async switchEngine(preference: EnginePreference): Promise<void> {
    const choice = await chooseEngine(preference, this.gpuCallbacks());
    await this.require().session.replaceEngine(choice.engine);
    this.require().grids.budget = choice.fast ? FAST_BUDGET : SLOW_BUDGET;
    this.engineDetail = choice.detail;
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

  private attributeValues() {
    return {
      dataset: this.preset,
      learningRate: this.learningRate,
      initialWeights: this.initialWeights,
      bias: this.bias,
      reduction: this.reduction,
      engine: this.engine,
    };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-playground': LpPlayground;
  }
  interface GlobalEventHandlersEventMap {
    'lp-frame': FrameEvent;
  }
}
