import { describe, expect, it } from 'vitest';
import { CpuEngine } from '../engine/cpu-engine';
import { generateGaussians, TUTORIAL_GAUSSIANS } from '../model/gaussians';
import { cost, modelOptions } from '../model/regression';
import { tutorialDataset } from '../model/tutorial-data';
import { DEFAULT_SETTINGS } from '../settings/settings';
import { CostSurfaceJob, type SurfaceStatus, surfaceGridSize } from './cost-surface-job';
import { TrainingSession } from './training-session';

/** One queue for the session's calls, as the controller's is: the job's slices and a test's own calls take turns. */
function serial(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>) => {
    const result = tail.then(work);
    tail = result.catch(() => undefined);
    return result;
  };
}

async function setUp(perClass?: number) {
  const data = perClass ? generateGaussians({ ...TUTORIAL_GAUSSIANS, perClass }) : tutorialDataset();
  const session = new TrainingSession(new CpuEngine(), data, DEFAULT_SETTINGS);
  await session.ready;
  const seen: SurfaceStatus[] = [];
  const queue = serial();
  const job = new CostSurfaceJob(
    session,
    { surfaceEvaluations: 2e5 },
    () => {
      if (job.status) seen.push(job.status);
    },
    queue,
  );
  return { session, job, seen, queue };
}

describe('CostSurfaceJob', () => {
  it('computes the exact surface over the run’s window, showing estimates from slices of the samples on the way', async () => {
    const { session, job, seen } = await setUp(2000);
    const run = session.run!;
    job.update(run);
    await job.idle();
    const size = surfaceGridSize(4000, { surfaceEvaluations: 2e5 });
    expect(job.status?.current).toBe(true);
    expect(job.status?.image?.grid.size).toBe(size);
    // The first picture was an estimate from one slice of the samples, shown before the exact one.
    const first = seen.find((s) => s.image)?.image;
    expect(first?.grid.size).toBe(size);
    expect(first?.estimate?.n).toBe(4000);
    expect(first?.estimate?.visited).toBeLessThan(4000);
    expect(job.status?.image?.estimate).toBeUndefined();
    // Progress went up to 1 along the way.
    const progress = seen.map((s) => s.progress).filter((p) => p !== undefined);
    expect(progress.at(-1)).toBe(1);
    // The exact surface is the cost at each grid point.
    const image = job.status!.image!;
    const corner = cost(run.data, { w: [image.grid.x[0], image.grid.y[0]], b: 0 }, modelOptions('sum'));
    expect(image.values[0]).toBeCloseTo(corner, 1);
    const mid = size * Math.floor(size / 2) + Math.floor(size / 3);
    const w1 = image.grid.x[0] + ((image.grid.x[1] - image.grid.x[0]) * Math.floor(size / 3)) / (size - 1);
    const w2 = image.grid.y[0] + ((image.grid.y[1] - image.grid.y[0]) * Math.floor(size / 2)) / (size - 1);
    expect(image.values[mid]! / cost(run.data, { w: [w1, w2], b: 0 }, modelOptions('sum'))).toBeCloseTo(1, 5);
  });

  it('drops the work for data that changed meanwhile, and never shows it', async () => {
    const { session, job, seen, queue } = await setUp(2000);
    job.update(session.run!);
    await queue(() => session.loadData(tutorialDataset()));
    job.update(session.run!);
    await job.idle();
    expect(job.status?.image?.dataVersion).toBe(session.run?.dataVersion);
    const afterLoad = seen.filter((s) => s.image && s.image.dataVersion !== session.run?.dataVersion);
    // Whatever was shown for the old data was shown before the new data arrived, never after.
    expect(seen.indexOf(afterLoad.at(-1) as SurfaceStatus)).toBeLessThan(seen.length - 1);
    expect(job.status?.current).toBe(true);
  });

  it('frames a new run on its own after a diverging one', async () => {
    const { session, job } = await setUp();
    await session.configure({ ...session.settings, learningRate: 5 });
    await session.step(3);
    job.update(session.run!);
    expect(job.status?.window.x[1]).toBeGreaterThan(100);
    await session.reset();
    job.update(session.run!);
    expect(job.status?.window).toEqual({ x: [-5, 5], y: [-5, 5] });
    await job.idle();
    expect(job.status?.image?.grid.x).toEqual([-5, 5]);
  });

  it('says why when the surface cannot be computed, and tries again on the next change', async () => {
    class FailingEngine extends CpuEngine {
      fail = true;
      override async costSurface(...args: Parameters<CpuEngine['costSurface']>) {
        if (this.fail) throw new Error('the adapter said no');
        return super.costSurface(...args);
      }
    }
    const engine = new FailingEngine();
    const session = new TrainingSession(engine, tutorialDataset(), DEFAULT_SETTINGS);
    await session.ready;
    const job = new CostSurfaceJob(session, { surfaceEvaluations: 2e5 }, () => undefined);
    job.update(session.run!);
    await job.idle();
    expect(job.status?.error).toBe('the adapter said no');
    expect(job.status?.image).toBeUndefined();
    engine.fail = false;
    await session.reset();
    await session.configure({ ...session.settings, initialWeights: [1, 1] });
    job.update(session.run!);
    await job.idle();
    expect(job.status?.error).toBeUndefined();
    expect(job.status?.current).toBe(true);
  });
});

describe('CostSurfaceJob with more than two weights', () => {
  it('is the slice through the held weights, and catches up with the last move of a run that stopped', async () => {
    const data = tutorialDataset();
    const settings = { ...DEFAULT_SETTINGS, features: ['x1', 'x2', 'x1^2'] as const, initialWeights: [-4, -2, 0.5] };
    const session = new TrainingSession(new CpuEngine(), data, settings);
    await session.ready;
    const job = new CostSurfaceJob(session, { surfaceEvaluations: 2e5 }, () => undefined, serial());
    job.update(session.run!);
    await job.idle();
    expect(job.status?.axes).toEqual([0, 1]);
    expect(job.status?.image?.at.w).toEqual([-4, -2, 0.5]);
    expect(job.status?.current).toBe(true);
    // A step moves w₃, which the slice holds: the surface is recomputed, once due, without another update.
    await session.step(1);
    job.update(session.run!);
    expect(job.status?.current).toBe(false);
    await expect.poll(() => job.status?.current, { timeout: 3000, interval: 20 }).toBe(true);
    await job.idle();
    const image = job.status!.image!;
    expect(image.at.w[2]).toBe(session.run!.evaluation.params.w[2]);
    // Its corner is the cost there, w₃ held.
    const at = { w: [image.grid.x[0], image.grid.y[0], image.at.w[2]!], b: 0 };
    expect(image.values[0]).toBeCloseTo(cost(data, at, modelOptions('sum', false, { ...settings, l2: 0 })), 1);
    job.stop();
  });
});
