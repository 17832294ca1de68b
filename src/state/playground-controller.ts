/**
 * What <lp-playground> does, without the DOM: it holds the settings, makes the
 * data they describe, runs the training session and the view grids, plays and
 * pauses, and explains what happened. The element renders its fields and
 * forwards user input; tests drive it in Node with the CPU engine.
 */
import type { Engine } from '../engine/engine';
import { parseCsv } from '../model/csv';
import type { Dataset } from '../model/dataset';
import { addPoint, nearestPoint, removePoint } from '../model/edit';
import { generateGaussians } from '../model/gaussians';
import { tutorialDataset } from '../model/tutorial-data';
import { type PlotDomain, plotDomain } from '../view/plot-domain';
import { divergence } from './divergence';
import { PlayClock } from './play-clock';
import { applyChange, dataChanged, type PlaygroundSettings, type SettingsChange } from './playground-settings';
import { TrainingSession } from './training-session';
import { type GridBudget, ViewGrids } from './view-grids';

export function presetData(settings: PlaygroundSettings): Dataset {
  return settings.preset === 'tutorial' ? tutorialDataset() : generateGaussians(settings.gaussians);
}

export interface ControllerOptions {
  readonly engine: Engine;
  readonly settings: PlaygroundSettings;
  readonly budget: GridBudget;
  /** Called whenever something visible changed. */
  readonly onChange: () => void;
  /** Called after each frame Play has drawn (for embedders and the benchmark). */
  readonly onFrame?: () => void;
}

export class PlaygroundController {
  settings: PlaygroundSettings;
  /** How the data differ from the preset ("" when they are the preset's). */
  dataNote = '';
  scatterDomain: PlotDomain;
  /** The last thing done, said in words (for a live region). */
  status = '';
  /** Why training stopped on its own, if it did. */
  divergence = '';
  readonly session: TrainingSession;
  readonly grids: ViewGrids;
  readonly clock = new PlayClock();
  private readonly options: ControllerOptions;

  constructor(options: ControllerOptions) {
    this.options = options;
    this.settings = options.settings;
    const data = presetData(options.settings);
    this.scatterDomain = plotDomain(data);
    this.session = new TrainingSession(options.engine, data, options.settings.training);
    this.grids = new ViewGrids(this.session, options.budget);
    this.session.subscribe(options.onChange);
  }

  /** Resolves when the data are on the engine, w(0) is evaluated and the views have their grids. */
  async ready(): Promise<void> {
    await this.session.ready;
    await this.refresh();
  }

  /** The samples being trained on (the session's). */
  get data(): Dataset {
    return this.session.data;
  }

  get playing(): boolean {
    return this.clock.playing;
  }

  /**
   * Applies a change of settings. Throws a SettingError (nothing changed) for a
   * bad value. Data changes regenerate and reset; model changes reset; the rest
   * applies to the running training.
   */
  async change(change: SettingsChange): Promise<void> {
    const previous = this.settings;
    const next = applyChange(previous, change);
    this.settings = next;
    if (dataChanged(previous, next)) {
      await this.replaceData(presetData(next), '', 'New data: training starts again from w(0).');
    }
    if (change.training) {
      const t = next.training;
      const p = previous.training;
      const resets =
        t.bias !== p.bias ||
        t.reduction !== p.reduction ||
        t.initialBias !== p.initialBias ||
        t.initialWeights[0] !== p.initialWeights[0] ||
        t.initialWeights[1] !== p.initialWeights[1];
      await this.session.configure(t);
      if (t.reduction !== p.reduction || t.bias !== p.bias) this.grids.invalidateSurface();
      this.status = resets
        ? 'The model or its start changed: training starts again from w(0).'
        : 'Applied to the running training.';
      if (resets) this.divergence = '';
    }
    if (change.speed) this.clock.setSpeed(next.speed);
    if (change.training || dataChanged(previous, next)) await this.refresh();
    else this.options.onChange();
  }

  /** A new seed for the two Gaussians. */
  regenerate(): Promise<void> {
    const seed = (this.settings.gaussians.seed + 1) % 2 ** 31;
    return this.change({ preset: 'gaussians', gaussians: { seed } });
  }

  /** Reads CSV text; a parse error is thrown (naming the line) and the current data stay. */
  async loadCsv(text: string, name = 'CSV'): Promise<void> {
    const data = parseCsv(text);
    await this.replaceData(
      data,
      `From ${name}: ${data.targets.length} points (not part of the link).`,
      `Loaded ${name}.`,
    );
  }

  async addPoint(x1: number, x2: number, t: 0 | 1): Promise<void> {
    await this.editData((d) => addPoint(d, x1, x2, t), `Added a point of class ${t}.`);
  }

  async removeNearest(x1: number, x2: number): Promise<void> {
    if (this.data.targets.length <= 2) {
      this.status = 'Two points are the fewest this playground trains on.';
      this.options.onChange();
      return;
    }
    await this.editData((d) => removePoint(d, nearestPoint(d, x1, x2)), 'Removed the nearest point.');
  }

  async step(n: number): Promise<void> {
    await this.stepAndDraw(n);
  }

  async reset(): Promise<void> {
    await this.session.reset();
    this.divergence = '';
    this.status = 'Back to w(0).';
    await this.refresh();
  }

  play(): void {
    if (this.divergence) return;
    this.clock.start(this.settings.speed);
    this.options.onChange();
  }

  pause(): void {
    this.clock.stop();
    this.options.onChange();
  }

  /** One animation frame of Play: the steps its speed asks for, then the views. */
  async frame(now: number): Promise<void> {
    const steps = this.clock.stepsFor(now);
    if (steps > 0) await this.stepAndDraw(steps);
    this.options.onFrame?.();
  }

  destroy(): void {
    this.clock.stop();
    this.session.destroy();
  }

  private async replaceData(data: Dataset, note: string, status: string): Promise<void> {
    await this.session.loadData(data);
    this.dataNote = note;
    this.scatterDomain = plotDomain(data);
    this.grids.invalidateSurface();
    this.divergence = '';
    this.status = status;
    await this.refresh();
  }

  private async editData(edit: (current: Dataset) => Dataset, status: string): Promise<void> {
    await this.session.editData(edit);
    const n = this.data.targets.length;
    this.dataNote = `Edited by hand: ${n} points (not part of the link).`;
    this.grids.invalidateSurface();
    this.status = `${status} N = ${n}; training continues from the current weights.`;
    await this.refresh();
  }

  /** Trains and brings the views along: the probability grid comes back with the steps, in one GPU round trip. */
  private async stepAndDraw(n: number): Promise<void> {
    const probabilities = await this.session.step(n, this.grids.probabilityGridFor(this.scatterDomain));
    this.checkDivergence();
    await this.refresh(probabilities);
  }

  private checkDivergence(): void {
    const why = divergence(this.session.history, this.settings.training, this.data.targets.length);
    if (why) {
      this.divergence = why;
      this.clock.stop();
    }
  }

  private async refresh(probabilities?: Float32Array): Promise<void> {
    await this.grids.refresh(this.scatterDomain, probabilities);
    this.options.onChange();
  }
}
