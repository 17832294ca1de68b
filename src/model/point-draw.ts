/**
 * Drawing a generated data set point by point, whole or in slices: the
 * presets' shared machinery. A recipe gives point i from its own seeded
 * generator, so the output is a pure function of the settings however the
 * draw is sliced; slices keep the page drawing and answering input while
 * millions of points are drawn, and the data's summary is summed as they go.
 */
import { addRange, emptySummary, rememberSummary } from './data-summary';
import type { Dataset } from './dataset';
import { storedCoordinate } from './input-range';

/** How a generated data set is made: N, and point i (called for i = 0, 1, … in order). */
export interface PointRecipe {
  readonly n: number;
  point(i: number): readonly [number, number, 0 | 1];
}

export interface SlicedDraw {
  /** Points per slice (25 000 by default: a few milliseconds). */
  readonly slice?: number;
  /** Waits between slices, so the page can draw and answer input. */
  readonly pause: () => Promise<void>;
  readonly onProgress?: (fraction: number) => void;
  /** Checked between slices: stop early (and return undefined) when it says so. */
  readonly cancelled?: () => boolean;
}

/** The draw in progress: the same sequence of numbers however it is sliced. */
class Draw {
  readonly points: Float64Array;
  readonly targets: Uint8Array;
  private done = 0;

  constructor(private readonly recipe: PointRecipe) {
    this.points = new Float64Array(2 * recipe.n);
    this.targets = new Uint8Array(recipe.n);
  }

  /** Draws up to `count` more points; returns how many are drawn in all. */
  draw(count: number): number {
    const end = Math.min(this.recipe.n, this.done + count);
    for (let i = this.done; i < end; i++) {
      const [x1, x2, t] = this.recipe.point(i);
      // Within the range by the settings' limits (see input-range.test.ts); a value as tiny as 1e-300 could
      // still leave a float32 subnormal, read as 0 as every door reads it.
      this.points[2 * i] = storedCoordinate(x1);
      this.points[2 * i + 1] = storedCoordinate(x2);
      this.targets[i] = t;
    }
    this.done = end;
    return end;
  }
}

export function drawAll(recipe: PointRecipe): Dataset {
  const draw = new Draw(recipe);
  draw.draw(recipe.n);
  return { points: draw.points, targets: draw.targets };
}

/** The same data as drawAll, drawn in slices with a pause after each. */
export async function drawInSlices(recipe: PointRecipe, options: SlicedDraw): Promise<Dataset | undefined> {
  const draw = new Draw(recipe);
  const slice = options.slice ?? 25_000;
  const data = { points: draw.points, targets: draw.targets };
  // The summary is summed slice by slice as well, so no pass over all the data is left for later.
  let summary = emptySummary();
  for (let done = 0; done < recipe.n; ) {
    const from = done;
    done = draw.draw(slice);
    summary = addRange(summary, data, from, done);
    options.onProgress?.(done / recipe.n);
    if (done < recipe.n) await options.pause();
    if (options.cancelled?.()) return undefined;
  }
  rememberSummary(data, summary);
  return data;
}
