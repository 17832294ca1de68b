/**
 * Generators shared by the property tests and the fuzz suite: values as the
 * playground holds them, and the run counts (`npm test` runs the quick pass;
 * `npm run fuzz` sets FUZZ_SCALE to multiply them, and FUZZ_SEED to replay).
 */
import fc from 'fast-check';
import { COORDINATE_LIMIT, SMALLEST_COORDINATE, storedCoordinate } from '../model/input-range';
import { attributeSettings, SETTINGS } from '../settings/settings-schema';

/** A coordinate as every door stores it: within ±COORDINATE_LIMIT, a float32 subnormal read as 0, the edges often. */
export function coordinate(): fc.Arbitrary<number> {
  return fc
    .oneof(
      fc.double({ min: -COORDINATE_LIMIT, max: COORDINATE_LIMIT, noNaN: true }),
      fc.constantFrom(COORDINATE_LIMIT, -COORDINATE_LIMIT, 0, -0, SMALLEST_COORDINATE, -SMALLEST_COORDINATE, 5e-324),
    )
    .map(storedCoordinate);
}

/** Whether this is the long pass: FUZZ_SCALE (set by `npm run fuzz`) multiplies every run count. */
function scale(): number {
  const given = Number(process.env.FUZZ_SCALE);
  return Number.isFinite(given) && given > 0 ? given : 1;
}

/** The quick pass's `quick` runs (what `npm test` does), times FUZZ_SCALE for the long pass. */
export function runs(quick: number): number {
  return Math.max(1, Math.round(quick * scale()));
}

/** A test's time limit: the quick pass's few seconds (with room for a busy machine), or an hour for the long one. */
export function timeout(): number {
  return scale() > 1 ? 3_600_000 : 30_000;
}

/** The quick pass's fixed seed (so `npm test` is repeatable), FUZZ_SEED when given, else a fresh one for the long pass. */
export function seed(): number | undefined {
  const given = Number(process.env.FUZZ_SEED);
  if (process.env.FUZZ_SEED && Number.isInteger(given)) return given;
  return scale() > 1 ? undefined : 20_261_130;
}

/** Names that objects lend every key lookup: a parser that indexes a plain object finds them. */
export const MEMBER_NAMES = [
  'toString',
  'constructor',
  '__proto__',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__lookupGetter__',
  '__lookupSetter__',
  'prototype',
  'length',
  'then',
] as const;

const digitRun = (min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.constantFrom('1', '9', '0', '123').map((p) => p.repeat(n).slice(0, n)));

/** Text a number field, a link or a CSV field may hold: numbers of every form, near misses and junk. */
export function numberText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.double().map(String),
    fc.double({ min: -2e9, max: 2e9, noNaN: true }).map(String),
    fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map(String),
    fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US')),
    fc.integer({ min: 0, max: 10_000_000 }).map((n) => n.toLocaleString('en-US').replace(/,/g, '\u202f')),
    fc.constantFrom(
      '0x10',
      '0X1F',
      '0b1',
      '0o7',
      '1_000',
      'Infinity',
      '-Infinity',
      'NaN',
      '1e309',
      '-1e309',
      '1e39',
      '1e-400',
      '5e-324',
      '-0',
      '−4',
      '1,5',
      '0,05',
      '.',
      '-',
      '',
      ' ',
      '1e',
      '١',
      '１',
      '1..2',
      '+-1',
      '1e9',
      '-1e9',
      '1000000000.0001',
      '1.1754943508222875e-38',
      '1e-45',
      '\u0000',
      '"1"',
      '1 000e3',
      '0.05',
      '4/s',
      'full',
    ),
    fc.tuple(digitRun(20, 500), fc.constantFrom('', 'z', '.', 'e', ' 1', '.5')).map(([run, last]) => run + last),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(...'0123456789.eE+-, x−'.split('')), maxLength: 14 }),
  );
}

/** CSV texts: valid files, files with one bad field, and text that is not CSV at all. */
export function csvText(): fc.Arbitrary<string> {
  const field = fc.oneof({ weight: 3, arbitrary: coordinate().map(String) }, { weight: 1, arbitrary: numberText() });
  const label = fc.oneof({ weight: 4, arbitrary: fc.constantFrom('0', '1') }, { weight: 1, arbitrary: numberText() });
  const row = fc.tuple(field, field, label).map((r) => r.join(','));
  const header = fc.oneof({ weight: 5, arbitrary: fc.constant('x1,x2,t') }, { weight: 1, arbitrary: fc.string() });
  const ending = fc.constantFrom('\n', '\r\n', '\r');
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .tuple(header, fc.array(row, { maxLength: 25 }), ending)
        .map(([h, rows, end]) => [h, '0,0,0', '1,1,1', ...rows].join(end)),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(header, fc.array(fc.string({ maxLength: 30 }), { maxLength: 10 }))
        .map(([h, lines]) => [h, ...lines].join('\n')),
    },
  );
}

/** Values of every shape a setting takes (numbers, pairs, speeds, names), and near misses. */
export function settingText(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: numberText() },
    { weight: 1, arbitrary: fc.tuple(numberText(), numberText()).map(([a, b]) => `${a},${b}`) },
    { weight: 1, arbitrary: fc.tuple(numberText(), fc.constantFrom('/s', '/frame', '/')).map(([a, b]) => a + b) },
    { weight: 1, arbitrary: fc.constantFrom('sum', 'mean', 'gaussians', 'tutorial', 'gpu', 'cpu', 'auto', '1', '0') },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  );
}

/** A key: mostly one the page knows, often an object member's name, sometimes anything, long ones too. */
function key(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.constantFrom(...MEMBER_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 30, maxLength: 300 }) },
  );
}

/** A link's hash: key=value pairs escaped or not, or any text at all. */
export function linkHash(): fc.Arbitrary<string> {
  const pairs = fc.array(fc.tuple(key(Object.values(SETTINGS).map((row) => row.url)), settingText()), {
    maxLength: 8,
  });
  return fc.oneof(
    pairs.map((list) => `#${list.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`),
    pairs.map((list) => `#${list.map(([k, v]) => `${k}=${v}`).join('&')}`),
    fc.string({ maxLength: 200 }),
  );
}

/** The attributes of an <lp-playground>: its own names, members' names and others, each present or not. */
export function attributeSets(): fc.Arbitrary<Record<string, string | null>> {
  const names = [...attributeSettings().map((row) => row.attribute as string), 'engine'];
  return fc.dictionary(key(names), fc.option(settingText(), { nil: null }), { maxKeys: 8 });
}
