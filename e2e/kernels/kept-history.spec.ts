/**
 * A thinned history written in the kernel (TrainExtras.keep) and the run's
 * limits applied there (TrainExtras.limits), on the GPU's fused path and its
 * two-dispatch path: what is kept is exactly what the every-step call
 * returns at those steps (same engine, same arithmetic), each racer keeping
 * its own steps; and a run stops at its limits where the CPU's does.
 */
import type { Keeping, RaceEntry, TrainResult } from '../../src/contract/engine';
import { expect, test } from './fixtures';

/** On the fused kernel (N = 40) and on the two-dispatch path (forced), a race of three. */
const PATHS = [
  { name: 'fused', fused: 'auto' },
  { name: 'two dispatches a step', fused: 'off' },
] as const;

test('the kept steps are the every-step call’s, for the model and each racer, in chunks, with mini-batches', async ({
  harness,
}) => {
  test.setTimeout(240_000);
  const rows = await harness.evaluate(async (paths) => {
    const { GpuEngine, tutorialDataset, startTutorial } = window.lp;
    const out = [];
    for (const { name, fused } of paths) {
      const gpu = await GpuEngine.create({ fused });
      await gpu.setData(tutorialDataset());
      const start = { w: [0.5, -0.5], b: 0 };
      const racers = [
        { optimizer: 'momentum', learningRate: 0.05 },
        { optimizer: 'adam', learningRate: 0.1 },
      ] as const;
      for (const batchSize of [0, 16]) {
        const go = async (keeps: readonly (Keeping | undefined)[]) => {
          startTutorial(gpu, batchSize);
          gpu.setParams(start);
          const results: TrainResult[] = [];
          // Two chunks, as a session runs them: 37 steps, then 20 from where they ended.
          let race: RaceEntry[] = racers.map((racer, k) => {
            const keep = keeps[k + 1];
            return { params: start, racer, ...(keep ? { keep } : {}) };
          });
          for (const steps of [37, 20]) {
            const r = await gpu.train(steps, { race, ...(keeps[0] ? { keep: keeps[0] } : {}) });
            results.push(r);
            race = race.map((entry, k) => ({
              ...entry,
              params: r.race![k]!.final.params,
              optimizer: r.race![k]!.optimizer,
            }));
          }
          return results;
        };
        const every = await go([undefined, undefined, undefined]);
        const keeps = [
          { stride: 4, phase: 1 },
          { stride: 3, phase: 0 },
          { stride: 7, phase: 5 },
        ];
        const kept = await go(keeps);
        for (const [chunk, steps] of [37, 20].entries()) {
          const runs = [
            { full: every[chunk]!, thin: kept[chunk]! },
            ...racers.map((_, k) => ({ full: every[chunk]!.race![k]!, thin: kept[chunk]!.race![k]! })),
          ];
          for (const [k, { full, thin }] of runs.entries()) {
            const keep = keeps[k]!;
            // Step j is kept when (j + phase) mod stride = 0, and only inside the call: its end is `final`.
            const wanted = Array.from({ length: steps - 1 }, (_, j) => j).filter(
              (j) => (j + keep.phase) % keep.stride === 0,
            );
            out.push({
              name: `${name}, batch ${batchSize}, chunk ${chunk + 1}, racer ${k}`,
              steps,
              taken: [thin.taken, full.taken],
              emptyArrays: thin.path.length + thin.losses.length + thin.accuracies.length,
              keptSteps: thin.kept?.map((s) => s.step - 1),
              wanted,
              // Bit for bit: the same kernel's arithmetic, whatever it records.
              params: thin.kept?.map((s) => [...s.params.w, s.params.b]),
              fullParams: wanted.map((j) => [...full.path[j]!.w, full.path[j]!.b]),
              losses: thin.kept?.map((s) => s.loss),
              fullLosses: wanted.map((j) => full.losses[j + 1]),
              accuracies: thin.kept?.map((s) => s.accuracy),
              fullAccuracies: wanted.map((j) => full.accuracies[j + 1]),
              finals: [thin.final, full.final].map((f) => [...f.params.w, f.params.b, f.sumCost]),
            });
          }
        }
      }
      gpu.destroy();
    }
    return out;
  }, PATHS);
  expect(rows).toHaveLength(PATHS.length * 2 * 2 * 3);
  for (const row of rows) {
    expect(row.taken, row.name).toEqual([row.steps, row.steps]);
    expect(row.emptyArrays, row.name).toBe(0);
    expect(row.keptSteps, row.name).toEqual(row.wanted);
    expect(row.wanted.length, row.name).toBeGreaterThan(1);
    expect(row.params, row.name).toEqual(row.fullParams);
    expect(row.losses, row.name).toEqual(row.fullLosses);
    expect(row.accuracies, row.name).toEqual(row.fullAccuracies);
    expect(row.finals[0], row.name).toEqual(row.finals[1]);
  }
});

test('a run stops at its limits in the kernel where the CPU stops: past the weight limit, or before a leap', async ({
  harness,
}) => {
  test.setTimeout(180_000);
  const rows = await harness.evaluate(async (paths) => {
    const { GpuEngine, CpuEngine, INITIAL_OPTIONS, tutorialDataset } = window.lp;
    const options = { ...INITIAL_OPTIONS, learningRate: 0.5, reduction: 'mean' as const };
    const start = { w: [0, 0], b: 0 };
    // From 0 at η = 0.5 on the mean cost, the largest parameter is 0.23 after the first step, 0.98 after the 9th
    // and 1.02 after the 10th: a weight limit of 1 is passed by the 10th step, a leap limit of 0.1 by the first.
    const cases = [
      { name: 'past', limits: { weight: 1, leap: 1e9 } },
      { name: 'leap', limits: { weight: 0.01, leap: 0.1 } },
    ];
    const engines = [
      { name: 'cpu', make: async () => new CpuEngine() },
      ...paths.map((p) => ({ name: p.name, make: () => GpuEngine.create({ fused: p.fused }) })),
    ];
    const out = [];
    for (const { name, make } of engines) {
      const engine = await make();
      await engine.setData(tutorialDataset());
      for (const c of cases) {
        engine.setOptions(options);
        engine.setParams(start);
        // The racers: one as the model, one too slow to reach any limit in these steps.
        const race = [
          { params: start, racer: { optimizer: 'gd', learningRate: 0.5 } },
          { params: start, racer: { optimizer: 'gd', learningRate: 1e-6 } },
        ] as const;
        const r = await engine.train(40, { limits: c.limits, keep: { stride: 1, phase: 0 }, race });
        // After a stop the engine steps on from where it stopped when asked without limits.
        const after = await engine.train(1);
        out.push({
          engine: name,
          case: c.name,
          taken: r.taken,
          limited: r.limited ?? false,
          final: [...r.final.params.w, r.final.params.b],
          lastKept: r.kept?.at(-1)?.step,
          race: r.race!.map((x) => [x.taken, x.limited ?? false]),
          after: after.taken,
        });
      }
      engine.destroy();
    }
    return out;
  }, PATHS);
  const cpu = rows.filter((r) => r.engine === 'cpu');
  const [past, leap] = cpu;
  expect(past).toMatchObject({ limited: true, taken: 10 });
  expect(Math.max(...past!.final.map(Math.abs))).toBeGreaterThan(1);
  expect(past!.lastKept).toBe(past!.taken - 1);
  expect(leap).toMatchObject({ taken: 0, limited: true, final: [0, 0, 0] });
  for (const row of rows) {
    const reference = row.case === 'past' ? past! : leap!;
    const name = `${row.engine}, ${row.case}`;
    expect(row.taken, name).toBe(reference.taken);
    expect(row.limited, name).toBe(true);
    expect(row.lastKept, name).toBe(reference.lastKept);
    for (const [k, v] of row.final.entries()) expect(Math.abs(v - reference.final[k]!), name).toBeLessThan(1e-4);
    // The racer stepping as the model stops with it; the slow one takes every step.
    expect(row.race, name).toEqual([
      [reference.taken, true],
      [40, false],
    ]);
    expect(row.after, name).toBe(1);
  }
});
