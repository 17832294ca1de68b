import { describe, expect, it } from 'vitest';
import { CsvError, parseCsv } from './csv';
import { readCsvBlob } from './csv-stream';

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
