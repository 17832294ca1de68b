/**
 * Starts the import worker on a Blob and gives back its answer: the data, or
 * a CsvError naming the line. The main thread only receives progress numbers
 * and the final typed arrays (transferred). The worker is inlined into the
 * bundle (`?worker&inline`), so a one-file library build still carries it.
 */
import { CsvError, type CsvMapping } from './csv';
import type { CsvJob, CsvReply } from './csv-stream';
import CsvWorker from './csv-worker?worker&inline';
import type { Dataset } from './dataset';

export interface CsvRead {
  /** The data; undefined once cancelled. Rejects with a CsvError for a bad file. */
  readonly done: Promise<Dataset | undefined>;
  /** Stops the worker at once; `done` then settles with undefined. */
  cancel(): void;
}

export function readCsvInWorker(
  source: Blob,
  mapping: CsvMapping | undefined,
  onProgress: (fraction: number) => void,
): CsvRead {
  const worker = new CsvWorker({ name: 'csv-import' });
  let cancel = (): void => undefined;
  const done = new Promise<Dataset | undefined>((resolve, reject) => {
    const end = () => worker.terminate();
    cancel = () => {
      end();
      resolve(undefined);
    };
    worker.addEventListener('message', (event: MessageEvent<CsvReply>) => {
      const reply = event.data;
      if (reply.kind === 'progress') {
        onProgress(reply.fraction);
        return;
      }
      end();
      if (reply.kind === 'done') resolve({ points: reply.points, targets: reply.targets });
      else reject(new CsvError(reply.problem, reply.line));
    });
    worker.addEventListener('error', (event) => {
      // Shown by the caller, not as an uncaught error.
      event.preventDefault();
      end();
      reject(new Error(`the CSV reader could not run (${event.message || 'worker error'})`));
    });
  });
  const job: CsvJob = { source, mapping };
  worker.postMessage(job);
  return { done, cancel };
}
