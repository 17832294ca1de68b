/**
 * The model as a file: the weights, the bias and the iteration they were
 * reached at, every setting, what the data were (their size, class counts,
 * source, and in words how to have them back) and the engine. It never holds
 * the points themselves: a preset's are drawn again from the settings,
 * custom ones come back from their CSV. `exportModel` writes it;
 * `parseModel` reads it back from JSON a user may have edited, refusing
 * anything it cannot vouch for with a message naming the field.
 */
import type { EngineKind } from '../contract/engine';
import { classCounts } from '../model/data-summary';
import type { Feature } from '../model/features';
import { carriesState, type OptimizerState } from '../model/optimizers';
import type { Params } from '../model/regression';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings, type Preset } from '../settings/playground-settings';
import { SettingError } from '../settings/settings';
import { applyChange } from '../settings/settings-change';
import { PRESET_NAMES, PRESETS } from '../settings/settings-schema';
import { isFiniteNumber, shown } from '../settings/value-checks';
import { formatCount } from '../text/format';
import { modelLoadedStatus, modelMismatchNotice, RESTORE, restoreDrawn } from '../text/messages';
import { quote } from '../text/quote';
import type { HistoryEntry } from './history';
import { MAX_ITERATION, PARAMETER_LIMIT } from './run-limits';
import type { Run, TrainingState } from './training-session';

export const MODEL_FORMAT = 'logistic-playground-model';
export const MODEL_VERSION = 1;

export interface ModelData {
  readonly samples: number;
  readonly class0: number;
  readonly class1: number;
  /** The preset that drew them, or 'custom' (a file, a link, edits): then only the data's own CSV brings them back. */
  readonly source: Preset | 'custom';
  /** How to have these data again, in words, for whoever opens the file (written from `source`, never read). */
  readonly restore: string;
}

/** What a model file says about having its data again. */
function restoreText(source: ModelData['source'], settings: PlaygroundSettings): string {
  if (source === 'tutorial' || source === 'custom') return RESTORE[source];
  return restoreDrawn(PRESET_NAMES[source], settings.gaussians.seed);
}

export interface ExportedModel {
  readonly format: typeof MODEL_FORMAT;
  readonly version: typeof MODEL_VERSION;
  readonly weights: readonly number[];
  readonly bias: number;
  readonly iteration: number;
  /**
   * The optimiser's state at these weights (velocity, Adam's moments, its step count), so that a loaded
   * model goes on as this run would have; absent where it is zero, as at w(0), or where the rule carries
   * none (gradient descent, Newton).
   */
  readonly optimizerState?: OptimizerState;
  /** Measured at these weights on the data below, under settings.training.reduction. */
  readonly cost: number;
  readonly accuracy: number;
  readonly settings: PlaygroundSettings;
  readonly data: ModelData;
  readonly engine: EngineKind;
}

export function exportModel(
  state: TrainingState,
  run: Run,
  settings: PlaygroundSettings,
  custom: boolean,
): ExportedModel {
  const [class0, class1] = classCounts(run.data);
  const source = custom ? 'custom' : settings.preset;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    weights: state.weights,
    bias: state.bias,
    iteration: state.iteration,
    ...(run.optimizer && carriesState(settings.training.optimizer) ? { optimizerState: run.optimizer } : {}),
    cost: state.cost,
    accuracy: state.accuracy,
    settings,
    data: { samples: state.samples, class0, class1, source, restore: restoreText(source, settings) },
    engine: state.engine,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function finite(value: unknown, field: string): number {
  if (isFiniteNumber(value)) return value;
  throw new SettingError(`the model's ${field} must be a finite number, got ${shown(value)}`);
}

/** A weight or a bias: finite, and no larger than any run reaches (run-limits.ts), so every saved model loads. */
function parameter(value: unknown, field: string): number {
  const v = finite(value, field);
  if (Math.abs(v) > PARAMETER_LIMIT) {
    const limit = PARAMETER_LIMIT.toExponential(0);
    throw new SettingError(`the model's ${field} must be between -${limit} and ${limit}, got ${v}`);
  }
  return v;
}

/** The weights, one per feature of the model's settings, each within the limit. */
function modelWeights(value: unknown, features: readonly Feature[]): number[] {
  const d = features.length;
  if (!Array.isArray(value) || value.length !== d) {
    const names = Array.from({ length: d }, (_, j) => `w${j + 1}`).join(', ');
    throw new SettingError(
      `the model's weights must be ${d} numbers [${names}], one per feature (${features.join(', ')}), got ${shown(value)}`,
    );
  }
  return value.map((w, j) => parameter(w, `w${j + 1}`));
}

/** The optimiser's state: its step count, and v (or m) and s as {w, b}, one w per feature. */
function optimizerState(value: unknown, features: readonly Feature[]): OptimizerState | undefined {
  const given = part(value, 'optimizerState');
  if (!given) return undefined;
  const d = features.length;
  const params = (field: 'first' | 'second'): Params => {
    const p = part(given[field], `optimizerState.${field}`) ?? {};
    if (!Array.isArray(p.w) || p.w.length !== d) {
      throw new SettingError(
        `the model's optimizerState.${field}.w must be ${d} numbers, one per feature, got ${shown(p.w)}`,
      );
    }
    return {
      w: p.w.map((v, j) => finite(v, `optimizerState.${field}.w[${j}]`)),
      b: finite(p.b ?? 0, `optimizerState.${field}.b`),
    };
  };
  return {
    steps: count(given.steps ?? 0, 'optimizerState.steps', MAX_ITERATION),
    first: params('first'),
    second: params('second'),
  };
}

function count(value: unknown, field: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = finite(value, field);
  if (!Number.isSafeInteger(n) || n < 0 || n > max) {
    throw new SettingError(`the model's ${field} must be a whole number from 0 to ${formatCount(max)}, got ${n}`);
  }
  return n;
}

/** A part of the model that must be an object when it is there at all. */
function part(value: unknown, field: string): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    throw new SettingError(`the model's ${field} must be an object, got ${shown(value)}`);
  }
  return value;
}

const SETTINGS_PARTS = ['preset', 'gaussians', 'training', 'speed'];

/** Reads a model file's object (or its JSON text); a SettingError names the first field it cannot accept. */
export function parseModel(input: unknown): ExportedModel {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new SettingError(`the model file is not JSON: ${(error as Error).message}`);
    }
  }
  if (!isObject(value)) throw new SettingError('a model must be an object, as exportModel() returns it');
  if (value.format !== MODEL_FORMAT) {
    throw new SettingError(
      `this is not a model of this playground (format ${shown(value.format)}, expected "${MODEL_FORMAT}")`,
    );
  }
  if (value.version !== MODEL_VERSION) {
    throw new SettingError(`the model's version ${shown(value.version)} is not one this page reads (${MODEL_VERSION})`);
  }
  const given = part(value.settings, 'settings');
  if (!given) throw new SettingError('the model has no settings object');
  const unknown = Object.keys(given).find((key) => !SETTINGS_PARTS.includes(key));
  if (unknown !== undefined) throw new SettingError(`the model's settings have no part ${quote(unknown)}`);
  const { preset } = given;
  if (preset !== undefined && typeof preset !== 'string') throw new SettingError("the model's preset must be a name");
  const gaussians = part(given.gaussians, 'gaussians');
  const training = part(given.training, 'training');
  const speed = part(given.speed, 'speed');
  // Every setting goes through the settings table: what a link or a field refuses, a file cannot set.
  // A part left out is undefined here, which applyChange leaves as it was.
  const settings = applyChange(DEFAULT_PLAYGROUND, {
    preset: preset as PlaygroundSettings['preset'] | undefined,
    gaussians,
    training,
    speed,
  });
  const weights = modelWeights(value.weights, settings.training.features);
  const optimizer = optimizerState(value.optimizerState, settings.training.features);
  const data = part(value.data, 'data') ?? {};
  const source = PRESETS.find((p) => p === data.source) ?? 'custom';
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    weights,
    bias: settings.training.bias ? parameter(value.bias ?? 0, 'bias') : 0,
    iteration: count(value.iteration ?? 0, 'iteration', MAX_ITERATION),
    ...(optimizer ? { optimizerState: optimizer } : {}),
    cost: typeof value.cost === 'number' ? value.cost : Number.NaN,
    accuracy: typeof value.accuracy === 'number' ? value.accuracy : Number.NaN,
    settings,
    data: {
      samples: count(data.samples ?? 0, 'data.samples'),
      class0: count(data.class0 ?? 0, 'data.class0'),
      class1: count(data.class1 ?? 0, 'data.class1'),
      source,
      restore: restoreText(source, settings),
    },
    engine: value.engine === 'gpu' ? 'gpu' : 'cpu',
  };
}

/** What the page says once a model is loaded. */
export function modelLoaded(model: ExportedModel): string {
  return modelLoadedStatus(model.iteration);
}

/** What the page warns of when a model meets data of another size than its own ('' when they match). */
export function modelMismatch(model: ExportedModel, n: number): string {
  const trained = model.data.samples;
  if (trained === n) return '';
  return modelMismatchNotice(trained, n);
}

/**
 * The cost and accuracy at every iteration the history holds, as CSV
 * (thinned runs skip iterations), each row saying what they were measured
 * on: `all` the data, or one mini-`batch`.
 */
export function historyCsv(history: readonly HistoryEntry[]): string {
  const width = history[0]?.params.w.length ?? 2;
  const weights = Array.from({ length: width }, (_, j) => `w${j + 1}`);
  const rows = [['iteration', ...weights, 'b', 'cost', 'accuracy', 'measured_on'].join(',')];
  for (const e of history) {
    rows.push([e.iteration, ...e.params.w, e.params.b, e.loss, e.accuracy, e.measuredOn].join(','));
  }
  return `${rows.join('\n')}\n`;
}
