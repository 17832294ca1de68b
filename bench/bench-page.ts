/**
 * The benchmark's in-page half: every engine on identical data in one page,
 * driven by bench/run.ts through window.bench.
 */
import { f32Dataset } from '../e2e/kernels/test-data';
import type { Engine, EngineOptions, RaceEntry } from '../src/contract/engine';
import { CpuEngine } from '../src/engine/cpu-engine';
import { GpuEngine } from '../src/engine/gpu-engine';
import type { Dataset } from '../src/model/dataset';
import { FEATURES } from '../src/model/features';
import { DEFAULT_OPTIMIZER } from '../src/model/optimizers';
import type { Racer } from '../src/model/race';
import { type Params, TUTORIAL_FORM } from '../src/model/regression';
import { tutorialDataset } from '../src/model/tutorial-data';
import { TrainingSession } from '../src/session/training-session';
import { BareLoop } from './bare-loop';
import type {
  AdapterReport,
  AgreementCheck,
  CostSurfaceResult,
  DispatchReport,
  ManyStepsResult,
  RaceResult,
  TrainingEngine,
  TrainingResult,
  WidthResult,
} from './results';
import { type TfjsBackend, TfjsTrainer, wasmFlavour } from './tfjs-trainer';
import { type BenchMode, median, msPerCall, msPerStep, PLANS } from './timing';

/** The training workload: full batch, mean reduction, with bias, from one start. */
const OPTIONS: EngineOptions = { ...TUTORIAL_FORM, learningRate: 0.5, bias: true, reduction: 'mean', batchSize: 0 };
const START: Params = { w: [-1, 1], b: 0.5 };
/** Steps per submit for our engines (the DESIGN's amortised case). */
const GPU_CHUNK = 50;

const cache = new Map<number, Dataset>();
function data(n: number): Dataset {
  let d = cache.get(n);
  if (!d) {
    d = f32Dataset(n, 2026);
    cache.set(n, d);
  }
  return d;
}

/** The widest model the playground offers: every feature, one weight each. */
const WIDE: EngineOptions = { ...OPTIONS, features: FEATURES };
/** The five racers beside the model in the race row: every optimiser, Newton's included. */
const RIVALS: readonly Racer[] = [
  { optimizer: 'momentum', learningRate: 0.1, momentum: 0.9 },
  { optimizer: 'nesterov', learningRate: 0.1, momentum: 0.9 },
  { optimizer: 'adam', learningRate: 0.05 },
  { optimizer: 'newton', learningRate: 1 },
  { optimizer: 'gd', learningRate: 0.1 },
];

async function ourEngine(kind: 'gpu' | 'cpu', n: number, options: EngineOptions = OPTIONS): Promise<Engine> {
  const engine = kind === 'gpu' ? await GpuEngine.create() : new CpuEngine();
  await engine.setData(data(n));
  engine.setOptions(options);
  engine.setParams({ w: options.features.map((_, j) => START.w[j] ?? 0), b: START.b });
  return engine;
}

const bench = {
  async adapter(): Promise<AdapterReport & { limits: { maxStorageBufferBindingSize: number } }> {
    const adapter = await navigator.gpu?.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) throw new Error('No WebGPU adapter: the benchmark needs one');
    const info = adapter.info as GPUAdapterInfo & { isFallbackAdapter?: boolean };
    return {
      vendor: info.vendor,
      architecture: info.architecture,
      isFallbackAdapter: info.isFallbackAdapter ?? false,
      crossOriginIsolated: self.crossOriginIsolated,
      tfjsWasm: await wasmFlavour(),
      limits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize },
    };
  },

  /** 20 steps on every engine; each must end within 1e-3 of the CPU reference. */
  async agreement(n: number): Promise<AgreementCheck> {
    const steps = 20;
    const ends: Record<string, Params> = {};
    for (const kind of ['cpu', 'gpu'] as const) {
      const engine = await ourEngine(kind, n);
      ends[kind] = (await engine.train(steps)).path.at(-1) as Params;
      engine.destroy();
    }
    const bare = new BareLoop(data(n), START, OPTIONS.learningRate);
    bare.step(steps);
    ends['bare-loop'] = bare.params();
    for (const backend of ['webgpu', 'wasm', 'cpu'] as const) {
      const trainer = await TfjsTrainer.create(backend, data(n), START, OPTIONS.learningRate);
      trainer.step(steps);
      ends[`tfjs-${backend}`] = await trainer.params();
      trainer.dispose();
    }
    const reference = ends.cpu as Params;
    const maxDifference: Record<string, number> = {};
    for (const [name, p] of Object.entries(ends)) {
      maxDifference[name] = Math.max(...p.w.map((w, j) => Math.abs(w - reference.w[j]!)), Math.abs(p.b - reference.b));
    }
    return { n, maxDifference, ok: Object.values(maxDifference).every((d) => d <= 1e-3) };
  },

  async training(
    engine: TrainingEngine,
    n: number,
    mode: BenchMode,
  ): Promise<TrainingResult & { dispatch?: DispatchReport }> {
    let ms: number;
    let dispatch: DispatchReport | undefined;
    let workers: TrainingResult['workers'];
    if (engine === 'gpu' || engine === 'cpu') {
      const e = await ourEngine(engine, n);
      const chunk = engine === 'gpu' ? GPU_CHUNK : Math.max(1, Math.min(GPU_CHUNK, Math.round(2e6 / n)));
      ms = await msPerStep(async (k) => void (await e.train(k)), chunk, PLANS[mode]);
      if (e instanceof GpuEngine) {
        const t = e.tuning;
        dispatch = { n, path: e.reductionPath, workgroups: t.workgroups, source: t.source, trials: t.trials };
      }
      if (e instanceof CpuEngine) workers = e.workers;
      e.destroy();
    } else if (engine === 'bare-loop') {
      const bare = new BareLoop(data(n), START, OPTIONS.learningRate);
      const chunk = Math.max(1, Math.min(GPU_CHUNK, Math.round(2e6 / n)));
      ms = await msPerStep(async (k) => bare.step(k), chunk, PLANS[mode]);
    } else {
      const trainer = await TfjsTrainer.create(
        engine.slice('tfjs-'.length) as TfjsBackend,
        data(n),
        START,
        OPTIONS.learningRate,
      );
      // About 20 ms of TF.js work a chunk at its fastest: a chunk must not outlast a repetition.
      const chunk = Math.max(1, Math.min(20, Math.round(2e5 / n)));
      ms = await msPerStep(
        async (k) => {
          trainer.step(k);
          await trainer.params();
        },
        chunk,
        PLANS[mode],
      );
      trainer.dispose();
    }
    return {
      engine,
      n,
      msPerStep: ms,
      samplesPerSecond: (n / ms) * 1000,
      ...(dispatch ? { dispatch } : {}),
      ...(workers ? { workers } : {}),
    };
  },

  /** The same kernels with one readback per step, against k steps per submit. */
  async readback(
    n: number,
    mode: BenchMode,
  ): Promise<{ n: number; amortisedMsPerStep: number; perStepMsPerStep: number }> {
    const e = (await ourEngine('gpu', n)) as GpuEngine;
    const amortised = await msPerStep(async (k) => void (await e.train(k)), GPU_CHUNK, PLANS[mode]);
    const perStep = await msPerStep(
      async (k) => {
        for (let i = 0; i < k; i++) await e.trainSteps(1, false);
      },
      1,
      PLANS[mode],
    );
    e.destroy();
    return { n, amortisedMsPerStep: amortised, perStepMsPerStep: perStep };
  },

  /** ms per step of the tutorial's two weights and of all seven features, on one engine, side by side. */
  async width(engine: 'gpu' | 'cpu', n: number, mode: BenchMode): Promise<WidthResult> {
    const perStep = async (options: EngineOptions) => {
      const e = await ourEngine(engine, n, options);
      const chunk = engine === 'gpu' ? GPU_CHUNK : Math.max(1, Math.min(GPU_CHUNK, Math.round(2e6 / n)));
      const ms = await msPerStep(async (k) => void (await e.train(k)), chunk, PLANS[mode]);
      e.destroy();
      return ms;
    };
    return { engine, n, msPerStepD2: await perStep(OPTIONS), msPerStepD7: await perStep(WIDE) };
  },

  /** ms per step of one racer, of a race of six (one dispatch a step on the GPU), and of Newton's method alone. */
  async race(engine: 'gpu' | 'cpu', n: number, mode: BenchMode): Promise<RaceResult> {
    const start: Params = { w: [0, 0], b: 0 };
    const rivals: RaceEntry[] = RIVALS.map((racer) => ({ params: start, racer }));
    const chunk = engine === 'gpu' ? GPU_CHUNK : Math.max(1, Math.min(GPU_CHUNK, Math.round(2e6 / n)));
    const perStep = async (options: EngineOptions, race?: readonly RaceEntry[]) => {
      const e = await ourEngine(engine, n, options);
      const ms = await msPerStep(async (k) => void (await e.train(k, race ? { race } : {})), chunk, PLANS[mode]);
      e.destroy();
      return ms;
    };
    return {
      engine,
      n,
      racers: RIVALS.length + 1,
      msPerStepOne: await perStep(OPTIONS),
      msPerStepRace: await perStep(OPTIONS, rivals),
      msPerStepNewton: await perStep({
        ...OPTIONS,
        learningRate: 1,
        optimizer: { ...DEFAULT_OPTIMIZER, optimizer: 'newton' },
      }),
    };
  },

  /**
   * A user's step(k) on N samples (the tutorial's 40 points at N = 40): k steps through the training session
   * from w(0), by the bench's protocol (timing.ts): one run to warm the JIT and compile the kernels, then
   * the median of `repetitions`; the bare loop the same, on the same data. `firstMs` is the first timed run,
   * where the JIT may still be at work (the CPU engine's has measured up to 1.7 times its later ones).
   */
  async manySteps(
    engine: ManyStepsResult['engine'],
    n: number,
    steps: number,
    mode: BenchMode,
  ): Promise<ManyStepsResult> {
    const samples = n === 40 ? tutorialDataset() : data(n);
    const runs: number[] = [];
    const repetitions = PLANS[mode].repetitions;
    if (engine === 'bare-loop') {
      for (let r = 0; r <= repetitions; r++) {
        const bare = new BareLoop(samples, START, OPTIONS.learningRate);
        const start = performance.now();
        bare.step(steps);
        runs.push(performance.now() - start);
      }
    } else {
      const session = new TrainingSession(engine === 'gpu' ? await GpuEngine.create() : new CpuEngine(), samples);
      await session.ready;
      for (let r = 0; r <= repetitions; r++) {
        await session.reset();
        const start = performance.now();
        await session.step(steps);
        runs.push(performance.now() - start);
        if (session.state.iteration !== steps) throw new Error(`step(${steps}) stopped at ${session.state.iteration}`);
      }
      session.destroy();
    }
    const timed = runs.slice(1);
    return { engine, n, steps, ms: median(timed), firstMs: timed[0]! };
  },

  async costSurface(engine: 'gpu' | 'cpu', n: number, mode: BenchMode): Promise<CostSurfaceResult> {
    const grid = mode === 'smoke' ? 16 : 128;
    const e = await ourEngine(engine, n);
    const spec = { x: [-4, 4] as const, y: [-4, 4] as const, size: grid };
    const ms = await msPerCall(async () => void (await e.costSurface(spec)), PLANS[mode]);
    e.destroy();
    return { engine, n, grid, ms };
  },
};

export type BenchApi = typeof bench;

declare global {
  interface Window {
    bench: BenchApi;
  }
}

window.bench = bench;
