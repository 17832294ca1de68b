/**
 * What a script meets: every method that changes the element takes effect
 * in the order it was called, awaited or not; a step(n) is stopped only by a
 * reset, a pause, new data or a model asked for after it. And an element
 * moved elsewhere on the page (frameworks and slide decks reparent
 * elements) keeps its run.
 */
import { expect, mountPlayground, openPlayground, playgroundState, test } from './fixtures';

const CSV = 'x1,x2,t\n-1,0.5,0\n-2,-1,0\n0.25,1,0\n1,0.5,1\n2,-1,1\n1.5,2,1\n';

test('loadCsv(), then step(3) not awaited between: three steps on the new data, on every engine', async ({ page }) => {
  for (const engine of ['cpu', 'auto'] as const) {
    await mountPlayground(page, { engine });
    const state = await page.evaluate(async (csv) => {
      const el = document.querySelector('lp-playground');
      if (!el) throw new Error('no playground');
      void el.loadCsv(csv);
      await el.step(3);
      return { ...el.state, weights: [...el.state.weights] };
    }, CSV);
    expect(state, engine).toMatchObject({ iteration: 3, samples: 6 });
  }
});

test('loadCsv(), configure(), reset(), step(300) not awaited: each applies in turn', async ({ page }) => {
  await openPlayground(page);
  const state = await page.evaluate(async (csv) => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no playground');
    void el.loadCsv(csv);
    void el.configure({ initialWeights: [0, 0], learningRate: 0.1 });
    void el.reset();
    await el.step(300);
    return { ...el.state, weights: [...el.state.weights], eta: el.settings.training.learningRate };
  }, CSV);
  expect(state).toMatchObject({ iteration: 300, samples: 6, eta: 0.1 });
  expect(Math.hypot(...state.weights)).toBeGreaterThan(0.5);
});

test('every pair of methods called without await ends where the same two calls, awaited, end', async ({ page }) => {
  test.setTimeout(600_000);
  await openPlayground(page);
  const mismatches = await page.evaluate(async (csv) => {
    const model = {
      format: 'logistic-playground-model',
      version: 1,
      weights: [0.5, -0.25],
      bias: 0,
      iteration: 7,
      settings: { training: { learningRate: 0.2 } },
      data: { samples: 6, class0: 3, class1: 3, source: 'custom' },
    };
    type El = HTMLElementTagNameMap['lp-model'];
    const methods: Record<string, (el: El) => Promise<void> | void> = {
      step: (el) => el.step(3),
      reset: (el) => el.reset(),
      configure: (el) => el.configure({ learningRate: 0.1 }),
      restart: (el) => el.configure({ initialWeights: [1, -1] }),
      change: (el) => el.change({ preset: 'gaussians', gaussians: { perClass: 15 } }),
      loadCsv: (el) => el.loadCsv(csv),
      loadModel: (el) => el.loadModel(model),
      undo: (el) => el.undo(),
      redo: (el) => el.redo(),
      pause: (el) => el.pause(),
    };
    const fresh = async (): Promise<El> => {
      const el = document.createElement('lp-model');
      el.setAttribute('engine', 'cpu');
      el.setAttribute('no-shortcuts', '');
      document.body.append(el);
      await el.ready;
      // Something to undo, and data that differ from every other call's.
      await el.loadCsv('x1,x2,t\n0,0,0\n1,1,1\n3,-1,1\n-2,2,0\n');
      await el.step(2);
      return el;
    };
    const seen = async (el: El) => {
      await el.step(0);
      const out = JSON.stringify({ state: el.state, settings: el.settings, csv: el.exportCsv() });
      el.remove();
      return out;
    };
    const wrong: string[] = [];
    const names = Object.keys(methods);
    for (const a of names) {
      for (const b of names) {
        const first = methods[a] as (el: El) => Promise<void> | void;
        const second = methods[b] as (el: El) => Promise<void> | void;
        const together = await fresh();
        await Promise.allSettled([first(together), second(together)]);
        const got = await seen(together);
        const oneByOne = await fresh();
        // A pause stops a step(n) asked for before it: called at once, that step is never begun.
        if (!(a === 'step' && b === 'pause')) await Promise.resolve(first(oneByOne)).catch(() => undefined);
        await Promise.resolve(second(oneByOne)).catch(() => undefined);
        const want = await seen(oneByOne);
        if (got !== want) wrong.push(`${a}; ${b}: got ${got}, want ${want}`);
      }
    }
    return wrong;
  }, CSV);
  expect(mismatches).toEqual([]);
});

test('moved to another parent while playing, the run goes on: weights, iteration, history and Play kept', async ({
  page,
}) => {
  await openPlayground(page);
  const moved = await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no playground');
    await el.step(7);
    const before = { ...el.state, weights: [...el.state.weights] };
    el.play();
    const other = document.createElement('div');
    document.body.append(other);
    other.appendChild(el);
    // A few frames in the new place.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    return { before, after: { ...el.state, weights: [...el.state.weights] }, playing: el.playing };
  });
  expect(moved.before.iteration).toBe(7);
  expect(moved.after.iteration).toBeGreaterThan(7);
  expect(moved.playing).toBe(true);
  // The loss chart still draws the history from iteration 0.
  await expect(page.locator('lp-loss-chart circle.cost-dot[data-iteration="0"]')).toHaveCount(1);
  await page.evaluate(() => document.querySelector('lp-playground')?.pause());
  expect((await playgroundState(page)).iteration).toBeGreaterThan(7);
});
