/**
 * The CPU engine's workers: the samples split into contiguous parts, one a
 * worker, and a full pass as every worker's sums added in the parts' order.
 * A cross-origin isolated page shares one copy of the data with every
 * worker (SharedArrayBuffer); any other page hands each worker a copy of its
 * part (moved, not cloned, on its way), so a course page without those
 * headers still gets every core. The workers are inlined into
 * the bundle (`?worker&inline`), as the CSV reader's is.
 */
import type { Dataset } from '../model/dataset';
import { addSums, type ModelForm, type Params, type SampleSums } from '../model/regression';
import SumWorker from './sum-worker?worker&inline';
import type { SumJob, SumReply } from './sum-worker-jobs';

/** The part of `Worker` the pool uses, so that tests can hand it workers of their own. */
export interface SumWorkerPort {
  postMessage(message: SumJob, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SumReply>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

/** The first sample of part `k` of `parts` over n samples: the parts differ in size by one at most. */
export function partStart(k: number, parts: number, n: number): number {
  return Math.floor((k * n) / parts);
}

/** Whether this page may share memory with its workers. */
function canShare(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true;
}

/** A copy of `source` in shared memory. */
function sharedCopy<T extends Float64Array | Uint8Array>(source: T, make: (buffer: SharedArrayBuffer) => T): T {
  const copy = make(new SharedArrayBuffer(source.byteLength));
  copy.set(source);
  return copy;
}

interface Pending {
  readonly parts: (SampleSums | undefined)[];
  remaining: number;
  readonly resolve: (sums: SampleSums) => void;
  readonly reject: (error: Error) => void;
}

export class SumPool {
  private readonly workers: SumWorkerPort[];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** The data the workers hold; undefined until the next pass hands them out. */
  private loaded: Dataset | undefined;
  /** Why the pool stopped: set by a worker that failed, after which every pass is refused. */
  private broken: Error | undefined;
  /** How the workers get their parts: one shared copy, or a copy each. */
  readonly sharing: 'shared' | 'copied';

  constructor(
    readonly size: number,
    spawn: () => SumWorkerPort = () => new SumWorker({ name: 'cpu-sums' }),
    sharing: 'shared' | 'copied' = canShare() ? 'shared' : 'copied',
  ) {
    this.sharing = sharing;
    this.workers = Array.from({ length: size }, (_, k) => {
      const worker = spawn();
      worker.addEventListener('message', (event) => this.answer(k, event.data));
      worker.addEventListener('error', (event) => {
        // Said by the engine, which goes on without workers: not an uncaught error.
        event.preventDefault();
        this.fail(new Error(`a CPU worker stopped (${event.message || 'worker error'})`));
      });
      return worker;
    });
  }

  /** The data changed: the next pass hands the workers the new samples. */
  forget(): void {
    this.loaded = undefined;
  }

  /** sumSamples over every sample of `data`, computed in parts by the workers. */
  sum(data: Dataset, params: Params, form: ModelForm): Promise<SampleSums> {
    if (this.broken) return Promise.reject(this.broken);
    if (this.loaded !== data) this.load(data);
    const id = this.nextId++;
    const job: SumJob = { kind: 'sum', id, params, form: plainForm(form) };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { parts: [], remaining: this.size, resolve, reject });
      for (const worker of this.workers) worker.postMessage(job);
    });
  }

  destroy(): void {
    for (const worker of this.workers) worker.terminate();
    this.fail(new Error('the CPU workers were stopped'));
  }

  private load(data: Dataset): void {
    const n = data.targets.length;
    const shared = this.sharing === 'shared';
    const points = shared ? sharedCopy(data.points, (b) => new Float64Array(b)) : data.points;
    const targets = shared ? sharedCopy(data.targets, (b) => new Uint8Array(b)) : data.targets;
    this.workers.forEach((worker, k) => {
      const first = partStart(k, this.size, n);
      const end = partStart(k + 1, this.size, n);
      if (shared) {
        // Views of the one shared copy: nothing is copied per worker.
        worker.postMessage({
          kind: 'part',
          points: points.subarray(2 * first, 2 * end),
          targets: targets.subarray(first, end),
        });
        return;
      }
      const part = { points: points.slice(2 * first, 2 * end), targets: targets.slice(first, end) };
      worker.postMessage({ kind: 'part', ...part }, [part.points.buffer, part.targets.buffer]);
    });
    this.loaded = data;
  }

  private answer(k: number, reply: SumReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if (reply.kind === 'error') {
      this.pending.delete(reply.id);
      waiting.reject(new Error(reply.problem));
      return;
    }
    waiting.parts[k] = reply.sums;
    if (--waiting.remaining > 0) return;
    this.pending.delete(reply.id);
    waiting.resolve((waiting.parts as SampleSums[]).reduce(addSums));
  }

  private fail(error: Error): void {
    this.broken ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/** Only what the sums read is posted, not the optimiser's settings riding on the engine's options. */
function plainForm(form: ModelForm): ModelForm {
  return { features: [...form.features], l2: form.l2, threshold: form.threshold };
}
