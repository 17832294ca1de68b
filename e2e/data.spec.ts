/**
 * Data as users change them: `state` is one consistent moment while data
 * change, a preset can be chosen again over custom data, large data keep the
 * page responsive and show both classes, and the words on screen are the
 * ones users know.
 */
import { expect, openPlayground, playgroundState, stepPlayground, test } from './fixtures';

// What this spec tests does not depend on the engine: the CPU's, without a GPU start (fixtures.ts).
test.use({ playgroundEngine: 'cpu' });

test('state is one consistent snapshot while the data change under it', async ({ page }) => {
  await openPlayground(page);
  await stepPlayground(page, 5);
  const samples = await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    if (!el) throw new Error('no playground');
    const seen: (typeof el.state)[] = [];
    let done = false;
    const change = el.change({ preset: 'gaussians', gaussians: { perClass: 100_000 } }).then(() => {
      done = true;
    });
    while (!done) {
      seen.push({ ...el.state });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await change;
    seen.push({ ...el.state });
    return seen;
  });
  expect(samples.length).toBeGreaterThan(3);
  expect(new Set(samples.map((s) => s.samples))).toEqual(new Set([40, 200_000]));
  for (const s of samples) {
    expect(s.accuracy, JSON.stringify(s)).toBeLessThanOrEqual(1);
    expect(s.accuracy).toBeGreaterThanOrEqual(0);
    // The summed cost is N times the mean cost of the same data: never one data set's N with another's cost.
    expect(Math.abs(s.cost - s.meanCost * s.samples) / s.cost, JSON.stringify(s)).toBeLessThan(1e-6);
  }
});

test('a preset can be chosen again after a CSV load or point edits', async ({ page }) => {
  await openPlayground(page);
  const preset = page.locator('lp-data-controls select#preset');
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.loadCsv('x1,x2,t\n0,1,0\n1,0,1\n2,2,1\n', 'mine.csv'),
  );
  await expect(preset).toHaveValue('custom');
  await expect(page.locator('lp-data-controls [data-custom]')).toContainText('mine.csv');
  await preset.selectOption('tutorial');
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(40);
  await expect(preset).toHaveValue('tutorial');
  // After a click on the scatter too.
  const box = await page.locator('lp-scatter svg.chart').boundingBox();
  await page
    .locator('lp-scatter svg.chart')
    .click({ position: { x: (box?.width ?? 0) / 2, y: (box?.height ?? 0) / 2 } });
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(41);
  await expect(preset).toHaveValue('custom');
  await preset.selectOption('tutorial');
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(40);
});

test('messages name settings as the screen does, digit groups are understood, and nothing says NaN', async ({
  page,
}) => {
  await openPlayground(page);
  const eta = page.locator('lp-optimiser-controls lp-number-field').first().locator('input');
  await eta.fill('fast');
  await eta.press('Enter');
  await expect(page.locator('lp-optimiser-controls lp-number-field').first().locator('.error')).toHaveText(
    'η must be a number between 1e-6 and 10, got "fast"',
  );
  const w1 = page.locator('lp-initial-weights lp-number-field').first().locator('input');
  await w1.fill('2000');
  await w1.press('Enter');
  await expect(page.locator('lp-initial-weights lp-number-field').first().locator('.error')).toHaveText(
    'w₁(0) must be between -1000 and 1000, got 2000',
  );
  const api = await page.evaluate(async () => {
    try {
      await document.querySelector('lp-playground')?.configure({ initialWeights: [Number.NaN, 1] });
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  });
  expect(api).toBe('w₁(0) must be a number between -1000 and 1000, got not a finite number');
  await page.locator('lp-data-controls select#preset').selectOption('gaussians');
  const perClass = page.locator('lp-data-controls lp-number-field', { hasText: 'per class' }).locator('input');
  await perClass.fill('1 500');
  await perClass.press('Enter');
  await expect.poll(async () => (await playgroundState(page)).samples).toBe(3000);
  const text = await page.locator('lp-playground').evaluate((el) => el.shadowRoot?.textContent ?? '');
  expect(text).not.toMatch(/NaN|learningRate|initialWeights/);
});

test.describe('in a browser without WebGPU', () => {
  // The page's own engine choice: it must find no WebGPU and say so, not be told to use the CPU.
  test.use({ playgroundEngine: 'page' });

  test('the page claims WebGPU only when it computes with WebGPU', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
    });
    await openPlayground(page);
    await expect(page.locator('lp-engine-badge')).toContainText('CPU');
    expect(await page.locator('header').textContent()).not.toContain('WebGPU');
    expect(await page.locator('meta[name="description"]').getAttribute('content')).not.toMatch(/computed with WebGPU/);
  });
});

test('before the first step on large data with the summed cost, the page says the step is too large and offers the mean', async ({
  page,
}) => {
  await openPlayground(page, '/#preset=gaussians&n=5000');
  const advice = page.locator('lp-playground [data-advice]');
  await expect(advice).toContainText('the summed gradient grows with N');
  await advice.getByRole('button', { name: 'Use the mean cost' }).click();
  await expect
    .poll(() => page.evaluate(() => document.querySelector('lp-playground')?.settings.training.reduction))
    .toBe('mean');
  await expect(advice).toHaveCount(0);
  const start = (await playgroundState(page)).cost;
  await stepPlayground(page, 20);
  await expect(page.locator('lp-playground [data-divergence]')).toHaveCount(0);
  // Every step of the mean cost went down hill.
  const costs = await page.evaluate(() =>
    Array.from(
      document.querySelector('lp-playground')?.shadowRoot?.querySelector('lp-loss-chart')?.history ?? [],
      (e) => e.loss,
    ),
  );
  expect(costs).toHaveLength(21);
  for (let k = 1; k < costs.length; k++) expect(costs[k]).toBeLessThan(costs[k - 1]!);
  expect((await playgroundState(page)).cost).toBeLessThan(start);
});

test('large data are drawn as a density of both classes, with the counts in the legend', async ({ page }) => {
  await openPlayground(page, '/#preset=gaussians&n=50000');
  await expect(page.locator('lp-scatter [data-legend-class="0"]')).toHaveText('t = 0 · 50\u202f000 points');
  await expect(page.locator('lp-scatter [data-legend-class="1"]')).toHaveText('t = 1 · 50\u202f000 points');
  await expect(page.locator('lp-scatter path.point')).toHaveCount(0);
  // Where the classes overlap (x₁ = 0) a pixel mixes both colours; far left it is class 0's.
  const colours = await page.locator('lp-scatter').evaluate(async (el) => {
    const scatter = el as HTMLElementTagNameMap['lp-scatter'];
    await new Promise((resolve) => setTimeout(resolve, 500));
    const canvas = scatter.shadowRoot?.querySelector('canvas.raster') as HTMLCanvasElement;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const ticks = [...(scatter.shadowRoot?.querySelectorAll('.axis.x .tick') ?? [])].map((t) => ({
      at: Number(/translate\(([-\d.e]+),/.exec(t.getAttribute('transform') ?? '')?.[1]),
      value: Number((t.textContent ?? '').replace('−', '-')),
    }));
    const first = ticks[0] as { at: number; value: number };
    const last = ticks.at(-1) as { at: number; value: number };
    const px = (v: number) => first.at + ((v - first.value) / (last.value - first.value)) * (last.at - first.at);
    const yAxis = [...(scatter.shadowRoot?.querySelectorAll('.axis.y .tick') ?? [])].find((t) => t.textContent === '0');
    const y0 = Number(/translate\(([-\d.e]+),([-\d.e]+)\)/.exec(yAxis?.getAttribute('transform') ?? '')?.[2]);
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const pixel = (x: number) =>
      Array.from(ctx.getImageData(Math.round(px(x) * ratio), Math.round(y0 * ratio), 1, 1).data);
    return { middle: pixel(0), left: pixel(-1.5), right: pixel(1.5) };
  });
  // Class 0 is vermillion (#D55E00: much red, no blue), class 1 blue (#0072B2): far left is red, far right blue,
  // and the middle has a good share of both.
  expect(colours.left[0]! - colours.left[2]!).toBeGreaterThan(40);
  expect(colours.right[2]! - colours.right[0]!).toBeGreaterThan(40);
  const [r, , b] = colours.middle;
  expect(r).toBeGreaterThan(0.3 * colours.left[0]!);
  expect(b).toBeGreaterThan(0.3 * colours.right[2]!);
});
