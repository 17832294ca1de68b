import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { CPU_BUDGET } from '../session/cost-surface-job';
import { DEFAULT_PLAYGROUND } from '../settings/playground-settings';
import { applyChange } from '../settings/settings-change';
import { PlaygroundController } from './playground-controller';

async function controller(settings = DEFAULT_PLAYGROUND): Promise<PlaygroundController> {
  const c = new PlaygroundController({ engine: new CpuEngine(), settings, budget: CPU_BUDGET });
  await c.ready();
  return c;
}

function view(c: PlaygroundController) {
  const v = c.published;
  if (!v) throw new Error('no view yet');
  return v;
}

describe('PlaygroundController', () => {
  it('starts on the tutorial with every grid ready', async () => {
    const c = await controller();
    const v = view(c);
    expect(v.run.data.targets.length).toBe(40);
    expect(v.probabilities?.values.length).toBe(64 * 64);
    expect(v.surface?.window.x).toEqual([-5, 5]);
    expect(v.surface?.current).toBe(true);
    expect(v.surface?.image?.values.length).toBe(96 * 96);
    expect(v.stepAdvice).toBeUndefined();
  });

  it('plays at the chosen speed and pauses', async () => {
    const c = await controller(applyChange(DEFAULT_PLAYGROUND, { speed: { unit: 'per-frame', value: 2 } }));
    c.play();
    await c.frame(0);
    await c.frame(16);
    expect(view(c).state.iteration).toBe(4);
    c.pause();
    await c.frame(32);
    expect(view(c).state.iteration).toBe(4);
  });

  it('keeps the weights on a learning-rate change and resets on a bias change, saying so', async () => {
    const c = await controller();
    await c.step(3);
    await c.change({ training: { learningRate: 0.01 } });
    expect(view(c).state.iteration).toBe(3);
    expect(view(c).status).toMatch(/from the next step on; the weights stay/);
    await c.change({ training: { bias: true } });
    expect(view(c).state.iteration).toBe(0);
    expect(view(c).status).toMatch(/starts again from w\(0\)/);
  });

  it('says what it did last: a step after a change is news the change is not', async () => {
    const c = await controller();
    await c.change({ training: { learningRate: 0.1 } });
    expect(view(c).status).toBe('Applied from the next step on; the weights stay.');
    await c.step(1);
    expect(view(c).status).toBe('One step taken: iteration 1.');
    await c.step(10);
    expect(view(c).status).toBe('10 steps taken: iteration 11.');
    // Waiting for the queue is not an action.
    await c.step(0);
    expect(view(c).status).toBe('10 steps taken: iteration 11.');
    c.play();
    expect(view(c).status).toBe('Playing: Space or Pause stops it.');
    await c.frame(0);
    c.pause();
    expect(view(c).status).toMatch(/^Paused at iteration \d+\.$/);
  });

  it('regenerates data on a data change and resets', async () => {
    const c = await controller();
    await c.step(2);
    await c.change({ preset: 'gaussians', gaussians: { perClass: 30 } });
    expect(view(c).run.data.targets.length).toBe(60);
    expect(view(c).state.iteration).toBe(0);
    const before = Array.from(view(c).run.data.points);
    await c.regenerate();
    expect(c.settings.gaussians.seed).toBe(DEFAULT_PLAYGROUND.gaussians.seed + 1);
    expect(Array.from(view(c).run.data.points)).not.toEqual(before);
  });

  it('drops data that a later choice overtook', async () => {
    const c = await controller();
    const slow = c.change({ preset: 'gaussians', gaussians: { perClass: 200_000 } });
    const back = c.change({ preset: 'tutorial' });
    await Promise.all([slow, back]);
    await c.step(0);
    expect(view(c).run.data.targets.length).toBe(40);
    expect(view(c).state.samples).toBe(40);
    expect(view(c).surface?.image?.dataVersion).toBe(view(c).run.dataVersion);
  });

  it('pauses on divergence and explains it', async () => {
    const c = await controller(
      applyChange(DEFAULT_PLAYGROUND, { training: { learningRate: 10 }, speed: { unit: 'per-frame', value: 5 } }),
    );
    expect(view(c).stepAdvice?.text).toMatch(/η = 10 is above 0.1/);
    c.play();
    for (let k = 0; k < 20 && c.playing; k++) await c.frame(k * 16);
    expect(c.playing).toBe(false);
    expect(view(c).divergence).toMatch(/diverg/);
    expect(view(c).divergence).toMatch(/lower the learning rate/);
    // Play refuses until a reset.
    c.play();
    expect(c.playing).toBe(false);
    await c.reset();
    expect(view(c).divergence).toBe('');
  });

  it('adds and removes points, continuing from the current weights', async () => {
    const c = await controller();
    await c.step(3);
    const w = view(c).state.weights;
    await c.edit({ action: 'add', x1: 3, x2: 3, t: 0 });
    expect(view(c).state.samples).toBe(41);
    expect(view(c).state.weights).toEqual(w);
    expect(view(c).customData).toMatch(/41 points/);
    await c.edit({ action: 'remove', x1: 3, x2: 3 });
    expect(view(c).state.samples).toBe(40);
  });

  it('applies quick successive clicks each to the data the one before left, through the one queue', async () => {
    const c = await controller();
    await Promise.all([1, 2, 3].map((x) => c.edit({ action: 'add', x1: x, x2: x, t: 1 })));
    expect(c.dataset.targets.length).toBe(43);
    expect(Array.from(c.dataset.points.slice(-6))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('never removes below two points, however many removals are asked for at once', async () => {
    const c = await controller();
    await c.loadCsv('x1,x2,t\n0,0,0\n1,1,1\n2,2,0\n3,3,1\n');
    await Promise.all(Array.from({ length: 5 }, () => c.edit({ action: 'remove', x1: 0, x2: 0 })));
    expect(view(c).state.samples).toBe(2);
    expect(view(c).status).toMatch(/fewest/);
  });

  it('a learning rate is checked once, when it is asked for: a bad one is refused and nothing is queued', async () => {
    const c = await controller();
    await c.step(1);
    await expect(c.change({ training: { learningRate: -1 } })).rejects.toThrow(/η must be between/);
    expect(c.settings.training.learningRate).toBe(0.05);
    expect(view(c).state.iteration).toBe(1);
    await c.change({ training: { learningRate: 0.01 } });
    expect(view(c).settings.training.learningRate).toBe(0.01);
  });

  it('brings the preset back when it is chosen again over custom data', async () => {
    const c = await controller();
    await c.loadCsv('x1,x2,t\n0,1,0\n1,0,1\n2,2,1\n', 'mine.csv');
    expect(view(c).customData).toMatch(/mine.csv: 3 points/);
    await c.change({ preset: 'tutorial' });
    expect(view(c).state.samples).toBe(40);
    expect(view(c).customData).toBe('');
  });

  it('keeps the data on a bad CSV', async () => {
    const c = await controller();
    await expect(c.loadCsv('x1,x2,t\n1,2,3\n')).rejects.toThrow(/Line 2: t must be 0 or 1/);
    expect(view(c).state.samples).toBe(40);
  });

  it('advises the mean before the first step when the summed cost cannot work at this N', async () => {
    const c = await controller(applyChange(DEFAULT_PLAYGROUND, { preset: 'gaussians', gaussians: { perClass: 5000 } }));
    const advice = view(c).stepAdvice;
    expect(advice?.offerMean).toBe(true);
    expect(advice?.text).toMatch(/10\u202f000 points: the summed gradient grows with N/);
    await c.change({ training: { reduction: 'mean' } });
    expect(view(c).stepAdvice).toBeUndefined();
  });

  it('publishes one view to every subscriber after a change', async () => {
    const c = await controller();
    let calls = 0;
    const stop = c.subscribe(() => calls++);
    await c.step(1);
    expect(calls).toBeGreaterThan(0);
    stop();
    const before = calls;
    await c.step(1);
    expect(calls).toBe(before);
  });

  it('undoes and redoes 60 edits, an import and a preset, each state exactly', async () => {
    const c = await controller();
    const snapshot = () => [Array.from(c.dataset.points), Array.from(c.dataset.targets), view(c).customData];
    const states = [snapshot()];
    await c.change({ preset: 'gaussians', gaussians: { perClass: 20 } });
    states.push(snapshot());
    await c.loadCsv('x1,x2,t\n0,0,0\n1,1,1\n2,2,1\n', 'three.csv');
    states.push(snapshot());
    for (let i = 0; i < 60; i++) {
      const edit =
        i % 3 === 2
          ? ({ action: 'remove', x1: i / 10, x2: 0 } as const)
          : ({ action: 'add', x1: i / 7, x2: -i / 9, t: (i % 2) as 0 | 1 } as const);
      await c.edit(edit);
      states.push(snapshot());
    }
    expect(view(c).undo.undo).toMatch(/add a point|remove a point/);
    for (let k = states.length - 2; k >= 0; k--) {
      await c.undo();
      expect(snapshot()).toEqual(states[k]);
    }
    expect(c.settings.preset).toBe('tutorial');
    expect(view(c).undo).toEqual({ undo: undefined, redo: 'choose the gaussians preset' });
    await c.undo();
    expect(view(c).status).toBe('There is nothing to undo.');
    for (let k = 1; k < states.length; k++) {
      await c.redo();
      expect(snapshot()).toEqual(states[k]);
    }
    expect(view(c).undo.redo).toBeUndefined();
  });

  it('keeps the weights when an edit is undone, and restarts when an import is', async () => {
    const c = await controller();
    await c.step(3);
    const weights = view(c).state.weights;
    await c.edit({ action: 'add', x1: 3, x2: 3, t: 0 });
    await c.undo();
    expect(view(c).state).toMatchObject({ iteration: 3, weights, samples: 40 });
    expect(view(c).status).toMatch(/^Undone: add a point of class 0\. N = 40/);
    await c.loadCsv('x1,x2,t\n0,0,0\n1,1,1\n', 'two.csv');
    await c.step(2);
    await c.undo();
    expect(view(c).state).toMatchObject({ iteration: 0, samples: 40 });
  });

  it('runs data changes asked for around an undo in the order asked, none dropped', async () => {
    const c = await controller();
    await c.loadCsv('x1,x2,t\n1,2,0\n3,4,1\n5,6,0\n', 'x.csv');
    await Promise.all([c.undo(), c.loadCsv('x1,x2,t\n0.5,0.25,1\n7,7,0\n9,1,1\n', 'z.csv')]);
    expect(Array.from(c.dataset.points)).toEqual([0.5, 0.25, 7, 7, 9, 1]);
    await Promise.all([c.change({ preset: 'gaussians', gaussians: { perClass: 30 } }), c.undo()]);
    expect(Array.from(c.dataset.points)).toEqual([0.5, 0.25, 7, 7, 9, 1]);
    expect(c.settings.preset).toBe('tutorial');
    // Quick changes with nothing in between still overtake each other: only the last is drawn.
    await Promise.all([10, 20, 30].map((perClass) => c.change({ preset: 'gaussians', gaussians: { perClass } })));
    expect(c.dataset.targets.length).toBe(60);
    await c.undo();
    expect(Array.from(c.dataset.points)).toEqual([0.5, 0.25, 7, 7, 9, 1]);
  });

  it('shows a divergence and its stop at once, without waiting for the grids', async () => {
    const c = await controller();
    await c.change({ training: { learningRate: 5 } });
    // Grids that never come (a cost surface of two million points takes seconds): the stop must not wait for them.
    c.session.probabilityGrid = () => new Promise<Float32Array>(() => undefined);
    c.session.costSurface = () => new Promise(() => undefined);
    const seen = new Promise<string>((resolve) =>
      c.subscribe(() => {
        if (c.published?.divergence) resolve(c.published.divergence);
      }),
    );
    // A long run stops where it diverges, between two of its chunks: no grid comes with it.
    void c.step(1_000_000);
    expect(await seen).toMatch(/diverg/);
    expect(c.published?.playing).toBe(false);
  });
});
