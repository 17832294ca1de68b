/**
 * A strict parser for two-class data as CSV: a header `x1,x2,t`, then one
 * point a line. Numbers are read by the one number reader (number-syntax.ts),
 * every coordinate must lie in the input range (input-range.ts), every t be
 * 0 or 1, and both classes present. Each error names the line (1-based, as
 * an editor shows it) and the problem, so a student can fix the file. Tolerated: a UTF-8 BOM, CRLF line
 * ends, blank lines, spaces around fields, and the header in any letter case.
 * A file with other columns is read with a {@link CsvMapping} (which column is
 * x1, x2, t; whether there is a header), as the import dialog asks for it.
 */
import { countOf } from '../text/format';
import { MAX_NUMBER_LENGTH, readNumber } from '../text/number-syntax';
import { quote } from '../text/quote';
import type { Dataset } from './dataset';
import { COORDINATE_RANGE, coordinateInRange, storedCoordinate } from './input-range';

export const CSV_HEADER = ['x1', 'x2', 't'] as const;

/** The most rows accepted: twice the generator's largest class. */
export const CSV_MAX_ROWS = 2_000_000;

/**
 * The longest line read. A line with no end in sight is refused as it comes,
 * so a file read in pieces never gathers more than this before a line ends
 * (each piece is then scanned once: linear time, bounded memory).
 */
export const CSV_MAX_LINE_LENGTH = 1 << 20;

export class CsvError extends Error {
  constructor(
    /** What is wrong, without the line. */
    readonly problem: string,
    /** The 1-based line the problem is on, or undefined for whole-file problems. */
    readonly line?: number,
  ) {
    super(line === undefined ? problem : `Line ${line}: ${problem}`);
    this.name = 'CsvError';
  }
}

/**
 * Which column (0-based) holds x1, x2 and t, and whether the first row is a
 * header to skip. Given for files whose columns are not `x1,x2,t`: every row
 * then has as many fields as the first, and the columns not named are ignored.
 */
export interface CsvMapping {
  readonly x1: number;
  readonly x2: number;
  readonly t: number;
  readonly header: boolean;
}

const ROLES = ['x1', 'x2', 't'] as const;

/** Whether a field is a number this parser accepts (its range aside). */
export function isCsvNumber(field: string): boolean {
  return readNumber(field).kind === 'number';
}

/** The fields of one line, trimmed (the format has no quoting). */
export function splitFields(line: string): string[] {
  return line.split(',').map((f) => f.trim());
}

/** A field's number; a CsvError says why there is none, or NaN (which no check accepts) for one beyond what a double holds. */
function parseNumber(field: string, column: string, line: number): number {
  if (field === '') throw new CsvError(`${column} is empty`, line);
  const reading = readNumber(field);
  if (reading.kind === 'too-long') {
    throw new CsvError(
      `${column} is too long: ${quote(field)} (a number has at most ${MAX_NUMBER_LENGTH} characters)`,
      line,
    );
  }
  if (reading.kind === 'not-a-number') throw new CsvError(`${column} is not a number: ${quote(field)}`, line);
  // Stryker disable next-line ConditionalExpression: a reading that is no number has no value, and undefined fails every check NaN fails
  return reading.kind === 'number' ? reading.value : Number.NaN;
}

/** A coordinate: within the range both engines carry (see input-range.ts), tiny ones read as 0. */
function parseCoordinate(field: string, column: string, line: number): number {
  const value = parseNumber(field, column, line);
  if (!coordinateInRange(value)) {
    throw new CsvError(`${column} is out of range: ${quote(field)} (${COORDINATE_RANGE})`, line);
  }
  return storedCoordinate(value);
}

function checkHeader(fields: string[], line: number): void {
  const names = fields.map((f) => f.toLowerCase());
  if (names.length !== CSV_HEADER.length || names.some((name, i) => name !== CSV_HEADER[i])) {
    throw new CsvError(`the header must be "x1,x2,t", found ${quote(fields.join(','))}`, line);
  }
}

function checkMapping(mapping: CsvMapping): void {
  const columns = ROLES.map((role) => mapping[role]);
  if (columns.some((c) => !Number.isInteger(c) || c < 0) || new Set(columns).size !== 3) {
    throw new CsvError(`x1, x2 and t need three different columns, got ${columns.join(', ')}`);
  }
}

/** What a UTF-16 file is told: its text, read as the UTF-8 it is not, would only show as NUL characters. */
export const UTF16_REFUSED = 'UTF-16 is not supported: save it as UTF-8';

/**
 * Whether the start of a file's text (read as UTF-8) is UTF-16: its byte
 * order mark read as two replacement characters, or the NUL byte beside
 * every ASCII character.
 */
export function looksLikeUtf16(head: string): boolean {
  return head.startsWith('\uFFFD\uFFFD') || head.includes('\u0000');
}

const LINE_BREAK = /\r\n|\n|\r/g;
/** Room for this many rows at first; doubled as rows come. */
const FIRST_CAPACITY = 1024;

/**
 * Reads CSV text given in pieces of any size (a file's stream, decoded), so a
 * large file need never be one string. Line numbers count every line, blank
 * ones too, across pieces; a CRLF split between two pieces is one line end.
 */
export class CsvReader {
  private line = 0;
  /** The start of a line whose end has not come yet. */
  private carry = '';
  private started = false;
  private firstSeen = false;
  /** The fields every row has: 3 without a mapping, the first row's count with one. */
  private columns = 3;
  /** What the messages call each used column: "x1", or with a mapping `x1 (column "a")`. */
  private labels: Record<(typeof ROLES)[number], string> = { x1: 'x1', x2: 'x2', t: 't' };
  private firstLine = 0;
  private points = new Float64Array(2 * FIRST_CAPACITY);
  private targets = new Uint8Array(FIRST_CAPACITY);
  private n = 0;
  private ones = 0;

  /** Without a mapping the file must start with the header `x1,x2,t`. */
  constructor(private readonly mapping?: CsvMapping) {
    if (mapping) checkMapping(mapping);
  }

  /** The data rows read so far. */
  get rows(): number {
    return this.n;
  }

  /** Reads the complete lines in `text` (after what came before); throws a CsvError at the first bad one. */
  push(text: string): void {
    // The carry holds no line break but perhaps a CR at its end: the search for the next one resumes there.
    // Stryker disable next-line MethodExpression: a search from 0 finds the same breaks (the carry holds none), only later
    const resume = Math.max(0, this.carry.length - 1);
    let buffer = this.carry + text;
    if (!this.started && buffer !== '') {
      this.started = true;
      if (looksLikeUtf16(buffer)) throw new CsvError(UTF16_REFUSED);
      buffer = buffer.replace(/^\uFEFF/, '');
    }
    // A CR at the very end may be the first half of a CRLF: its line ends with the next piece.
    const end = buffer.endsWith('\r') ? buffer.length - 1 : buffer.length;
    let start = 0;
    LINE_BREAK.lastIndex = resume;
    for (let m = LINE_BREAK.exec(buffer); m !== null && m.index < end; m = LINE_BREAK.exec(buffer)) {
      this.take(buffer.slice(start, m.index));
      start = m.index + m[0].length;
    }
    this.carry = buffer.slice(start);
    // The line so far, without a CR at the end that may be half of its CRLF.
    if (end - start > CSV_MAX_LINE_LENGTH) this.tooLong(this.line + 1);
  }

  private tooLong(line: number): never {
    throw new CsvError(`the line is longer than ${countOf(CSV_MAX_LINE_LENGTH, 'character')}`, line);
  }

  /** Reads the last line and checks the whole file: rows present, both classes. */
  finish(): Dataset {
    // The end of the file ends the last line, as a line break would.
    this.push('\n');
    if (!this.firstSeen) {
      throw new CsvError(
        this.mapping
          ? `the file is empty: expected ${this.mapping.header ? 'a header and ' : ''}data rows`
          : 'the file is empty: expected a header "x1,x2,t" and data rows',
      );
    }
    if (this.n === 0) throw new CsvError('no data rows after the header');
    const t = this.labels.t;
    if (this.ones === 0) throw new CsvError(`every point has ${t} = 0: both classes (t = 0 and t = 1) are needed`);
    if (this.ones === this.n) throw new CsvError(`every point has ${t} = 1: both classes (t = 0 and t = 1) are needed`);
    return { points: this.points.slice(0, 2 * this.n), targets: this.targets.slice(0, this.n) };
  }

  private take(raw: string): void {
    const line = ++this.line;
    if (raw.length > CSV_MAX_LINE_LENGTH) this.tooLong(line);
    const trimmed = raw.trim();
    if (trimmed === '') return;
    const fields = splitFields(trimmed);
    if (!this.firstSeen) {
      this.firstSeen = true;
      this.firstLine = line;
      if (!this.mapping) {
        checkHeader(fields, line);
        return;
      }
      this.useColumns(this.mapping, fields, line);
      if (this.mapping.header) return;
    }
    this.row(fields, line);
  }

  /** The first row of a mapped file sets the columns; the header's names go into the messages. */
  private useColumns(mapping: CsvMapping, fields: string[], line: number): void {
    this.columns = fields.length;
    for (const role of ROLES) {
      const column = mapping[role];
      if (column >= fields.length) {
        throw new CsvError(
          `${role} is to come from column ${column + 1}, but the row has ${countOf(fields.length, 'field')}`,
          line,
        );
      }
      const name = mapping.header ? quote(fields[column] as string) : `${column + 1}`;
      this.labels[role] = `${role} (column ${name})`;
    }
  }

  private row(fields: string[], line: number): void {
    if (fields.length !== this.columns) {
      throw new CsvError(
        this.mapping
          ? `expected ${this.columns} fields, as on line ${this.firstLine}, found ${fields.length}`
          : `expected 3 fields (x1,x2,t), found ${fields.length}`,
        line,
      );
    }
    if (this.n >= CSV_MAX_ROWS) {
      throw new CsvError(`too many rows: at most ${countOf(CSV_MAX_ROWS, 'point')} are accepted`, line);
    }
    const m = this.mapping ?? { x1: 0, x2: 1, t: 2 };
    const x1 = parseCoordinate(fields[m.x1] as string, this.labels.x1, line);
    const x2 = parseCoordinate(fields[m.x2] as string, this.labels.x2, line);
    const ft = fields[m.t] as string;
    const t = parseNumber(ft, this.labels.t, line);
    if (t !== 0 && t !== 1) throw new CsvError(`${this.labels.t} must be 0 or 1, found ${quote(ft)}`, line);
    if (this.n === this.targets.length) this.grow();
    this.points[2 * this.n] = x1;
    this.points[2 * this.n + 1] = x2;
    this.targets[this.n] = t;
    this.n++;
    this.ones += t;
  }

  private grow(): void {
    const capacity = 2 * this.targets.length;
    const points = new Float64Array(2 * capacity);
    points.set(this.points);
    const targets = new Uint8Array(capacity);
    targets.set(this.targets);
    this.points = points;
    this.targets = targets;
  }
}

/**
 * Parses CSV text into a data set, or throws a {@link CsvError} that says what
 * and where. Without a mapping the header must be `x1,x2,t`.
 */
export function parseCsv(text: string, mapping?: CsvMapping): Dataset {
  const reader = new CsvReader(mapping);
  reader.push(text);
  return reader.finish();
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
