/**
 * <lp-playground>: the embeddable root of the app. It owns the training
 * session (data, settings, engine) and hands plain data down to the views;
 * controls ask for changes with events. Its public API is documented in the
 * README; lecturers script it and the end-to-end tests drive it.
 */
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EngineKind } from '../src/engine/engine';
import type { GpuEngineOptions } from '../src/engine/gpu-engine';
import { selectEngine } from '../src/engine/select-engine';
import { type AdapterProbe, adapterName, probeAdapter } from '../src/gpu/adapter';
import { parseCsv } from '../src/model/csv';
import type { Dataset } from '../src/model/dataset';
import { generateGaussians, TUTORIAL_GAUSSIANS } from '../src/model/gaussians';
import { tutorialDataset } from '../src/model/tutorial-data';
import {
  type DatasetName,
  type EnginePreference,
  type PlaygroundAttributes,
  parseAttributes,
} from '../src/state/attributes';
import type { TrainingSettings } from '../src/state/settings';
import { initialParams, TrainingSession, type TrainingState } from '../src/state/training-session';
import './lp-engine-badge';
import './lp-readout';
import './lp-scatter';
import './lp-transport';

/** What configure() accepts: any subset of the training settings. */
export type PlaygroundOptions = Partial<TrainingSettings>;

/** The "two Gaussians" preset when chosen by attribute: the tutorial's classes, more points. */
const GAUSSIANS_PRESET = { ...TUTORIAL_GAUSSIANS, perClass: 100 };

const EMPTY: Dataset = { points: new Float64Array(0), targets: new Uint8Array(0) };

function presetData(name: DatasetName): Dataset {
  return name === 'tutorial' ? tutorialDataset() : generateGaussians(GAUSSIANS_PRESET);
}

@customElement('lp-playground')
export class LpPlayground extends LitElement {
  static override styles = css`
    :host { display: block; color: #1a1a1a; font-family: system-ui, sans-serif; }
    .top { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; margin-bottom: 0.75em; }
    .adapter { color: #555; font-size: 0.9em; }
    .main { display: grid; grid-template-columns: minmax(280px, 560px) minmax(220px, 320px); gap: 1.5em; align-items: start; }
    @media (max-width: 720px) { .main { grid-template-columns: 1fr; } }
    .side { display: flex; flex-direction: column; gap: 1em; }
    .notice { background: #fff4d6; border-left: 4px solid #b07d00; padding: 0.5em 0.75em; margin: 0 0 0.5em; }
    .error { background: #fde8e8; border-left: 4px solid #b00020; padding: 0.5em 0.75em; margin: 0 0 0.5em; }
  `;

  /** Which data to start from: the tutorial's 40 points, or two generated Gaussian classes. */
  // Not `dataset`: HTMLElement.dataset is the data-* map.
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

  @state() private notices: string[] = [];
  @state() private error = '';
  @state() private engineDetail = '';
  @state() private adapterText = 'Looking for a WebGPU adapter…';
  @state() private busy = false;

  private session: TrainingSession | undefined;
  private started = false;
  private resolveReady: () => void = () => undefined;
  private rejectReady: (reason: unknown) => void = () => undefined;

  /** Settles once the data are loaded and w(0) is evaluated; every other method waits for it. */
  readonly ready: Promise<void> = new Promise<void>((resolve, reject) => {
    this.resolveReady = resolve;
    this.rejectReady = reject;
  });

  /** The current model, read-only: iteration, weights, bias, cost, meanCost, accuracy and engine. */
  get state(): TrainingState {
    if (this.session) return this.session.state;
    const parsed = parseAttributes(this.attributeValues());
    const p = initialParams(parsed.settings);
    return {
      iteration: 0,
      weights: [p.w1, p.w2],
      bias: p.b,
      cost: Number.NaN,
      meanCost: Number.NaN,
      accuracy: Number.NaN,
      engine: 'cpu' as EngineKind,
    };
  }

  /** Runs n gradient-descent iterations (default 1). */
  async step(n = 1): Promise<void> {
    await this.ready;
    await this.requireSession().step(n);
  }

  /** Returns to the initial weights, iteration 0. */
  async reset(): Promise<void> {
    await this.ready;
    await this.requireSession().reset();
  }

  /**
   * Changes learningRate, initialWeights, initialBias, bias, reduction or batchSize.
   * Throws a RangeError naming a bad value and changes nothing.
   */
  async configure(options: PlaygroundOptions): Promise<void> {
    await this.ready;
    await this.requireSession().configure(options);
  }

  /**
   * Replaces the data with CSV text (header x1,x2,t). Throws an Error with the
   * parser's message, naming the line, and keeps the current data on bad input.
   */
  loadCsv(text: string): Promise<void> {
    const data = parseCsv(text);
    return this.ready.then(() => this.requireSession().loadData(data));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.started) {
      this.started = true;
      this.start().then(this.resolveReady, (error: unknown) => {
        this.error = `The playground could not start: ${(error as Error).message}`;
        this.rejectReady(error);
      });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.session) return;
    const parsed = parseAttributes(this.attributeValues());
    if (changed.has('preset')) this.run(this.session.loadData(presetData(parsed.dataset)));
    if (changed.has('engine')) this.run(this.switchEngine(parsed.engine));
    if (
      changed.has('learningRate') ||
      changed.has('initialWeights') ||
      changed.has('bias') ||
      changed.has('reduction')
    ) {
      this.notices = parsed.notices;
      this.run(this.session.configure(parsed.settings));
    }
  }

  override render() {
    const session = this.session;
    const snapshotParams = session?.snapshot?.params ?? { w1: 0, w2: 0, b: 0 };
    return html`
      ${this.notices.map((n) => html`<p class="notice" role="status">${n}</p>`)}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <div class="top">
        <lp-engine-badge .kind=${session?.engineKind} .detail=${this.engineDetail}></lp-engine-badge>
        <span class="adapter" data-adapter>${this.adapterText}</span>
      </div>
      <div class="main">
        <lp-scatter .data=${session?.data ?? EMPTY} .params=${snapshotParams}></lp-scatter>
        <div class="side" @lp-step=${(e: CustomEvent<{ count: number }>) => this.run(this.step(e.detail.count))}>
          <lp-readout .state=${session ? session.state : undefined} .reduction=${session?.settings.reduction ?? 'sum'}
            .bias=${session?.settings.bias ?? false}></lp-readout>
          <lp-transport ?disabled=${!session || this.busy}></lp-transport>
        </div>
      </div>
    `;
  }

  private async start(): Promise<void> {
    const parsed = parseAttributes(this.attributeValues());
    this.notices = parsed.notices;
    const probe = await probeAdapter();
    this.adapterText = describeProbe(probe);
    const choice = await selectEngine(parsed.engine, probe, this.gpuCallbacks());
    this.engineDetail = choice.detail;
    const session = new TrainingSession(choice.engine, presetData(parsed.dataset), parsed.settings);
    session.subscribe(() => this.requestUpdate());
    this.session = session;
    await session.ready;
    this.requestUpdate();
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
    const session = this.requireSession();
    const probe = await probeAdapter();
    const choice = await selectEngine(preference, probe, this.gpuCallbacks());
    await session.replaceEngine(choice.engine);
    this.engineDetail = choice.detail;
  }

  /** Runs a UI-initiated operation, showing its failure instead of losing it. */
  private run(operation: Promise<void>): void {
    this.busy = true;
    operation
      .then(() => {
        this.error = '';
      })
      .catch((error: unknown) => {
        this.error = (error as Error).message;
      })
      .finally(() => {
        this.busy = false;
      });
  }

  private requireSession(): TrainingSession {
    if (!this.session) throw new Error('The playground has not started');
    return this.session;
  }

  private attributeValues(): PlaygroundAttributes {
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

function describeProbe(probe: AdapterProbe): string {
  if (!probe.ok) return `No WebGPU: ${probe.reason}.`;
  const fallback = probe.summary.isFallbackAdapter ? ', a software fallback' : '';
  return `WebGPU adapter: ${adapterName(probe.summary)}${fallback}.`;
}

declare global {
  interface HTMLElementTagNameMap {
    'lp-playground': LpPlayground;
  }
}
