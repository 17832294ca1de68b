/**
 * Reads a CSV file (any Blob: a chosen or dropped File, pasted text) piece by
 * piece through the strict parser, saying how far it got. It runs in the
 * import worker, so the page never holds the text, and in Node for the tests.
 * Also the messages between the worker and the page.
 */
import { type CsvMapping, CsvReader } from './csv';
import type { Dataset } from './dataset';

/** Bytes parsed between two looks at the clock: bounds the wait for the next progress report. */
const PIECE = 256 * 1024;
/** Progress is reported at least this often (ms) and for every percent read. */
const REPORT_MS = 100;
const REPORT_STEP = 0.01;

export interface ReadOptions {
  /** Called with the fraction of the bytes read so far, at least every 100 ms and every 1 %. */
  readonly onProgress?: (fraction: number) => void;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** Parses `source` as CSV; throws a CsvError (naming the line) at the first problem. */
export async function readCsvBlob(
  source: Blob,
  mapping: CsvMapping | undefined,
  options: ReadOptions = {},
): Promise<Dataset> {
  const now = options.now ?? (() => performance.now());
  const reader = new CsvReader(mapping);
  // Not fatal: a byte that is not UTF-8 becomes U+FFFD, which the parser then names with its line.
  const decoder = new TextDecoder('utf-8');
  const stream = source.stream().getReader();
  const total = source.size;
  let loaded = 0;
  let reported = 0;
  let reportedAt = now();
  try {
    for (let chunk = await stream.read(); !chunk.done; chunk = await stream.read()) {
      const bytes = chunk.value;
      for (let at = 0; at < bytes.byteLength; at += PIECE) {
        const piece = bytes.subarray(at, Math.min(bytes.byteLength, at + PIECE));
        reader.push(decoder.decode(piece, { stream: true }));
        loaded += piece.byteLength;
        const fraction = total > 0 ? loaded / total : 1;
        if (fraction - reported >= REPORT_STEP || now() - reportedAt >= REPORT_MS) {
          reported = fraction;
          reportedAt = now();
          options.onProgress?.(fraction);
        }
      }
    }
  } catch (error) {
    await stream.cancel().catch(() => undefined);
    throw error;
  }
  reader.push(decoder.decode());
  return reader.finish();
}

/** What the page asks the worker to read. */
export interface CsvJob {
  readonly source: Blob;
  readonly mapping: CsvMapping | undefined;
}

/** What the worker answers: progress, then the data (their buffers transferred) or the problem. */
export type CsvReply =
  | { readonly kind: 'progress'; readonly fraction: number }
  | { readonly kind: 'done'; readonly points: Float64Array; readonly targets: Uint8Array }
  | { readonly kind: 'error'; readonly problem: string; readonly line: number | undefined };
