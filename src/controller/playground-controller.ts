/**
 * What the playground does, without the DOM: it holds the settings, makes the
 * data they describe, runs the training session and keeps the grids the
 * views draw, plays and pauses, and explains what happened. It is where
 * every request comes in: each is checked once here (requested-state.ts)
 * and then carried by the one queue (request-queue.ts), with the page's own
 * engine work, to the data keeper and the session, which trust it and queue
 * nothing. It publishes one read-only state (published-state.ts) through one
 * notification path; the elements render it and forward user input. Tests
 * drive it in Node with the CPU engine.
 */
import type { Engine } from '../contract/engine';
import type { DataStep } from '../data/data-history';
import { DataKeeper, type DrawData, loadOnto, type Replacement } from '../data/data-keeper';
import { drawing, presetData, presetSize } from '../data/preset-data';
import { parseCsv } from '../model/csv';
import type { Dataset } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { CostSurfaceJob, type GridBudget } from '../session/cost-surface-job';
import { DivergenceWatch } from '../session/divergence';
import { type ExportedModel, modelLoaded } from '../session/model-file';
import type { RivalState } from '../session/rivals';
import { checkedStepCount, type StepOutcome, StepRun } from '../session/step-run';
import {
  type PointEdit,
  type Run,
  type SideMeasures,
  stateOf,
  TrainingSession,
  type TrainingState,
} from '../session/training-session';
import { linkNote } from '../settings/link-data';
import {
  type DataSettings,
  dataChanged,
  type PlaygroundSettings,
  type SettingsChange,
} from '../settings/playground-settings';
import { applyChecked, type CheckedChange, wholeChange } from '../settings/settings-change';
import {
  editedNote,
  editStatus,
  historyStatus,
  importedNote,
  importStep,
  loadedStatus,
  NEW_GAUSSIANS_STEP,
  pausedStatus,
  presetStep,
  SAID,
  SOURCE,
  STOPPED_BY,
  steppedStatus,
  stoppedStatus,
  takingLabel,
} from '../text/messages';
import { PlayClock } from './play-clock';
import {
  type Busy,
  type ProbabilityImage,
  type PublishedState,
  paceText,
  SafeRateCache,
  stepAdvice,
} from './published-state';
import { RequestQueue } from './request-queue';
import { RequestedState } from './requested-state';
import { RocCache } from './roc-cache';
import { ScatterWindow } from './scatter-window';
import { TestMeasureCache } from './test-measures';

export interface ControllerOptions {
  readonly engine: Engine;
  readonly settings: PlaygroundSettings;
  readonly budget: GridBudget;
  /** Data to start from instead of the preset's (an element reconnected with custom data). */
  readonly data?: { readonly dataset: Dataset; readonly note: string };
  /** Called after each frame Play has drawn (for embedders and the benchmark). */
  readonly onFrame?: () => void;
}

export class PlaygroundController {
  settings: PlaygroundSettings;
  readonly session: TrainingSession;
  readonly clock = new PlayClock();
  /** Every request and every engine call, one at a time in the order asked (request-queue.ts). */
  private readonly queue = new RequestQueue(() => this.notify());
  /** The settings and data as the requests asked for so far will leave them. */
  private readonly asked: RequestedState;
  /** The step runs asked for (Play's too) and not finished: what a later reset, new data, model or pause stops. */
  private readonly stepRuns = new Set<StepRun>();
  private readonly surface: CostSurfaceJob;
  private readonly safeRates = new SafeRateCache();
  /** In a race, the racer whose boundary the scatter shows (0: the model). */
  private racer = 0;
  private readonly safeMeanRates = new SafeRateCache();
  private readonly rocs = new RocCache();
  private readonly tests = new TestMeasureCache();
  private readonly watch = new DivergenceWatch();
  private readonly listeners = new Set<() => void>();
  private latest: PublishedState | undefined;
  /** Every change of the data, in order and undoable. */
  private readonly data: DataKeeper;
  private status = '';
  private divergence = '';
  private busy: Busy | undefined;
  private probabilities: ProbabilityImage | undefined;
  private readonly scatterWindow = new ScatterWindow();
  private destroyed = false;
  /** Until the start has the preset's data on the engine, nothing is published but progress. */
  private starting = true;
  /** The start: the data on the engine, w(0) evaluated, the first grids. */
  private readonly start: Promise<void>;

  constructor(private readonly options: ControllerOptions) {
    this.settings = options.settings;
    // The preset's data are drawn by ready(); the session starts on whatever is at hand.
    const initial = options.data?.dataset ?? tutorialDataset();
    this.session = new TrainingSession(options.engine, initial, options.settings.training);
    this.data = new DataKeeper(
      {
        session: this.session,
        presetData: (settings, superseded) => this.drawPreset(settings)(superseded),
        load: (data) => loadOnto(this.session, data, (busy) => this.setBusy(busy)),
        restoreSettings: ({ preset, gaussians }) => {
          this.settings = { ...this.settings, preset, gaussians };
        },
      },
      options.settings,
      options.data?.note ?? '',
    );
    // The surface's slices run between the requests, in the same queue.
    this.surface = new CostSurfaceJob(
      this.session,
      options.budget,
      () => this.publish(),
      (slice) => this.queue.background(slice),
    );
    this.asked = new RequestedState(options.settings, options.data !== undefined);
    // The queue's first entry: every request, even one made before ready() is awaited, comes after it.
    this.start = this.queue.background(async () => {
      await this.session.ready;
      if (!options.data && this.settings.preset !== 'tutorial') {
        const settings = this.settings;
        await this.replaceData(this.drawPreset(settings), { settings, note: '' }, '');
      }
      this.starting = false;
      await this.refresh();
    });
    // Its failure is ready()'s to report; a caller that never asks must not see an unhandled rejection.
    this.start.catch(() => undefined);
  }

  /** Resolves when the data are on the engine, w(0) is evaluated and every view has its grid. */
  async ready(): Promise<void> {
    await this.start;
    // Outside the queue: the surface's slices are queued behind the start.
    await this.surface.idle();
  }

  /** Long work under way (shown before the first view too). */
  get busyWith(): Busy | undefined {
    return this.busy;
  }

  /** What the views draw; undefined until the first data are evaluated. */
  get published(): PublishedState | undefined {
    return this.latest;
  }

  /** The data the next operation works on. */
  get dataset(): Dataset {
    return this.session.data;
  }

  get playing(): boolean {
    return this.clock.playing;
  }

  /** Requests under way that have taken longer than a moment, for the page to say they queue. */
  get waiting(): number {
    return this.queue.waiting;
  }

  /** Calls `listener` whenever the view changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set budget(budget: GridBudget) {
    this.surface.budget = budget;
  }

  /**
   * Applies a change of settings. Throws a SettingError (nothing changed) for
   * a bad value. New data reset; so do model changes; the rest applies to
   * the running training. Choosing a preset while the data are custom (from
   * a file, or edited) brings the preset's data back.
   */
  async change(change: SettingsChange): Promise<void> {
    // The one check of a change: what passes is applied below without another.
    const { checked, newData, restarts } = this.asked.change(change);
    if (restarts) this.stopSteps(newData ? STOPPED_BY.newData : STOPPED_BY.restarted);
    return this.queue.change(checked, (joint) => this.apply(joint));
  }

  private async apply(change: CheckedChange): Promise<void> {
    const next = applyChecked(this.settings, change);
    this.settings = next;
    // Against the data on the engine: settings asked for may never have been drawn (a failed load).
    const shown = this.data.shownSettings;
    const reload = dataChanged(shown, next) || (change.preset !== undefined && this.data.customNote !== '');
    if (reload) {
      const what = change.preset !== undefined ? presetStep(next.preset) : NEW_GAUSSIANS_STEP;
      await this.replaceData(this.drawPreset(next), { settings: next, note: '', what }, SAID.newData);
    }
    if (change.training) {
      const restarts = await this.session.configure(next.training);
      this.status = restarts ? SAID.restarted : SAID.appliedNext;
      if (restarts) this.divergence = '';
    }
    if (change.speed) this.clock.setSpeed(next.speed);
    await this.refresh();
  }

  /** Takes back the last change of the data (an edit, an import, a preset, new Gaussians). */
  undo(): Promise<void> {
    this.asked.dataUnknown();
    return this.queue.run(async () => this.afterHistory(await this.data.undo(), 'undo'));
  }

  /** Makes the last undone change of the data again. */
  redo(): Promise<void> {
    this.asked.dataUnknown();
    return this.queue.run(async () => this.afterHistory(await this.data.redo(), 'redo'));
  }

  private async afterHistory(step: DataStep | undefined, verb: 'undo' | 'redo'): Promise<void> {
    this.status = historyStatus(step, verb, this.session.data.targets.length);
    if (step?.kind === 'replace') this.divergence = '';
    await this.refresh();
  }

  /**
   * Restores a model file: its settings (its data settings too, unless its
   * data were custom: those come back from their CSV), then its weights at
   * its iteration. Says so when the data here differ from the model's.
   */
  async loadModel(model: ExportedModel): Promise<void> {
    // Its settings were checked where the file came in (parseModel); custom data come back from their CSV, not the preset.
    const change = wholeChange(model.settings, model.data.source !== 'custom');
    this.asked.loaded(change);
    this.stopSteps(STOPPED_BY.modelLoaded);
    return this.queue.run(async () => {
      await this.apply(change);
      await this.session.setWeights({ w: model.weights.slice(), b: model.bias }, model.iteration, model.optimizerState);
      this.divergence = '';
      this.status = modelLoaded(model);
      await this.refresh();
    });
  }

  /** A new seed for the drawn preset (the two Gaussians when the tutorial's points are shown). */
  regenerate(): Promise<void> {
    const { gaussians, preset: current } = this.asked.settings;
    const seed = (gaussians.seed + 1) % 2 ** 31;
    const preset = current === 'tutorial' ? 'gaussians' : current;
    return this.change({ preset, gaussians: { seed } });
  }

  /** Reads CSV text; a parse error is thrown (naming the line) and the current data stay. */
  async loadCsv(text: string, name: string = SOURCE.csv): Promise<void> {
    return this.loadDataset(parseCsv(text), name);
  }

  /** Replaces the data with a data set parsed elsewhere (the import worker), named `name` in the messages. */
  async loadDataset(data: Dataset, name: string): Promise<void> {
    this.asked.customData();
    this.stopSteps(STOPPED_BY.newData);
    return this.queue.run(async () => {
      const settings = this.settings;
      const note = importedNote(name, data.targets.length, linkNote(data.targets.length));
      await this.replaceData(async () => data, { settings, note, what: importStep(name) }, loadedStatus(name));
      await this.refresh();
    });
  }

  /** Adds or removes a point by a click; training continues from the current weights. */
  edit(edit: PointEdit): Promise<void> {
    this.asked.customData();
    return this.queue.run(() => this.applyEdit(edit));
  }

  private async applyEdit(edit: PointEdit): Promise<void> {
    const made = await this.data.edit(edit, (n) => editedNote(n, linkNote(n)));
    this.status = typeof made === 'string' ? made : editStatus(edit, this.session.data.targets.length);
    await this.refresh();
  }

  /** Runs n steps after the requests before it; a reset, new data, a model or a pause asked for later stops it. */
  step(n: number): Promise<void> {
    const run = new StepRun(checkedStepCount(n));
    return this.stepping(run, () => this.queue.run(() => this.stepAndDraw(run)));
  }

  async reset(): Promise<void> {
    this.stopSteps(STOPPED_BY.reset);
    return this.queue.run(async () => {
      await this.session.reset();
      this.divergence = '';
      this.status = SAID.reset;
      await this.refresh();
    });
  }

  /** Says what became of something the page tried outside the model (an import refused or cancelled): the latest action. */
  note(text: string): void {
    this.status = text;
    this.publish();
  }

  play(): void {
    if (this.divergence) {
      this.status = SAID.playOff;
      this.publish();
      return;
    }
    this.clock.start(this.settings.speed);
    this.status = SAID.playing;
    this.publish();
  }

  /** Stops Play, and any step(n) under way or asked for, at the step it reached. */
  pause(): void {
    if (this.clock.playing) this.status = pausedStatus(this.session.state.iteration);
    this.clock.stop();
    this.stopSteps(STOPPED_BY.paused);
    this.publish();
  }

  /** One animation frame of Play: the steps its speed asks for, then the views. */
  async frame(now: number): Promise<void> {
    const steps = this.clock.stepsFor(now);
    if (steps > 0) {
      // Play's own steps are not requests that wait: they are what the page is doing, in the same queue.
      const run = new StepRun(steps, true);
      await this.stepping(run, () => this.queue.background(() => this.stepAndDraw(run, true)));
    }
    this.options.onFrame?.();
  }

  /** Moves the run to another engine, keeping data, settings and weights. */
  replaceEngine(engine: Engine, budget: GridBudget): Promise<void> {
    return this.queue.background(async () => {
      await this.session.replaceEngine(engine);
      this.budget = budget;
      await this.refresh();
    });
  }

  /** Stops everything and frees the engine (once queued work is done). */
  destroy(): Promise<void> {
    this.destroyed = true;
    this.queue.dispose();
    this.clock.stop();
    this.surface.stop();
    this.listeners.clear();
    this.data.supersede();
    this.stopSteps(STOPPED_BY.destroyed);
    return this.queue.background(async () => this.session.destroy());
  }

  /** The custom data and their note, to restart from after a reconnect; undefined for the preset's. */
  get customDataset(): { dataset: Dataset; note: string } | undefined {
    return this.data.custom;
  }

  /** Keeps `run` where stopSteps() finds it from the moment it is asked for until it is done. */
  private async stepping(run: StepRun, queued: () => Promise<void>): Promise<void> {
    this.stepRuns.add(run);
    try {
      await queued();
    } finally {
      this.stepRuns.delete(run);
    }
  }

  /** Stops every step(n) asked for so far, begun or not, at the step it reached (Play's steps too). */
  private stopSteps(reason: string): void {
    for (const run of this.stepRuns) run.stop(reason);
  }

  /** A divergence stops the run it happened in and Play's frames; step(n) asked for later still runs, as asked. */
  private stopDiverged(current: StepRun): void {
    for (const run of this.stepRuns) if (run === current || run.play) run.stop(STOPPED_BY.diverged);
  }

  /** Progress of long work: said to the listeners, without a new view (nothing drawn changed). */
  private progress(label: string): (fraction: number) => void {
    return (fraction) => this.setBusy(fraction < 1 ? { label, progress: fraction } : undefined);
  }

  private setBusy(busy: Busy | undefined): void {
    this.busy = busy;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** The preset's data for `settings`, drawn in slices with progress; the engine hears their size first. */
  private drawPreset(settings: DataSettings): DrawData {
    return (superseded) => {
      this.session.expectData(presetSize(settings));
      return presetData(settings, this.progress(drawing(settings)), superseded);
    };
  }

  /** Loads the data `draw` makes, unless a later request overtook it meanwhile; `status` says so once done. */
  private async replaceData(draw: DrawData, replacement: Replacement, status: string): Promise<void> {
    const loaded = await this.data.replace(async (superseded) => {
      try {
        return await draw(superseded);
      } finally {
        if (!superseded()) this.busy = undefined;
      }
    }, replacement);
    if (!loaded) return;
    this.divergence = '';
    if (status) this.status = status;
  }

  /** Runs n steps and draws them; a long run shows its progress (Play's frames do not) and stops where it diverges. */
  private async stepAndDraw(run: StepRun, frame = false): Promise<void> {
    const n = run.requested;
    const label = takingLabel(n);
    const diverged = this.divergence !== '';
    const progress = (done: number) => {
      if (!frame) {
        // The views follow a long run chunk by chunk, so what they show is what `state` says.
        this.busy = { label, progress: done / n };
        this.publish();
      }
      this.checkDivergence();
      if (this.divergence && !diverged) this.stopDiverged(run);
    };
    let outcome: StepOutcome;
    try {
      // The model's boundary comes with the steps; a racer's beside it is drawn after them (refresh).
      const grid = this.selectedRival() ? undefined : this.scatterWindow.grid(this.session);
      const started = performance.now();
      outcome = await this.session.step(run, grid, progress);
      // As fast as possible sizes the next frame's steps from these: the steps alone, not the drawing after.
      if (frame) this.clock.ran(n, performance.now() - started);
    } finally {
      if (this.busy?.label === label) this.setBusy(undefined);
    }
    // A refused step stops Play as well: every frame after it would be refused again.
    if (outcome.refused) this.clock.stop();
    // The status says what the last request did; Play's own frames are not requests, but a refusal is news.
    if (outcome.stoppedBy && (!frame || outcome.refused))
      this.status = stoppedStatus(outcome.taken, n, outcome.stoppedBy);
    else if (!frame && n > 0) this.status = steppedStatus(n, this.session.state.iteration);
    this.checkDivergence();
    await this.refresh(outcome.probabilities);
  }

  private checkDivergence(): void {
    const run = this.session.run;
    const why = run && this.watch.check(run, this.settings.training, run.data.targets.length, this.safeRates.of(run));
    if (why && why !== this.divergence) {
      this.divergence = why;
      // Play stops here: the status line must not go on saying that it plays.
      if (this.clock.playing) this.status = pausedStatus(this.session.state.iteration);
      this.clock.stop();
      // The stop and its reason show at once, not after the grids (at 2·10⁶ points, seconds later).
      this.publish();
    }
  }

  /** Brings the probability grid up to the run (unless it came with the last steps) and publishes. */
  private async refresh(computed?: Float32Array): Promise<void> {
    const grid = this.scatterWindow.grid(this.session);
    const values = computed ?? (await this.session.probabilityGrid(grid, this.selectedRival()?.params));
    this.probabilities = { grid, values };
    this.publish();
  }

  /** Shows racer `racer`'s boundary on the scatter (0: the model's); a racer the race lacks shows the model's. */
  selectRacer(racer: number): Promise<void> {
    return this.queue.run(async () => {
      this.racer = racer;
      await this.refresh();
    });
  }

  /** The racer whose boundary the scatter shows, when it is one beside the model. */
  private selectedRival(): RivalState | undefined {
    return this.racer > 0 ? this.session.run?.rivals?.[this.racer - 1] : undefined;
  }

  /** The API's state: the session's latest run (a step ago's while it publishes), with the AUC of its ROC curve. */
  get state(): TrainingState {
    const run = this.session.run;
    return run ? stateOf(run, this.sideMeasures(run)) : this.session.state;
  }

  /** The AUC and the test set's measures of a run (as of a moment ago while Play runs). */
  private sideMeasures(run: Run): SideMeasures {
    return { auc: this.rocs.of(run, this.clock.playing)?.curve.auc, test: this.tests.of(run, this.clock.playing) };
  }

  private publish(): void {
    // Late news from work under way when the controller went: nothing to draw, nothing to start.
    if (this.destroyed) return;
    const run = this.session.run;
    if (!run || this.starting) {
      this.notify();
      return;
    }
    this.surface.update(run);
    const safe = this.safeRates.of(run);
    const safeMean = this.safeMeanRates.of(run, 'mean');
    const roc = this.rocs.of(run, this.clock.playing);
    const test = this.tests.of(run, this.clock.playing);
    this.latest = {
      settings: this.settings,
      run,
      state: stateOf(run, { auc: roc?.curve.auc, test }),
      roc,
      test: test ? { measures: test, history: this.tests.history } : undefined,
      scatterDomain: this.scatterWindow.domain(this.session),
      probabilities: this.probabilities,
      surface: this.surface.status,
      customData: this.data.customNote,
      undo: this.data.labels,
      status: this.status,
      divergence: this.divergence,
      stepAdvice: stepAdvice(run, safe, safeMean),
      racer: this.selectedRival() ? this.racer : 0,
      boundary: this.selectedRival()?.params ?? run.evaluation.params,
      playing: this.clock.playing,
      pace: paceText(this.clock.lagging(), this.clock.fastestPace(), run.data.targets.length),
    };
    this.notify();
  }
}
