/** Which engine <lp-playground> runs on, and proof that "gpu" really computes on the GPU. */
import {
  captureGpuDevices,
  expect,
  mountPlayground,
  openPlayground,
  playgroundState,
  stepPlayground,
  TUTORIAL_REFERENCE,
  test,
} from './fixtures';
import { countGpuWork, gpuCensus } from './gpu-census';

const [W10_1, W10_2] = TUTORIAL_REFERENCE.path[10];

test('engine="gpu" trains on the GPU and reaches the tutorial w(10)', async ({ page, errors }) => {
  await countGpuWork(page);
  await mountPlayground(page, { engine: 'gpu' });
  const before = (await gpuCensus(page)).submits;
  await stepPlayground(page, 10);
  const s = await playgroundState(page);
  expect(s.engine).toBe('gpu');
  expect((await gpuCensus(page)).submits).toBeGreaterThan(before);
  expect(Math.abs((s.weights[0] as number) - W10_1)).toBeLessThan(1e-4);
  expect(Math.abs((s.weights[1] as number) - W10_2)).toBeLessThan(1e-4);
  expect(Math.abs(s.cost - TUTORIAL_REFERENCE.cost10)).toBeLessThan(1e-4);
  // Whatever adapter runs it: the badge names the one the browser offers.
  const adapter = await page.evaluate(async () => (await navigator.gpu.requestAdapter())?.info.architecture ?? '');
  await expect(page.locator('lp-engine-badge')).toContainText(`WebGPU · ${adapter}`);
  expect(errors.messages).toEqual([]);
});

test('the default (auto) picks the GPU, and the Step button goes through it', async ({ page }) => {
  await countGpuWork(page);
  await openPlayground(page);
  expect((await playgroundState(page)).engine).toBe('gpu');
  const before = (await gpuCensus(page)).submits;
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('[data-readout="iteration"]')).toHaveText('1');
  await expect(page.locator('[data-readout="w1"]')).toHaveText(
    TUTORIAL_REFERENCE.path[1][0].toFixed(4).replace('-', '−'),
  );
  expect((await gpuCensus(page)).submits).toBeGreaterThan(before);
});

test('engine="cpu" computes on the CPU and says it was chosen', async ({ page }) => {
  await mountPlayground(page, { engine: 'cpu' });
  await stepPlayground(page, 10);
  const s = await playgroundState(page);
  expect(s.engine).toBe('cpu');
  expect(Math.abs((s.weights[0] as number) - W10_1)).toBeLessThan(1e-4);
  await expect(page.locator('lp-engine-badge')).toHaveText('CPU · chosen with engine="cpu"');
});

test('without WebGPU the CPU engine runs and the page says why', async ({ page, errors }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => undefined, configurable: true });
  });
  await openPlayground(page);
  await stepPlayground(page, 3);
  const s = await playgroundState(page);
  expect(s.engine).toBe('cpu');
  expect(Math.abs((s.weights[0] as number) - TUTORIAL_REFERENCE.path[3][0])).toBeLessThan(1e-4);
  await expect(page.locator('lp-engine-badge')).toContainText('CPU · this browser does not offer WebGPU');
  await expect(page.locator('lp-playground [data-adapter]')).toContainText('No WebGPU');
  expect(errors.messages).toEqual([]);
});

test('switching the engine attribute keeps the weights and continues', async ({ page }) => {
  await mountPlayground(page, { engine: 'gpu' });
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.step(3);
    el?.setAttribute('engine', 'cpu');
  });
  await expect(page.locator('lp-engine-badge')).toContainText('CPU');
  await stepPlayground(page, 7);
  const s = await playgroundState(page);
  expect(s.engine).toBe('cpu');
  expect(s.iteration).toBe(10);
  expect(Math.abs((s.weights[0] as number) - W10_1)).toBeLessThan(1e-4);
});

test('a lost GPU device is replaced without losing the weights, and the page says so', async ({ page }) => {
  await captureGpuDevices(page);
  await openPlayground(page);
  await page.evaluate(async () => {
    await document.querySelector('lp-playground')?.step(3);
    const devices = (window as Window & { gpuDevices?: GPUDevice[] }).gpuDevices ?? [];
    devices.at(-1)?.destroy();
    await document.querySelector('lp-playground')?.step(7);
  });
  const s = await playgroundState(page);
  expect(s.engine).toBe('gpu');
  expect(s.iteration).toBe(10);
  expect(Math.abs((s.weights[0] as number) - W10_1)).toBeLessThan(1e-4);
  await expect(page.locator('lp-playground .notice')).toContainText('The GPU device was lost');
});

test('an uncaught WebGPU error is shown on the page', async ({ page }) => {
  await captureGpuDevices(page);
  await openPlayground(page);
  await page.evaluate(async () => {
    const device = ((window as Window & { gpuDevices?: GPUDevice[] }).gpuDevices ?? []).at(-1);
    device?.createBuffer({ label: 'deliberately invalid', size: 4, usage: 0 });
    // Errors reach the page once the device flushes its work.
    await device?.queue.onSubmittedWorkDone();
  });
  await expect(page.locator('lp-playground .error')).toContainText('WebGPU error');
  await expect(page.locator('lp-playground .error')).toContainText('deliberately invalid');
});
