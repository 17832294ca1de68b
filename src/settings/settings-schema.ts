/**
 * The one table of shareable settings. Each row says how a setting is
 * called on the screen, in a link and as an attribute, what values it takes,
 * and how it reads and writes as text. Validation (the JS API), the URL
 * codec, the attributes and every message are driven by this table, so a
 * limit or a label is written once, and messages use the names users see
 * (η, w₁(0)) and never print NaN.
 */
import { carryToFeatures, type Feature } from '../model/features';
import { GAUSSIAN_LIMITS } from '../model/gaussians';
import { OPTIMIZERS, type Optimizer } from '../model/optimizers';
import type { Racer } from '../model/race';
import type { Reduction } from '../model/regression';
import { NOISE_LIMITS, SHAPES } from '../model/shapes';
import { SPLIT_LIMITS } from '../model/split';
import { checkSurfaceFeatures, checkWeightCount, checkWeights, featureLabel, featureList } from './feature-checks';
import {
  DRAWN_BY,
  type DrawSettings,
  type PacedUnit,
  type PlaygroundSettings,
  type Preset,
  type Speed,
  type SpeedUnit,
} from './playground-settings';
import { checkRaceSetting, formatRace, parseRace } from './race-checks';
import { LIMITS, SettingError, type TrainingSettings } from './settings';
import { checkChoice, checkNumber, checkPair, type Range, shown, textNumber, textPair } from './value-checks';

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
/** How the screen names each optimiser. */
export const OPTIMIZER_NAMES: Readonly<Record<Optimizer, string>> = {
  gd: 'gradient descent',
  momentum: 'momentum',
  nesterov: 'Nesterov',
  adam: 'Adam',
  newton: 'Newton',
};
/** Where room is short (a race's legend and table): gradient descent as GD. */
export const OPTIMIZER_SHORT_NAMES: Readonly<Record<Optimizer, string>> = { ...OPTIMIZER_NAMES, gd: 'GD' };
export const SPEED_UNITS: readonly SpeedUnit[] = ['per-second', 'per-frame', 'fastest'];
/** As fast as possible: no number to choose. */
export const FASTEST_SPEED: Speed = { unit: 'fastest', value: 0 };
export const SPEED_LIMITS: Record<PacedUnit, Range> = {
  'per-frame': { min: 1, max: 1000 },
  'per-second': { min: 0.25, max: 240 },
};
export const SEED_LIMITS: Range = { min: 0, max: 2 ** 31 - 1 };

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
/** As fast as possible, in a link or a settings text. */
const FASTEST_TEXT = 'max';

function speedLabel(unit: PacedUnit): string {
  return `${SPEED} (steps ${unit === 'per-frame' ? 'per frame' : 'per second'})`;
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
  optimizer: define<Optimizer>({
    url: 'optimizer',
    attribute: 'optimizer',
    ...training('optimizer'),
    ...choice('optimiser', OPTIMIZERS),
  }),
  momentum: define({
    url: 'momentum',
    attribute: 'momentum',
    ...training('momentum'),
    ...number('momentum β', LIMITS.momentum),
  }),
  beta1: define({ url: 'beta1', attribute: 'beta1', ...training('beta1'), ...number('Adam β₁', LIMITS.momentum) }),
  beta2: define({ url: 'beta2', attribute: 'beta2', ...training('beta2'), ...number('Adam β₂', LIMITS.beta2) }),
  epsilon: define({
    url: 'epsilon',
    attribute: 'epsilon',
    ...training('epsilon'),
    ...number('Adam ε', LIMITS.epsilon),
  }),
  race: define<readonly Racer[]>({
    label: 'race',
    url: 'race',
    attribute: 'race',
    ...training('race'),
    check: checkRaceSetting,
    parse: parseRace,
    format: formatRace,
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
      // Whatever number came with it means nothing as fast as possible.
      if (unit === 'fastest') return FASTEST_SPEED;
      const label = speedLabel(unit);
      return { unit, value: checkNumber(label, speed.value, SPEED_LIMITS[unit], unit === 'per-frame') };
    },
    parse: (t) => {
      if (t === FASTEST_TEXT) return FASTEST_SPEED;
      const match = /^([^/]+)\/(s|frame)$/.exec(t);
      if (!match)
        throw new SettingError(
          `${SPEED} must be written as steps per second ("4/s"), per frame ("5/frame") or "${FASTEST_TEXT}" (as fast as possible), got ${shown(t)}`,
        );
      return { value: textNumber(match[1] as string), unit: match[2] === 's' ? 'per-second' : 'per-frame' };
    },
    format: (v) => (v.unit === 'fastest' ? FASTEST_TEXT : `${v.value}/${v.unit === 'per-second' ? 's' : 'frame'}`),
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
