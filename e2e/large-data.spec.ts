/**
 * Two million points: a point added by a click is a few bytes written to the
 * GPU, not a new upload; drawing new data shows its progress and leaves the
 * controls answering; Play says when it cannot keep the pace asked for.
 * (How long things take is measured by `npm run bench`, not here.)
 */
import { expect, mountPlayground, openPlayground, playgroundState, stepPlayground, test } from './fixtures';
import { countGpuWork, gpuCensus } from './gpu-census';

test('at 2 000 000 points an added point is a few bytes to the GPU, and the next step counts it', async ({ page }) => {
  await countGpuWork(page);
  await openPlayground(page, '/#preset=gaussians&n=1000000');
  expect((await playgroundState(page)).samples).toBe(2_000_000);
  test.skip((await playgroundState(page)).engine !== 'gpu', 'needs WebGPU');
  await stepPlayground(page, 0);
  const before = await gpuCensus(page);
  const box = await page.locator('lp-scatter svg.chart').boundingBox();
  await page
    .locator('lp-scatter svg.chart')
    .click({ position: { x: (box?.width ?? 0) * 0.5, y: (box?.height ?? 0) * 0.3 } });
  await expect.poll(async () => (await playgroundState(page)).samples, { timeout: 60_000 }).toBe(2_000_001);
  const after = await gpuCensus(page);
  // The point (8 bytes), its label word (4), and the small uniforms of the passes that measure the model.
  expect(after.written - before.written).toBeLessThan(4096);
  expect(after.created).toBe(before.created);
  await expect(page.locator('lp-playground .status')).toContainText('N = 2\u202f000\u202f001');
});

test('drawing a large data set shows its progress, and the controls answer meanwhile', async ({ page }) => {
  await openPlayground(page, '/#preset=gaussians&n=1000000');
  const busy = page.locator('lp-playground [data-busy]');
  const progress: number[] = [];
  await page.locator('lp-data-controls').getByRole('button', { name: 'New seed' }).click();
  await expect(busy).toContainText('Drawing 2\u202f000\u202f000 points');
  // While it draws, a new η is taken at once.
  const eta = page.locator('lp-optimiser-controls lp-number-field').first().locator('input');
  await eta.fill('0.01');
  await eta.press('Enter');
  // Looks at the bar until the drawing is done (however long a busy machine makes it).
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const value = await page.evaluate(
      () =>
        (
          document
            .querySelector('lp-playground')
            ?.shadowRoot?.querySelector('[data-busy] progress') as HTMLProgressElement | null
        )?.position,
    );
    if (value === undefined) break;
    if (value >= 0) progress.push(value);
    await page.waitForTimeout(50);
  }
  expect(await page.evaluate(() => document.querySelector('lp-playground')?.settings.training.learningRate)).toBe(0.01);
  await expect(busy).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelector('lp-playground')?.settings.gaussians.seed)).toBe(2);
  // It moved on between looks: the work came in slices.
  expect(new Set(progress).size).toBeGreaterThan(1);
});

test('Play says when the engine cannot keep the pace asked for', async ({ page }) => {
  await mountPlayground(page, { engine: 'cpu', dataset: 'gaussians' });
  await page.evaluate(() =>
    document.querySelector('lp-playground')?.change({
      gaussians: { perClass: 300_000 },
      training: { reduction: 'mean', learningRate: 0.5 },
      speed: { unit: 'per-second', value: 240 },
    }),
  );
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.locator('lp-playground [data-pace]')).toContainText('not the 240 asked for', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.locator('lp-playground [data-pace]')).toHaveCount(0);
});
