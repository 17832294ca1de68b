import type { BenchMode } from './timing';

/** The shape of bench/results.json, shared by the page and the runner, so runs on different machines compare. */

export type TrainingEngine = 'gpu' | 'cpu' | 'bare-loop' | 'tfjs-webgpu' | 'tfjs-wasm' | 'tfjs-cpu';

/**
 * A user's `step(k)`: k steps of the tutorial's run (its settings) through the
 * training session, as the page's API takes them, on N samples; the bare
 * loop takes the same k steps of its own full-batch rule on the same data.
 */
export interface ManyStepsResult {
  readonly engine: 'gpu' | 'cpu' | 'bare-loop';
  readonly n: number;
  readonly steps: number;
  /** The median of the timed runs, after one to warm up. */
  readonly ms: number;
  /** The first timed run. */
  readonly firstMs: number;
}

export interface TrainingResult {
  readonly engine: TrainingEngine;
  readonly n: number;
  readonly msPerStep: number;
  readonly samplesPerSecond: number;
  /** The CPU engine's: the workers its passes were split across (0: the main thread), and how they got the data. */
  readonly workers?: { readonly count: number; readonly sharing: 'shared' | 'copied' | undefined };
}

/** The wider model against the tutorial's: ms per gradient step at d = 2 and d = 7 (every feature), one engine. */
export interface WidthResult {
  readonly engine: 'gpu' | 'cpu';
  readonly n: number;
  readonly msPerStepD2: number;
  readonly msPerStepD7: number;
}

/** A race of six against one racer, and Newton's step against gradient descent's, on one engine, side by side. */
export interface RaceResult {
  readonly engine: 'gpu' | 'cpu';
  readonly n: number;
  readonly racers: number;
  /** ms per step of the model alone (gradient descent). */
  readonly msPerStepOne: number;
  /** ms per step of the model and its racers (every optimiser, Newton's included), in the same calls. */
  readonly msPerStepRace: number;
  /** ms per step of Newton's method alone (the Hessian's sums and the 8×8 solve in the kernels). */
  readonly msPerStepNewton: number;
}

export interface CostSurfaceResult {
  readonly engine: 'gpu' | 'cpu';
  readonly n: number;
  readonly grid: number;
  readonly ms: number;
}

export interface Interactivity {
  readonly frameMsP50: number;
  readonly frameMsP95: number;
  readonly lrChangeToFrameMs: number;
}

/** One phase of work on large data in the app: how long, and the longest main-thread task meanwhile. */
export interface PhaseTiming {
  readonly ms: number;
  readonly longestTaskMs: number;
  /** Tasks over 50 ms. */
  readonly longTasks: number;
}

export interface LargeData {
  readonly n: number;
  readonly load: PhaseTiming;
  readonly addPoint: PhaseTiming;
  readonly play: PhaseTiming;
}

export interface AdapterReport {
  readonly vendor: string;
  readonly architecture: string;
  readonly isFallbackAdapter: boolean;
  /** Whether the bench page was cross-origin isolated (SharedArrayBuffer: threads for TF.js-wasm). */
  readonly crossOriginIsolated?: boolean;
  /** The TF.js-wasm build that ran. */
  readonly tfjsWasm?: string;
}

/** Did every engine end 20 steps within 1e-3 of the reference? If not, timings compare different work. */
export interface AgreementCheck {
  readonly n: number;
  readonly maxDifference: Record<string, number>;
  readonly ok: boolean;
}

export interface DispatchReport {
  readonly n: number;
  readonly path: string;
  readonly workgroups: number;
  readonly source: string;
  readonly trials: readonly { workgroups: number; msPerStep: number }[];
}

export interface BenchResults {
  readonly browser: string;
  readonly adapter: AdapterReport;
  readonly training: TrainingResult[];
  readonly costSurface: CostSurfaceResult[];
  readonly width: WidthResult[];
  readonly race: RaceResult[];
  readonly manySteps: ManyStepsResult[];
  readonly interactivity: Interactivity;
  /** Extras beyond the agreed shape. */
  readonly agreement: AgreementCheck[];
  readonly dispatch: DispatchReport[];
  readonly readbackPerStep: {
    readonly n: number;
    readonly amortisedMsPerStep: number;
    readonly perStepMsPerStep: number;
  }[];
  readonly largeData: LargeData;
  readonly mode: BenchMode;
}
