/**
 * The window of the input plane the scatter shows, and the grid of
 * P(t = 1 | x) drawn under it: worked out once per data set (a pass over two
 * million points is not free), so steps reuse it.
 */
import type { GridSpec } from '../contract/engine';
import { type PlotDomain, plotDomain } from '../plot/plot-domain';
import type { TrainingSession } from '../session/training-session';

export const PROBABILITY_GRID_SIZE = 64;

export class ScatterWindow {
  private kept: { dataVersion: number; domain: PlotDomain } | undefined;

  /** The window for the data of the run on view (recomputed only when they change). */
  domain(session: TrainingSession): PlotDomain {
    const run = session.run;
    if (!run) return plotDomain(session.data);
    if (this.kept?.dataVersion !== run.dataVersion) {
      // All the points, the test set's too: it is drawn as well (and the whole set's summary is kept with it).
      this.kept = { dataVersion: run.dataVersion, domain: plotDomain(session.data) };
    }
    return this.kept.domain;
  }

  /** The probability grid over that window. */
  grid(session: TrainingSession): GridSpec {
    const { x, y } = this.domain(session);
    return { x, y, size: PROBABILITY_GRID_SIZE };
  }
}
