import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coordinate } from '../fuzz/arbitraries';
import { formatCsv } from '../model/csv';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { formatCount } from '../text/format';
import { decodeLinkData, encodeLinkData, LINK_MAX_POINTS, linkNote } from './link-data';

const bits = (d: { points: Float64Array; targets: Uint8Array }) => [
  Array.from(new Uint8Array(d.points.buffer, d.points.byteOffset, d.points.byteLength)),
  Array.from(d.targets),
];

/** Data sets as the playground holds them: finite coordinates (−0 and subnormals too), both classes. */
const datasets = (maxLength: number) =>
  fc
    .array(fc.tuple(coordinate(), coordinate()), {
      minLength: 2,
      maxLength,
    })
    .map((xs) =>
      datasetFromRows(xs.map(([a, b], i) => [a, b, i === 0 ? 0 : i === 1 ? 1 : (i * 7) % 3 === 0 ? 1 : 0] as const)),
    );

/** `content` deflated and written in base64url, as a hand-made link would carry it (independent of encodeLinkData). */
async function handMade(content: string | Uint8Array): Promise<string> {
  const stream = new Blob([content as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return Buffer.from(await new Response(stream).arrayBuffer()).toString('base64url');
}

/** A valid CSV of exactly `size` bytes, in rows of 6 and 7 bytes ("1,1,0", "10,1,1"): far more than 2 000 points. */
function csvOfSize(size: number): string {
  const header = 'x1,x2,t\n';
  const body = size - header.length;
  const long = body % 6;
  const rows = Array.from({ length: Math.floor(body / 6) }, (_, i) => `${i < long ? '10' : '1'},1,${i % 2}\n`);
  const csv = header + rows.join('');
  expect(csv.length).toBe(size);
  return csv;
}

describe('data in a link', () => {
  it('round-trips any data set within the limit bit for bit', async () => {
    await fc.assert(
      fc.asyncProperty(datasets(300), async (data) => {
        const value = await encodeLinkData(data);
        expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(bits(await decodeLinkData(value))).toEqual(bits(data));
      }),
      { numRuns: 60 },
    );
  });

  it('carries the largest data set allowed, and refuses one more point', async () => {
    const [big] = fc.sample(datasets(LINK_MAX_POINTS), { numRuns: 1, seed: 7 });
    const rows = Array.from(
      { length: LINK_MAX_POINTS },
      (_, i) => [Math.sin(i) * 3, Math.cos(i * 1.3) * 2, (i % 2) as 0 | 1] as const,
    );
    const full = datasetFromRows(rows);
    expect(bits(await decodeLinkData(await encodeLinkData(full)))).toEqual(bits(full));
    if (big) expect(bits(await decodeLinkData(await encodeLinkData(big)))).toEqual(bits(big));
    const more = datasetFromRows([...rows, [0, 0, 1]]);
    await expect(encodeLinkData(more)).rejects.toThrow(`too many for a link (at most ${formatCount(LINK_MAX_POINTS)})`);
  });

  it('is compact: well under the CSV of full-precision data, a fraction of it for short decimals', async () => {
    expect((await encodeLinkData(tutorialDataset())).length).toBeLessThan(0.65 * formatCsv(tutorialDataset()).length);
    const grid = datasetFromRows(
      Array.from({ length: 400 }, (_, i) => [(i % 20) / 4, Math.floor(i / 20) / 4, (i % 2) as 0 | 1] as const),
    );
    expect((await encodeLinkData(grid)).length).toBeLessThan(0.25 * formatCsv(grid).length);
  });

  it('refuses data beyond the input range as a file does, by line and range', async () => {
    const value = await encodeLinkData(
      datasetFromRows([
        [0, 0, 0],
        [1e39, 1, 1],
      ]),
    );
    await expect(decodeLinkData(value)).rejects.toThrow(
      'Line 3: x1 is out of range: "1e+39" (coordinates must lie within ±1e9)',
    );
  });

  it('reads a value padded with = as RFC 4648 allows, as some tools write it', async () => {
    const data = tutorialDataset();
    const value = await encodeLinkData(data);
    for (const padded of [`${value}=`, `${value}==`]) {
      expect(Array.from((await decodeLinkData(padded)).points)).toEqual(Array.from(data.points));
    }
    await expect(decodeLinkData(`${value}===`)).rejects.toThrow('a character that base64url does not use');
    await expect(decodeLinkData(`a=b${value}`)).rejects.toThrow('a character that base64url does not use');
  });

  it('says what is wrong with a damaged value, never returning wrong data', async () => {
    const value = await encodeLinkData(tutorialDataset());
    await expect(decodeLinkData(value.slice(0, 20))).rejects.toThrow(/damaged/);
    await expect(decodeLinkData(`${value}!`)).rejects.toThrow(/damaged/);
    await expect(decodeLinkData('')).rejects.toThrow();
  });

  it('stops inflating a hand-made link at what 2 000 points can take, however far it would go', async () => {
    const bomb = await new Response(
      new Blob(['0'.repeat(50 * 1024 * 1024)]).stream().pipeThrough(new CompressionStream('deflate-raw')),
    ).arrayBuffer();
    const value = Buffer.from(bomb).toString('base64url');
    await expect(decodeLinkData(value)).rejects.toThrow(/larger than 2.000 points can be/);
  });

  it('inflates up to 256 KiB, the most 2 000 points can take, and then counts the points', async () => {
    // Exactly the limit inflates: it is the points, counted, that refuse this link.
    await expect(decodeLinkData(await handMade(csvOfSize(256 * 1024)))).rejects.toThrow(
      'a link carries at most 2\u202f000 points',
    );
    await expect(decodeLinkData(await handMade(csvOfSize(256 * 1024 + 1)))).rejects.toThrow(
      "the link's data are larger than 2\u202f000 points can be",
    );
  });

  it('refuses 2 001 points however short their CSV', async () => {
    const rows = Array.from({ length: LINK_MAX_POINTS + 1 }, (_, i) => `0,0,${i % 2}\n`);
    await expect(decodeLinkData(await handMade(`x1,x2,t\n${rows.join('')}`))).rejects.toThrow(
      'a link carries at most 2\u202f000 points',
    );
  });

  it('refuses bytes that are not UTF-8 as damaged, never reading them as other characters', async () => {
    // 0xff never occurs in UTF-8; a lenient decoder would read it as U+FFFD and blame the CSV.
    const bytes = new TextEncoder().encode('x1,x2,t\n1,2,0\n3,4,1\n');
    bytes[9] = 0xff;
    await expect(decodeLinkData(await handMade(bytes))).rejects.toThrow(
      "the link's data are damaged (cut short, or changed by hand)",
    );
  });

  it('says whether a copied link carries custom data of n points', () => {
    expect(linkNote(LINK_MAX_POINTS)).toBe('A copied link carries them.');
    expect(linkNote(LINK_MAX_POINTS + 1)).toBe(
      'Too many for a link (at most 2\u202f000 points travel in one): export them as CSV to share them.',
    );
  });
});
