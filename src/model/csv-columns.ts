/**
 * The import dialog's guesswork: the first rows of a file, whether the first
 * row is a header, and which column is x1, x2 and t. Exact names win (any
 * letter case); otherwise t is a column whose values are all 0 or 1, and x1,
 * x2 the first numeric columns left. The user corrects what is guessed; the
 * parser (csv.ts) stays strict about what is chosen.
 */

import { readNumber } from '../text/number-syntax';
import { CSV_HEADER, type CsvMapping, isCsvNumber, splitFields } from './csv';

export type CsvRole = 'x1' | 'x2' | 't';
export const CSV_ROLES: readonly CsvRole[] = ['x1', 'x2', 't'];

/** What each column is used as (undefined: not used), one entry per column. */
export type CsvRoles = ReadonlyArray<CsvRole | undefined>;

export interface CsvPreview {
  /** The first non-blank rows, split into trimmed fields. */
  readonly rows: ReadonlyArray<readonly string[]>;
  /** The most fields any of those rows has. */
  readonly columns: number;
}

/** The first `maxRows` non-blank rows of `head`; without `complete` its last line may be cut, so it is left out. */
export function previewCsv(head: string, complete: boolean, maxRows = 6): CsvPreview {
  const lines = head.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (!complete) lines.pop();
  const rows = lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .slice(0, maxRows)
    .map(splitFields);
  return { rows, columns: Math.max(0, ...rows.map((r) => r.length)) };
}

/** Whether a row is the header `x1,x2,t` (any letter case): such a file needs no questions. */
export function isStandardHeader(row: readonly string[]): boolean {
  return row.length === CSV_HEADER.length && row.every((f, i) => f.toLowerCase() === CSV_HEADER[i]);
}

/** A first row with anything but numbers in it is a header. */
export function guessHeader(preview: CsvPreview): boolean {
  return preview.rows[0]?.some((f) => !isCsvNumber(f)) ?? false;
}

/** The best guess at each column's role, for the rows after the header (if any). */
export function guessRoles(preview: CsvPreview, header: boolean): CsvRoles {
  const names = header ? preview.rows[0]?.map((n) => n.toLowerCase()) : undefined;
  const data = header ? preview.rows.slice(1) : preview.rows;
  const columns = [...Array(preview.columns).keys()];
  // Stryker disable next-line StringLiteral: a missing field reads like every other text that is no number
  const numeric = (c: number) => data.every((r) => isCsvNumber(r[c] ?? ''));
  // The parser's rule for t: a number equal to 0 or 1 ("1.0" too).
  // Stryker disable next-line StringLiteral: a missing field reads like every other text that is no number
  const label = (f = '') => {
    const reading = readNumber(f);
    // Stryker disable next-line ConditionalExpression: a reading that is no number has no value, so it is neither 0 nor 1
    if (reading.kind !== 'number') return false;
    return reading.value === 0 || reading.value === 1;
  };
  const binary = (c: number) => data.length > 0 && data.every((r) => label(r[c]));
  const roles: Array<CsvRole | undefined> = columns.map(() => undefined);
  const take = (role: CsvRole, candidates: number[]) => {
    if (roles.includes(role)) return;
    const c = candidates.find((k) => roles[k] === undefined);
    if (c !== undefined) roles[c] = role;
  };
  for (const role of CSV_ROLES)
    take(
      role,
      columns.filter((c) => names?.[c] === role),
    );
  // The class is more often last than first: of several 0/1 columns, the last.
  take('t', columns.filter(binary).reverse());
  take('x1', columns.filter(numeric));
  take('x2', columns.filter(numeric));
  take('t', columns.filter(numeric));
  for (const role of CSV_ROLES) take(role, columns);
  return roles;
}

/** Gives `column` the role `role`; the column that had it takes this column's old role, so no role is used twice. */
export function assignRole(roles: CsvRoles, column: number, role: CsvRole | undefined): CsvRoles {
  const previous = roles[column];
  return roles.map((r, c) => (c === column ? role : role !== undefined && r === role ? previous : r));
}

/** The roles no column has yet. */
export function missingRoles(roles: CsvRoles): CsvRole[] {
  return CSV_ROLES.filter((role) => !roles.includes(role));
}

/** The mapping the roles describe, or undefined while a role has no column. */
export function mappingOf(roles: CsvRoles, header: boolean): CsvMapping | undefined {
  const x1 = roles.indexOf('x1');
  const x2 = roles.indexOf('x2');
  const t = roles.indexOf('t');
  if (x1 < 0 || x2 < 0 || t < 0) return undefined;
  return { x1, x2, t, header };
}
