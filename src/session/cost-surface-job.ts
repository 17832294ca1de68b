/**
 * Keeps the cost surface ξ(w1, w2) up to date with the run, without ever
 * holding the page. A large surface is computed from interleaved slices of
 * the samples (0, k, 2k, … then 1, k + 1, … ), one queued engine call of
 * bounded size each, so training runs in between: after the first slice
 * there is an estimate to show, and it sharpens until all k slices make the
 * exact surface. A change that makes the work pointless (new data, another
 * reduction, a new window) abandons it at the next slice; a result for
 * superseded data is dropped, never shown. With the bias on the surface is
 * the slice at the current b, recomputed when b has moved, no more often
 * than its cost allows.
 */
import type { GridSpec, SurfaceAxes } from '../contract/engine';
import type { Feature } from '../model/features';
import type { Params } from '../model/regression';
import { type PlotDomain, plotDomainKey } from '../plot/plot-domain';
import { surfaceWindow } from '../plot/surface-domain';
import { LIMITS } from '../settings/settings';
import type { Run, TrainingSession } from './training-session';

export interface GridBudget {
  /** Sample evaluations one queued engine call may take (grid points × samples). */
  readonly surfaceEvaluations: number;
}

/** For the CPU engine, which computes on the page's own thread: a few milliseconds a call. */
export const CPU_BUDGET: GridBudget = { surfaceEvaluations: 1e6 };
/** For a software adapter (a GPU emulated on the CPU): about a tenth of a second a call. */
export const SLOW_BUDGET: GridBudget = { surfaceEvaluations: 2e7 };
/** For a hardware GPU. */
export const FAST_BUDGET: GridBudget = { surfaceEvaluations: 2e9 };

/** The budget for an engine: the CPU's runs on the page's thread; a software GPU adapter is slow. */
export function gridBudget(engine: 'gpu' | 'cpu', hardwareGpu: boolean): GridBudget {
  if (engine === 'cpu') return CPU_BUDGET;
  return hardwareGpu ? FAST_BUDGET : SLOW_BUDGET;
}

const SURFACE_SIZE = { min: 16, max: 96 };

/**
 * Points per axis of the surface: as fine as one call allows, within
 * SURFACE_SIZE. Only data too large for the coarsest grid in one call take
 * several (each a slice of the samples), so that Play, which waits for the
 * call under way, keeps its pace.
 */
export function surfaceGridSize(n: number, budget: GridBudget): number {
  const size = Math.floor(Math.sqrt(budget.surfaceEvaluations / Math.max(1, n)));
  return Math.min(SURFACE_SIZE.max, Math.max(SURFACE_SIZE.min, size));
}

/** A computed surface and what it shows. */
export interface SurfaceImage {
  readonly grid: GridSpec;
  readonly values: Float32Array;
  readonly dataVersion: number;
  /** The weights varied along x and y. */
  readonly axes: SurfaceAxes;
  /** The parameters the slice goes through: every weight but the axes', and b, are held at these. */
  readonly at: Params;
  /** Set while it is an estimate from some of the samples rather than from all. */
  readonly estimate?: { readonly visited: number; readonly n: number };
}

export interface SurfaceStatus {
  /** The window the current run wants shown (a click on it sets w(0)). */
  readonly window: PlotDomain;
  /** The two weights it varies, along x and y. */
  readonly axes: SurfaceAxes;
  /** The latest surface of the current data, if any; it may be rough or for an older window or b. */
  readonly image: SurfaceImage | undefined;
  /** Whether `image` is the exact surface the run wants. */
  readonly current: boolean;
  /** How far the computation under way is (0–1); undefined when none is. */
  readonly progress: number | undefined;
  /** Why the last computation failed, if it did. */
  readonly error: string | undefined;
}

interface Target {
  readonly run: Run;
  readonly window: PlotDomain;
  readonly size: number;
  /** Everything but the held values: a change abandons the work under way. */
  readonly key: string;
  readonly axes: SurfaceAxes;
  readonly at: Params;
}

/**
 * The values a slice holds fixed: b, and every weight off the axes. With the
 * tutorial's model (two weights, no bias) there are none, and the surface is
 * the cost itself.
 */
function heldValues(at: Params, axes: SurfaceAxes): number[] {
  return [...at.w.filter((_, j) => !axes.includes(j)), at.b];
}

/** Where the surface's two features sit among the model's: the indices of the weights it varies. */
export function surfaceAxes(features: readonly Feature[], shown: readonly [Feature, Feature]): SurfaceAxes {
  return [features.indexOf(shown[0]), features.indexOf(shown[1])];
}

/** Held values this close (relative) to the image's draw the same surface to the eye: it is current. */
const HELD_TOLERANCE = 1e-3;

/** How far apart two slices' held values are, relative to their size. */
function heldDistance(a: Params, b: Params, axes: SurfaceAxes): number {
  const x = heldValues(a, axes);
  const y = heldValues(b, axes);
  return Math.max(0, ...x.map((v, j) => Math.abs(v - y[j]!) / Math.max(1, Math.abs(v))));
}

export class CostSurfaceJob {
  private target: Target | undefined;
  private image: SurfaceImage | undefined;
  private imageKey = '';
  private progress: number | undefined;
  private generation = 0;
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  private lastEnd = Number.NEGATIVE_INFINITY;
  private lastStatus: SurfaceStatus | undefined;
  private error: string | undefined;
  private lastDuration = 0;
  /** A look at the run once a recomputation is due, while held values have moved. */
  private recheck: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly session: TrainingSession,
    public budget: GridBudget,
    /** Called when the status changed (progress, a new image). */
    private readonly onChange: () => void,
    /**
     * Runs one slice's engine call in its turn: the controller's queue, so a
     * slice never interleaves with training (alone, the slice just runs).
     */
    private readonly schedule: <T>(slice: () => Promise<T>) => Promise<T> = (slice) => slice(),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The status, a new object only when something in it changed (views compare by identity). */
  get status(): SurfaceStatus | undefined {
    const t = this.target;
    if (!t) return undefined;
    const current =
      this.image !== undefined &&
      this.imageKey === t.key &&
      heldDistance(this.image.at, t.at, t.axes) <= HELD_TOLERANCE &&
      !this.image.estimate;
    const last = this.lastStatus;
    const same =
      last?.window === t.window &&
      last.axes === t.axes &&
      last.image === this.image &&
      last.current === current &&
      last.progress === this.progress &&
      last.error === this.error;
    if (same) return last;
    this.lastStatus = {
      window: t.window,
      axes: t.axes,
      image: this.image,
      current,
      progress: this.progress,
      error: this.error,
    };
    return this.lastStatus;
  }

  /** Resolves when no computation is under way. */
  async idle(): Promise<void> {
    for (let seen = this.running; ; seen = this.running) {
      await seen;
      if (seen === this.running) return;
    }
  }

  /** Points the surface at `run`; starts, restarts or leaves the work as the change requires. */
  update(run: Run): void {
    const points = run.history.map((e) => e.params);
    points.push(run.evaluation.params);
    const axes = surfaceAxes(run.settings.features, run.settings.surfaceFeatures);
    const window = surfaceWindow(points, LIMITS.parameter.max, axes);
    const size = surfaceGridSize(run.data.targets.length, this.budget);
    const { bias, reduction, features, l2 } = run.settings;
    const key = [run.dataVersion, reduction, bias, features.join(), l2, axes.join(), plotDomainKey(window), size].join(
      '|',
    );
    const current = run.evaluation.params;
    const at = { w: current.w, b: bias ? current.b : 0 };
    const previous = this.target;
    this.target = { run, window: previous?.key === key ? previous.window : window, size, key, axes, at };
    if (this.image && this.image.dataVersion !== run.dataVersion) this.image = undefined;
    // A failed computation is tried again once the run has moved on (not at each report of its own failure).
    const retry = this.error !== undefined && !this.busy && run !== previous?.run;
    if (previous?.key !== key || retry) {
      this.start();
      return;
    }
    // Only held values moved (b, weights off the axes): a new slice once the last is done, and not too often.
    const moved = this.image !== undefined && heldDistance(this.image.at, at, axes) > HELD_TOLERANCE;
    const wait = Math.max(300, 4 * this.lastDuration) - (this.now() - this.lastEnd);
    if (moved && wait < 0 && !this.busy) this.start();
    // Not yet: look again when it is due, so the last of a run's moves is shown too (no later update may come).
    else if (moved && this.recheck === undefined) {
      this.recheck = setTimeout(
        () => {
          this.recheck = undefined;
          if (this.target) this.update(this.target.run);
        },
        Math.max(50, wait),
      );
    }
  }

  /** Abandons any work; nothing more will be computed or reported. */
  stop(): void {
    this.generation++;
    this.target = undefined;
    clearTimeout(this.recheck);
    this.recheck = undefined;
  }

  private start(): void {
    const generation = ++this.generation;
    const target = this.target as Target;
    this.busy = true;
    this.progress = 0;
    const previous = this.running;
    this.running = previous
      .then(() => this.compute(target, generation))
      .then(
        () => {
          this.error = undefined;
        },
        (error: unknown) => {
          // Said on the surface; the next change of the run tries again.
          if (generation === this.generation) this.error = (error as Error).message;
        },
      )
      .finally(() => {
        if (generation === this.generation) {
          this.busy = false;
          this.progress = undefined;
          this.onChange();
        }
      });
  }

  private async compute(target: Target, generation: number): Promise<void> {
    const started = this.now();
    const n = target.run.data.targets.length;
    const { at, axes, window, size } = target;
    const grid: GridSpec = { ...window, size };
    // Slices small enough for one call each; their estimates, weighted by their share of N, add up to ξ.
    const slices = Math.max(1, Math.min(n, Math.ceil((size * size * n) / this.budget.surfaceEvaluations)));
    const sum = new Float64Array(size * size);
    let visited = 0;
    for (let first = 0; first < slices; first++) {
      const result = await this.schedule(() => this.session.costSurface(grid, { first, stride: slices, at, axes }));
      if (generation !== this.generation || result.run?.dataVersion !== target.run.dataVersion) return;
      const count = Math.ceil((n - first) / slices);
      visited += count;
      for (let c = 0; c < sum.length; c++) sum[c]! += (result.values[c] as number) * count;
      this.progress = (first + 1) / slices;
      const values = Float32Array.from(sum, (v) => v / visited);
      this.show(target, grid, values, visited < n ? { visited, n } : undefined);
    }
    this.lastEnd = this.now();
    this.lastDuration = this.lastEnd - started;
  }

  private show(target: Target, grid: GridSpec, values: Float32Array, estimate?: SurfaceImage['estimate']): void {
    const { axes, at } = target;
    this.image = { grid, values, dataVersion: target.run.dataVersion, axes, at, ...(estimate ? { estimate } : {}) };
    this.imageKey = target.key;
    this.onChange();
  }
}
