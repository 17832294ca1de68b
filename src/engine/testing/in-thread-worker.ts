/**
 * A CPU engine's worker for tests in Node: the real jobs (sum-worker-jobs.ts)
 * in this thread, behind a message hop each way (a structured clone, later),
 * as a real worker answers. `started` lists every one made, to count what
 * they were told or to make one fail.
 */
import type { SumWorkerPort } from '../sum-pool';
import { answerSumJobs, type SumJob, type SumReply } from '../sum-worker-jobs';

/** A worker in this thread: the real jobs behind a message hop each way. */
export class InThreadWorker implements SumWorkerPort {
  static started: InThreadWorker[] = [];
  readonly jobs: SumJob[] = [];
  terminated = false;
  private onJob: ((event: MessageEvent<SumJob>) => void) | undefined;
  private onReply: ((event: MessageEvent<SumReply>) => void) | undefined;
  private onError: ((event: ErrorEvent) => void) | undefined;

  constructor() {
    InThreadWorker.started.push(this);
    answerSumJobs({
      addEventListener: (_type, listener) => {
        this.onJob = listener;
      },
      postMessage: (reply) => {
        const copy = structuredClone(reply);
        setTimeout(() => this.terminated || this.onReply?.(new MessageEvent('message', { data: copy })));
      },
    });
  }

  addEventListener(type: 'message' | 'error', listener: never): void {
    if (type === 'message') this.onReply = listener;
    else this.onError = listener;
  }

  postMessage(job: SumJob, transfer: Transferable[] = []): void {
    this.jobs.push(job);
    const copy = structuredClone(job, { transfer });
    setTimeout(() => this.terminated || this.onJob?.(new MessageEvent('message', { data: copy })));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** The worker dies (a script that would not load, say). */
  crash(): void {
    const event = Object.assign(new Event('error', { cancelable: true }), { message: 'boom' }) as ErrorEvent;
    setTimeout(() => this.onError?.(event));
  }
}

/** Starts one: a CpuEngine's `spawnWorker`. */
export const spawnInThreadWorker = (): InThreadWorker => new InThreadWorker();
