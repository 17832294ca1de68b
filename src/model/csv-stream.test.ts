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
