/**
 * Data a line cannot split, as TensorFlow Playground draws them: a circle
 * (class 0 inside a ring of class 1), XOR (class 1 in the quadrants where
 * x1·x2 > 0, class 0 in the others) and a spiral (two interleaved arms).
 * perClass points of class 0, then perClass of class 1, from a seeded
 * generator (d3-random's LCG), so the data are a pure function of the
 * settings. The noise is position noise: every coordinate gets an
 * independent N(0, noise²) added after the shape is drawn, so points stray
 * across the shape's true boundary, and their labels stay as drawn.
 */
import { randomLcg, randomNormal, randomUniform } from 'd3-random';
import type { Dataset } from './dataset';
import { drawAll, drawInSlices, type PointRecipe, type SlicedDraw } from './point-draw';

export const SHAPES = ['circle', 'xor', 'spiral'] as const;
export type Shape = (typeof SHAPES)[number];

export interface ShapeSettings {
  readonly perClass: number;
  readonly seed: number;
  /** σ of the position noise, in the data's units. */
  readonly noise: number;
}

/** The shapes' scale: every shape lies within about ±RADIUS before noise. */
export const RADIUS = 4;

/** The noise a shape may be drawn with: up to as wide as the shapes. */
export const NOISE_LIMITS = { min: 0, max: RADIUS } as const;

/** Where a shape puts point j of class t (j counts within the class, of perClass), before noise. */
type Place = (t: 0 | 1, j: number, uniform: () => number) => readonly [number, number];

const PLACES: Readonly<Record<Shape, (perClass: number) => Place>> = {
  // Class 0 within 0.5·R of the centre, class 1 in the ring from 0.7·R to R: a gap of 0.2·R between them.
  circle: () => (t, _j, uniform) => {
    const r = RADIUS * (t === 0 ? 0.5 * uniform() : 0.7 + 0.3 * uniform());
    const angle = 2 * Math.PI * uniform();
    return [r * Math.cos(angle), r * Math.sin(angle)];
  },
  // A quadrant for each point, kept 0.3 off the axes so that without noise the classes stay apart.
  xor: () => (t, _j, uniform) => {
    const sx = uniform() < 0.5 ? -1 : 1;
    const sy = t === 1 ? sx : -sx;
    return [sx * (0.3 + (RADIUS - 0.3) * uniform()), sy * (0.3 + (RADIUS - 0.3) * uniform())];
  },
  // Arm t winds 1.75 turns out from near the centre; the other arm is the same, half a turn on.
  spiral: (perClass) => (t, j) => {
    const f = j / perClass;
    const r = RADIUS * (0.1 + 0.9 * f);
    const angle = 1.75 * 2 * Math.PI * f + t * Math.PI;
    return [r * Math.sin(angle), r * Math.cos(angle)];
  },
};

function shapeRecipe(shape: Shape, settings: ShapeSettings): PointRecipe {
  const { perClass, seed, noise } = settings;
  const source = randomLcg(seed);
  const uniform = randomUniform.source(source)(0, 1);
  const normal = randomNormal.source(source)(0, noise);
  const place = PLACES[shape](perClass);
  return {
    n: 2 * perClass,
    point: (i) => {
      const t = i < perClass ? 0 : 1;
      const [x1, x2] = place(t, i - t * perClass, uniform);
      return noise > 0 ? [x1 + normal(), x2 + normal(), t] : [x1, x2, t];
    },
  };
}

export function generateShape(shape: Shape, settings: ShapeSettings): Dataset {
  return drawAll(shapeRecipe(shape, settings));
}

/** The same data as generateShape, drawn in slices with a pause after each. */
export function generateShapeInSlices(
  shape: Shape,
  settings: ShapeSettings,
  options: SlicedDraw,
): Promise<Dataset | undefined> {
  return drawInSlices(shapeRecipe(shape, settings), options);
}
