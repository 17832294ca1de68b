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
import { formatCount } from '../text/format';
import { dataLinkNote } from '../text/messages';

/** The hash key the data travel under. */
export const LINK_DATA_KEY = 'data';
/** The most points a link carries. */
export const LINK_MAX_POINTS = 2000;
/**
 * The most bytes a link's data may inflate to: LINK_MAX_POINTS rows of the
 * longest numbers (about 50 characters a row) and then some. A hand-made
 * link that inflates further is refused while it inflates, not after.
 */
const LINK_MAX_CSV_BYTES = 256 * 1024;

/** Whether data of n points fit in a link. */
export function fitsInLink(n: number): boolean {
  return n <= LINK_MAX_POINTS;
}

/** What the page says about custom data of n points and links. */
export function linkNote(n: number): string {
  return dataLinkNote(fitsInLink(n), LINK_MAX_POINTS);
}

async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Inflates, stopping (with a RangeError) as soon as more than `limit` bytes come out. */
async function inflate(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw new RangeError(`the link's data are larger than ${formatCount(LINK_MAX_POINTS)} points can be`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Stryker disable next-line EqualityOperator: `<=` adds one pass over an empty subarray, which appends nothing (`>=` is caught).
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  // btoa pads only at the end: every = goes.
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=/g, '');
}

function fromBase64Url(text: string): Uint8Array {
  // Padding is optional in base64url (RFC 4648 §5); some tools write it.
  const unpadded = text.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(unpadded))
    throw new RangeError("the link's data are damaged (a character that base64url does not use)");
  const binary = atob(unpadded.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The data as a link's `data` value; a RangeError when they are too many for a link. */
export async function encodeLinkData(data: Dataset): Promise<string> {
  const n = data.targets.length;
  if (!fitsInLink(n)) {
    throw new RangeError(`${formatCount(n)} points are too many for a link (at most ${formatCount(LINK_MAX_POINTS)})`);
  }
  const csv = new TextEncoder().encode(formatCsv(data));
  return toBase64Url(await compress(csv));
}

/** The data a link's `data` value holds; an Error says what is wrong with it (damaged, not data, too many). */
export async function decodeLinkData(value: string): Promise<Dataset> {
  let csv: string;
  try {
    const bytes = await inflate(fromBase64Url(value), LINK_MAX_CSV_BYTES);
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
