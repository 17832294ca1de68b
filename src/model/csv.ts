/**
 * A strict parser for two-class data as CSV: a header `x1,x2,t`, then one
 * point a line. Every number must be finite, every t 0 or 1, and both classes
 * present. Each error names the line (1-based, as an editor shows it) and the
 * problem, so a student can fix the file. Tolerated: a UTF-8 BOM, CRLF line
 * ends, blank lines, spaces around fields, and the header in any letter case.
 */
import type { Dataset } from './dataset';

export const CSV_HEADER = ['x1', 'x2', 't'] as const;

/** The most rows accepted: twice the generator's largest class. */
export const CSV_MAX_ROWS = 2_000_000;

/** A plain decimal or scientific number; rejects hex, "Infinity", "" and the like. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export class CsvError extends Error {
  constructor(
    message: string,
    /** The 1-based line the problem is on, or undefined for whole-file problems. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

function show(field: string): string {
  const shown = field.length > 24 ? `${field.slice(0, 24)}…` : field;
  return `"${shown}"`;
}

function parseNumber(field: string, column: string, line: number): number {
  if (field === '') throw new CsvError(`${column} is empty`, line);
  if (!NUMBER.test(field)) throw new CsvError(`${column} is not a number: ${show(field)}`, line);
  const value = Number(field);
  if (!Number.isFinite(value)) throw new CsvError(`${column} is out of range: ${show(field)}`, line);
  return value;
}

function checkHeader(fields: string[], line: number): void {
  const names = fields.map((f) => f.toLowerCase());
  if (names.length !== CSV_HEADER.length || names.some((name, i) => name !== CSV_HEADER[i])) {
    throw new CsvError(`the header must be "x1,x2,t", found ${show(fields.join(','))}`, line);
  }
}

/** Parses CSV text into a data set, or throws a {@link CsvError} that says what and where. */
export function parseCsv(text: string): Dataset {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const xs: number[] = [];
  const ts: number[] = [];
  let headerSeen = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = (lines[index] as string).trim();
    if (raw === '') continue;
    const line = index + 1;
    const fields = raw.split(',').map((f) => f.trim());
    if (!headerSeen) {
      checkHeader(fields, line);
      headerSeen = true;
      continue;
    }
    if (fields.length !== 3) {
      throw new CsvError(`expected 3 fields (x1,x2,t), found ${fields.length}`, line);
    }
    if (ts.length >= CSV_MAX_ROWS) {
      throw new CsvError(`too many rows: at most ${CSV_MAX_ROWS} points are accepted`, line);
    }
    const [f1, f2, ft] = fields as [string, string, string];
    const x1 = parseNumber(f1, 'x1', line);
    const x2 = parseNumber(f2, 'x2', line);
    const t = parseNumber(ft, 't', line);
    if (t !== 0 && t !== 1) throw new CsvError(`t must be 0 or 1, found ${show(ft)}`, line);
    xs.push(x1, x2);
    ts.push(t);
  }
  if (!headerSeen) throw new CsvError('the file is empty: expected a header "x1,x2,t" and data rows');
  if (ts.length === 0) throw new CsvError('no data rows after the header');
  const ones = ts.reduce((a, t) => a + t, 0);
  if (ones === 0) throw new CsvError('every point has t = 0: both classes (t = 0 and t = 1) are needed');
  if (ones === ts.length) throw new CsvError('every point has t = 1: both classes (t = 0 and t = 1) are needed');
  return { points: Float64Array.from(xs), targets: Uint8Array.from(ts) };
}

/** Shortest text that parses back to the same double; keeps the sign of −0, which String() drops. */
function formatNumber(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Writes a data set as CSV that {@link parseCsv} reads back exactly. */
export function formatCsv(data: Dataset): string {
  const rows = [CSV_HEADER.join(',')];
  for (let i = 0; i < data.targets.length; i++) {
    rows.push(`${formatNumber(data.points[2 * i]!)},${formatNumber(data.points[2 * i + 1]!)},${data.targets[i]}`);
  }
  return `${rows.join('\n')}\n`;
}
