/**
 * The loss chart says what it draws: a cost at iteration 0 before any step,
 * and with mini-batches the lines join only costs and accuracies measured on
 * all the data, while each batch's own measures show apart, named.
 */
import { expect, openPlayground, playgroundState, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

test('before the first step the chart shows the cost and accuracy of w(0)', async ({ page }) => {
  await openPlayground(page);
  await expect(page.locator('lp-loss-chart circle.cost-dot[data-iteration="0"]')).toHaveCount(1);
  await expect(page.locator('lp-loss-chart circle.accuracy-dot[data-iteration="0"]')).toHaveCount(1);
});

test('with mini-batches, the lines are the whole data and the batches are faint dots, named', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.change({ preset: 'gaussians', training: { batchSize: 32 } });
  });
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(async () => (await playgroundState(page)).iteration).toBe(10);
  const chart = page.locator('lp-loss-chart');
  // All-data measures at the ends of the call: iterations 0 and 10 only.
  await expect(chart.locator('circle.accuracy-dot')).toHaveCount(2);
  const ends = await chart
    .locator('circle.accuracy-dot')
    .evaluateAll((dots) => dots.map((d) => d.getAttribute('data-iteration')));
  expect(ends).toEqual(['0', '10']);
  await expect(chart.locator('circle.batch-accuracy')).toHaveCount(9);
  await expect(chart.locator('text.measures')).toHaveText('lines: all the data · faint dots: one mini-batch');
  // The accuracy the line ends on is the readout's.
  const readout = await page.locator('[data-readout="accuracy"]').textContent();
  const state = await playgroundState(page);
  expect(Number.parseFloat(readout ?? '')).toBeCloseTo(state.accuracy * 100, 1);
  await page.evaluate(() => document.querySelector('lp-playground')?.configure({ batchSize: 0 }));
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect.poll(async () => (await playgroundState(page)).iteration).toBe(20);
  await expect(chart.locator('text.measures')).toHaveText('lines: all the data · faint dots: one mini-batch');
});
