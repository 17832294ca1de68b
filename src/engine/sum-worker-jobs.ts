/**
 * What a CPU engine's worker does, apart from being a worker: it keeps one
 * part of the samples (a view of shared memory, or a copy it was handed) and
 * answers each request with the model's sums over that part at the
 * parameters asked, as the main thread would: by the WebAssembly kernel for
 * the tutorial's features where it compiles, by sumSamples otherwise. The
 * scope is the worker's global in the browser and a fake port in the tests.
 */
import type { ModelForm, Params, SampleSums } from '../model/regression';
import { WholePasses } from './tutorial-sums';

/** The page's messages to a worker: its part of the data, then requests for sums over it. */
export type SumJob =
  | { readonly kind: 'part'; readonly points: Float64Array; readonly targets: Uint8Array }
  | { readonly kind: 'sum'; readonly id: number; readonly params: Params; readonly form: ModelForm };

export type SumReply =
  | { readonly kind: 'sums'; readonly id: number; readonly sums: SampleSums }
  | { readonly kind: 'error'; readonly id: number; readonly problem: string };

/** The part of a worker's global scope the jobs use. */
export interface SumJobScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<SumJob>) => void): void;
  postMessage(message: SumReply): void;
}

/** Answers every job posted to `scope`. */
export function answerSumJobs(scope: SumJobScope): void {
  let part = new WholePasses({ points: new Float64Array(0), targets: new Uint8Array(0) }, true);
  scope.addEventListener('message', (event) => {
    const job = event.data;
    if (job.kind === 'part') {
      part = new WholePasses({ points: job.points, targets: job.targets }, true);
      return;
    }
    try {
      scope.postMessage({ kind: 'sums', id: job.id, sums: part.sums(job.params, job.form) });
    } catch (error) {
      scope.postMessage({ kind: 'error', id: job.id, problem: (error as Error).message });
    }
  });
}
