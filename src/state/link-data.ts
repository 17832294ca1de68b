/**
 * Data that travel inside a shared link: up to LINK_MAX_POINTS points as
 * their CSV (the shortest text that reads back to each double, so a link is
 * exact), deflated and written in base64url, under the hash key `data`.
 * Reading goes through the same strict CSV parser as a file: a link is
 * trusted no more than a file is. Larger data sets would make links too long
 * to paste anywhere; they are shared by their generator's settings, or as a
 * CSV file.
 */
import { formatCsv, parseCsv } from '../model/csv';
import type { Dataset } from '../model/dataset';
import { formatCount } from '../view/format';

/** The hash key the data travel under. */
export const LINK_DATA_KEY = 'data';
/** The most points a link carries. */
export const LINK_MAX_POINTS = 2000;

/** Whether data of n points fit in a link. */
export function fitsInLink(n: number): boolean {
  return n <= LINK_MAX_POINTS;
}

/** What the page says about custom data of n points and links. */
export function linkNote(n: number): string {
  return fitsInLink(n)
    ? 'A copied link carries them.'
    : `Too many for a link (at most ${formatCount(LINK_MAX_POINTS)} points travel in one): export them as CSV to share them.`;
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text))
    throw new RangeError("the link's data are damaged (a character that base64url does not use)");
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The data as a link's `data` value; a RangeError when they are too many for a link. */
export async function encodeLinkData(data: Dataset): Promise<string> {
  const n = data.targets.length;
  if (!fitsInLink(n)) {
    throw new RangeError(`${formatCount(n)} points are too many for a link (at most ${formatCount(LINK_MAX_POINTS)})`);
  }
  const csv = new TextEncoder().encode(formatCsv(data));
  return toBase64Url(await transform(csv, new CompressionStream('deflate-raw')));
}

/** The data a link's `data` value holds; an Error says what is wrong with it (damaged, not data, too many). */
export async function decodeLinkData(value: string): Promise<Dataset> {
  let csv: string;
  try {
    const bytes = await transform(fromBase64Url(value), new DecompressionStream('deflate-raw'));
    csv = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    throw new RangeError("the link's data are damaged (cut short, or changed by hand)");
  }
  const data = parseCsv(csv);
  if (!fitsInLink(data.targets.length))
    throw new RangeError(`a link carries at most ${formatCount(LINK_MAX_POINTS)} points`);
  return data;
}
