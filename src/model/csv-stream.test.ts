import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsvError, parseCsv } from './csv';
import { readCsvBlob } from './csv-stream';

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * A Blob whose stream gives exactly `chunks`, one a read (a real Blob's stream
 * cuts where it likes); `asked(k)` runs when chunk k is asked for, after the
 * one before was read through, to move a test's clock.
 */
function chunkedBlob(chunks: readonly Uint8Array<ArrayBuffer>[], asked: (k: number) => void = () => {}): Blob {
  let k = 0;
  const stream = () =>
    new ReadableStream<Uint8Array<ArrayBuffer>>(
      {
        pull(controller) {
          if (k === chunks.length) {
            controller.close();
            return;
          }
          asked(k);
          controller.enqueue(chunks[k++] as Uint8Array<ArrayBuffer>);
        },
      },
      // Nothing asked for ahead: chunk k + 1 is asked for only once chunk k is read through.
      { highWaterMark: 0 },
    );
  return Object.assign(new Blob([...chunks]), { stream });
}

/** `bytes` cut into chunks of the given sizes, the rest as the last chunk. */
function cut(bytes: Uint8Array<ArrayBuffer>, sizes: readonly number[]): Uint8Array<ArrayBuffer>[] {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let at = 0;
  for (const size of sizes) {
    chunks.push(bytes.slice(at, at + size));
    at += size;
  }
  chunks.push(bytes.slice(at));
  return chunks;
}

/** A valid file of exactly `size` bytes: two rows, then blank lines. */
function paddedCsv(size: number): Uint8Array<ArrayBuffer> {
  const text = 'x1,x2,t\n0,0,0\n1,1,1\n';
  return utf8(text.padEnd(size, '\n'));
}

/** Rows of a fixed formula, with an unused column of multi-byte text that chunk ends will cut in two. */
function bigCsv(rows: number): string {
  const lines = ['a,note,label,b'];
  for (let i = 0; i < rows; i++) lines.push(`${Math.sin(i)},ünï€😀${i},${i % 2},${Math.cos(i) * 1e-3}`);
  return `${lines.join('\n')}\n`;
}
const MAPPING = { x1: 0, x2: 3, t: 2, header: true };

describe('readCsvBlob', () => {
  it('reads a file in pieces to the same data as parseCsv on the whole text', async () => {
    const text = bigCsv(30_000);
    const fractions: number[] = [];
    const data = await readCsvBlob(new Blob([text]), MAPPING, { onProgress: (f) => fractions.push(f) });
    const whole = parseCsv(text, MAPPING);
    expect(data.points).toEqual(whole.points);
    expect(data.targets).toEqual(whole.targets);
    expect(data.targets.length).toBe(30_000);
    // The progress rises and reports every percent or so.
    expect(fractions.length).toBeGreaterThan(5);
    for (let k = 1; k < fractions.length; k++) expect(fractions[k]).toBeGreaterThan(fractions[k - 1]!);
    expect(fractions.at(-1)).toBeLessThanOrEqual(1);
  });

  it('reports by the clock too, between percents', async () => {
    let clock = 0;
    const fractions: number[] = [];
    await readCsvBlob(new Blob([bigCsv(30_000)]), MAPPING, {
      // Every look at the clock is 200 ms later: every piece is reported.
      now: () => (clock += 200),
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions.length).toBeGreaterThan(3);
  });

  it('refuses a UTF-16 file by name, with a message that holds no NUL', async () => {
    const text = 'x1,x2,t\n0,1,0\n1,0,1\n';
    const le = new Uint8Array(2 * text.length);
    for (let i = 0; i < text.length; i++) le[2 * i] = text.charCodeAt(i);
    const be = new Uint8Array(2 * text.length);
    for (let i = 0; i < text.length; i++) be[2 * i + 1] = text.charCodeAt(i);
    const files = [
      new Blob([new Uint8Array([0xff, 0xfe]), le]),
      new Blob([new Uint8Array([0xfe, 0xff]), be]),
      new Blob([le]),
      new Blob([be]),
    ];
    for (const file of files) {
      const refusal = await readCsvBlob(file, undefined).catch((error: Error) => error);
      expect(refusal).toBeInstanceOf(CsvError);
      expect((refusal as Error).message).toBe('UTF-16 is not supported: save it as UTF-8');
    }
    // The same text pasted, as a page reading such a file as UTF-8 would get it.
    expect(() => parseCsv(new TextDecoder().decode(le))).toThrow('UTF-16 is not supported: save it as UTF-8');
    await expect(readCsvBlob(new Blob([le]), MAPPING)).rejects.toThrow('UTF-16 is not supported');
  });

  it('throws the parser error with its line', async () => {
    const text = `${bigCsv(20_000)}1,x,1,oops\n`;
    await expect(readCsvBlob(new Blob([text]), MAPPING)).rejects.toThrow(CsvError);
    await expect(readCsvBlob(new Blob([text]), MAPPING)).rejects.toThrow(
      /^Line 20002: x2 \(column "b"\) is not a number: "oops"/,
    );
  });

  it('reads the default header without a mapping, and an empty file says so', async () => {
    const data = await readCsvBlob(new Blob(['x1,x2,t\n1,2,0\n3,4,1\n']), undefined);
    expect(Array.from(data.targets)).toEqual([0, 1]);
    await expect(readCsvBlob(new Blob([]), undefined)).rejects.toThrow(/the file is empty/);
  });
});

describe('readCsvBlob, piece by piece', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('decodes a character cut between two chunks', async () => {
    // The real minus sign, "−" (E2 88 92 in UTF-8), cut after its first and after its second byte.
    const bytes = utf8('x1,x2,t\n−4,0,0\n1,−0.5,1\n');
    const minus = bytes.indexOf(0xe2);
    for (const sizes of [[minus + 1], [minus + 2]]) {
      const data = await readCsvBlob(chunkedBlob(cut(bytes, sizes)), undefined);
      expect(Array.from(data.points)).toEqual([-4, 0, 1, -0.5]);
    }
  });

  it('reports each percent read, at exactly 1 % past the last report', async () => {
    // 200 bytes, the clock standing still: 2 bytes make 1 %, 1 byte half a percent.
    const fractions: number[] = [];
    const blob = chunkedBlob(cut(paddedCsv(200), [2, 1, 1]));
    await readCsvBlob(blob, undefined, { now: () => 0, onProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([0.01, 0.02, 1]);
  });

  /**
   * The fractions reported for 1000 bytes, the first four read one by one at
   * the given clock times, the rest at the last time; the clock is given as
   * the `now` option or stands in for performance.now().
   */
  async function reportsAt(times: readonly number[], clock: 'given' | 'performance.now'): Promise<number[]> {
    let time = 0;
    const blob = chunkedBlob(cut(paddedCsv(1000), [1, 1, 1, 1]), (k) => {
      time = times[Math.min(k, times.length - 1)] as number;
    });
    const fractions: number[] = [];
    const onProgress = (f: number) => fractions.push(f);
    if (clock === 'given') {
      await readCsvBlob(blob, undefined, { now: () => time, onProgress });
    } else {
      vi.spyOn(performance, 'now').mockImplementation(() => time);
      await readCsvBlob(blob, undefined, { onProgress });
    }
    return fractions;
  }

  it('reports at 100 ms after the last report, not sooner, between percents', async () => {
    // 0.1 % a byte: only the clock reports the first four; 99 ms is too soon, 100 ms is time.
    expect(await reportsAt([99, 100, 150, 250], 'given')).toEqual([0.002, 0.004, 1]);
  });

  it('goes by performance.now() when given no clock', async () => {
    expect(await reportsAt([99, 100, 150, 250], 'performance.now')).toEqual([0.002, 0.004, 1]);
  });

  it('cuts a large chunk into pieces of 256 KiB, each reported once', async () => {
    let clock = 0;
    const fractions: number[] = [];
    const data = await readCsvBlob(chunkedBlob([paddedCsv(2 * 256 * 1024)]), undefined, {
      // Every look at the clock is 200 ms later: the clock would report a piece the percents did not.
      now: () => (clock += 200),
      onProgress: (f) => fractions.push(f),
    });
    expect(fractions).toEqual([0.5, 1]);
    expect(Array.from(data.targets)).toEqual([0, 1]);
  });

  it('reports a source that does not know its size (size 0) as read through from the first piece', async () => {
    const blob = chunkedBlob(cut(paddedCsv(100), [50]));
    Object.defineProperty(blob, 'size', { value: 0 });
    const fractions: number[] = [];
    await readCsvBlob(blob, undefined, { now: () => 0, onProgress: (f) => fractions.push(f) });
    expect(fractions).toEqual([1]);
  });

  it('reports nothing for an empty file, and says it is empty', async () => {
    const fractions: number[] = [];
    await expect(readCsvBlob(new Blob([]), undefined, { onProgress: (f) => fractions.push(f) })).rejects.toThrow(
      new CsvError('the file is empty: expected a header "x1,x2,t" and data rows'),
    );
    expect(fractions).toEqual([]);
  });
});
