import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { PlaygroundController } from './playground-controller';
import { applyChange, DEFAULT_PLAYGROUND } from './playground-settings';
import { SLOW_BUDGET } from './view-grids';

async function controller(settings = DEFAULT_PLAYGROUND): Promise<PlaygroundController> {
  const c = new PlaygroundController({
    engine: new CpuEngine(),
    settings,
    budget: SLOW_BUDGET,
    onChange: () => undefined,
  });
  await c.ready();
  return c;
}

describe('PlaygroundController', () => {
  it('starts on the tutorial with both grids ready', async () => {
    const c = await controller();
    expect(c.data.targets.length).toBe(40);
    expect(c.grids.probabilities?.length).toBe(64 * 64);
    expect(c.grids.surfaceGrid?.x).toEqual([-5, 5]);
    expect(c.grids.surface?.length).toBe(96 * 96);
  });

  it('plays at the chosen speed and pauses', async () => {
    const c = await controller(applyChange(DEFAULT_PLAYGROUND, { speed: { unit: 'per-frame', value: 2 } }));
    c.play();
    await c.frame(0);
    await c.frame(16);
    expect(c.session.state.iteration).toBe(4);
    c.pause();
    await c.frame(32);
    expect(c.session.state.iteration).toBe(4);
  });

  it('keeps the weights on a learning-rate change and resets on a bias change, saying so', async () => {
    const c = await controller();
    await c.step(3);
    await c.change({ training: { learningRate: 0.01 } });
    expect(c.session.state.iteration).toBe(3);
    expect(c.status).toMatch(/running training/);
    await c.change({ training: { bias: true } });
    expect(c.session.state.iteration).toBe(0);
    expect(c.status).toMatch(/starts again from w\(0\)/);
  });

  it('regenerates data on a data change and resets', async () => {
    const c = await controller();
    await c.step(2);
    await c.change({ preset: 'gaussians', gaussians: { perClass: 30 } });
    expect(c.data.targets.length).toBe(60);
    expect(c.session.state.iteration).toBe(0);
    const before = Array.from(c.data.points);
    await c.regenerate();
    expect(c.settings.gaussians.seed).toBe(DEFAULT_PLAYGROUND.gaussians.seed + 1);
    expect(Array.from(c.data.points)).not.toEqual(before);
  });

  it('pauses on divergence and explains it', async () => {
    const c = await controller(
      applyChange(DEFAULT_PLAYGROUND, { training: { learningRate: 10 }, speed: { unit: 'per-frame', value: 5 } }),
    );
    c.play();
    for (let k = 0; k < 20 && c.playing; k++) await c.frame(k * 16);
    expect(c.playing).toBe(false);
    expect(c.divergence).toMatch(/diverg/);
    expect(c.divergence).toMatch(/lower the learning rate/);
    // Play refuses until a reset.
    c.play();
    expect(c.playing).toBe(false);
    await c.reset();
    expect(c.divergence).toBe('');
  });

  it('adds and removes points, continuing from the current weights', async () => {
    const c = await controller();
    await c.step(3);
    const w = c.session.state.weights;
    await c.addPoint(3, 3, 0);
    expect(c.data.targets.length).toBe(41);
    expect(c.session.state.weights).toEqual(w);
    expect(c.dataNote).toMatch(/41 points/);
    await c.removeNearest(3, 3);
    expect(c.data.targets.length).toBe(40);
  });

  it('keeps the data on a bad CSV', async () => {
    const c = await controller();
    await expect(c.loadCsv('x1,x2,t\n1,2,3\n')).rejects.toThrow(/Line 2: t must be 0 or 1/);
    expect(c.data.targets.length).toBe(40);
  });
});
