/**
 * Beyond a straight line, as a student drives it: the circle a line cannot
 * split, then the features x₁² and x₂² that close the boundary round it; the
 * threshold moved by keyboard, with the confusion matrix and the AUC checked
 * against what this test computes from the exported data and weights.
 */
import { expect, openPlayground, playgroundState, stepPlayground, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

/** The data on the page, from its own CSV export. */
async function pageData(page: import('@playwright/test').Page): Promise<[number, number, number][]> {
  const csv = (await page.evaluate(() => document.querySelector('lp-playground')?.exportCsv())) ?? '';
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number) as [number, number, number]);
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

test('circle: a line fails, x₁² and x₂² ticked by the UI close the boundary round the inner class', async ({
  page,
  errors,
}) => {
  await openPlayground(page);
  await page.getByLabel('Preset').selectOption('circle');
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(200);
  await page.getByRole('checkbox', { name: 'bias b' }).check();
  await page.getByRole('radio', { name: 'mean' }).check();
  await stepPlayground(page, 300);
  const linear = await playgroundState(page);
  expect(linear.iteration).toBe(300);
  // Half the points are inside the ring: no line does much better than calling everything one class.
  expect(linear.accuracy).toBeLessThan(0.7);
  expect(await page.locator('lp-scatter svg.chart line.boundary').getAttribute('visibility')).not.toBe('hidden');

  // The features are a menu: opened by its summary, each box ticked by a click.
  await page.locator('lp-model-controls summary').click();
  await page.getByRole('checkbox', { name: 'x₁²' }).check();
  await page.getByRole('checkbox', { name: 'x₂²' }).check();
  await expect.poll(async () => (await playgroundState(page)).weights.length).toBe(4);
  await expect(page.locator('lp-model-controls summary')).toHaveText('φ(x) = (x₁, x₂, x₁², … 4)');
  // New features restart from w(0): the kept ones keep theirs, the new ones start at 0.
  const restarted = await playgroundState(page);
  expect(restarted.iteration).toBe(0);
  expect(restarted.weights.slice(2)).toEqual([0, 0]);
  await stepPlayground(page, 500);
  const curved = await playgroundState(page);
  expect(curved.accuracy).toBeGreaterThan(0.9);
  // The boundary is the level set y = 0.5 of the probability grid: one closed path round the centre.
  const closed = page.locator('lp-scatter path.boundary.curved[data-closed]');
  await expect(closed).toHaveCount(1);
  expect(await closed.getAttribute('d')).toMatch(/^M.*Z$/);
  await expect(page.locator('lp-scatter svg.chart line.boundary')).toHaveAttribute('visibility', 'hidden');
  // The cost surface is a slice now: its title names the weights held where they are.
  await expect(page.locator('lp-cost-surface text[data-title]')).toHaveText('ξ(w₁, w₂) at the current w₃, w₄, b');
  expect(errors.messages).toEqual([]);
});

test('the threshold by keyboard moves the confusion matrix as computed here; AUC is the pairs in order', async ({
  page,
  errors,
}) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Step ×10' }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('10');
  const slider = page.getByRole('slider', { name: 'threshold' });
  await slider.focus();
  for (let k = 0; k < 20; k++) await page.keyboard.press('ArrowRight');
  await expect
    .poll(async () => await page.evaluate(() => document.querySelector('lp-playground')?.settings.training.threshold))
    .toBe(0.7);
  const state = await playgroundState(page);
  const data = await pageData(page);
  const [w1, w2] = state.weights as [number, number];
  const y = data.map(([a, b]) => sigmoid(a * w1 + b * w2));
  const count = (t: number, called: boolean) => data.filter(([, , c], i) => c === t && y[i]! >= 0.7 === called).length;
  const expected = { tn: count(0, false), fp: count(0, true), fn: count(1, false), tp: count(1, true) };
  for (const [cell, value] of Object.entries(expected)) {
    await expect(page.locator(`lp-confusion-matrix [data-cell="${cell}"]`)).toHaveText(String(value));
  }
  // Stricter than 0.5: fewer points called class 1 than at w(10) with 0.5, where 6 of 40 were wrong.
  expect(expected.fn).toBeGreaterThan(0);
  expect(state.accuracy).toBeCloseTo((expected.tn + expected.tp) / 40, 12);
  expect(state.precision).toBeCloseTo(expected.tp / (expected.tp + expected.fp), 12);
  expect(state.recall).toBeCloseTo(expected.tp / (expected.tp + expected.fn), 12);
  // AUC: the share of (class 1, class 0) pairs the model ranks in order, ties counting half.
  let pairs = 0;
  let ordered = 0;
  data.forEach(([, , t], i) => {
    if (t !== 1) return;
    data.forEach(([, , u], j) => {
      if (u !== 0) return;
      pairs++;
      ordered += y[i]! > y[j]! ? 1 : y[i] === y[j] ? 0.5 : 0;
    });
  });
  expect(state.auc).toBeCloseTo(ordered / pairs, 9);
  // The ROC curve takes the chart's place at a click on its button.
  await page.getByRole('button', { name: 'ROC' }).click();
  await expect(page.locator('lp-roc-curve text[data-title]')).toContainText(`AUC ${(ordered / pairs).toFixed(3)}`);
  // The threshold's point on the curve: its false- and true-positive rates.
  const rates = (await page.locator('lp-roc-curve circle.current').getAttribute('data-rates'))?.split(',').map(Number);
  expect(rates?.[0]).toBeCloseTo(expected.fp / 20, 12);
  expect(rates?.[1]).toBeCloseTo(expected.tp / 20, 12);
  expect(errors.messages).toEqual([]);
});
