/**
 * The grids the views draw: P(t = 1 | x) over the scatter's window after every
 * change, and the cost surface over a window of weights, recomputed only when
 * it must be (new data, new reduction, the path leaving the window, b moving
 * with the bias on) and never more often than its own cost allows. Grid
 * sizes follow the engine's speed, so a software adapter stays responsive.
 */
import type { GridSpec } from '../engine/engine';
import type { Params } from '../model/regression';
import type { PlotDomain } from '../view/plot-domain';
import { fitSurfaceDomain } from '../view/surface-domain';
import type { TrainingSession } from './training-session';

export interface GridBudget {
  /** Sample evaluations one cost surface may take (grid² × N). */
  readonly surfaceEvaluations: number;
}

/** For a software adapter or the CPU: about a tenth of a second a surface. */
export const SLOW_BUDGET: GridBudget = { surfaceEvaluations: 2e7 };
/** For a hardware GPU. */
export const FAST_BUDGET: GridBudget = { surfaceEvaluations: 2e9 };

export const PROBABILITY_GRID_SIZE = 64;
const SURFACE_SIZE = { min: 16, max: 96 };

export function surfaceGridSize(n: number, budget: GridBudget): number {
  const size = Math.floor(Math.sqrt(budget.surfaceEvaluations / Math.max(1, n)));
  return Math.min(SURFACE_SIZE.max, Math.max(SURFACE_SIZE.min, size));
}

export class ViewGrids {
  probabilities: Float32Array | undefined;
  probabilityGrid: GridSpec | undefined;
  surface: Float32Array | undefined;
  surfaceGrid: GridSpec | undefined;
  private surfaceBias = Number.NaN;
  private surfaceStale = true;
  private lastSurfaceAt = Number.NEGATIVE_INFINITY;
  private lastSurfaceMs = 0;

  constructor(
    private readonly session: TrainingSession,
    public budget: GridBudget,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** New data or a new reduction: the surface must be recomputed whatever it costs. */
  invalidateSurface(): void {
    this.surfaceStale = true;
  }

  /** The probability grid over a scatter window. */
  probabilityGridFor(scatterDomain: PlotDomain): GridSpec {
    return { x: scatterDomain.x, y: scatterDomain.y, size: PROBABILITY_GRID_SIZE };
  }

  /**
   * Brings both grids up to date with the session (the surface only when due).
   * `computed` is a probability grid that came with the last training call.
   */
  async refresh(scatterDomain: PlotDomain, computed?: Float32Array): Promise<void> {
    const grid = this.probabilityGridFor(scatterDomain);
    this.probabilities = computed ?? (await this.session.probabilityGrid(grid));
    this.probabilityGrid = grid;
    await this.refreshSurface();
  }

  private async refreshSurface(): Promise<void> {
    const session = this.session;
    const params: Params[] = session.history.map((e) => e.params);
    const current = session.snapshot?.params;
    if (current) params.push(current);
    // fitSurfaceDomain hands back the grid it was given while the path stays inside: compared by identity below.
    const domain = fitSurfaceDomain(this.surfaceGrid, params);
    const b = current?.b ?? 0;
    const moved = session.settings.bias && Math.abs(b - this.surfaceBias) > 1e-3 * Math.max(1, Math.abs(b));
    // A slow surface is recomputed at most every few of its own durations, so training keeps most of the time.
    const due = this.now() - this.lastSurfaceAt > Math.max(300, 4 * this.lastSurfaceMs);
    if (!this.surfaceStale && domain === this.surfaceGrid && !(moved && due)) return;
    const size = surfaceGridSize(session.data.targets.length, this.budget);
    const spec: GridSpec = { x: domain.x, y: domain.y, size };
    const start = this.now();
    this.surface = await session.costSurface(spec);
    this.lastSurfaceMs = this.now() - start;
    this.lastSurfaceAt = this.now();
    this.surfaceGrid = spec;
    this.surfaceBias = b;
    this.surfaceStale = false;
  }
}
