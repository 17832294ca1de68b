import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type Dataset, datasetFromRows } from '../model/dataset';
import { generateGaussians, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { crossEntropyFromLogit, logistic } from '../model/logistic';
import { modelOptions, type Params, params2, sumSamples, TUTORIAL_FORM } from '../model/regression';
import { tutorialDataset } from '../model/tutorial-data';
import { TutorialSums, WholePasses } from './tutorial-sums';
import kernelBytes from './tutorial-sums.wat';

function loaded(data: Dataset): TutorialSums {
  const kernel = TutorialSums.load(data);
  if (!kernel) throw new Error('the kernel did not load: Node has WebAssembly SIMD');
  return kernel;
}

/** Data whose sample i has z = zs[i] at w = (1, 0), b = 0, with label t. */
function onTheLine(zs: readonly number[], t: 0 | 1): Dataset {
  return datasetFromRows(zs.map((z) => [z, 0, t] as const));
}

const AT_X1: Params = params2(1, 0);

/**
 * How far σ(z) may be from the loop's in its last bits, whatever z: a
 * gradient term (σ − t)·x with σ near t (σ − 1 at z = 6.4 is 0.0017, and a few
 * units in σ's last place are 10⁻¹³ of that) is held to this times |x|.
 */
const SIGMA_ERROR = 1e-15;

/**
 * Whether the kernel's sums are the loop's: counts exact, and each sum within
 * `relative` of the sum of its terms' magnitudes (a sum that cancels is held
 * to its terms, not to what is left of them), the gradient's also within
 * SIGMA_ERROR of each term's |x|, give or take what the kernel's clamp of the
 * tail at e^−708 may leave (below 10⁻³⁰⁰: nothing any sum shows).
 */
function expectAgreement(data: Dataset, params: Params, threshold: number, relative = 1e-13): void {
  const form = { ...TUTORIAL_FORM, threshold };
  const got = loaded(data).sum(params, form);
  const want = sumSamples(data, params, form);
  expect(got.count).toBe(want.count);
  expect(got.confusion).toEqual(want.confusion);
  const n = data.targets.length;
  const magnitudes = { cost: 0, g1: 0, g2: 0, gb: 0 };
  const sigmaSlack = { g1: 0, g2: 0, gb: 0 };
  for (let i = 0; i < n; i++) {
    const single: Dataset = {
      points: data.points.subarray(2 * i, 2 * i + 2),
      targets: data.targets.subarray(i, i + 1),
    };
    const s = sumSamples(single, params, form);
    magnitudes.cost += Math.abs(s.cost);
    magnitudes.g1 += Math.abs(s.gradient.w[0]!);
    magnitudes.g2 += Math.abs(s.gradient.w[1]!);
    magnitudes.gb += Math.abs(s.gradient.b);
    sigmaSlack.g1 += SIGMA_ERROR * Math.abs(data.points[2 * i]!);
    sigmaSlack.g2 += SIGMA_ERROR * Math.abs(data.points[2 * i + 1]!);
    sigmaSlack.gb += SIGMA_ERROR;
  }
  // Each sample's tail e^(−|z|) is at least e^−708 in the kernel: off by at most that, times |x| in a gradient.
  const largest = data.points.reduce((m, v) => Math.max(m, Math.abs(v)), 1);
  const clamp = n * Math.exp(-708) * largest;
  const close = (a: number, b: number, scale: number, slack = 0) =>
    expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * scale + slack + clamp);
  close(got.cost, want.cost, magnitudes.cost);
  close(got.gradient.w[0]!, want.gradient.w[0]!, magnitudes.g1, sigmaSlack.g1);
  close(got.gradient.w[1]!, want.gradient.w[1]!, magnitudes.g2, sigmaSlack.g2);
  close(got.gradient.b, want.gradient.b, magnitudes.gb, sigmaSlack.gb);
}

describe('the WebAssembly kernel of the tutorial sums', () => {
  it('is small enough for a main thread to compile synchronously (4 KB)', () => {
    expect(kernelBytes.byteLength).toBeGreaterThan(0);
    expect(kernelBytes.byteLength).toBeLessThan(4096);
  });

  it("gives the tutorial's sums at its weights", () => {
    expectAgreement(tutorialDataset(), params2(-2.5, 1.7), 0.5);
  });

  it('gives the loop sums on two Gaussians of odd and even counts, at thresholds and weights across their range', () => {
    for (const n of [1, 2, 3, 1001, 4096]) {
      const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: Math.ceil(n / 2), seed: 7 });
      const cut: Dataset = { points: data.points.subarray(0, 2 * n), targets: data.targets.subarray(0, n) };
      for (const [w1, w2, b, threshold] of [
        [0, 0, 0, 0.5],
        [0.3, -0.2, 0.1, 0.5],
        [4, -3, 1, 0.2],
        [-60, 45, 3, 0.9],
        [900, -700, 0, 0.5],
      ] as const) {
        expectAgreement(cut, { w: [w1, w2], b }, threshold);
      }
    }
  });

  it('holds for any points, labels, weights and threshold (property)', () => {
    const coordinate = fc.double({ min: -50, max: 50, noNaN: true });
    const rows = fc.array(fc.tuple(coordinate, coordinate, fc.constantFrom(0 as const, 1 as const)), {
      minLength: 0,
      maxLength: 40,
    });
    const weight = fc.double({ min: -30, max: 30, noNaN: true });
    fc.assert(
      fc.property(
        rows,
        weight,
        weight,
        weight,
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        (r, w1, w2, b, th) => {
          expectAgreement(datasetFromRows(r), { w: [w1, w2], b }, th);
        },
      ),
      // Once found: z ≈ −708.03, just past the clamp, where the tail is e^−708 instead (a few 10⁻³⁰⁹);
      // z = 6.36 with t = 1, where σ − t is 0.0017 and σ's last bits are 10⁻¹³ of it (SIGMA_ERROR).
      {
        examples: [
          [
            [
              [0, -0.21310570725203648, 1],
              [0, 0, 0],
            ],
            0,
            -29.851000785827534,
            0,
            0.01,
          ],
          [
            [
              [33.86891262874184, 0, 0],
              [0, 0, 0],
            ],
            -20.904125495873675,
            0,
            0,
            0.01,
          ],
        ],
      },
    );
  });

  it('computes σ and the cross-entropy of every logit to a few ulp, the tiniest tails included', () => {
    // Logits from −700 to 700: the tail e^(−|z|) from 1 down to 1e-304, every branch of exp and log1p.
    const zs = Array.from({ length: 2801 }, (_, k) => (k - 1400) / 2).concat([1e-9, -1e-9, 0, 37.5, -37.5]);
    for (const t of [0, 1] as const) {
      for (const z of zs) {
        // Two copies of one sample: the kernel's lanes each sum one.
        const sums = loaded(onTheLine([z, z], t)).sum(AT_X1, TUTORIAL_FORM);
        const cost = crossEntropyFromLogit(t, z);
        const y = logistic(z);
        expect(Math.abs(sums.cost / 2 - cost)).toBeLessThanOrEqual(4e-16 * cost + Number.MIN_VALUE);
        // y − t for t = 1 cancels: the residual is held to the ulp of y, not of what is left.
        expect(Math.abs(sums.gradient.b / 2 - (y - t))).toBeLessThanOrEqual(4e-16 * y);
      }
    }
  });

  it('holds e^(−|z|) at e^−708 beyond |z| = 708: what is left is below any sum', () => {
    const sums = loaded(onTheLine([-750, -2000], 0)).sum(AT_X1, TUTORIAL_FORM);
    expect(sums.cost).toBeGreaterThan(0);
    expect(sums.cost).toBeLessThan(1e-300);
    expect(sums.gradient.b).toBeLessThan(1e-300);
    const right = loaded(onTheLine([750, 2000], 1)).sum(AT_X1, TUTORIAL_FORM);
    expect(right.cost).toBeLessThan(1e-300);
    expect(Math.abs(right.gradient.b)).toBeLessThan(1e-300);
    expect(loaded(onTheLine([750, 2000], 0)).sum(AT_X1, TUTORIAL_FORM).cost).toBe(2750);
  });

  it('says NaN where the weights are not numbers and infinity where the cost is, as the loop', () => {
    const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 5, seed: 3 });
    for (const params of [params2(Number.NaN, 1), params2(Number.POSITIVE_INFINITY, 0), params2(1e308, 1e308, 1e308)]) {
      const got = loaded(data).sum(params, TUTORIAL_FORM);
      const want = sumSamples(data, params, TUTORIAL_FORM);
      expect(got.confusion).toEqual(want.confusion);
      expect(got.cost).toBe(want.cost);
      expect(got.gradient).toEqual(want.gradient);
    }
  });

  it('sums nothing on no data', () => {
    const none = datasetFromRows([]);
    expect(loaded(none).sum(params2(1, 2), TUTORIAL_FORM)).toEqual(sumSamples(none, params2(1, 2), TUTORIAL_FORM));
  });
});

describe('WholePasses', () => {
  const data = generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass: 50, seed: 5 });
  const params = params2(0.7, -0.4, 0.2);

  it('takes the kernel for the tutorial features, loaded once at the first such pass', () => {
    const loads = vi.spyOn(TutorialSums, 'load');
    try {
      const passes = new WholePasses(data, true);
      const curved = modelOptions('sum', true, { ...TUTORIAL_FORM, features: ['x1', 'x2', 'x1^2'] });
      const three = { w: [0.1, 0.2, 0.3], b: 0 };
      // Other features are the loop's, and load nothing.
      expect(passes.sums(three, curved)).toEqual(sumSamples(data, three, curved));
      expect(loads).not.toHaveBeenCalled();
      const byKernel = passes.sums(params, TUTORIAL_FORM);
      expect(byKernel).toEqual(loaded(data).sum(params, TUTORIAL_FORM));
      expect(byKernel).not.toEqual(sumSamples(data, params, TUTORIAL_FORM));
      passes.sums(params2(1, 1), TUTORIAL_FORM);
      // Once for the passes, once for the comparison above.
      expect(loads).toHaveBeenCalledTimes(2);
    } finally {
      loads.mockRestore();
    }
  });

  it('is the loop without the kernel', () => {
    expect(new WholePasses(data, false).sums(params, TUTORIAL_FORM)).toEqual(sumSamples(data, params, TUTORIAL_FORM));
  });

  it('refuses weights of the wrong width, as the loop does', () => {
    expect(() => new WholePasses(data, true).sums({ w: [1], b: 0 }, TUTORIAL_FORM)).toThrow(RangeError);
  });
});
