/**
 * A two-class data set in the plane. Points are interleaved (x1, x2, x1, x2…)
 * in one Float64Array so the reference loops walk memory once and the GPU
 * upload is a single conversion.
 */
export interface Dataset {
  /** Interleaved coordinates: point i is (points[2i], points[2i+1]). */
  readonly points: Float64Array;
  /** Class labels, 0 or 1, one per point. */
  readonly targets: Uint8Array;
}

export function sampleCount(data: Dataset): number {
  return data.targets.length;
}

/** Builds a data set from plain rows, as tests and small demos write them. */
export function datasetFromRows(rows: ReadonlyArray<readonly [number, number, 0 | 1]>): Dataset {
  const points = new Float64Array(rows.length * 2);
  const targets = new Uint8Array(rows.length);
  rows.forEach(([x1, x2, t], i) => {
    points[2 * i] = x1;
    points[2 * i + 1] = x2;
    targets[i] = t;
  });
  return { points, targets };
}
