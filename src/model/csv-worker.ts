/**
 * The import worker: reads one file through the strict parser off the main
 * thread, posts its progress, then the data with their buffers transferred
 * (no copy), or the problem with its line. One job per worker: the page
 * terminates it to cancel.
 */
import { CsvError } from './csv';
import { type CsvJob, type CsvReply, readCsvBlob } from './csv-stream';

function reply(message: CsvReply, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.addEventListener('message', (event: MessageEvent<CsvJob>) => {
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
