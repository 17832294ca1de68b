/**
 * The CPU engine's pass over large data for the tutorial's features: the
 * sums of sumSamples computed by a WebAssembly SIMD kernel
 * (tutorial-sums.wat), two samples at a time with its own exp and log1p,
 * about 2.5 times as fast as the JavaScript loop on one core. The kernel
 * keeps its own copy of the samples, made once per data set, at its first
 * pass (WholePasses: the main thread's and each worker's full passes).
 *
 * The JavaScript loop stays the reference and the fallback: for other
 * features, for small data (where the engine's results stay bit-identical
 * to the model's), and on a page that cannot compile the kernel (no
 * WebAssembly SIMD, or a content security policy without
 * 'wasm-unsafe-eval'). The kernel's sums agree with the loop's to about
 * 1e-13 relative (tutorial-sums.test.ts), its confusion counts exactly.
 */
import type { Dataset } from '../model/dataset';
import {
  addSums,
  checkWidth,
  decisionLogit,
  isTutorialForm,
  type ModelForm,
  type Params,
  type SampleSums,
  sumSamples,
} from '../model/regression';
import kernelBytes from './tutorial-sums.wat';

type SumsExport = (
  points: number,
  targets: number,
  n: number,
  w1: number,
  w2: number,
  b: number,
  cut: number,
  out: number,
) => void;

/** Seven pairs of float64 (tutorial-sums.wat says which). */
const RESULT_VALUES = 14;
const PAGE_BYTES = 65_536;

/** Compiled once a page or worker: undefined until tried, null where it cannot be. */
let compiled: WebAssembly.Module | null | undefined;

/**
 * The kernel's module, compiled synchronously: a main thread may do that
 * for a module under 4 KB (tutorial-sums.test.ts holds it there), and a
 * pass must not wait for a promise.
 */
function kernelModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) {
    try {
      compiled =
        typeof WebAssembly === 'object' && WebAssembly.validate(kernelBytes)
          ? new WebAssembly.Module(kernelBytes)
          : null;
    } catch {
      // A policy that forbids compiling WebAssembly: the JavaScript loop does the pass.
      compiled = null;
    }
  }
  return compiled ?? undefined;
}

export class TutorialSums {
  private constructor(
    private readonly sums: SumsExport,
    private readonly results: Float64Array,
    /** The samples the kernel sums: an even count. */
    private readonly paired: number,
    private readonly targetsAt: number,
    private readonly outAt: number,
    /** The last sample of an odd count, summed by the JavaScript loop. */
    private readonly odd: Dataset | undefined,
  ) {}

  /** A kernel holding a copy of `data`; undefined where WebAssembly SIMD is not at hand or the copy does not fit. */
  static load(data: Dataset): TutorialSums | undefined {
    const module = kernelModule();
    if (!module) return undefined;
    const n = data.targets.length;
    const targetsAt = 16 * n;
    // The labels are read 8 bytes at a time, and the results are stored as 16-byte vectors.
    const outAt = Math.ceil((targetsAt + n + 8) / 16) * 16;
    let memory: WebAssembly.Memory;
    try {
      memory = new WebAssembly.Memory({ initial: Math.ceil((outAt + 8 * RESULT_VALUES) / PAGE_BYTES) });
    } catch {
      return undefined;
    }
    new Float64Array(memory.buffer, 0, 2 * n).set(data.points.subarray(0, 2 * n));
    new Uint8Array(memory.buffer, targetsAt, n).set(data.targets);
    const instance = new WebAssembly.Instance(module, { env: { memory } });
    const paired = n - (n % 2);
    const odd =
      paired === n
        ? undefined
        : { points: data.points.slice(2 * paired, 2 * n), targets: data.targets.slice(paired, n) };
    return new TutorialSums(
      instance.exports.sums as SumsExport,
      new Float64Array(memory.buffer, outAt, RESULT_VALUES),
      paired,
      targetsAt,
      outAt,
      odd,
    );
  }

  /** sumSamples over every sample at `params`, for the tutorial's features. */
  sum(params: Params, form: ModelForm): SampleSums {
    const [w1, w2] = params.w as [number, number];
    this.sums(0, this.targetsAt, this.paired, w1, w2, params.b, decisionLogit(form.threshold), this.outAt);
    const r = this.results;
    const lanes = (k: number) => r[2 * k]! + r[2 * k + 1]!;
    const positive = lanes(4);
    const truePositive = lanes(5);
    const falseNegative = lanes(6) - truePositive;
    const pairs: SampleSums = {
      count: this.paired,
      cost: lanes(0),
      gradient: { w: [lanes(1), lanes(2)], b: lanes(3) },
      confusion: {
        truePositive,
        falsePositive: positive - truePositive,
        trueNegative: this.paired - positive - falseNegative,
        falseNegative,
      },
    };
    return this.odd ? addSums(pairs, sumSamples(this.odd, params, form)) : pairs;
  }
}

/**
 * Full passes over one data set: sumSamples over every sample, by the kernel
 * for the tutorial's features where `withKernel` allows it and it loads (its
 * copy made at the first such pass, not before), by the loop otherwise.
 */
export class WholePasses {
  /** Undefined until a pass could take the kernel; null where it will not. */
  private kernel: TutorialSums | null | undefined;

  constructor(
    readonly data: Dataset,
    private readonly withKernel: boolean,
  ) {}

  sums(params: Params, form: ModelForm): SampleSums {
    checkWidth(params, form.features);
    if (!isTutorialForm(form.features)) return sumSamples(this.data, params, form);
    if (this.kernel === undefined) this.kernel = (this.withKernel && TutorialSums.load(this.data)) || null;
    return this.kernel ? this.kernel.sum(params, form) : sumSamples(this.data, params, form);
  }
}
