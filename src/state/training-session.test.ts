import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { datasetFromRows } from '../model/dataset';
import { tutorialDataset } from '../model/tutorial-data';
import { DEFAULT_SETTINGS } from './settings';
import { TrainingSession } from './training-session';

function tutorialSession(): TrainingSession {
  return new TrainingSession(new CpuEngine(), tutorialDataset(), DEFAULT_SETTINGS);
}

describe('TrainingSession', () => {
  it('starts at w(0) with its cost', async () => {
    const session = tutorialSession();
    await session.ready;
    expect(session.state).toMatchObject({ iteration: 0, weights: [-4, -2], bias: 0, engine: 'cpu' });
    expect(session.state.cost).toBeGreaterThan(50);
    expect(session.history).toHaveLength(1);
  });

  it('reaches the tutorial w(10), cost and accuracy in one call or in ten', async () => {
    for (const calls of [1, 10]) {
      const session = tutorialSession();
      for (let i = 0; i < calls; i++) await session.step(10 / calls);
      const { state } = session;
      expect(state.iteration).toBe(10);
      expect(state.weights[0]).toBeCloseTo(1.4854, 4);
      expect(state.weights[1]).toBeCloseTo(0.7834, 4);
      expect(state.cost).toBeCloseTo(14.4916, 4);
      expect(state.meanCost).toBeCloseTo(14.4916 / 40, 5);
      expect(state.accuracy).toBe(34 / 40);
      expect(session.history.map((e) => e.iteration)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // The loss curve is the cost at each w(i): strictly falling on the tutorial.
      const losses = session.history.map((e) => e.loss);
      for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1] as number);
      expect(losses[10]).toBeCloseTo(14.4916, 4);
    }
  });

  it('runs queued calls in order', async () => {
    const session = tutorialSession();
    const a = session.step(2);
    const b = session.reset();
    const c = session.step(3);
    await Promise.all([a, b, c]);
    expect(session.state.iteration).toBe(3);
    expect(session.state.weights[0]).toBeCloseTo(0.9148, 4);
  });

  it('keeps the weights on a learning-rate change and resets on a bias change', async () => {
    const session = tutorialSession();
    await session.step(2);
    await session.configure({ learningRate: 0.01 });
    expect(session.state.iteration).toBe(2);
    await session.configure({ bias: true, initialBias: 0.5 });
    expect(session.state).toMatchObject({ iteration: 0, weights: [-4, -2], bias: 0.5 });
  });

  it('refuses a bad setting at once and changes nothing', async () => {
    const session = tutorialSession();
    await session.step(1);
    expect(() => session.configure({ learningRate: -1 })).toThrow(/learningRate/);
    expect(session.settings.learningRate).toBe(0.05);
    expect(session.state.iteration).toBe(1);
  });

  it('loads new data and starts over on it', async () => {
    const session = tutorialSession();
    await session.step(5);
    const data = datasetFromRows([
      [1, 0, 1],
      [-1, 0, 0],
    ]);
    await session.loadData(data);
    expect(session.state.iteration).toBe(0);
    expect(session.data.targets.length).toBe(2);
  });

  it('moves to another engine without losing the weights', async () => {
    const session = tutorialSession();
    await session.step(3);
    await session.replaceEngine(new CpuEngine());
    await session.step(7);
    expect(session.state.weights[0]).toBeCloseTo(1.4854, 4);
    expect(session.state.iteration).toBe(10);
  });

  it('continues on edited data without a reset', async () => {
    const session = tutorialSession();
    await session.step(3);
    const before = session.state.weights;
    const lossBefore = session.history.at(-1)?.loss as number;
    const data = tutorialDataset();
    const more = { points: Float64Array.from([...data.points, 3, 3]), targets: Uint8Array.from([...data.targets, 0]) };
    await session.editData(() => more);
    expect(session.state.iteration).toBe(3);
    expect(session.state.weights).toEqual(before);
    expect(session.history).toHaveLength(4);
    // The cost now counts the new point: a red point deep in blue territory costs a lot.
    expect(session.history.at(-1)?.loss).toBeGreaterThan(lossBefore + 1);
    await session.step(1);
    expect(session.state.iteration).toBe(4);
  });

  it('applies quick successive edits each to the result of the one before', async () => {
    const session = tutorialSession();
    const add = (x: number) => (d: typeof session.data) => ({
      points: Float64Array.from([...d.points, x, x]),
      targets: Uint8Array.from([...d.targets, 1]),
    });
    await Promise.all([session.editData(add(1)), session.editData(add(2)), session.editData(add(3))]);
    expect(session.data.targets.length).toBe(43);
    expect(Array.from(session.data.points.slice(-6))).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('answers grid queries in order with training', async () => {
    const session = tutorialSession();
    const stepping = session.step(10);
    const grid = await session.probabilityGrid({ x: [-1, 1], y: [-1, 1], size: 2 });
    await stepping;
    // Queued after the 10 steps: the grid is at w(10), so P at (1, 1) is σ(1.4854 + 0.7834).
    expect(grid[3]).toBeCloseTo(1 / (1 + Math.exp(-(1.4854 + 0.7834))), 4);
  });

  it('notifies subscribers after each operation', async () => {
    const session = tutorialSession();
    let calls = 0;
    session.subscribe(() => calls++);
    await session.step(1);
    await session.step(1);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});
