/**
 * A model file the page saved loads back, whatever the run did: a run stops
 * at the step a weight passes 1e6 (even with the cost at 0), the iteration
 * stops at its limit, and loadModel(exportModel()) is accepted, on each engine.
 */
import { expect, mountPlayground, test } from './fixtures';

const FAR = 'x1,x2,t\n1e9,1e9,1\n-1e9,-1e9,0\n';

for (const engine of ['cpu', 'gpu'] as const) {
  test(`engine="${engine}": a run that jumps past the weight limit stops there, and its model file loads back`, async ({
    page,
  }) => {
    await mountPlayground(page, { engine });
    const end = await page.evaluate(async (csv) => {
      const el = document.querySelector('lp-playground');
      if (!el) throw new Error('no playground');
      await el.loadCsv(csv);
      await el.configure({ learningRate: 10, reduction: 'sum' });
      await el.step(21);
      const model = el.exportModel();
      await el.reset();
      await el.loadModel(JSON.parse(JSON.stringify(model)));
      const loaded = { ...el.state, weights: [...el.state.weights] };
      await el.loadModel({ ...model, weights: [0.5, 0.5], iteration: 1e12 - 2 });
      await el.step(5);
      const last = el.state.iteration;
      return { model, loaded, last };
    }, FAR);
    expect(end.model.iteration).toBe(1);
    expect(Math.abs(end.model.weights[0] ?? 0)).toBeGreaterThan(1e6);
    expect(end.loaded).toMatchObject({ iteration: 1, weights: end.model.weights });
    expect(end.last).toBe(1e12);
    await expect(page.locator('lp-status')).toContainText('the iteration count reached its limit');
    const reloaded = await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      await el?.loadModel(el.exportModel());
      return el?.state.iteration;
    });
    expect(reloaded).toBe(1e12);
  });
}
