/**
 * The quick fuzz pass over data and model files: CSV texts (through the
 * parser and through the controller, whose data must stay as they were on a
 * refusal), a link's data and model files, through the real parsers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlaygroundController } from '../controller/playground-controller';
import { CpuEngine } from '../engine/cpu-engine';
import { parseCsv } from '../model/csv';
import type { Dataset } from '../model/dataset';
import { coordinateInRange, SMALLEST_COORDINATE } from '../model/input-range';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { exportModel, parseModel } from '../session/model-file';
import { PARAMETER_LIMIT } from '../session/run-limits';
import { decodeLinkData } from '../settings/link-data';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { validateSettings } from '../settings/settings-schema';
import { csvText, MEMBER_NAMES, numberText, runs, seed, timeout } from './arbitraries';
import { expectFinite, expectRefusal, verdict } from './verdict';

/** Data as the engines may receive them: pairs of stored coordinates in range, labels 0 or 1, both classes. */
function expectValidData(data: Dataset): void {
  const n = data.targets.length;
  expect(data.points.length).toBe(2 * n);
  expect(data.points.every((v) => coordinateInRange(v) && (v === 0 || Math.abs(v) >= SMALLEST_COORDINATE))).toBe(true);
  expect(data.targets.every((t) => t === 0 || t === 1)).toBe(true);
  expect(data.targets.includes(0) && data.targets.includes(1)).toBe(true);
}

const bits = (d: Dataset) => [
  Array.from(new Uint8Array(d.points.buffer, 0, d.points.byteLength)),
  Array.from(d.targets),
];

describe('fuzz: CSV texts', () => {
  it(
    'give valid data or a CsvError naming a line that is there',
    () => {
      const mapping = fc.option(fc.record({ x1: fc.nat(4), x2: fc.nat(4), t: fc.nat(4), header: fc.boolean() }), {
        nil: undefined,
      });
      fc.assert(
        fc.property(csvText(), mapping, (text, map) => {
          const answer = verdict(() => parseCsv(text, map), [text]);
          if ('accepted' in answer) expectValidData(answer.accepted);
          else {
            const line = /^Line (\d+): /.exec(answer.refused)?.[1];
            if (line !== undefined) expect(Number(line)).toBeLessThanOrEqual(text.split(/\r\n|\n|\r/).length);
          }
        }),
        { numRuns: runs(1000), seed: seed() },
      );
    },
    timeout(),
  );

  it(
    'leave the page’s data as they were when refused, and replace them when accepted',
    async () => {
      const c = new PlaygroundController({ engine: new CpuEngine(), settings: DEFAULT_PLAYGROUND, budget: CPU_BUDGET });
      await c.ready();
      await fc.assert(
        fc.asyncProperty(csvText(), async (text) => {
          const before = bits(c.dataset);
          let refusal: unknown;
          await c.loadCsv(text, 'fuzz.csv').catch((error: unknown) => {
            refusal = error;
          });
          if (refusal === undefined) {
            expect(bits(c.dataset)).toEqual(bits(parseCsv(text)));
            expectValidData(c.dataset);
          } else {
            expectRefusal(refusal, [text]);
            expect(bits(c.dataset)).toEqual(before);
          }
          expectFinite(c.published?.state.weights);
        }),
        { numRuns: runs(40), seed: seed() },
      );
      await c.destroy();
    },
    timeout(),
  );
});

describe('fuzz: a link’s data', () => {
  it(
    'decode to valid data or say what is wrong, never anything else',
    async () => {
      const value = fc.oneof(
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
          maxLength: 300,
        }),
        fc.string({ maxLength: 60 }),
        csvText().map((text) => Buffer.from(text).toString('base64url')),
      );
      await fc.assert(
        fc.asyncProperty(value, async (text) => {
          try {
            expectValidData(await decodeLinkData(text));
          } catch (error) {
            expectRefusal(error, [text]);
          }
        }),
        { numRuns: runs(200), seed: seed() },
      );
    },
    timeout(),
  );
});

describe('fuzz: model files', () => {
  const valid = () => {
    const model = exportModel(
      {
        iteration: 3,
        weights: [1, -2],
        bias: 0.5,
        cost: 1,
        meanCost: 0.1,
        accuracy: 0.9,
        precision: 0.9,
        recall: 0.8,
        f1: 0.85,
        auc: 0.95,
        samples: 40,
        testSamples: 0,
        testCost: Number.NaN,
        testAccuracy: Number.NaN,
        testAuc: Number.NaN,
        engine: 'cpu',
      },
      { data: { points: new Float64Array([0, 0, 1, 1]), targets: new Uint8Array([0, 1]) }, history: [] } as never,
      DEFAULT_PLAYGROUND,
      false,
    );
    return JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
  };
  const junk: fc.Arbitrary<unknown> = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    numberText(),
    numberText().map(Number),
    fc.constantFrom(1e308, -1e308, 1e7, -0, 2 ** 53, Number.MAX_VALUE, 5e-324),
    fc.dictionary(fc.constantFrom(...MEMBER_NAMES), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  );
  /** A path into the model: a top-level field, or one inside its settings or data. */
  const path = fc.oneof(
    fc
      .constantFrom('format', 'version', 'weights', 'bias', 'iteration', 'cost', 'settings', 'data', 'engine')
      .map((k) => [k]),
    fc.tuple(fc.constantFrom('settings'), fc.constantFrom('preset', 'gaussians', 'training', 'speed', ...MEMBER_NAMES)),
    fc.tuple(
      fc.constantFrom('settings'),
      fc.constantFrom('training', 'gaussians', 'speed'),
      fc.constantFrom('learningRate', 'initialWeights', 'mean0', 'perClass', 'std', 'value', 'unit', ...MEMBER_NAMES),
    ),
    fc.tuple(
      fc.constantFrom('data', 'weights'),
      fc.constantFrom('samples', 'class0', 'source', '0', '1', ...MEMBER_NAMES),
    ),
  );
  const mutated = fc.array(fc.tuple(path, junk), { minLength: 1, maxLength: 4 }).map((changes) => {
    const model = valid();
    for (const [keys, value] of changes) {
      let at: Record<string, unknown> = model;
      for (const k of keys.slice(0, -1)) {
        const next = at[k];
        if (typeof next !== 'object' || next === null) break;
        at = next as Record<string, unknown>;
      }
      // Defined, not assigned: "__proto__" becomes an own key, as JSON.parse makes it. An array's length may refuse.
      const field = keys.at(-1) as string;
      if (!(Array.isArray(at) && field === 'length')) {
        Object.defineProperty(at, field, { value, enumerable: true, configurable: true, writable: true });
      }
    }
    return model;
  });

  it(
    'are read back checked or refused by a field’s name, from objects and from JSON text',
    () => {
      fc.assert(
        fc.property(fc.oneof(mutated, fc.string({ maxLength: 80 })), fc.boolean(), (model, asText) => {
          const input = asText && typeof model !== 'string' ? JSON.stringify(model) : model;
          const text = typeof input === 'string' ? input : JSON.stringify(input);
          try {
            const read = parseModel(input);
            expectFinite([read.weights, read.bias, read.iteration, read.settings, read.data]);
            expect(Math.max(...read.weights.map(Math.abs), Math.abs(read.bias))).toBeLessThanOrEqual(PARAMETER_LIMIT);
            expect(validateSettings(read.settings)).toEqual(read.settings);
          } catch (error) {
            expectRefusal(error, [text]);
          }
        }),
        { numRuns: runs(1000), seed: seed() },
      );
    },
    timeout(),
  );
});
