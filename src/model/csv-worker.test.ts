/**
 * The worker path of CSV import, both ends, in Node: the page's client
 * (csv-worker-client.ts) and the worker's jobs (csv-worker-jobs.ts), joined
 * by a fake Worker that hands messages across asynchronously, as a real one
 * does, and records what it was told to transfer.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CsvError } from './csv';
import type { CsvJob, CsvReply } from './csv-stream';
import { readCsvInWorker } from './csv-worker-client';
import { answerCsvJobs } from './csv-worker-jobs';

type Listener = (event: Event | MessageEvent) => void;

/** A stand-in for `Worker` that runs the import worker's jobs in this thread. */
class FakeWorker {
  static started: FakeWorker[] = [];
  readonly posted: { message: CsvReply; transfer: readonly Transferable[] }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();
  private job: ((event: MessageEvent<CsvJob>) => void) | undefined;

  constructor(
    readonly url: string | URL,
    readonly options: WorkerOptions,
  ) {
    FakeWorker.started.push(this);
    answerCsvJobs({
      addEventListener: (type, listener) => {
        if (type === 'message') this.job = listener;
      },
      postMessage: (message, { transfer = [] }) => {
        this.posted.push({ message, transfer });
        // Like a real worker: the reply arrives later, as a copy, its transferred buffers moved.
        const copy = structuredClone(message, { transfer });
        setTimeout(() => this.dispatch('message', new MessageEvent('message', { data: copy })));
      },
    });
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  postMessage(job: CsvJob): void {
    setTimeout(() => this.job?.(new MessageEvent('message', { data: job })));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** An error the worker itself raised (a script that would not load, say). */
  fail(message: string): Event {
    const event = Object.assign(new Event('error', { cancelable: true }), { message });
    this.dispatch('error', event);
    return event;
  }

  private dispatch(type: string, event: Event): void {
    // A terminated worker says nothing more.
    if (this.terminated) return;
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

function started(): FakeWorker {
  const worker = FakeWorker.started.at(-1);
  if (worker === undefined) throw new Error('no worker was started');
  return worker;
}

const TEXT = 'x1,x2,t\n1.5,-2,1\n0.25,3,0\n';

describe('CSV import through the worker', () => {
  beforeEach(() => {
    FakeWorker.started = [];
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads the file in a module worker of its own and transfers the data back without a copy', async () => {
    const fractions: number[] = [];
    const reading = readCsvInWorker(new Blob([TEXT]), undefined, (fraction) => fractions.push(fraction));
    const data = await reading.done;
    expect(data?.points).toEqual(new Float64Array([1.5, -2, 0.25, 3]));
    expect(data?.targets).toEqual(new Uint8Array([1, 0]));
    expect(fractions).toEqual([1]);

    const worker = started();
    expect(FakeWorker.started).toHaveLength(1);
    expect(worker.options).toMatchObject({ type: 'module', name: 'csv-import' });
    expect(worker.terminated).toBe(true);
    const done = worker.posted.at(-1);
    expect(done?.message.kind).toBe('done');
    if (done?.message.kind !== 'done') return;
    expect(done.transfer).toEqual([done.message.points.buffer, done.message.targets.buffer]);
    // Moved, not copied: the worker's own arrays are empty now.
    expect(done.message.points.byteLength).toBe(0);
    expect(done.message.targets.byteLength).toBe(0);
  });

  it('reads with the column mapping it is given', async () => {
    const text = 'label,a,b\n1,2,3\n0,4,5\n';
    const data = await readCsvInWorker(new Blob([text]), { x1: 2, x2: 1, t: 0, header: true }, () => undefined).done;
    expect(data?.points).toEqual(new Float64Array([3, 2, 5, 4]));
    expect(data?.targets).toEqual(new Uint8Array([1, 0]));
  });

  it('rejects with the CsvError and its line for a bad file', async () => {
    const reading = readCsvInWorker(new Blob(['x1,x2,t\n1,2,1\n3,x,0\n']), undefined, () => undefined);
    const error = await reading.done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).line).toBe(3);
    expect((error as CsvError).message).toMatch(/^Line 3: /);
    expect(started().terminated).toBe(true);
    // What crossed from the worker: the problem and its line, apart.
    expect(started().posted.at(-1)?.message).toEqual({ kind: 'error', problem: (error as CsvError).problem, line: 3 });
  });

  it('says when the file itself could not be read, with no line', async () => {
    const unreadable = new Blob([TEXT]);
    unreadable.stream = () => {
      throw new Error('the disk went away');
    };
    const error = await readCsvInWorker(unreadable, undefined, () => undefined).done.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).message).toBe('the file could not be read (the disk went away)');
    expect((error as CsvError).line).toBeUndefined();
    expect(started().posted.at(-1)?.message).toEqual({
      kind: 'error',
      problem: 'the file could not be read (the disk went away)',
      line: undefined,
    });
  });

  it('reports progress as it reads a larger file, and nothing after the data', async () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `${i},${-i},${i % 2}`);
    const fractions: number[] = [];
    const reading = readCsvInWorker(new Blob([`x1,x2,t\n${rows.join('\n')}\n`]), undefined, (f) => fractions.push(f));
    const data = await reading.done;
    expect(data?.targets.length).toBe(40_000);
    expect(fractions.length).toBeGreaterThan(1);
    expect(fractions.at(-1)).toBe(1);
    const progress = started().posted.filter((p) => p.message.kind === 'progress');
    expect(progress.map((p) => (p.message.kind === 'progress' ? p.message.fraction : -1))).toEqual(fractions);
  });

  it('settles with nothing when cancelled, stopping the worker at once', async () => {
    const seen: number[] = [];
    const reading = readCsvInWorker(new Blob([TEXT]), undefined, (f) => seen.push(f));
    reading.cancel();
    expect(started().terminated).toBe(true);
    expect(await reading.done).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([]);
  });

  it('turns an error of the worker itself into a rejection the page shows, not an uncaught error', async () => {
    for (const [said, shown] of [
      ['SyntaxError: unexpected token', 'the CSV reader could not run (SyntaxError: unexpected token)'],
      ['', 'the CSV reader could not run (worker error)'],
    ] as const) {
      const reading = readCsvInWorker(new Blob([TEXT]), undefined, () => undefined);
      const worker = started();
      const event = worker.fail(said);
      expect(event.defaultPrevented).toBe(true);
      expect(worker.terminated).toBe(true);
      const error = await reading.done.catch((e: unknown) => e);
      expect(error).not.toBeInstanceOf(CsvError);
      expect((error as Error).message).toBe(shown);
    }
  });
});
