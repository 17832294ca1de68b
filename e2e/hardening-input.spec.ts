/**
 * The input range, in the browser: data at the edges of what a coordinate
 * may be (±1e9, the smallest normal float32, subnormals read as 0, −0) give
 * the same training on the GPU and the CPU engine, with no NaN; data beyond
 * it are refused by line and range and the data stay; a field of 100 000
 * digits is refused at once; a number attribute reads numbers as every other
 * door does. After each, the tutorial's w(10) is still what ten steps give.
 */
import type { Page } from '@playwright/test';
import type { TrainingState } from '../src/session/training-session';
import { expect, expectTutorialW10, mountPlayground, openPlayground, playgroundState, test } from './fixtures';

/** Rows as CSV text under the header x1,x2,t. */
const csv = (rows: readonly string[]) => `x1,x2,t\n${rows.join('\n')}\n`;

const EDGE_CASES: Record<string, string> = {
  'the largest coordinates, ±1e9': csv([
    '1e9,1e9,1',
    '-1e9,-1e9,0',
    '1e9,-5e8,1',
    '-1e9,5e8,0',
    '3e8,7e8,1',
    '-3e8,-7e8,0',
    '0,1000000000,1',
    '-1000000000.0,0,0',
  ]),
  'the smallest normal float32, subnormals and −0': csv([
    '1,1,1',
    '-1,-1,0',
    '2,1.5,1',
    '-1.5,-2,0',
    '3e-38,3e-38,1',
    '-3e-38,-3e-38,0',
    '1.1754943508222875e-38,1.1754943508222875e-38,1',
    '5e-324,5e-324,1',
    '-5e-324,-1e-40,0',
    '-0,-0,1',
    '0,-0.0,0',
  ]),
  'only subnormals: the GPU once saw zeros where the CPU saw numbers': csv([
    '5e-324,5e-324,1',
    '-5e-324,-5e-324,0',
    '1e-40,2e-45,1',
    '-1e-40,-2e-45,0',
  ]),
  'ordinary data written with −0 and a real minus': csv(['0.5,1,0', '−1,2.5,1', '-0,3,1', '2,−0,0', '1.5,-1,0']),
};

const SETTINGS = {
  "the tutorial's (summed, no bias)": {},
  'mean cost with a bias': { reduction: 'mean', bias: true, learningRate: 0.5 },
} as const;

type Outcome = Pick<TrainingState, 'iteration' | 'weights' | 'bias' | 'cost' | 'meanCost' | 'accuracy' | 'samples'>;

/** Every case under every setting on one engine: load, step(10), the state. */
async function runAll(page: Page): Promise<Record<string, Outcome>> {
  return page.evaluate(
    async ({ cases, settings }) => {
      const pg = document.querySelector('lp-playground');
      if (!pg) throw new Error('no <lp-playground>');
      const out: Record<string, Outcome> = {};
      for (const [setting, options] of Object.entries(settings)) {
        await pg.configure({ learningRate: 0.05, bias: false, reduction: 'sum', ...options });
        for (const [name, text] of Object.entries(cases)) {
          await pg.loadCsv(text, name);
          await pg.step(10);
          const { iteration, weights, bias, cost, meanCost, accuracy, samples } = pg.state;
          out[`${name}, ${setting}`] = { iteration, weights: [...weights], bias, cost, meanCost, accuracy, samples };
        }
      }
      return out;
    },
    { cases: EDGE_CASES, settings: SETTINGS as Record<string, object> },
  );
}

/** Close in relative terms (float32 against float64), or both tiny. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));
}

test('the GPU and the CPU engine agree at the edges of the input range, with no NaN', async ({ page }) => {
  test.setTimeout(300_000);
  await mountPlayground(page, { engine: 'gpu' });
  expect((await playgroundState(page)).engine).toBe('gpu');
  const gpu = await runAll(page);
  await expectTutorialW10(page);
  await mountPlayground(page, { engine: 'cpu' });
  const cpu = await runAll(page);
  await expectTutorialW10(page);

  expect(Object.keys(gpu)).toEqual(Object.keys(cpu));
  for (const [name, g] of Object.entries(gpu)) {
    const c = cpu[name] as Outcome;
    const numbers = [...g.weights, g.bias, g.cost, g.meanCost, g.accuracy, ...c.weights, c.bias, c.cost, c.accuracy];
    expect(numbers.every(Number.isFinite), `${name}: ${JSON.stringify({ g, c })}`).toBe(true);
    // Both stop at the same step: the tenth, or at ±1e9 the first, where a weight passes 1e6.
    expect(g.iteration, name).toBe(c.iteration);
    expect(g.iteration, name).toBe(name.startsWith('the largest coordinates') ? 1 : 10);
    expect(g.samples, name).toBe(c.samples);
    expect(g.accuracy, `${name}: accuracy`).toBe(c.accuracy);
    for (const [k, a, b] of [
      ['w1', g.weights[0], c.weights[0]],
      ['w2', g.weights[1], c.weights[1]],
      ['b', g.bias, c.bias],
      ['cost', g.cost, c.cost],
    ] as const) {
      expect(close(a as number, b as number), `${name}: ${k} ${a} (GPU) against ${b} (CPU)`).toBe(true);
    }
  }
});

test('a coordinate beyond the range is refused by line and range, and the data stay', async ({ page }) => {
  await openPlayground(page);
  const outcome = await page.evaluate(async () => {
    const pg = document.querySelector('lp-playground');
    if (!pg) throw new Error('no <lp-playground>');
    const before = pg.exportCsv();
    const messages: string[] = [];
    for (const text of [
      'x1,x2,t\n0,0,0\n1e39,1,1\n',
      'x1,x2,t\n0,0,0\n1,-1.7976931348623157e308,1\n',
      `x1,x2,t\n0,0,0\n${'1'.repeat(100_000)}z,1,1\n`,
    ]) {
      await pg.loadCsv(text).catch((error: Error) => messages.push(error.message));
    }
    return { messages, kept: pg.exportCsv() === before, samples: pg.state.samples };
  });
  expect(outcome.messages).toEqual([
    'Line 3: x1 is out of range: "1e39" (coordinates must lie within ±1e9)',
    'Line 3: x2 is out of range: "-1.7976931348623157e308" (coordinates must lie within ±1e9)',
    `Line 3: x1 is too long: "${'1'.repeat(24)}…" (a number has at most 100 characters)`,
  ]);
  expect(outcome.kept).toBe(true);
  expect(outcome.samples).toBe(40);
  await expectTutorialW10(page);
});

test('a figure’s number attribute reads numbers as links, fields and CSV files do', async ({ page }) => {
  await page.goto('/lecture.html');
  await page.waitForFunction(() => customElements.get('lp-logistic-figure') !== undefined);
  await page.evaluate(() => {
    const figure = document.createElement('lp-logistic-figure');
    figure.id = 'hex';
    figure.setAttribute('z', '0x10');
    document.body.append(figure);
  });
  const figure = page.locator('#hex');
  await expect(figure.locator('.correction')).toHaveText('z must be a number in −6.000 … 6.000; showing z = 0.0000.');
  await figure.evaluate((el) => el.setAttribute('z', '−1.5'));
  await expect(figure.locator('.correction')).toHaveCount(0);
  expect(await figure.evaluate((el) => (el as HTMLElement & { z: number }).z)).toBe(-1.5);
});
