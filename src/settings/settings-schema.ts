/**
 * The one table of shareable settings. Each row says how a setting is
 * called on the screen, in a link and as an attribute, what values it takes,
 * and how it reads and writes as text. Validation (the JS API), the URL
 * codec, the attributes and every message are driven by this table, so a
 * limit or a label is written once, and messages use the names users see
 * (η, w₁(0)) and never print NaN.
 */
import {
  carryToFeatures,
  FEATURE_LABELS,
  FEATURES,
  type Feature,
  isFeature,
  orderedFeatures,
  weightSymbol,
} from '../model/features';
import { GAUSSIAN_LIMITS } from '../model/gaussians';
import type { Reduction } from '../model/regression';
import { NOISE_LIMITS, SHAPES } from '../model/shapes';
import { SPLIT_LIMITS } from '../model/split';
import { formatLimit, readNumberText, UnreadNumber } from '../text/number-text';
import { quote } from '../text/quote';
import {
  DRAWN_BY,
  type DrawSettings,
  type PlaygroundSettings,
  type Preset,
  type Speed,
  type SpeedUnit,
} from './playground-settings';
import { LIMITS, SettingError, type TrainingSettings } from './settings';

interface Range {
  readonly min: number;
  readonly max: number;
}

export const PRESETS: readonly Preset[] = ['tutorial', 'gaussians', ...SHAPES];
/** How the preset list names each preset. */
export const PRESET_NAMES: Readonly<Record<Preset, string>> = {
  tutorial: 'Tutorial (40 points)',
  gaussians: 'Two Gaussians',
  circle: 'Circle',
  xor: 'XOR',
  spiral: 'Spiral',
};
export const REDUCTIONS: readonly Reduction[] = ['sum', 'mean'];
export const SPEED_UNITS: readonly SpeedUnit[] = ['per-second', 'per-frame'];
export const SPEED_LIMITS: Record<SpeedUnit, Range> = {
  'per-frame': { min: 1, max: 1000 },
  'per-second': { min: 0.25, max: 240 },
};
export const SEED_LIMITS: Range = { min: 0, max: 2 ** 31 - 1 };

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

function checkChoice<T extends string>(label: string, value: unknown, choices: readonly T[]): T {
  // Only a string can equal one of the choices: no typeof test is needed before includes.
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  const quoted = choices.map((c) => `"${c}"`);
  // "a" or "b"; "a", "b" or "c" for more.
  const list = quoted.length > 2 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join(' or ');
  throw new SettingError(`${label} must be ${list}, got ${shown(value)}`);
}

/** Text to a number for the checks above; what is not a number says why, so the message can quote it. */
function textNumber(text: string): number | UnreadNumber {
  return readNumberText(text);
}

/** A number typed into a field, checked as the settings table checks a link's or an attribute's. */
export function checkNumberText(label: string, text: string, range: Range, integer = false): number {
  return checkNumber(label, textNumber(text), range, integer);
}

function checkPair(labels: readonly [string, string], value: unknown, range: Range): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new SettingError(`${labels[0]} and ${labels[1]} must be two numbers, got ${shown(value)}`);
  }
  return [checkNumber(labels[0], value[0], range), checkNumber(labels[1], value[1], range)];
}

/** What the screen calls weight j (0-based) of w(0): w₁(0), w₂(0), … */
export function initialWeightLabel(j: number): string {
  return `${weightSymbol(j)}(0)`;
}

/** w(0): numbers, each within the range (that there is one per feature is checked against the features). */
function checkWeights(value: unknown, range: Range): number[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new SettingError(`w(0) must be a list of numbers, one per feature, got ${shown(value)}`);
  }
  return value.map((w, j) => checkNumber(initialWeightLabel(j), w, range));
}

/** w(0) has one number per feature of `s`. */
function checkWeightCount(weights: readonly number[], s: PlaygroundSettings): readonly number[] {
  const { features } = s.training;
  if (weights.length !== features.length) {
    const names = features.map(featureLabel).join(', ');
    throw new SettingError(
      `w(0) must have one number per feature (${features.length}: ${names}), got ${weights.length}: ${weights.join(', ')}`,
    );
  }
  return weights;
}

/** How many features a model has: two at least, so that the cost surface has two weights to show. */
export const FEATURE_COUNT: Range = { min: 2, max: FEATURES.length };

/** The features, each known, each once, in FEATURES order; a SettingError names a bad one. */
function checkFeatures(value: unknown): Feature[] {
  const known = FEATURES.map((f) => `"${f}"`).join(', ');
  if (!Array.isArray(value)) throw new SettingError(`features must be a list of ${known}, got ${shown(value)}`);
  const unknown = value.find((f) => !isFeature(f));
  if (unknown !== undefined) throw new SettingError(`features has no feature ${shown(unknown)}: choose from ${known}`);
  const features = orderedFeatures(value as Feature[]);
  if (features.length < FEATURE_COUNT.min) {
    throw new SettingError(
      `features must hold at least ${FEATURE_COUNT.min} different features (the cost surface shows two weights), got ${shown(value)}`,
    );
  }
  return features;
}

/** Two different features, for the cost surface's axes. */
function checkSurfaceFeatures(value: unknown): readonly [Feature, Feature] {
  if (!Array.isArray(value) || value.length !== 2 || !value.every(isFeature) || value[0] === value[1]) {
    throw new SettingError(`the cost surface shows the weights of two different features, got ${shown(value)}`);
  }
  return [value[0] as Feature, value[1] as Feature];
}

function textPair(text: string): unknown {
  const parts = text.split(',');
  return parts.length === 2 ? parts.map((p) => textNumber(p)) : text;
}

/** One row of the table, typed by its value. */
interface SettingSpec<T> {
  /** What the screen calls it; messages use this. */
  readonly label: string;
  /** The key in a link's hash. */
  readonly url: string;
  /** The attribute of <lp-playground>, where there is one. */
  readonly attribute?: string;
  readonly get: (s: PlaygroundSettings) => T;
  readonly set: (s: PlaygroundSettings, value: T) => PlaygroundSettings;
  /** The value, checked and normalised, or a SettingError naming the setting. */
  readonly check: (value: unknown) => T;
  /** A check against the other settings (rows before this one in the table are set by then). */
  readonly checkIn?: (value: T, s: PlaygroundSettings) => T;
  /** Text (a link, an attribute) to a value for `check`. */
  readonly parse: (text: string) => unknown;
  readonly format: (value: T) => string;
  /** Written to links only when this holds (the Gaussians' settings with that preset). */
  readonly inLink?: (s: PlaygroundSettings) => boolean;
  /** For numbers: the range, and whether only whole numbers are allowed (the controls show them). */
  readonly range?: Range;
  readonly integer?: boolean;
  /** For pairs: what the screen calls each of the two numbers. */
  readonly parts?: readonly [string, string];
  /** For a number set with a logarithmic slider: the values at its two ends (within `range`). */
  readonly slider?: Range;
}

/** A row with its value type closed over: what the generic operations below need. */
export interface Setting {
  readonly label: string;
  readonly url: string;
  readonly attribute?: string;
  readonly range?: Range;
  readonly integer?: boolean;
  readonly parts?: readonly [string, string];
  readonly slider?: Range;
  /** `s` with its value checked (a SettingError names a bad one). */
  validate(s: PlaygroundSettings): PlaygroundSettings;
  /** `s` with the value read from text. */
  applyText(s: PlaygroundSettings, text: string): PlaygroundSettings;
  /** The value as a link writes it. */
  linkText(s: PlaygroundSettings): string;
  /** Whether a link carries it for these settings. */
  inLink(s: PlaygroundSettings): boolean;
}

/**
 * A row of the table. Its range, parts and slider keep the types they were
 * given, so a control reads SETTINGS.learningRate.range without a fallback
 * of its own.
 */
function define<
  T,
  R extends Range | undefined = undefined,
  P extends readonly [string, string] | undefined = undefined,
  L extends Range | undefined = undefined,
>(
  spec: SettingSpec<T> & { readonly range?: R; readonly parts?: P; readonly slider?: L },
): Setting & { readonly spec: SettingSpec<T>; readonly range: R; readonly parts: P; readonly slider: L } {
  const checked = (value: unknown, s: PlaygroundSettings): T => {
    const v = spec.check(value);
    return spec.checkIn ? spec.checkIn(v, s) : v;
  };
  return {
    spec,
    label: spec.label,
    url: spec.url,
    attribute: spec.attribute,
    range: spec.range as R,
    integer: spec.integer,
    parts: spec.parts as P,
    slider: spec.slider as L,
    validate: (s) => spec.set(s, checked(spec.get(s), s)),
    applyText: (s, text) => spec.set(s, checked(spec.parse(text), s)),
    linkText: (s) => spec.format(spec.get(s)),
    inLink: (s) => spec.inLink?.(s) ?? true,
  };
}

/** A draw setting goes into a link only where the preset is drawn from it. */
const drawnFrom = (key: keyof DrawSettings) => (s: PlaygroundSettings) => DRAWN_BY[s.preset].includes(key);
const training = <K extends keyof TrainingSettings>(key: K) => ({
  get: (s: PlaygroundSettings) => s.training[key],
  set: (s: PlaygroundSettings, value: TrainingSettings[K]) => ({ ...s, training: { ...s.training, [key]: value } }),
});
const gaussian = <K extends keyof DrawSettings>(key: K) => ({
  get: (s: PlaygroundSettings) => s.gaussians[key],
  set: (s: PlaygroundSettings, value: PlaygroundSettings['gaussians'][K]) => ({
    ...s,
    gaussians: { ...s.gaussians, [key]: value },
  }),
  inLink: drawnFrom(key),
});
const number = (label: string, range: Range, integer = false) => ({
  label,
  range,
  integer,
  check: (v: unknown) => checkNumber(label, v, range, integer),
  parse: textNumber,
  format: String,
});
const pair = (labels: readonly [string, string], range: Range) => ({
  range,
  parts: labels,
  check: (v: unknown) => checkPair(labels, v, range),
  parse: textPair,
  format: (v: readonly [number, number]) => `${v[0]},${v[1]}`,
});

/** A row that takes one of `choices`. */
const choice = <T extends string>(label: string, choices: readonly T[]) => ({
  label,
  check: (v: unknown) => checkChoice(label, v, choices),
  parse: (t: string): unknown => t,
  format: String,
});
/** A row that is on (1) or off (0). */
const toggle = (label: string) => ({
  label,
  check: (v: unknown) => {
    if (typeof v !== 'boolean') throw new SettingError(`${label} must be on (1) or off (0), got ${shown(v)}`);
    return v;
  },
  parse: (t: string): unknown => (t === '1' ? true : t === '0' ? false : t),
  format: (v: boolean) => (v ? '1' : '0'),
});

/** What the screen calls Play's speed; its unit and its value in a unit are named after it. */
const SPEED = 'speed';

function speedLabel(unit: SpeedUnit): string {
  return `${SPEED} (steps ${unit === 'per-frame' ? 'per frame' : 'per second'})`;
}

/** The features as a link or an attribute writes them: their names, comma-separated. */
const featureList = {
  label: 'features',
  check: checkFeatures,
  parse: (t: string): unknown => (t === '' ? [] : t.split(',')),
  format: (v: readonly Feature[]) => v.join(','),
};

/** How each feature is named on the screen, for controls and messages. */
export function featureLabel(feature: Feature): string {
  return FEATURE_LABELS[feature];
}

/** Every shareable setting, in the order the controls show them. */
export const SETTINGS = {
  preset: define<Preset>({
    url: 'preset',
    attribute: 'dataset',
    get: (s) => s.preset,
    set: (s, preset) => ({ ...s, preset }),
    ...choice('data set', PRESETS),
  }),
  mean0: define({
    label: 'class 0 mean',
    url: 'mean0',
    ...gaussian('mean0'),
    ...pair(['class 0 mean x', 'class 0 mean y'], GAUSSIAN_LIMITS.mean),
  }),
  mean1: define({
    label: 'class 1 mean',
    url: 'mean1',
    ...gaussian('mean1'),
    ...pair(['class 1 mean x', 'class 1 mean y'], GAUSSIAN_LIMITS.mean),
  }),
  std: define({ url: 'std', ...gaussian('std'), ...number('std', GAUSSIAN_LIMITS.std) }),
  perClass: define({ url: 'n', ...gaussian('perClass'), ...number('per class', GAUSSIAN_LIMITS.perClass, true) }),
  seed: define({ url: 'seed', ...gaussian('seed'), ...number('seed', SEED_LIMITS, true) }),
  noise: define({ url: 'noise', ...gaussian('noise'), ...number('noise', NOISE_LIMITS) }),
  learningRate: define({
    url: 'lr',
    attribute: 'learning-rate',
    ...training('learningRate'),
    ...number('η', LIMITS.learningRate),
    /**
     * The slider's span, 1e-4 to the largest η, narrower than the range:
     * a rate below it is typed into the field beside the slider.
     */
    slider: { min: 1e-4, max: LIMITS.learningRate.max },
  }),
  features: define<readonly Feature[]>({
    url: 'features',
    attribute: 'features',
    get: (s) => s.training.features,
    // New features carry w(0) along (a feature kept keeps its weight, a new one starts at 0), and the surface's two.
    set: (s, features) => {
      const t = s.training;
      if (features.join() === t.features.join()) return { ...s, training: { ...t, features } };
      return { ...s, training: { ...t, features, ...carryToFeatures(t, features) } };
    },
    ...featureList,
  }),
  initialWeights: define<readonly number[], Range>({
    label: 'w(0)',
    url: 'w0',
    attribute: 'initial-weights',
    ...training('initialWeights'),
    range: LIMITS.parameter,
    check: (v: unknown) => checkWeights(v, LIMITS.parameter),
    checkIn: checkWeightCount,
    parse: (t: string): unknown => t.split(',').map((p) => textNumber(p)),
    format: (v: readonly number[]) => v.join(','),
  }),
  initialBias: define({ url: 'b0', ...training('initialBias'), ...number('b(0)', LIMITS.parameter) }),
  bias: define<boolean>({ url: 'bias', attribute: 'bias', ...training('bias'), ...toggle('bias b') }),
  reduction: define<Reduction>({
    url: 'cost',
    attribute: 'reduction',
    ...training('reduction'),
    ...choice('cost', REDUCTIONS),
  }),
  l2: define({
    url: 'l2',
    attribute: 'l2',
    ...training('l2'),
    ...number('L2 λ', LIMITS.l2),
  }),
  threshold: define({
    url: 'threshold',
    attribute: 'threshold',
    ...training('threshold'),
    ...number('threshold', LIMITS.threshold),
  }),
  testFraction: define({
    url: 'test',
    attribute: 'test-fraction',
    ...training('testFraction'),
    ...number('test fraction', SPLIT_LIMITS.fraction),
  }),
  batchSize: define({
    url: 'batch',
    ...training('batchSize'),
    ...number('batch size', LIMITS.batchSize, true),
    parse: (t: string) => (t === 'full' ? 0 : textNumber(t)),
  }),
  surfaceFeatures: define<readonly [Feature, Feature]>({
    url: 'surface',
    ...training('surfaceFeatures'),
    label: 'cost surface',
    check: checkSurfaceFeatures,
    checkIn: (shown, s) => {
      const missing = shown.find((f) => !s.training.features.includes(f));
      if (missing !== undefined) {
        throw new SettingError(
          `the cost surface shows the weights of two of the model's features (${s.training.features.map(featureLabel).join(', ')}), not of ${featureLabel(missing)}`,
        );
      }
      return shown;
    },
    parse: (t: string): unknown => t.split(','),
    format: (v: readonly [Feature, Feature]) => v.join(','),
  }),
  speed: define<Speed>({
    label: SPEED,
    url: 'speed',
    get: (s) => s.speed,
    set: (s, speed) => ({ ...s, speed }),
    check: (v) => {
      const speed = (typeof v === 'object' && v !== null ? v : {}) as Partial<Speed>;
      const unit = checkChoice(`${SPEED} unit`, speed.unit, SPEED_UNITS);
      const label = speedLabel(unit);
      return { unit, value: checkNumber(label, speed.value, SPEED_LIMITS[unit], unit === 'per-frame') };
    },
    parse: (t) => {
      const match = /^([^/]+)\/(s|frame)$/.exec(t);
      if (!match)
        throw new SettingError(
          `${SPEED} must be written as steps per second ("4/s") or per frame ("5/frame"), got ${shown(t)}`,
        );
      return { value: textNumber(match[1] as string), unit: match[2] === 's' ? 'per-second' : 'per-frame' };
    },
    format: (v) => `${v.value}/${v.unit === 'per-second' ? 's' : 'frame'}`,
  }),
} as const;

export type SettingName = keyof typeof SETTINGS;
const ROWS: readonly Setting[] = Object.values(SETTINGS);

/** Checks every setting of `s`: returns it normalised, or throws a SettingError naming the first bad value. */
export function validateSettings(s: PlaygroundSettings): PlaygroundSettings {
  return ROWS.reduce((next, row) => row.validate(next), s);
}

/** Whether a link's key names a setting others are checked against (w(0) against the features): it is read first. */
export function readFirst(key: string): boolean {
  return key === SETTINGS.features.url;
}

/** The setting a link's key names. */
export function settingForUrlKey(key: string): Setting | undefined {
  return ROWS.find((row) => row.url === key);
}

/** The settings that say which data are drawn: a link that carries its own data ignores them. */
export const DATA_SETTINGS: readonly Setting[] = [
  SETTINGS.preset,
  SETTINGS.mean0,
  SETTINGS.mean1,
  SETTINGS.std,
  SETTINGS.perClass,
  SETTINGS.seed,
  SETTINGS.noise,
];

/** Every setting that has an attribute. */
export function attributeSettings(): readonly Setting[] {
  return ROWS.filter((row) => row.attribute !== undefined);
}

/** The link's key=value pairs for the settings that differ from `defaults`. */
export function linkEntries(s: PlaygroundSettings, defaults: PlaygroundSettings): [string, string][] {
  const entries: [string, string][] = [];
  for (const row of ROWS) {
    const text = row.linkText(s);
    if (row.inLink(s) && text !== row.linkText(defaults)) entries.push([row.url, text]);
  }
  return entries;
}
