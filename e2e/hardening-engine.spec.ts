/**
 * What an adversarial run broke in the engines (issue 11, findings 1, 4 and
 * 7; finding 8, the bounded history, is unit-tested in src/session), each with
 * the test that reproduced it: long step(n) runs are chunked, show their
 * progress and stop on reset(); a submit the GPU refuses rejects the call and
 * the engine is rebuilt; the last `engine` attribute wins; a GPU start that
 * hangs or keeps failing ends on the CPU, saying why. After each,
 * reset(); step(10) gives the tutorial's w(10).
 */
import type { Page } from '@playwright/test';
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

type TestWindow = Window & {
  longRun?: Promise<unknown>;
  gpuDevices?: GPUDevice[];
  holdDevices?: Promise<void>;
  releaseDevices?: () => void;
  devicesAsked?: number;
  adaptersAsked?: number;
};

/** reset(); step(10) on the page's playground gives the tutorial's w(10), on the engine expected. */
async function expectTutorialW10(page: Page, engine: 'gpu' | 'cpu'): Promise<void> {
  await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.reset();
    await el?.step(10);
  });
  const s = await playgroundState(page);
  expect(s.engine).toBe(engine);
  expect(s.iteration).toBe(10);
  expect(Math.abs((s.weights[0] as number) - W10_1)).toBeLessThan(1e-4);
  expect(Math.abs((s.weights[1] as number) - W10_2)).toBeLessThan(1e-4);
}

const hasWebGPU = (page: Page) => page.evaluate(async () => (await navigator.gpu?.requestAdapter()) != null);

for (const engine of ['gpu', 'cpu'] as const) {
  test(`engine="${engine}": a long step(n) shows its progress and reset() stops it`, async ({ page }) => {
    await mountPlayground(page, { engine });
    test.skip((await playgroundState(page)).engine !== engine, 'needs WebGPU');
    await page.evaluate(() => {
      (window as TestWindow).longRun = document.querySelector('lp-playground')?.step(1_000_000);
    });
    const busy = page.locator('lp-playground [data-busy]');
    await expect(busy).toContainText('Taking 1\u202f000\u202f000 steps');
    await expect(busy.locator('progress')).toHaveAttribute('max', '1');
    const stopped = await page.evaluate(async () => {
      const el = document.querySelector('lp-playground');
      const reset = el?.reset();
      await (window as TestWindow).longRun;
      await reset;
      return el?.state.iteration;
    });
    expect(stopped).toBe(0);
    await expect(busy).toHaveCount(0);
    await expectTutorialW10(page, engine);
  });
}

test('step(n) refuses more than its documented limit, naming it', async ({ page }) => {
  await mountPlayground(page, { engine: 'cpu' });
  const message = await page.evaluate(() =>
    document
      .querySelector('lp-playground')
      ?.step(2e9)
      .then(
        () => 'resolved',
        (error: Error) => `${error.name}: ${error.message}`,
      ),
  );
  expect(message).toContain('RangeError: step(n) needs a whole number n from 0 to 1\u202f000\u202f000\u202f000');
  await expectTutorialW10(page, 'cpu');
});

test('a submit the GPU refuses rejects the step, and the engine is rebuilt from its last good state', async ({
  page,
}) => {
  await captureGpuDevices(page);
  await mountPlayground(page, { engine: 'gpu' });
  test.skip((await playgroundState(page)).engine !== 'gpu', 'needs WebGPU');
  const outcome = await page.evaluate(async () => {
    const el = document.querySelector('lp-playground');
    await el?.step(3);
    // The next submit carries a command buffer the device refuses: none of it runs.
    const submit = GPUQueue.prototype.submit;
    GPUQueue.prototype.submit = function (this: GPUQueue, buffers: Iterable<GPUCommandBuffer>) {
      GPUQueue.prototype.submit = submit;
      const device = (window as TestWindow).gpuDevices?.find((d) => d.queue === this);
      const encoder = device?.createCommandEncoder({ label: 'deliberately invalid' });
      encoder?.popDebugGroup();
      return submit.call(this, [...buffers, ...(encoder ? [encoder.finish()] : [])]);
    };
    const message = await el?.step(10).then(
      () => 'resolved',
      (error: Error) => error.message,
    );
    return { message, iteration: el?.state.iteration };
  });
  // The refused submit is the run's first chunk, of as many of the 10 steps as the machine's speed gave it.
  expect(outcome.message).toMatch(/^The GPU refused (10|[1-9]) training steps?:/);
  // The failed call took no step: the state is where the last good one left it.
  expect(outcome.iteration).toBe(3);
  await expectTutorialW10(page, 'gpu');
  await expect(page.locator('lp-playground .notice')).toContainText('A GPU operation failed');
});

test('setting engine to gpu, then to cpu two frames later, ends on the CPU: the last request wins', async ({
  page,
}) => {
  await countGpuWork(page);
  await captureGpuDevices(page);
  await page.addInitScript(() => {
    const w = window as TestWindow;
    if (typeof GPUAdapter === 'undefined') return;
    const requestAdapter = GPU.prototype.requestAdapter;
    GPU.prototype.requestAdapter = function (this: GPU, options?: GPURequestAdapterOptions) {
      w.adaptersAsked = (w.adaptersAsked ?? 0) + 1;
      return requestAdapter.call(this, options);
    };
    const request = GPUAdapter.prototype.requestDevice;
    // A device that takes its time: the GPU engine finishes starting after the CPU one.
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
      w.devicesAsked = (w.devicesAsked ?? 0) + 1;
      if (w.holdDevices) await w.holdDevices;
      return request.call(this, descriptor);
    };
  });
  await mountPlayground(page, { engine: 'cpu' });
  test.skip(!(await hasWebGPU(page)), 'needs WebGPU');
  // The page's first playground (on the GPU) is gone with its device.
  await expect.poll(async () => (await gpuCensus(page)).liveDevices, { timeout: 30_000 }).toBe(0);
  const asked = await page.evaluate(async () => {
    const w = window as TestWindow;
    w.holdDevices = new Promise((resolve) => {
      w.releaseDevices = resolve;
    });
    const el = document.querySelector('lp-playground');
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const before = { devices: w.devicesAsked ?? 0, adapters: w.adaptersAsked ?? 0, made: w.gpuDevices?.length ?? 0 };
    el?.setAttribute('engine', 'gpu');
    await frame();
    await frame();
    el?.setAttribute('engine', 'cpu');
    return before;
  });
  // The GPU engine waits for its device (two adapter requests: the probe and the device's);
  // the CPU switch (one for its probe) has nothing else to wait for: once the queue is through, it is done.
  await expect
    .poll(() =>
      page.evaluate(() => [(window as TestWindow).devicesAsked ?? 0, (window as TestWindow).adaptersAsked ?? 0]),
    )
    .toEqual([asked.devices + 1, asked.adapters + 3]);
  await stepPlayground(page, 0);
  await page.evaluate(() => (window as TestWindow).releaseDevices?.());
  // The GPU engine, started too late, is dropped with its device.
  const made = () => page.evaluate(() => (window as TestWindow).gpuDevices?.length ?? 0);
  await expect
    .poll(async () => ({ made: (await made()) > asked.made, live: (await gpuCensus(page)).liveDevices }), {
      timeout: 60_000,
    })
    .toEqual({ made: true, live: 0 });
  await expect(page.locator('lp-engine-badge')).toHaveText('CPU · chosen with engine="cpu"');
  await expectTutorialW10(page, 'cpu');
  expect((await gpuCensus(page)).liveDevices).toBe(0);
});

test('a GPU start slowed by a busy machine (pipelines compiling for 8 s) still ends on the GPU', async ({ page }) => {
  await page.addInitScript(() => {
    if (typeof GPUDevice === 'undefined') return;
    const compile = GPUDevice.prototype.createComputePipelineAsync;
    GPUDevice.prototype.createComputePipelineAsync = async function (this: GPUDevice, descriptor) {
      await new Promise((resolve) => setTimeout(resolve, 8000));
      return compile.call(this, descriptor);
    };
  });
  await openPlayground(page);
  test.skip(!(await page.evaluate(() => 'gpu' in navigator)), 'no WebGPU in this browser');
  expect((await playgroundState(page)).engine).toBe('gpu');
  await expect(page.locator('lp-engine-badge')).toContainText('WebGPU');
});

test('a requestAdapter() that never answers: the page starts on the CPU and says why', async ({ page }) => {
  await page.addInitScript(() => {
    const hanging = { requestAdapter: () => new Promise<never>(() => undefined) };
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => hanging, configurable: true });
  });
  await page.goto('/');
  await expect(page.locator('lp-engine-badge')).toContainText("CPU · WebGPU's requestAdapter() did not answer", {
    timeout: 30_000,
  });
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  await expectTutorialW10(page, 'cpu');
  await expect(page.locator('lp-playground .error')).toHaveCount(0);
});

test('a requestDevice() that never answers: the page starts on the CPU and says why', async ({ page }) => {
  await page.addInitScript(() => {
    // An adapter that offers nothing unusual and whose device never comes.
    const adapter = {
      info: { vendor: 'test', architecture: 'hanging', description: '' },
      features: new Set<string>(),
      limits: { maxStorageBufferBindingSize: 2 ** 27, maxBufferSize: 2 ** 28 },
      requestDevice: () => new Promise<never>(() => undefined),
    };
    const gpu = { requestAdapter: async () => adapter };
    Object.defineProperty(Navigator.prototype, 'gpu', { get: () => gpu, configurable: true });
  });
  await page.goto('/');
  await expect(page.locator('lp-engine-badge')).toContainText('CPU · the WebGPU engine failed to start', {
    timeout: 30_000,
  });
  await expect(page.locator('lp-engine-badge')).toContainText('did not answer within');
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  await expectTutorialW10(page, 'cpu');
  await expect(page.locator('lp-playground .error')).toHaveCount(0);
});

test('every GPU device lost as soon as it is made: the page starts on the CPU and says why', async ({ page }) => {
  await page.addInitScript(() => {
    if (typeof GPUAdapter === 'undefined') return;
    const request = GPUAdapter.prototype.requestDevice;
    GPUAdapter.prototype.requestDevice = async function (this: GPUAdapter, descriptor?: GPUDeviceDescriptor) {
      const device = await request.call(this, descriptor);
      device.destroy();
      return device;
    };
  });
  await page.goto('/');
  test.skip(!(await hasWebGPU(page)), 'needs WebGPU');
  await expect(page.locator('lp-engine-badge')).toContainText('CPU · the WebGPU engine failed to start', {
    timeout: 60_000,
  });
  await expect(page.locator('lp-engine-badge')).toContainText('lost as soon as it was made');
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  await expectTutorialW10(page, 'cpu');
  await expect(page.locator('lp-playground .error')).toHaveCount(0);
  await expect(page.locator('lp-playground .notice', { hasText: 'replaced' })).toHaveCount(0);
});

test('a GPU device lost at every data upload: the page falls back to the CPU, without a word of recovery', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (typeof GPUDevice === 'undefined') return;
    const create = GPUDevice.prototype.createBuffer;
    GPUDevice.prototype.createBuffer = function (this: GPUDevice, descriptor: GPUBufferDescriptor) {
      if (descriptor.label?.startsWith('samples:')) this.destroy();
      return create.call(this, descriptor);
    };
  });
  await page.goto('/');
  test.skip(!(await hasWebGPU(page)), 'needs WebGPU');
  await expect(page.locator('lp-engine-badge')).toContainText('CPU · the WebGPU engine failed to start', {
    timeout: 60_000,
  });
  await page.evaluate(() => document.querySelector('lp-playground')?.ready);
  await expectTutorialW10(page, 'cpu');
  await expect(page.locator('lp-playground .error')).toHaveCount(0);
  await expect(page.locator('lp-playground .notice', { hasText: 'replaced' })).toHaveCount(0);
});
