import { describe, expect, it } from 'vitest';
import { f32Dataset } from '../../e2e/kernels/test-data';
import { CpuEngine } from '../engine/cpu-engine';
import { InThreadWorker, spawnInThreadWorker } from '../engine/testing/in-thread-worker';
import { datasetFromRows } from '../model/dataset';
import { logistic } from '../model/logistic';
import { tutorialDataset } from '../model/tutorial-data';
import { TUTORIAL_REFERENCE } from '../model/tutorial-reference';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { REFUSED_STOP } from '../text/messages';
import { LIMIT_STOPS } from './run-limits';
import { StepRun } from './step-run';
import { TrainingSession } from './training-session';

/** A session on the tutorial's data, started (its caller, the controller's queue, awaits `ready` first too). */
async function tutorialSession(): Promise<TrainingSession> {
  const session = new TrainingSession(new CpuEngine(), tutorialDataset(), DEFAULT_SETTINGS);
  await session.ready;
  return session;
}

describe('TrainingSession', () => {
  it('passes a hint of the data to come to its engine, which may ignore it', async () => {
    const heard: number[] = [];
    const engine = Object.assign(new CpuEngine(), { expectData: (n: number) => heard.push(n) });
    const session = new TrainingSession(engine, tutorialDataset());
    await session.ready;
    session.expectData(2_000_000);
    expect(heard).toEqual([2_000_000]);
    // An engine without the hint takes none.
    const plain = new TrainingSession(new CpuEngine(), tutorialDataset());
    await plain.ready;
    expect(() => plain.expectData(10)).not.toThrow();
  });

  it('starts at w(0) with its cost', async () => {
    const session = await tutorialSession();
    await session.ready;
    expect(session.state).toMatchObject({ iteration: 0, weights: [-4, -2], bias: 0, engine: 'cpu', samples: 40 });
    expect(session.state.cost).toBeGreaterThan(50);
    expect(session.run?.history).toHaveLength(1);
  });

  it('reaches the tutorial w(10), cost and accuracy in one call or in ten', async () => {
    for (const calls of [1, 10]) {
      const session = await tutorialSession();
      for (let i = 0; i < calls; i++) await session.step(10 / calls);
      const { state } = session;
      expect(state.iteration).toBe(10);
      const [w1, w2] = TUTORIAL_REFERENCE.path[10];
      expect(state.weights[0]).toBeCloseTo(w1, 4);
      expect(state.weights[1]).toBeCloseTo(w2, 4);
      expect(state.cost).toBeCloseTo(TUTORIAL_REFERENCE.cost10, 4);
      expect(state.meanCost).toBeCloseTo(TUTORIAL_REFERENCE.cost10 / 40, 5);
      expect(state.accuracy).toBe(1 - TUTORIAL_REFERENCE.misclassified10 / 40);
      const history = session.run?.history ?? [];
      expect(history.map((e) => e.iteration)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      // The loss curve is the cost at each w(i): strictly falling on the tutorial.
      const losses = history.map((e) => e.loss);
      for (let i = 1; i < losses.length; i++) expect(losses[i]).toBeLessThan(losses[i - 1] as number);
      expect(losses[10]).toBeCloseTo(TUTORIAL_REFERENCE.cost10, 4);
    }
  });

  it('refuses a second operation while one is under way: the caller queues them, it does not', async () => {
    const session = await tutorialSession();
    const stepping = session.step(2);
    await expect(session.reset()).rejects.toThrow(
      'TrainingSession.reset() was called while step() was under way: queue them',
    );
    await stepping;
    expect(session.state.iteration).toBe(2);
    await session.reset();
    await session.step(3);
    expect(session.state.iteration).toBe(3);
    expect(session.state.weights[0]).toBeCloseTo(TUTORIAL_REFERENCE.path[3][0], 4);
  });

  it('records the accuracy of every iteration, not just where a call ended', async () => {
    const session = await tutorialSession();
    await session.step(10);
    const accuracy = (session.run?.history ?? []).map((e) => e.accuracy);
    expect(accuracy).toHaveLength(11);
    // Each is the accuracy of w(i), measured afresh.
    const data = tutorialDataset();
    const { accuracy: accuracyAt } = await import('../model/regression');
    (session.run?.history ?? []).forEach((e, i) => {
      expect(accuracy[i]).toBe(accuracyAt(data, e.params));
    });
    expect(accuracy[3]).toBe(accuracy[10]);
  });

  it('keeps the weights on a learning-rate change and resets on a bias change', async () => {
    const session = await tutorialSession();
    await session.step(2);
    expect(await session.configure({ ...session.settings, learningRate: 0.01 })).toBe(false);
    expect(session.state.iteration).toBe(2);
    expect(await session.configure({ ...session.settings, bias: true, initialBias: 0.5 })).toBe(true);
    expect(session.state).toMatchObject({ iteration: 0, weights: [-4, -2], bias: 0.5 });
  });

  it('loads new data and starts over on it', async () => {
    const session = await tutorialSession();
    await session.step(5);
    const data = datasetFromRows([
      [1, 0, 1],
      [-1, 0, 0],
    ]);
    const loading = session.loadData(data);
    // Until the load completes, `state` is the old data's, whole: never new N beside old costs.
    expect(session.state).toMatchObject({ iteration: 5, samples: 40 });
    await loading;
    expect(session.state).toMatchObject({ iteration: 0, samples: 2 });
    expect(session.state.accuracy).toBeLessThanOrEqual(1);
    expect(session.data.targets.length).toBe(2);
  });

  it('moves to another engine without losing the weights', async () => {
    const session = await tutorialSession();
    await session.step(3);
    await session.replaceEngine(new CpuEngine());
    await session.step(7);
    expect(session.state.weights[0]).toBeCloseTo(TUTORIAL_REFERENCE.path[10][0], 4);
    expect(session.state.iteration).toBe(10);
  });

  it('continues on edited data without a reset', async () => {
    const session = await tutorialSession();
    await session.step(3);
    const before = session.state.weights;
    const lossBefore = session.run?.history.at(-1)?.loss as number;
    await session.editData({ action: 'add', x1: 3, x2: 3, t: 0 });
    expect(session.state).toMatchObject({ iteration: 3, samples: 41 });
    expect(session.state.weights).toEqual(before);
    expect(session.run?.history).toHaveLength(4);
    // The cost now counts the new point: a red point deep in blue territory costs a lot.
    expect(session.run?.history.at(-1)?.loss).toBeGreaterThan(lossBefore + 1);
    await session.step(1);
    expect(session.state.iteration).toBe(4);
  });

  it('never removes the last point of a class', async () => {
    const session = new TrainingSession(
      new CpuEngine(),
      datasetFromRows([
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 1],
      ]),
    );
    await session.ready;
    expect(await session.editData({ action: 'remove', x1: 0, x2: 0 })).toBe(
      'That is the last point of class t = 0: both classes are needed.',
    );
    expect(session.state.samples).toBe(3);
    expect(await session.editData({ action: 'remove', x1: 2, x2: 2 })).toEqual({
      kind: 'remove',
      index: 2,
      point: [2, 2, 1],
    });
    expect(session.state.samples).toBe(2);
  });

  it('answers grid queries at the weights training reached', async () => {
    const session = await tutorialSession();
    await session.step(10);
    const grid = await session.probabilityGrid({ x: [-1, 1], y: [-1, 1], size: 2 });
    // After the 10 steps: the grid is at w(10), so P at (1, 1) is σ(w1 + w2).
    const [w1, w2] = TUTORIAL_REFERENCE.path[10];
    expect(grid[3]).toBeCloseTo(logistic(w1 + w2), 4);
  });

  it('notifies subscribers after each operation', async () => {
    const session = await tutorialSession();
    let calls = 0;
    session.subscribe(() => calls++);
    await session.step(1);
    await session.step(1);
    expect(calls).toBeGreaterThanOrEqual(2);
  });
});

describe('TrainingSession on the CPU engine’s workers', () => {
  const onWorkers = () => new CpuEngine({ threads: 2, spawnWorker: spawnInThreadWorker });

  it('shows a long run’s progress and stops it at the chunk it was stopped in', async () => {
    InThreadWorker.started = [];
    const session = new TrainingSession(onWorkers(), f32Dataset(1 << 14, 7), DEFAULT_SETTINGS);
    await session.ready;
    const run = new StepRun(1_000_000);
    const progress: number[] = [];
    const outcome = await session.step(run, undefined, (done) => {
      progress.push(done);
      run.stop('paused');
    });
    expect(progress).toHaveLength(1);
    expect(outcome).toMatchObject({ taken: progress[0], stoppedBy: 'paused' });
    expect(session.state.iteration).toBe(progress[0]);
    // Every pass went to the two workers.
    expect(InThreadWorker.started).toHaveLength(2);
    session.destroy();
    expect(InThreadWorker.started.every((w) => w.terminated)).toBe(true);
  });

  it('gives the tutorial’s w(10) after reset()', async () => {
    const session = new TrainingSession(onWorkers(), tutorialDataset(), DEFAULT_SETTINGS);
    await session.ready;
    await session.step(25);
    await session.reset();
    await session.step(10);
    const [w1, w2] = TUTORIAL_REFERENCE.path[10];
    expect(session.state.weights[0]).toBeCloseTo(w1, 4);
    expect(session.state.weights[1]).toBeCloseTo(w2, 4);
    expect(session.state.cost).toBeCloseTo(TUTORIAL_REFERENCE.cost10, 4);
    session.destroy();
  });
});

describe('TrainingSession with another optimiser', () => {
  const newton = { ...DEFAULT_SETTINGS, optimizer: 'newton' as const, learningRate: 1 };

  it('keeps the optimiser’s state through a new η, and zeroes it, weights kept, for another rule', async () => {
    const session = new TrainingSession(new CpuEngine(), tutorialDataset(), {
      ...DEFAULT_SETTINGS,
      optimizer: 'momentum',
      learningRate: 0.01,
    });
    await session.ready;
    await session.step(5);
    const velocity = session.run?.optimizer?.first;
    expect(velocity?.w.some((v) => v !== 0)).toBe(true);
    await session.configure({ ...session.settings, learningRate: 0.02 });
    expect(session.run?.optimizer?.first).toEqual(velocity);
    const weights = session.state.weights;
    expect(await session.configure({ ...session.settings, optimizer: 'adam' })).toBe(false);
    expect(session.state).toMatchObject({ iteration: 5, weights });
    expect(session.run?.optimizer).toBeUndefined();
    await session.step(1);
    expect(session.run?.optimizer?.steps).toBe(1);
    await session.reset();
    expect(session.run?.optimizer).toBeUndefined();
  });

  it('takes Newton’s steps to the tutorial’s minimum in a handful from 0, and damped from the tutorial’s w(0)', async () => {
    const gd = await tutorialSession();
    await gd.step(5000);
    const minimum = gd.state.cost;
    const fromZero = new TrainingSession(new CpuEngine(), tutorialDataset(), { ...newton, initialWeights: [0, 0] });
    await fromZero.ready;
    await fromZero.step(5);
    expect(Math.abs(fromZero.state.cost - minimum) / minimum).toBeLessThan(1e-6);
    // From (−4, −2) σ′ ≈ 0 at nearly every point: H⁻¹g is twenty times the way to the minimum, and η = 1 leaps off.
    // Damped to η = 0.05, one step lands beside the minimum (GD's own η takes ten steps to come as near).
    const damped = new TrainingSession(new CpuEngine(), tutorialDataset(), { ...newton, learningRate: 0.05 });
    await damped.ready;
    await damped.step(1);
    expect(Math.abs(damped.state.cost - minimum) / minimum).toBeLessThan(1e-3);
    const undamped = new TrainingSession(new CpuEngine(), tutorialDataset(), newton);
    await undamped.ready;
    await undamped.step(1);
    expect(Math.abs(undamped.state.weights[0]!)).toBeGreaterThan(100);
  });

  it('stops a run at a step Newton refuses, saying why and what helps, and keeps what it reached', async () => {
    // Every point at x2 = 0: the Hessian's x2 row and column are 0.
    const flat = datasetFromRows([
      [1, 0, 1],
      [-1, 0, 0],
      [2, 0, 1],
      [-2, 0, 0],
    ]);
    const session = new TrainingSession(new CpuEngine(), flat, newton);
    await session.ready;
    const outcome = await session.step(5);
    expect(outcome).toMatchObject({ taken: 0, refused: true });
    expect(outcome.stoppedBy).toBe(REFUSED_STOP);
    expect(session.state).toMatchObject({ iteration: 0, weights: [-4, -2] });
    // With λ it is invertible, and the run goes on.
    await session.configure({ ...session.settings, l2: 0.1 });
    expect(await session.step(3)).toMatchObject({ taken: 3, refused: false, stoppedBy: undefined });
  });
});

describe('TrainingSession racing', () => {
  const race = [
    { optimizer: 'gd' as const, learningRate: 0.05 },
    { optimizer: 'momentum' as const, learningRate: 0.01, momentum: 0.9 },
    { optimizer: 'adam' as const, learningRate: 0.3 },
    { optimizer: 'newton' as const, learningRate: 0.05 },
  ];
  const racing = { ...DEFAULT_SETTINGS, race };

  it('steps every racer with the model, each as its optimiser run alone, and lists them in state.race', async () => {
    const session = new TrainingSession(new CpuEngine(), tutorialDataset(), racing);
    await session.ready;
    expect(session.state.race?.map((r) => r.iteration)).toEqual([0, 0, 0, 0]);
    await session.step(7);
    await session.step(3);
    const listed = session.state.race ?? [];
    expect(listed.map((r) => [r.optimizer, r.learningRate, r.iteration])).toEqual(
      race.map((r) => [r.optimizer, r.learningRate, 10]),
    );
    // Racer 1 is the model: its numbers are the state's own, the tutorial's w(10).
    expect(listed[0]).toMatchObject({ weights: session.state.weights, cost: session.state.cost });
    expect(listed[0]!.weights[0]).toBeCloseTo(TUTORIAL_REFERENCE.path[10][0], 4);
    for (const [k, racer] of race.entries()) {
      const alone = new TrainingSession(new CpuEngine(), tutorialDataset(), {
        ...DEFAULT_SETTINGS,
        optimizer: racer.optimizer,
        learningRate: racer.learningRate,
        momentum: racer.momentum ?? DEFAULT_SETTINGS.momentum,
      });
      await alone.ready;
      await alone.step(10);
      expect(listed[k], racer.optimizer).toMatchObject({
        weights: alone.state.weights,
        bias: alone.state.bias,
        cost: alone.state.cost,
        meanCost: alone.state.meanCost,
        accuracy: alone.state.accuracy,
      });
      expect(session.run?.rivals?.[k - 1]?.history.length ?? 11, racer.optimizer).toBe(11);
    }
    // A new η for the model keeps the race; another rival starts it again.
    await session.configure({
      ...session.settings,
      learningRate: 0.04,
      race: [{ ...race[0]!, learningRate: 0.04 }, ...race.slice(1)],
    });
    expect(session.state.race?.map((r) => r.iteration)).toEqual([10, 10, 10, 10]);
    await session.configure({ ...session.settings, race: [race[0]!, race[2]!] });
    expect(session.state.race?.map((r) => r.iteration)).toEqual([0, 0]);
    await session.configure({ ...session.settings, race: [] });
    expect(session.state.race).toBeUndefined();
  });

  it('stops a racer at the weight limit, where the engine stopped it, and the race goes on', async () => {
    // Two points far apart: gradient descent at η = 10 takes w past 10⁶ in its first step; at 10⁻⁶ it creeps.
    const far = datasetFromRows([
      [1e9, 1e9, 1],
      [-1e9, -1e9, 0],
    ]);
    const session = new TrainingSession(new CpuEngine(), far, {
      ...racing,
      learningRate: 1e-6,
      race: [
        { optimizer: 'gd', learningRate: 1e-6 },
        { optimizer: 'gd', learningRate: 10 },
      ],
    });
    await session.ready;
    expect(await session.step(5)).toMatchObject({ taken: 5, stoppedBy: undefined });
    const [model, fast] = session.state.race ?? [];
    expect(model?.iteration).toBe(5);
    expect(fast?.iteration).toBe(1);
    expect(Math.abs(fast?.weights[0] ?? 0)).toBeGreaterThan(1e6);
    const rival = session.run?.rivals?.[0];
    expect(rival?.stopped).toBe(LIMIT_STOPS.weights);
    expect(rival?.history.map((e) => e.iteration)).toEqual([0, 1]);
    expect(rival?.history.at(-1)?.params.w).toEqual(fast?.weights);
  });

  it('stops a racer that is refused a step, and the race goes on', async () => {
    // Every point at x2 = 0: the Hessian's x2 row and column are 0, and Newton's first step is refused.
    const flat = datasetFromRows([
      [1, 0, 1],
      [-1, 0, 0],
      [2, 0, 1],
      [-2, 0, 0],
    ]);
    const session = new TrainingSession(new CpuEngine(), flat, {
      ...racing,
      race: [race[0]!, { optimizer: 'newton', learningRate: 1 }],
    });
    await session.ready;
    const outcome = await session.step(5);
    expect(outcome).toMatchObject({ taken: 5, stoppedBy: undefined });
    const [model, newton] = session.state.race ?? [];
    expect(model?.iteration).toBe(5);
    expect(newton?.iteration).toBe(0);
    expect(session.run?.rivals?.[0]?.stopped).toBe(REFUSED_STOP);
  });
});

describe('TrainingSession’s thinned history', () => {
  it('is the every-step run’s at the iterations it keeps, each measured there, however the run was chunked', async () => {
    const steps = 45_000;
    const session = await tutorialSession();
    await session.step(steps);
    const history = session.run?.history ?? [];
    // The every-step run, on an engine of its own, in calls of at most MAX_TRAIN_STEPS.
    const engine = new CpuEngine();
    await engine.setData(tutorialDataset());
    engine.setParams(history[0]!.params);
    const path = [history[0]!.params];
    const losses: number[] = [];
    for (let done = 0; done < steps; done += 4096) {
      const result = await engine.train(Math.min(4096, steps - done));
      path.push(...result.path);
      losses.push(...result.losses);
    }
    losses.push(session.state.cost);
    expect(history.length).toBeLessThanOrEqual(20_000);
    expect(history.length).toBeGreaterThan(10_000);
    expect(history.at(-1)?.iteration).toBe(steps);
    // Every stride-th iteration from 0, none missing, and the last, where the run ended.
    const iterations = history.map((e) => e.iteration);
    const stride = iterations[1]!;
    expect(stride).toBeGreaterThan(1);
    expect(iterations.slice(0, -1)).toEqual(Array.from({ length: history.length - 1 }, (_, k) => k * stride));
    for (const entry of history) {
      expect(entry.params, `w(${entry.iteration})`).toEqual(path[entry.iteration]);
      expect(entry.loss, `ξ(${entry.iteration})`).toBe(losses[entry.iteration]);
    }
  });
});
