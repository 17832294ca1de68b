/**
 * How a run of n steps is taken: in chunks of at most MAX_TRAIN_STEPS engine
 * steps, each sized to about CHUNK_MS of work from how fast the last chunks
 * went, so a long run keeps the page answering, reports its progress, can be
 * stopped between chunks, and never asks the engine (or the GPU's history
 * buffer, or the readback) for more than one chunk holds. The results do
 * not depend on the chunking: the engine continues exactly where it stopped.
 */
import { type EngineKind, MAX_TRAIN_STEPS } from '../contract/engine';
import { formatCount } from '../text/format';

/**
 * The most steps one step(n) call takes. The engines' step counters (the
 * GPU's is a 32-bit integer driving the mini-batch schedule) and the
 * iteration numbers stay exact far beyond it; a run this long takes hours.
 */
export const MAX_STEPS_PER_CALL = 1_000_000_000;

/** About this much work per chunk: a stop or a reset waits no longer, and the per-chunk readback costs little. */
const CHUNK_MS = 100;
/** The page gets a turn at least this often during a long run (a CPU chunk never waits for anything). */
const YIELD_MS = 50;
/** Sample-steps in a first chunk, before anything was measured (N = 40: 1 024 steps; N = 10⁶: 1 step). */
const FIRST_CHUNK_WORK = 2 ** 20;

/** n, if step(n) can take it; a RangeError naming the limit otherwise. */
export function checkedStepCount(n: unknown): number {
  if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_STEPS_PER_CALL) return n;
  const got = typeof n === 'number' ? (Number.isNaN(n) ? 'not a number' : String(n)) : (JSON.stringify(n) ?? String(n));
  throw new RangeError(
    `step(n) needs a whole number n from 0 to ${formatCount(MAX_STEPS_PER_CALL)} (MAX_STEPS_PER_CALL), got ${got}`,
  );
}

/** A step(n) run as asked for: stop() ends it at its next chunk. */
export class StepRun {
  /** Why it was stopped, once it was. */
  stoppedBy: string | undefined;

  /** `play`: Play's own steps for one frame, which a divergence stops with the run it happened in. */
  constructor(
    readonly requested: number,
    readonly play = false,
  ) {}

  stop(reason: string): void {
    this.stoppedBy ??= reason;
  }
}

/** How a step(n) call ended. */
export interface StepOutcome {
  /** Steps taken: n, or fewer when the run was stopped. */
  readonly taken: number;
  /** Why it stopped early (reset(), pause(), new data…); undefined when it ran to the end. */
  readonly stoppedBy: string | undefined;
  /** It stopped because the optimiser refused a step (Newton's, on a singular Hessian): Play must stop too. */
  readonly refused: boolean;
  /** P(t = 1 | x) on the grid asked for, at the weights reached (when a grid was asked for and a step was taken). */
  readonly probabilities: Float32Array | undefined;
}

/** Sizes chunks from the measured time per step, per engine and data size. */
export class ChunkPlanner {
  private key = '';
  private msPerStep: number | undefined;
  private lastYield = performance.now();

  /** The next chunk of a run with `remaining` steps to go, on n samples. */
  next(remaining: number, engine: EngineKind, n: number): number {
    const key = `${engine}|${n}`;
    if (key !== this.key) {
      this.key = key;
      this.msPerStep = undefined;
    }
    const planned =
      this.msPerStep === undefined
        ? Math.floor(FIRST_CHUNK_WORK / Math.max(1, n))
        : Math.floor(CHUNK_MS / Math.max(this.msPerStep, 1e-6));
    return Math.min(remaining, MAX_TRAIN_STEPS, Math.max(1, planned));
  }

  /** What a chunk of `steps` took, in ms. */
  measured(steps: number, ms: number): void {
    if (steps > 0 && ms > 0) this.msPerStep = ms / steps;
  }

  /** Gives the page a turn if it has not had one for a while (a chunk on the CPU blocks it). */
  async breathe(): Promise<void> {
    if (performance.now() - this.lastYield < YIELD_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.lastYield = performance.now();
  }
}
