/**
 * What the import worker does, apart from being a worker: reads each job's
 * file through the strict parser, posts its progress, then the data with
 * their buffers transferred (no copy), or the problem with its line. The
 * scope is the worker's global in the browser and a fake port in the tests.
 */
import { CsvError } from './csv';
import { type CsvJob, type CsvReply, readCsvBlob } from './csv-stream';

/** The part of a worker's global scope the jobs use. */
export interface CsvJobScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<CsvJob>) => void): void;
  postMessage(message: CsvReply, options: StructuredSerializeOptions): void;
}

/** Answers every job posted to `scope`. */
export function answerCsvJobs(scope: CsvJobScope): void {
  const reply = (message: CsvReply, transfer: Transferable[] = []) => scope.postMessage(message, { transfer });
  scope.addEventListener('message', (event) => {
    const { source, mapping } = event.data;
    readCsvBlob(source, mapping, { onProgress: (fraction) => reply({ kind: 'progress', fraction }) }).then(
      ({ points, targets }) => reply({ kind: 'done', points, targets }, [points.buffer, targets.buffer]),
      (error: unknown) =>
        reply(
          error instanceof CsvError
            ? { kind: 'error', problem: error.problem, line: error.line }
            : { kind: 'error', problem: `the file could not be read (${(error as Error).message})`, line: undefined },
        ),
    );
  });
}
