/**
 * The model file on its own: what exportModel writes from a session's state,
 * what parseModel accepts back (everything through the settings table) and
 * refuses (naming the field), and the history as CSV. The controller's test
 * loads a file into a running page; this one holds the file's rules.
 */
import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { DEFAULT_PLAYGROUND, type PlaygroundSettings } from '../settings/playground-settings';
import { SettingError } from '../settings/settings';
import { applyChange } from '../settings/settings-change';
import { formatCount } from '../text/format';
import { RESTORE, restoreDrawn } from '../text/messages';
import type { HistoryEntry } from './history';
import {
  type ExportedModel,
  exportModel,
  historyCsv,
  MODEL_FORMAT,
  MODEL_VERSION,
  modelLoaded,
  modelMismatch,
  parseModel,
} from './model-file';
import { MAX_ITERATION, PARAMETER_LIMIT } from './run-limits';
import { TrainingSession } from './training-session';

/** A session on the tutorial's data, trained four steps, and its model file. */
async function trained(settings: PlaygroundSettings = DEFAULT_PLAYGROUND, custom = false) {
  const session = new TrainingSession(new CpuEngine(), tutorialDataset(), settings.training);
  await session.ready;
  await session.step(4);
  const { run } = session;
  if (run === undefined) throw new Error('the session has no run');
  return { session, model: exportModel(session.state, run, settings, custom) };
}

/** parseModel of the model with some fields replaced. */
function parseWith(model: ExportedModel, patch: Record<string, unknown>): () => ExportedModel {
  return () => parseModel({ ...model, ...patch });
}

describe('exportModel', () => {
  it('writes the weights, the iteration, the measures, every setting, the data and the engine', async () => {
    const { session, model } = await trained();
    const { state } = session;
    expect(model).toEqual({
      format: 'logistic-playground-model',
      version: 1,
      weights: state.weights,
      bias: 0,
      iteration: 4,
      cost: state.cost,
      accuracy: state.accuracy,
      settings: DEFAULT_PLAYGROUND,
      data: { samples: 40, class0: 20, class1: 20, source: 'tutorial', restore: RESTORE.tutorial },
      engine: 'cpu',
    });
    expect(model.cost).toBeGreaterThan(0);
    expect(model.accuracy).toBeGreaterThan(0.5);
  });

  it('carries the optimiser’s state where the rule has one, and a loaded model goes on exactly as the run would', async () => {
    const adam = applyChange(DEFAULT_PLAYGROUND, { training: { optimizer: 'adam', learningRate: 0.3 } });
    const { session, model } = await trained(adam);
    expect(model.optimizerState?.steps).toBe(4);
    expect(model.optimizerState?.second.w.every((s) => s > 0)).toBe(true);
    const read = parseModel(JSON.parse(JSON.stringify(model)));
    expect(read.optimizerState).toEqual(model.optimizerState);
    const loaded = new TrainingSession(new CpuEngine(), tutorialDataset(), read.settings.training);
    await loaded.ready;
    await loaded.setWeights({ w: [...read.weights], b: read.bias }, read.iteration, read.optimizerState);
    await Promise.all([session.step(3), loaded.step(3)]);
    expect(loaded.state.weights).toEqual(session.state.weights);
    // From a zero state the same weights go elsewhere: the state is what made them equal.
    const fresh = new TrainingSession(new CpuEngine(), tutorialDataset(), read.settings.training);
    await fresh.ready;
    await fresh.setWeights({ w: [...read.weights], b: read.bias }, read.iteration);
    await fresh.step(3);
    expect(fresh.state.weights).not.toEqual(session.state.weights);
    // Gradient descent and Newton carry nothing but a count: their files hold no state.
    expect((await trained()).model.optimizerState).toBeUndefined();
  });

  it('says where the data came from and how to have them back', async () => {
    const gaussians: PlaygroundSettings = {
      ...DEFAULT_PLAYGROUND,
      preset: 'gaussians',
      gaussians: { ...DEFAULT_PLAYGROUND.gaussians, seed: 4 },
    };
    expect((await trained(gaussians)).model.data).toMatchObject({
      source: 'gaussians',
      restore: restoreDrawn('Two Gaussians', 4),
    });
    expect((await trained(gaussians, true)).model.data).toMatchObject({ source: 'custom', restore: RESTORE.custom });
  });

  it('counts each class of the data it was trained on', async () => {
    const data = datasetFromRows([
      [0, 1, 0],
      [1, 0, 1],
      [2, 2, 1],
    ]);
    const session = new TrainingSession(new CpuEngine(), data, DEFAULT_PLAYGROUND.training);
    await session.ready;
    const run = session.run;
    if (run === undefined) throw new Error('the session has no run');
    expect(exportModel(session.state, run, DEFAULT_PLAYGROUND, true).data).toMatchObject({
      samples: 3,
      class0: 1,
      class1: 2,
    });
  });
});

describe('parseModel', () => {
  it('reads back what exportModel wrote, as an object or as its JSON', async () => {
    const { model } = await trained();
    expect(parseModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
    expect(parseModel(JSON.stringify(model))).toEqual(model);
  });

  it('puts every setting through the settings table, keeping the defaults for parts left out', async () => {
    const { model } = await trained();
    const read = parseModel({
      ...model,
      settings: {
        preset: 'gaussians',
        gaussians: { perClass: 10, seed: 9 },
        training: { learningRate: 0.01, bias: true },
        speed: { value: 2 },
      },
      bias: 0.5,
    });
    expect(read.settings).toEqual({
      preset: 'gaussians',
      gaussians: { ...DEFAULT_PLAYGROUND.gaussians, perClass: 10, seed: 9 },
      training: { ...DEFAULT_PLAYGROUND.training, learningRate: 0.01, bias: true },
      speed: { ...DEFAULT_PLAYGROUND.speed, value: 2 },
    });
    expect(read.bias).toBe(0.5);
    expect(parseModel({ ...model, settings: {} }).settings).toEqual(DEFAULT_PLAYGROUND);
  });

  it('keeps a bias only when the settings train one', async () => {
    const { model } = await trained();
    expect(parseModel({ ...model, bias: 3 }).bias).toBe(0);
    const withBias = { ...model, settings: { training: { bias: true } } };
    expect(parseModel({ ...withBias, bias: 3 }).bias).toBe(3);
    expect(parseModel({ ...withBias, bias: undefined }).bias).toBe(0);
    expect(parseWith(withBias as ExportedModel, { bias: 'x' })).toThrow(
      `the model's bias must be a finite number, got "x"`,
    );
    expect(parseWith(withBias as ExportedModel, { bias: -2 * PARAMETER_LIMIT })).toThrow(
      `the model's bias must be between -1e+17 and 1e+17`,
    );
  });

  it('refuses an optimiser’s state that does not fit the model, naming the field', async () => {
    const adam = applyChange(DEFAULT_PLAYGROUND, { training: { optimizer: 'adam' } });
    const { model } = await trained(adam);
    const state = model.optimizerState!;
    expect(parseWith(model, { optimizerState: { ...state, first: { w: [1], b: 0 } } })).toThrow(
      "the model's optimizerState.first.w must be 2 numbers, one per feature, got [1]",
    );
    expect(parseWith(model, { optimizerState: { ...state, second: { w: [1, 'x'], b: 0 } } })).toThrow(
      `the model's optimizerState.second.w[1] must be a finite number, got "x"`,
    );
    expect(parseWith(model, { optimizerState: { ...state, steps: -1 } })).toThrow(
      `the model's optimizerState.steps must be a whole number`,
    );
    expect(parseWith(model, { optimizerState: 3 })).toThrow(`the model's optimizerState must be an object, got 3`);
  });

  it('fills what a hand-written file leaves out', async () => {
    const { model } = await trained();
    const read = parseModel({ format: MODEL_FORMAT, version: MODEL_VERSION, weights: [1, 2], settings: {} });
    expect(read).toEqual({
      ...model,
      weights: [1, 2],
      bias: 0,
      iteration: 0,
      cost: Number.NaN,
      accuracy: Number.NaN,
      data: { samples: 0, class0: 0, class1: 0, source: 'custom', restore: RESTORE.custom },
      engine: 'cpu',
    });
  });

  it('reads the data source and the engine it knows, and no other', async () => {
    const { model } = await trained();
    expect(parseModel({ ...model, engine: 'gpu' }).engine).toBe('gpu');
    expect(parseModel({ ...model, engine: 'tpu' }).engine).toBe('cpu');
    for (const source of ['tutorial', 'gaussians'] as const) {
      expect(parseModel({ ...model, data: { ...model.data, source } }).data.source).toBe(source);
    }
    expect(parseModel({ ...model, data: { ...model.data, source: 'moon' } }).data).toMatchObject({
      source: 'custom',
      restore: RESTORE.custom,
    });
    // What the file says of its data is written again from the source, whatever the file claims.
    expect(parseModel({ ...model, data: { ...model.data, restore: 'trust me' } }).data.restore).toBe(RESTORE.tutorial);
  });

  it('takes the counts and parameters up to their limits and no further', async () => {
    const { model } = await trained();
    expect(parseModel({ ...model, iteration: MAX_ITERATION }).iteration).toBe(MAX_ITERATION);
    expect(parseWith(model, { iteration: MAX_ITERATION + 1 })).toThrow(
      `the model's iteration must be a whole number from 0 to ${formatCount(MAX_ITERATION)}, got ${MAX_ITERATION + 1}`,
    );
    expect(parseWith(model, { iteration: 2.5 })).toThrow("the model's iteration must be a whole number");
    expect(parseWith(model, { iteration: -1 })).toThrow("the model's iteration must be a whole number");
    expect(parseModel({ ...model, iteration: 0 }).iteration).toBe(0);
    expect(parseModel({ ...model, weights: [PARAMETER_LIMIT, -PARAMETER_LIMIT] }).weights).toEqual([
      PARAMETER_LIMIT,
      -PARAMETER_LIMIT,
    ]);
    expect(parseWith(model, { weights: [PARAMETER_LIMIT * 1.5, 0] })).toThrow(
      `the model's w1 must be between -1e+17 and 1e+17, got ${PARAMETER_LIMIT * 1.5}`,
    );
    expect(parseWith(model, { weights: [0, -PARAMETER_LIMIT * 1.5] })).toThrow("the model's w2 must be between");
    for (const field of ['samples', 'class0', 'class1'] as const) {
      expect(parseWith(model, { data: { ...model.data, [field]: -3 } })).toThrow(
        `the model's data.${field} must be a whole number from 0 to ${formatCount(Number.MAX_SAFE_INTEGER)}, got -3`,
      );
      expect(parseModel({ ...model, data: { ...model.data, [field]: 7 } }).data[field]).toBe(7);
    }
  });

  it('refuses what it cannot vouch for, naming the field', async () => {
    const { model } = await trained();
    expect(parseWith(model, { weights: [1, Number.NaN] })).toThrow(
      "the model's w2 must be a finite number, got not a finite number",
    );
    expect(parseWith(model, { weights: ['1', 0] })).toThrow(`the model's w1 must be a finite number, got "1"`);
    for (const weights of [[1], [1, 2, 3], '1,2', { 0: 1, 1: 2, length: 2 }]) {
      expect(parseWith(model, { weights })).toThrow(
        "the model's weights must be 2 numbers [w1, w2], one per feature (x1, x2), got",
      );
    }
    expect(parseWith(model, { settings: undefined })).toThrow('the model has no settings object');
    expect(parseWith(model, { settings: [1] })).toThrow("the model's settings must be an object, got [1]");
    expect(parseWith(model, { settings: { ...model.settings, training: 'abc' } })).toThrow(
      `the model's training must be an object, got "abc"`,
    );
    expect(parseWith(model, { settings: { ...model.settings, gaussians: 5 } })).toThrow(
      "the model's gaussians must be an object",
    );
    expect(parseWith(model, { settings: { ...model.settings, speed: null } })).toThrow(
      "the model's speed must be an object, got null",
    );
    expect(parseWith(model, { settings: { ...model.settings, preset: 3 } })).toThrow(
      "the model's preset must be a name",
    );
    expect(parseWith(model, { settings: { ...model.settings, preset: 'moons' } })).toThrow(SettingError);
    expect(parseWith(model, { settings: { ...model.settings, colour: 'red' } })).toThrow(
      `the model's settings have no part "colour"`,
    );
    expect(parseWith(model, { settings: { ...model.settings, training: { learningRate: 99 } } })).toThrow(/η must be/);
    expect(parseWith(model, { data: 'x' })).toThrow(`the model's data must be an object, got "x"`);
    expect(parseWith(model, { format: 'other' })).toThrow(
      'this is not a model of this playground (format "other", expected "logistic-playground-model")',
    );
    expect(parseWith(model, { version: 2 })).toThrow("the model's version 2 is not one this page reads (1)");
    expect(parseWith(model, { version: '1' })).toThrow(`the model's version "1" is not one this page reads (1)`);
    expect(() => parseModel('{')).toThrow(/^the model file is not JSON: /);
    for (const notObject of [null, 3, [model], 'null']) {
      expect(() => parseModel(notObject)).toThrow('a model must be an object, as exportModel() returns it');
    }
    expect(() => parseModel('{')).toThrow(SettingError);
  });
});

describe('what the page says of a model', () => {
  it('holds a wider model whole: its features, λ and threshold, one weight per feature, and reads it back', async () => {
    const wide = applyChange(DEFAULT_PLAYGROUND, {
      preset: 'circle',
      gaussians: { noise: 0.25 },
      training: { features: ['x1', 'x2', 'x1^2', 'x2^2'], l2: 0.5, threshold: 0.6, bias: true, reduction: 'mean' },
    });
    const { model } = await trained(wide);
    expect(model.weights).toHaveLength(4);
    expect(model.settings.training).toMatchObject({ features: ['x1', 'x2', 'x1^2', 'x2^2'], l2: 0.5, threshold: 0.6 });
    expect(model.data.source).toBe('circle');
    expect(model.data.restore).toBe(restoreDrawn('Circle', wide.gaussians.seed));
    const back = parseModel(JSON.parse(JSON.stringify(model)));
    expect(back.weights).toEqual(model.weights);
    expect(back.settings).toEqual(wide);
    // Weights for other features than the file's settings name are refused, naming them.
    expect(parseWith(model, { weights: [1, 2] })).toThrow(
      "the model's weights must be 4 numbers [w1, w2, w3, w4], one per feature (x1, x2, x1^2, x2^2), got [1,2]",
    );
  });

  it('names the iteration it loaded at', async () => {
    expect(modelLoaded({ ...(await trained()).model, iteration: 1234 })).toBe(
      `Loaded the model at iteration ${formatCount(1234)}.`,
    );
  });

  it('warns when the data have another size than the model was trained on, in the singular for one', async () => {
    const { model } = await trained();
    expect(modelMismatch(model, 40)).toBe('');
    expect(modelMismatch(model, 41)).toBe(
      "The model loaded was trained on N = 40 points; these data have N = 41: its cost and accuracy here differ from its file's.",
    );
    expect(modelMismatch({ ...model, data: { ...model.data, samples: 1 } }, 40)).toMatch(
      /^The model loaded was trained on N = 1 point; these data have N = 40:/,
    );
  });
});

describe('historyCsv', () => {
  it('writes one row per iteration held, saying what each was measured on', () => {
    const entry = (iteration: number, measuredOn: HistoryEntry['measuredOn']): HistoryEntry => ({
      iteration,
      params: { w: [iteration + 0.5, -iteration], b: 0.25 },
      loss: 10 - iteration,
      accuracy: 0.5,
      measuredOn,
    });
    expect(historyCsv([entry(0, 'all'), entry(8, 'batch')])).toBe(
      'iteration,w1,w2,b,cost,accuracy,measured_on\n0,0.5,0,0.25,10,0.5,all\n8,8.5,-8,0.25,2,0.5,batch\n',
    );
    expect(historyCsv([])).toBe('iteration,w1,w2,b,cost,accuracy,measured_on\n');
  });
});
