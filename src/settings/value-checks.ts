/**
 * The checks every row of the settings table is made of: a number within
 * its range, one of a few choices, a pair; each throws a SettingError that
 * names the setting as the screen does and shows the bad value without NaN.
 */
import { formatLimit, readNumberText, UnreadNumber } from '../text/number-text';
import { quote } from '../text/quote';
import { SettingError } from './settings';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** How a value from code or text is shown in a message: never "NaN", and user text only as a short excerpt. */
export function shown(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'not a finite number';
  if (value === '') return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (value instanceof UnreadNumber) return value.describe();
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  // An object from code is shown as JSON, cut as user text is (without the quotes it needs not).
  return quote(json).slice(1, -1);
}

/** Whether `value` is a finite number: Number.isFinite, as a type guard (it is false for every non-number). */
export function isFiniteNumber(value: unknown): value is number {
  return Number.isFinite(value);
}

/** Checks one number against its range: the message names the setting as the screen does. */
export function checkNumber(label: string, value: unknown, range: Range, integer = false): number {
  const limits = `between ${formatLimit(range.min)} and ${formatLimit(range.max)}`;
  // Written as a number but beyond what a double holds ("1e309"): out of range, not "not a number".
  if (value instanceof UnreadNumber && value.why === 'too-large') {
    throw new SettingError(`${label} must be ${limits}, got ${shown(value)}`);
  }
  if (!isFiniteNumber(value)) {
    throw new SettingError(`${label} must be a number ${limits}, got ${shown(value)}`);
  }
  if (value < range.min || value > range.max) throw new SettingError(`${label} must be ${limits}, got ${value}`);
  if (integer && !Number.isInteger(value)) throw new SettingError(`${label} must be a whole number, got ${value}`);
  // `+ 0` turns −0 into 0: a weight of −0 is 0 to every reader, and links cannot tell them apart.
  return value + 0;
}

export function checkChoice<T extends string>(label: string, value: unknown, choices: readonly T[]): T {
  // Only a string can equal one of the choices: no typeof test is needed before includes.
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  const quoted = choices.map((c) => `"${c}"`);
  // "a" or "b"; "a", "b" or "c" for more.
  const list = quoted.length > 2 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join(' or ');
  throw new SettingError(`${label} must be ${list}, got ${shown(value)}`);
}

/** Text to a number for the checks above; what is not a number says why, so the message can quote it. */
export function textNumber(text: string): number | UnreadNumber {
  return readNumberText(text);
}

/** A number typed into a field, checked as the settings table checks a link's or an attribute's. */
export function checkNumberText(label: string, text: string, range: Range, integer = false): number {
  return checkNumber(label, textNumber(text), range, integer);
}

export function checkPair(labels: readonly [string, string], value: unknown, range: Range): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new SettingError(`${labels[0]} and ${labels[1]} must be two numbers, got ${shown(value)}`);
  }
  return [checkNumber(labels[0], value[0], range), checkNumber(labels[1], value[1], range)];
}

/** "a,b" to two numbers for checkPair; anything else is left for checkPair to refuse. */
export function textPair(text: string): unknown {
  const parts = text.split(',');
  return parts.length === 2 ? parts.map((p) => textNumber(p)) : text;
}
