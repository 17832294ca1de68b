/**
 * Data for kernel tests and the benchmark: two Gaussian classes with every
 * coordinate exactly representable in f32, so the CPU (f64) and the GPU (f32)
 * see the same numbers.
 */
import type { Dataset } from '../../src/model/dataset';
import { generateGaussians } from '../../src/model/gaussians';

/** `reach` > 0 scales every 97th point out so that logits reach about ±reach at weights of size ~3. */
export function f32Dataset(n: number, seed: number, reach = 0): Dataset {
  const perClass = Math.ceil(n / 2);
  const source = generateGaussians({ mean0: [-1, 0.5], mean1: [1, -0.5], std: 1.3, perClass, seed });
  const points = new Float64Array(2 * n);
  const targets = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    // Interleave the classes so any prefix holds both.
    const j = i % 2 === 0 ? i / 2 : perClass + (i - 1) / 2;
    const far = reach > 0 && i % 97 === 5 ? reach / 3 : 1;
    points[2 * i] = Math.fround(source.points[2 * j]! * far);
    points[2 * i + 1] = Math.fround(source.points[2 * j + 1]! * far);
    targets[i] = source.targets[j]!;
  }
  return { points, targets };
}
