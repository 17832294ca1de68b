/**
 * The one number reader: CSV fields, links, attributes and typed fields all
 * read numbers here, so a text is a number in every door or in none (hex,
 * "Infinity", "NaN", "1_000" and the like are refused everywhere).
 *
 * The syntax: an optional sign (+, - or the real minus −, as the readouts
 * print it), digits with an optional decimal point (".5" and "5." too) and
 * an optional exponent ("1e-3"). Text that people type (fields, links,
 * attributes) may also group the digits before the point by threes, with
 * spaces or with commas, "1 000 000" or "1,000,000", as the README writes
 * large numbers; a group of three after a first group that is not 0, so
 * "0,05" and "0,500" are refused rather than read as 5, 500 or 0.05. A CSV
 * field may not: there a comma separates fields, and "1 000" is more often
 * two values run together than a thousand.
 *
 * The reader walks the text once, left to right, never going back more than
 * one character (each is read at most four times), and refuses text longer
 * than MAX_NUMBER_LENGTH before reading it: its work is linear in the length,
 * and bounded whatever the length. (A pattern such as
 * /^\d+\.?\d*$/ is not: on a long run of digits with a bad last character
 * it tries every split of the digits, and a 100 000-digit field took seconds.)
 */

/** The most characters (spaces around it not counted) a number may have. */
export const MAX_NUMBER_LENGTH = 100;

export type NumberReading =
  /** A finite double (an underflow reads as 0, as Number() has it). */
  | { readonly kind: 'number'; readonly value: number }
  /** Written as a number, but beyond what a double holds: out of range, not "not a number". */
  | { readonly kind: 'too-large' }
  /** Longer than MAX_NUMBER_LENGTH: refused unread. */
  | { readonly kind: 'too-long' }
  | { readonly kind: 'not-a-number' };

export interface NumberScan {
  readonly reading: NumberReading;
  /** How many character reads the scan made: at most a few per character, and 0 above the cap. */
  readonly reads: number;
}

const PLUS = 0x2b;
const MINUS = 0x2d;
const REAL_MINUS = 0x2212;
const DOT = 0x2e;
const COMMA = 0x2c;
const ZERO = 0x30;
const NINE = 0x39;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** A space that groups digits: the plain one, the no-break space, the thin space and the narrow no-break space. */
function isGroupSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x2009 || code === 0x202f;
}

const TOO_LONG: NumberReading = { kind: 'too-long' };
const NOT_A_NUMBER: NumberReading = { kind: 'not-a-number' };
const TOO_LARGE: NumberReading = { kind: 'too-large' };

/** Character reads of the scan under way: the instrument behind NumberScan.reads (scans never overlap). */
let reads = 0;

/** Every look at a character goes through here (−1 past the end), so `reads` counts the work done. */
function at(s: string, k: number): number {
  reads++;
  // −1 rather than charCodeAt's NaN: the scan then deals in small integers only, which V8 keeps fast.
  return k < s.length ? s.charCodeAt(k) : -1;
}

/** Where the digits end, from k on. */
function digitsFrom(s: string, k: number): number {
  let i = k;
  while (isDigit(at(s, i))) i++;
  return i;
}

/**
 * Scans `s` (trimmed, within the cap): the text Number() is to read (the sign
 * plain, the separators gone), or undefined when `s` is not a number.
 */
function scan(s: string, grouped: boolean): string | undefined {
  const first = at(s, 0);
  const negative = first === MINUS || first === REAL_MINUS;
  const integerStart = negative || first === PLUS ? 1 : 0;
  let i = digitsFrom(s, integerStart);
  const leading = i - integerStart;
  let digits = leading;
  // Set only when digit groups were read: then the integer digits, without their separators.
  let ungrouped: string | undefined;
  const separator = at(s, i);
  if (grouped && leading >= 1 && leading <= 3 && (separator === COMMA || isGroupSpace(separator))) {
    if (at(s, integerStart) === ZERO) return undefined;
    const comma = separator === COMMA;
    ungrouped = s.slice(integerStart, i);
    for (let c = separator; comma ? c === COMMA : isGroupSpace(c); c = at(s, i)) {
      if (!isDigit(at(s, i + 1)) || !isDigit(at(s, i + 2)) || !isDigit(at(s, i + 3))) return undefined;
      ungrouped += s.slice(i + 1, i + 4);
      digits += 3;
      i += 4;
    }
  }
  // The integer part ends here; what follows up to the exponent is the fraction.
  const integerEnd = i;
  if (at(s, i) === DOT) {
    i = digitsFrom(s, i + 1);
    digits += i - integerEnd - 1;
  }
  if (digits === 0) return undefined;
  const e = at(s, i);
  // Grouped digits take no exponent: "1 000e3" is more likely a slip than a million.
  if (ungrouped === undefined && (e === LOWER_E || e === UPPER_E)) {
    const sign = at(s, i + 1);
    const exponentStart = sign === PLUS || sign === MINUS ? i + 2 : i + 1;
    i = digitsFrom(s, exponentStart);
    if (i === exponentStart) return undefined;
  }
  if (i !== s.length) return undefined;
  if (ungrouped !== undefined) return `${negative ? '-' : ''}${ungrouped}${s.slice(integerEnd)}`;
  return first === REAL_MINUS ? `-${s.slice(1)}` : s;
}

/** What `text` holds as a number (spaces around it ignored); `grouped` allows digit groups (text people type). */
export function readNumber(text: string, grouped = false): NumberReading {
  const s = text.trim();
  if (s.length > MAX_NUMBER_LENGTH) return TOO_LONG;
  reads = 0;
  const plain = scan(s, grouped);
  if (plain === undefined) return NOT_A_NUMBER;
  // Number() reads exactly the syntax scanned above.
  const value = Number(plain);
  if (!Number.isFinite(value)) return TOO_LARGE;
  return { kind: 'number', value };
}

/** {@link readNumber}, and how many character reads it made: the tests' measure of its work. */
export function scanNumber(text: string, grouped = false): NumberScan {
  const reading = readNumber(text, grouped);
  return { reading, reads: reading === TOO_LONG ? 0 : reads };
}
